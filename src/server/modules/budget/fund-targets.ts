import type { Db } from "../../db/database.ts";
import type { FundTargetKind } from "./schema.ts";

/**
 * What a fund allocation or a budget-line link may point at. Services and plan objectives belong to
 * other modules (catalogue, planning): they register a resolver here at start-up, so this module
 * validates targets without importing them. A kind with no resolver is accepted and reported as
 * unverified, so funds can be recorded before those modules land.
 */
export interface TargetInfo {
  /** What a reader sees, e.g. the service name; never personal data. */
  label: string;
}
export type TargetResolver = (db: Db, ambitoId: number, ids: string[]) => Promise<Map<string, TargetInfo>>;

const resolvers = new Map<FundTargetKind, TargetResolver>();

export function registerFundTargetResolver(kind: FundTargetKind, resolver: TargetResolver): void {
  resolvers.set(kind, resolver);
}

export function hasFundTargetResolver(kind: FundTargetKind): boolean {
  return resolvers.has(kind);
}

/** Labels of the targets that exist; `null` when no resolver is registered for the kind. */
export async function resolveTargets(
  db: Db,
  ambitoId: number,
  kind: FundTargetKind,
  ids: string[],
): Promise<Map<string, TargetInfo> | null> {
  const resolver = resolvers.get(kind);
  if (!resolver) return null;
  if (!ids.length) return new Map();
  return resolver(db, ambitoId, [...new Set(ids)]);
}

/**
 * Budget lines are this module's own: target id "DOCUMENT:CAPITOLO/ARTICOLO/SUB", e.g. "3:3752/5/0",
 * so the link survives re-numbering of lines and reads the same as the printed PEG key.
 */
export const BUDGET_LINE_ID = /^(\d{1,9}):(\d{1,6})\/(\d{1,4})\/(\d{1,4})$/;

registerFundTargetResolver("budget_line", async (db, ambitoId, ids) => {
  const out = new Map<string, TargetInfo>();
  const keys = ids.map((id) => ({ id, m: BUDGET_LINE_ID.exec(id) })).filter((k) => k.m);
  if (!keys.length) return out;
  const rows = await db
    .selectFrom("budget_line")
    .select(["document_id", "capitolo", "articolo", "sub", "description", "section"])
    .where("ambito_id", "=", ambitoId)
    .where((eb) =>
      eb.or(
        keys.map(({ m }) =>
          eb.and([
            eb("document_id", "=", Number(m?.[1])),
            eb("capitolo", "=", Number(m?.[2])),
            eb("articolo", "=", Number(m?.[3])),
            eb("sub", "=", Number(m?.[4])),
          ]),
        ),
      ),
    )
    .execute();
  for (const r of rows)
    out.set(`${r.document_id}:${r.capitolo}/${r.articolo}/${r.sub}`, {
      label: `${r.section} ${r.capitolo}/${r.articolo}/${r.sub} ${r.description}`,
    });
  return out;
});
