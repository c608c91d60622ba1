import { randomBytes } from "node:crypto";
import type { Db } from "../../db/database.ts";
import { recordAudit } from "../../platform/audit/audit.service.ts";
import { AppError, type FieldError } from "../../platform/errors.ts";
import { type Caller, type CallRow, callById, toCallDto } from "./calls.common.ts";
import type { CallCreateBody, CallEditBody, RulesPreviewDto } from "./calls-admin.contracts.ts";
import type { CallDto } from "./catalogue.contracts.ts";
import { evaluate, type Facts, type Rule, type ScoringRules, score } from "./rules/engine.ts";
import type { CallStatus } from "./schema.ts";

// The call editor: an officer of the Ufficio di Piano creates a call, edits it, opens/pauses/closes it.
// A new call is a draft (migration 0011): off the public portal until it is opened.

const invalid = (fields: FieldError[]) => new AppError("VALIDATION", "The call has invalid fields", fields);

/** jsonb stores keys in its own order: compare rules by content, not by key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

async function checkService(db: Db, ambitoId: number, serviceId: number | null): Promise<FieldError[]> {
  if (serviceId === null) return [];
  const s = await db
    .selectFrom("cat_service")
    .select("id")
    .where("ambito_id", "=", ambitoId)
    .where("id", "=", serviceId)
    .executeTakeFirst();
  return s ? [] : [{ path: "body.serviceId", message: "not a service of this Ambito" }];
}

function checkDates(opensAt: Date, deadline: Date, deadlineChanged: boolean): FieldError[] {
  if (deadline <= opensAt) return [{ path: "body.deadline", message: "must be after the opening date" }];
  if (deadlineChanged && deadline <= new Date()) return [{ path: "body.deadline", message: "must be in the future" }];
  return [];
}

const columns = (b: CallEditBody) => ({
  title: b.title,
  description: b.description,
  budget_cents: b.budgetCents,
  max_grant_cents: b.maxGrantCents,
  opens_at: new Date(b.opensAt),
  deadline: new Date(b.deadline),
  eligibility: JSON.stringify(b.eligibility),
  scoring: JSON.stringify(b.scoring),
  required_documents: JSON.stringify(b.requiredDocuments),
  service_id: b.serviceId,
  source: b.source,
});

const audit = (db: Db, c: Caller, action: string, id: number, details: Record<string, string>) =>
  recordAudit(db, {
    ambitoId: c.scope.ambitoId,
    actorUserId: c.scope.userId,
    actorKind: "user",
    action,
    entityType: "cat_call",
    entityId: String(id),
    ip: c.ip,
    details,
  });

/** A new call, closed until an officer opens it (so nobody can apply to a half-written call). */
export async function createCall(db: Db, c: Caller, b: CallCreateBody): Promise<CallDto> {
  const taken = await db
    .selectFrom("cat_call")
    .select("id")
    .where("ambito_id", "=", c.scope.ambitoId)
    .where("code", "=", b.code)
    .executeTakeFirst();
  const problems = [
    ...(taken ? [{ path: "body.code", message: "already taken" }] : []),
    ...checkDates(new Date(b.opensAt), new Date(b.deadline), true),
    ...(await checkService(db, c.scope.ambitoId, b.serviceId)),
  ];
  if (problems.length) throw invalid(problems);
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("cat_call")
      .values({
        ambito_id: c.scope.ambitoId,
        code: b.code,
        status: "draft",
        salt: randomBytes(16).toString("hex"),
        ...columns(b),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, c, "call.create", row.id, { code: b.code });
    return row.id;
  });
  return toCallDto(await callById(db, c.scope.ambitoId, id), c.scope.ambitoSlug);
}

const submittedCount = async (db: Db, ambitoId: number, callId: number) =>
  Number(
    (
      await db
        .selectFrom("cat_application")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("ambito_id", "=", ambitoId)
        .where("call_id", "=", callId)
        .where("status", "<>", "draft")
        .executeTakeFirstOrThrow()
    ).n,
  );

/**
 * Edit a call. Once someone has submitted an application, eligibility and scoring are locked: those
 * applications were made, checked and will be ranked under the published rules, and changing them
 * would treat applicants differently depending on when they applied.
 */
export async function updateCall(db: Db, c: Caller, id: number, b: CallEditBody): Promise<CallDto> {
  const before = await callById(db, c.scope.ambitoId, id);
  const opensAt = new Date(b.opensAt);
  const deadline = new Date(b.deadline);
  const problems = [
    ...checkDates(opensAt, deadline, deadline.getTime() !== before.deadline.getTime()),
    ...(await checkService(db, c.scope.ambitoId, b.serviceId)),
  ];
  if (problems.length) throw invalid(problems);
  const changed = changedFields(before, b);
  await db.transaction().execute(async (trx) => {
    await trx
      .selectFrom("cat_call")
      .select("id")
      .where("ambito_id", "=", c.scope.ambitoId)
      .where("id", "=", id)
      .forUpdate()
      .execute();
    const rulesChanged = changed.filter((f) => f === "eligibility" || f === "scoring");
    if (rulesChanged.length) {
      const n = await submittedCount(trx, c.scope.ambitoId, id);
      if (n > 0) {
        const message = `locked: ${n} application(s) already submitted under these rules`;
        throw new AppError(
          "CONFLICT",
          `Eligibility and scoring cannot change after applications have been submitted (${n}): they were made and will be ranked under the published rules`,
          rulesChanged.map((f) => ({ path: `body.${f}`, message })),
        );
      }
    }
    await trx
      .updateTable("cat_call")
      .set(columns(b))
      .where("ambito_id", "=", c.scope.ambitoId)
      .where("id", "=", id)
      .execute();
    await audit(trx, c, "call.update", id, { changed: changed.join(",") });
  });
  return toCallDto(await callById(db, c.scope.ambitoId, id), c.scope.ambitoSlug);
}

function changedFields(before: CallRow, b: CallEditBody): string[] {
  const was: Record<string, unknown> = {
    title: before.title,
    description: before.description,
    budgetCents: before.budget_cents === null ? null : Number(before.budget_cents),
    maxGrantCents: Number(before.max_grant_cents),
    opensAt: before.opens_at.getTime(),
    deadline: before.deadline.getTime(),
    eligibility: before.eligibility,
    scoring: before.scoring,
    requiredDocuments: before.required_documents,
    serviceId: before.service_id,
    source: before.source,
  };
  const now: Record<string, unknown> = {
    ...b,
    opensAt: new Date(b.opensAt).getTime(),
    deadline: new Date(b.deadline).getTime(),
  };
  return Object.keys(was).filter((k) => canonical(was[k]) !== canonical(now[k]));
}

/** From which states each state can be reached; nothing goes back to draft once published. */
const ALLOWED_FROM: Record<CallStatus, CallStatus[]> = {
  draft: [],
  open: ["draft", "closed", "paused"],
  paused: ["open"],
  closed: ["open", "paused"],
};

/** Open, pause or close, with the checks that make an open call one a citizen can actually apply to. */
export async function changeCallStatus(db: Db, c: Caller, id: number, status: CallStatus): Promise<CallDto> {
  const call = await callById(db, c.scope.ambitoId, id);
  if (call.status === status) throw new AppError("CONFLICT", `The call is already ${status}`);
  if (!ALLOWED_FROM[status].includes(call.status)) {
    throw new AppError("CONFLICT", `A ${call.status} call cannot become ${status}`);
  }
  if (status === "open") {
    const fields: FieldError[] = [];
    if (call.eligibility.length === 0) fields.push({ path: "eligibility", message: "at least one rule to open" });
    if (call.deadline <= new Date()) fields.push({ path: "deadline", message: "must be in the future to open" });
    if (fields.length) throw new AppError("CONFLICT", "The call cannot be opened yet", fields);
    if (call.ranking_published_at) {
      throw new AppError("CONFLICT", "The ranking of this call has been published: it cannot be reopened");
    }
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("cat_call")
      .set({ status })
      .where("ambito_id", "=", c.scope.ambitoId)
      .where("id", "=", id)
      .execute();
    await audit(trx, c, "call.status", id, { from: call.status, to: status });
  });
  return toCallDto(await callById(db, c.scope.ambitoId, id), c.scope.ambitoSlug);
}

/** The editor's live preview: draft rules applied to example answers, with the engine's explanations. */
export function previewRules(eligibility: Rule[], scoring: ScoringRules, facts: Facts): RulesPreviewDto {
  return { evaluation: evaluate(eligibility, facts), score: score(scoring, facts) };
}
