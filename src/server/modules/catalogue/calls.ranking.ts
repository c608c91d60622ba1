import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { recordAudit } from "../../platform/audit/audit.service.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { type NewNotification, notifyMany } from "../notifications/index.ts";
import {
  applicationLink,
  type Caller,
  type CallRow,
  callByCode,
  callById,
  iso,
  sha256,
  tenant,
} from "./calls.common.ts";
import type { RankingDto } from "./catalogue.contracts.ts";
import { type Facts, rank, score } from "./rules/engine.ts";

// Rankings (graduatorie): computed, published with pseudonymised ids, read.

const pseudoId = (salt: string, applicationId: number) =>
  `P-${sha256(`${salt}:${applicationId}`).slice(0, 8).toUpperCase()}`;

/**
 * Computes the graduatoria from the approved applications and replaces the previous one in one
 * transaction; the order is total, so computing twice gives the same rows. A recomputation
 * withdraws the publication until the Ambito publishes again.
 */
export async function computeRanking(db: Db, c: Caller, callId: number): Promise<RankingDto> {
  const call = await callById(db, c.scope.ambitoId, callId);
  const apps = await db
    .selectFrom("cat_application")
    .select(["id", "score", "facts", "submitted_at", "requested_cents"])
    .where("ambito_id", "=", c.scope.ambitoId)
    .where("call_id", "=", callId)
    .where("status", "=", "approved")
    .execute();
  const rows = rank(
    apps.map((a) => ({
      applicationId: a.id,
      score: a.score === null ? score(call.scoring, a.facts as Facts).total : Number(a.score),
      facts: a.facts as Facts,
      submittedAt: a.submitted_at as Date,
      requestedCents: a.requested_cents,
    })),
    call.scoring,
    call.budget_cents,
    call.max_grant_cents,
  );
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom("cat_ranking")
      .where("ambito_id", "=", c.scope.ambitoId)
      .where("call_id", "=", callId)
      .execute();
    // One statement from parallel arrays: 100.000 rows in batches of VALUES took most of the time.
    await sql`insert into cat_ranking
        (ambito_id, call_id, application_id, pseudo_id, rank, score, funded_cents, outcome, computed_at)
      select ${c.scope.ambitoId}::int, ${callId}::int, r.*, now()
      from unnest(${rows.map((r) => r.applicationId)}::int[], ${rows.map((r) => pseudoId(call.salt, r.applicationId))}::text[],
        ${rows.map((r) => r.rank)}::int[], ${rows.map((r) => r.score)}::numeric[], ${rows.map((r) => r.fundedCents)}::int8[],
        ${rows.map((r) => r.outcome)}::text[]) as r`.execute(trx);
    await trx
      .updateTable("cat_call")
      .set({ ranking_published_at: null })
      .where("ambito_id", "=", c.scope.ambitoId)
      .where("id", "=", callId)
      .execute();
    await recordAudit(trx, {
      ambitoId: c.scope.ambitoId,
      actorUserId: c.scope.userId,
      actorKind: "user",
      action: "ranking.compute",
      entityType: "cat_call",
      entityId: String(callId),
      ip: c.ip,
      details: { rows: rows.length, funded: rows.filter((r) => r.outcome === "funded").length },
    });
  });
  return rankingOf(db, c.scope.ambitoId, callId, true);
}

/**
 * On publication every ranked applicant learns their outcome (funded or waiting, with the rank)
 * and every rejected one that they are out of it; undecided applications hear at their decision.
 * Recipients are those of an application (see recipientsOf), gathered in one query.
 */
async function rankingNotices(db: Db, ambitoId: number, slug: string, call: CallRow): Promise<NewNotification[]> {
  const rows = await db
    .selectFrom("cat_application as a")
    .leftJoin("cat_ranking as r", (j) =>
      j
        .onRef("r.ambito_id", "=", "a.ambito_id")
        .onRef("r.call_id", "=", "a.call_id")
        .onRef("r.application_id", "=", "a.id"),
    )
    .leftJoin("app_user as u", (j) =>
      j
        .on("a.applicant_user_id", "is", null)
        .onRef("u.fiscal_code", "=", "a.applicant_fiscal_code")
        .on("u.active", "=", true),
    )
    .select([
      "a.applicant_user_id",
      "a.on_behalf_user_id",
      "u.id as citizen_id",
      "a.protocol_number",
      "a.receipt_code",
      "r.rank",
      "r.outcome",
    ])
    .where("a.ambito_id", "=", ambitoId)
    .where("a.call_id", "=", call.id)
    .where((eb) => eb.or([eb("r.rank", "is not", null), eb("a.status", "=", "rejected")]))
    .execute();
  return rows.flatMap((a) => {
    const kind =
      a.outcome === "funded" ? "ranking_funded" : a.outcome === "waiting" ? "ranking_waiting" : "ranking_excluded";
    const params = {
      callTitle: call.title,
      protocolNumber: a.protocol_number ?? "",
      receiptCode: a.receipt_code ?? "",
      ...(a.rank !== null ? { rank: a.rank } : {}),
    };
    const link = applicationLink(slug, call.code, a.receipt_code);
    const users = new Set([a.applicant_user_id, a.on_behalf_user_id, a.citizen_id].filter((u) => u !== null));
    return [...users].map((userId) => ({ userId, ambitoId, kind, params, link }) as NewNotification);
  });
}

export async function publishRanking(db: Db, c: Caller, callId: number): Promise<RankingDto> {
  const call = await callById(db, c.scope.ambitoId, callId);
  const any = await db
    .selectFrom("cat_ranking")
    .select("rank")
    .where("ambito_id", "=", c.scope.ambitoId)
    .where("call_id", "=", callId)
    .executeTakeFirst();
  if (!any) throw new AppError("CONFLICT", "Compute the ranking before publishing it");
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("cat_call")
      .set({ ranking_published_at: new Date() })
      .where("ambito_id", "=", c.scope.ambitoId)
      .where("id", "=", callId)
      .execute();
    await recordAudit(trx, {
      ambitoId: c.scope.ambitoId,
      actorUserId: c.scope.userId,
      actorKind: "user",
      action: "ranking.publish",
      entityType: "cat_call",
      entityId: String(callId),
      ip: c.ip,
    });
    await notifyMany(trx, await rankingNotices(trx, c.scope.ambitoId, c.scope.ambitoSlug, call));
  });
  return rankingOf(db, c.scope.ambitoId, callId, true);
}

/** The ranking; the public version carries pseudonymised ids only, and only once published. */
export async function rankingOf(db: Db, ambitoId: number, callId: number, backOffice: boolean): Promise<RankingDto> {
  const call = await callById(db, ambitoId, callId);
  if (!backOffice && !call.ranking_published_at) throw notFound("Published ranking");
  const rows = await db
    .selectFrom("cat_ranking as r")
    .innerJoin("cat_application as a", (j) =>
      j.onRef("a.ambito_id", "=", "r.ambito_id").onRef("a.id", "=", "r.application_id"),
    )
    .select([
      "r.rank",
      "r.pseudo_id",
      "r.score",
      "r.outcome",
      "r.funded_cents",
      "r.application_id",
      "a.protocol_number",
    ])
    .where("r.ambito_id", "=", ambitoId)
    .where("r.call_id", "=", callId)
    .orderBy("r.rank")
    .execute();
  const funded = rows.filter((r) => r.outcome === "funded");
  return {
    callCode: call.code,
    callTitle: call.title,
    budgetCents: call.budget_cents,
    publishedAt: iso(call.ranking_published_at),
    fundedCount: funded.length,
    waitingCount: rows.length - funded.length,
    fundedCents: funded.reduce((s, r) => s + r.funded_cents, 0),
    rows: rows.map((r) => ({
      rank: r.rank,
      pseudoId: r.pseudo_id,
      score: Number(r.score),
      outcome: r.outcome,
      fundedCents: r.funded_cents,
      ...(backOffice ? { applicationId: r.application_id, protocolNumber: r.protocol_number ?? "" } : {}),
    })),
  };
}

export async function publicRanking(db: Db, slug: string, code: string): Promise<RankingDto> {
  const t = await tenant(db, slug);
  const call = await callByCode(db, t.id, code);
  return rankingOf(db, t.id, call.id, false);
}
