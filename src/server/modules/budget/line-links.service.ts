import type { Db } from "../../db/database.ts";
import { recordAudit } from "../../platform/audit/audit.service.ts";
import { AppError } from "../../platform/errors.ts";
import { BUDGET_LINE_ID, resolveTargets } from "./fund-targets.ts";
import { fundsForTarget } from "./funds.service.ts";
import type { CreateLineLinkBody } from "./line-links.contracts.ts";

type TargetKind = "service" | "plan_objective";
const SPENDING_SECTIONS = ["1.B", "2.B"];

function parseLine(id: string) {
  const m = BUDGET_LINE_ID.exec(id);
  if (!m) throw new AppError("VALIDATION", "bad line id", [{ path: "lineId", message: "not a budget line key" }]);
  return { documentId: Number(m[1]), capitolo: Number(m[2]), articolo: Number(m[3]), sub: Number(m[4]) };
}

const lineKey = (r: { document_id: number; capitolo: number; articolo: number; sub: number }) =>
  `${r.document_id}:${r.capitolo}/${r.articolo}/${r.sub}`;

/** Links with their line's forecast share, for one line or one target; labels of targets resolved. */
async function linksWhere(db: Db, ambitoId: number, f: { line?: string; kind?: TargetKind; target?: string }) {
  let q = db
    .selectFrom("budget_line_link as k")
    .innerJoin("budget_line as l", (j) =>
      j
        .onRef("l.ambito_id", "=", "k.ambito_id")
        .onRef("l.document_id", "=", "k.document_id")
        .onRef("l.capitolo", "=", "k.capitolo")
        .onRef("l.articolo", "=", "k.articolo")
        .onRef("l.sub", "=", "k.sub"),
    )
    .select([
      "k.document_id",
      "k.capitolo",
      "k.articolo",
      "k.sub",
      "k.target_kind",
      "k.target_id",
      "k.share_bp",
      "l.section",
      "l.description",
      "l.forecast_cents",
    ])
    .where("k.ambito_id", "=", ambitoId);
  if (f.line) {
    const p = parseLine(f.line);
    q = q
      .where("k.document_id", "=", p.documentId)
      .where("k.capitolo", "=", p.capitolo)
      .where("k.articolo", "=", p.articolo)
      .where("k.sub", "=", p.sub);
  }
  if (f.kind && f.target) q = q.where("k.target_kind", "=", f.kind).where("k.target_id", "=", f.target);
  const rows = await q.orderBy(["k.document_id", "k.capitolo", "k.articolo", "k.sub", "k.target_id"]).execute();
  const labels = new Map<string, string>();
  for (const kind of ["service", "plan_objective"] as const) {
    const ids = rows.filter((r) => r.target_kind === kind).map((r) => r.target_id);
    const found = await resolveTargets(db, ambitoId, kind, ids);
    for (const [id, info] of found ?? []) labels.set(`${kind}:${id}`, info.label);
  }
  return rows.map((r) => ({
    lineId: lineKey(r),
    lineLabel: `${r.section} ${r.capitolo}/${r.articolo}/${r.sub} ${r.description}`,
    targetKind: r.target_kind,
    targetId: r.target_id,
    targetLabel: labels.get(`${r.target_kind}:${r.target_id}`) ?? r.target_id,
    shareBp: r.share_bp,
    // Exact: cents × basis points, rounded half up once.
    forecastCents: Math.round((Number(r.forecast_cents) * r.share_bp) / 10000),
  }));
}

/** The links of one line, and the line itself (null when the key names no line of the Ambito). */
export async function lineLinks(db: Db, ambitoId: number, line: string) {
  const p = parseLine(line);
  const row = await db
    .selectFrom("budget_line")
    .select(["section", "description", "forecast_cents", "settore", "missione", "programma"])
    .where("ambito_id", "=", ambitoId)
    .where("document_id", "=", p.documentId)
    .where("capitolo", "=", p.capitolo)
    .where("articolo", "=", p.articolo)
    .where("sub", "=", p.sub)
    .executeTakeFirst();
  return {
    line: row
      ? {
          section: row.section,
          description: row.description,
          settore: row.settore,
          programma: row.missione && row.programma ? `${row.missione}.${row.programma}` : null,
          forecastCents: Number(row.forecast_cents),
          spending: SPENDING_SECTIONS.includes(row.section),
        }
      : null,
    items: await linksWhere(db, ambitoId, { line }),
  };
}

/** Says that a share of a spending line pays for a service or a plan objective. */
export async function addLineLink(db: Db, ambitoId: number, b: CreateLineLinkBody, userId: number) {
  const p = parseLine(b.lineId);
  const targets = await resolveTargets(db, ambitoId, b.targetKind, [b.targetId]);
  if (targets && !targets.has(b.targetId))
    throw new AppError("VALIDATION", "unknown target", [
      { path: "body.targetId", message: `no ${b.targetKind} ${b.targetId} in this Ambito` },
    ]);
  return db.transaction().execute(async (trx) => {
    const line = await trx
      .selectFrom("budget_line")
      .select("section")
      .where("ambito_id", "=", ambitoId)
      .where("document_id", "=", p.documentId)
      .where("capitolo", "=", p.capitolo)
      .where("articolo", "=", p.articolo)
      .where("sub", "=", p.sub)
      .forUpdate()
      .executeTakeFirst();
    if (!line)
      throw new AppError("VALIDATION", "unknown line", [{ path: "body.lineId", message: "no such budget line" }]);
    if (!SPENDING_SECTIONS.includes(line.section))
      throw new AppError("VALIDATION", "not a spending line", [
        { path: "body.lineId", message: `section ${line.section} is revenue: only spending lines pay for something` },
      ]);
    const used = await trx
      .selectFrom("budget_line_link")
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("share_bp"), eb.lit(0)).as("bp"))
      .where("ambito_id", "=", ambitoId)
      .where("document_id", "=", p.documentId)
      .where("capitolo", "=", p.capitolo)
      .where("articolo", "=", p.articolo)
      .where("sub", "=", p.sub)
      .executeTakeFirstOrThrow();
    if (Number(used.bp) + b.shareBp > 10000)
      throw new AppError("VALIDATION", "shares would exceed 100%", [
        { path: "body.shareBp", message: `at most ${10000 - Number(used.bp)} basis points are left` },
      ]);
    await trx
      .insertInto("budget_line_link")
      .values({
        ambito_id: ambitoId,
        document_id: p.documentId,
        capitolo: p.capitolo,
        articolo: p.articolo,
        sub: p.sub,
        target_kind: b.targetKind,
        target_id: b.targetId,
        share_bp: b.shareBp,
        created_by: userId,
      })
      .execute();
    await recordAudit(trx, {
      ambitoId,
      actorUserId: userId,
      actorKind: "user",
      action: "budget.line_link",
      entityType: "budget_line",
      entityId: b.lineId,
      details: { kind: b.targetKind, target: b.targetId, bp: b.shareBp },
    });
    return (await linksWhere(trx, ambitoId, { line: b.lineId })).filter(
      (l) => l.targetKind === b.targetKind && l.targetId === b.targetId,
    )[0];
  });
}

export async function removeLineLink(
  db: Db,
  ambitoId: number,
  q: { lineId: string; targetKind: TargetKind; targetId: string },
  userId: number,
) {
  const p = parseLine(q.lineId);
  await db.transaction().execute(async (trx) => {
    const gone = await trx
      .deleteFrom("budget_line_link")
      .where("ambito_id", "=", ambitoId)
      .where("document_id", "=", p.documentId)
      .where("capitolo", "=", p.capitolo)
      .where("articolo", "=", p.articolo)
      .where("sub", "=", p.sub)
      .where("target_kind", "=", q.targetKind)
      .where("target_id", "=", q.targetId)
      .executeTakeFirst();
    if (!gone.numDeletedRows) throw new AppError("NOT_FOUND", "no such link");
    await recordAudit(trx, {
      ambitoId,
      actorUserId: userId,
      actorKind: "user",
      action: "budget.line_unlink",
      entityType: "budget_line",
      entityId: q.lineId,
      details: { kind: q.targetKind, target: q.targetId },
    });
  });
}

/** "How much does objective X (or service Y) cost": the funds allocated to it and the budget lines linked. */
export async function costOfTarget(db: Db, ambitoId: number, kind: TargetKind, id: string) {
  const found = await resolveTargets(db, ambitoId, kind, [id]);
  const label = found?.get(id)?.label;
  if (found && !label) throw new AppError("NOT_FOUND", `no ${kind} ${id} in this Ambito`);
  const funds = await fundsForTarget(db, ambitoId, kind, id);
  const lines = await linksWhere(db, ambitoId, { kind, target: id });
  return {
    targetKind: kind,
    targetId: id,
    targetLabel: label ?? id,
    funds: funds.items.map((f) => ({
      assignmentId: f.assignmentId,
      fundCode: f.fundCode,
      year: f.year,
      shareBp: f.shareBp,
      cents: f.cents,
    })),
    fundsCents: funds.totalCents,
    lines,
    linesForecastCents: lines.reduce((s, l) => s + l.forecastCents, 0),
  };
}
