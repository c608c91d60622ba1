import type { Db } from "../../db/database.ts";

/** Names of the catalogue services that exist among `ids` (service ids), as targets of fund allocations. */
export async function serviceTargetLabels(
  db: Db,
  ambitoId: number,
  ids: string[],
): Promise<Map<string, { label: string }>> {
  const numeric = ids.filter((id) => /^\d{1,9}$/.test(id)).map(Number);
  const out = new Map<string, { label: string }>();
  if (!numeric.length) return out;
  const rows = await db
    .selectFrom("cat_service")
    .select(["id", "name"])
    .where("ambito_id", "=", ambitoId)
    .where("id", "in", numeric)
    .execute();
  for (const r of rows) out.set(String(r.id), { label: r.name });
  return out;
}
