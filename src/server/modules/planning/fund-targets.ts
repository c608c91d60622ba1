import type { Db } from "../../db/database.ts";

/** Plan objectives as targets of fund allocations and budget-line links: id "PLAN_ID:CODE", e.g. "3:7.1.1". */
export const OBJECTIVE_TARGET_ID = /^(\d{1,9}):([\w.-]{1,40})$/;

/** Labels ("code title (plan)") of the objectives that exist among `ids`. */
export async function objectiveTargetLabels(
  db: Db,
  ambitoId: number,
  ids: string[],
): Promise<Map<string, { label: string }>> {
  const keys = ids.flatMap((id) => {
    const m = OBJECTIVE_TARGET_ID.exec(id);
    return m?.[1] && m[2] ? [{ id, planId: Number(m[1]), code: m[2] }] : [];
  });
  const out = new Map<string, { label: string }>();
  if (!keys.length) return out;
  const rows = await db
    .selectFrom("plan_objective as o")
    .innerJoin("plan as p", (j) => j.onRef("p.ambito_id", "=", "o.ambito_id").onRef("p.id", "=", "o.plan_id"))
    .select(["o.plan_id", "o.code", "o.title", "p.period_start", "p.period_end"])
    .where("o.ambito_id", "=", ambitoId)
    .where((eb) => eb.or(keys.map((k) => eb.and([eb("o.plan_id", "=", k.planId), eb("o.code", "=", k.code)]))))
    .execute();
  for (const r of rows) {
    out.set(`${r.plan_id}:${r.code}`, { label: `${r.code} ${r.title} (${r.period_start}-${r.period_end})` });
  }
  return out;
}
