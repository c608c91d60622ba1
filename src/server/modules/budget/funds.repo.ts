import { sql } from "kysely";
import type { Db } from "../../db/database.ts";

/** Funds queries; sums are computed by the database (int8 sums stay exact), bound to one Ambito. */

export interface BalanceRow {
  id: number;
  fund_code: string;
  fund_name: string;
  source_level: string;
  year: number;
  label: string;
  amount_cents: number;
  source_act: string;
  assigned_on: string | null;
  spend_by: string | null;
  committed: string;
  paid: string;
  allocated_bp: string;
}

/** One row per assignment with its committed, paid and allocated totals. */
export function assignmentBalances(db: Db, ambitoId: number, f: { year?: number; id?: number } = {}) {
  const moves = db
    .selectFrom("fund_movement")
    .select([
      "assignment_id",
      sql<string>`sum(amount_cents) filter (where kind = 'commitment')`.as("committed"),
      sql<string>`sum(amount_cents) filter (where kind = 'payment')`.as("paid"),
    ])
    .where("ambito_id", "=", ambitoId)
    .groupBy("assignment_id")
    .as("m");
  const shares = db
    .selectFrom("fund_allocation")
    .select(["assignment_id", sql<string>`sum(share_bp)`.as("allocated_bp")])
    .where("ambito_id", "=", ambitoId)
    .groupBy("assignment_id")
    .as("s");
  let q = db
    .selectFrom("fund_assignment as a")
    .innerJoin("fund_type as t", (j) => j.onRef("t.ambito_id", "=", "a.ambito_id").onRef("t.id", "=", "a.fund_type_id"))
    .leftJoin(moves, "m.assignment_id", "a.id")
    .leftJoin(shares, "s.assignment_id", "a.id")
    .select([
      "a.id",
      "t.code as fund_code",
      "t.name as fund_name",
      "t.source_level",
      "a.year",
      "a.label",
      "a.amount_cents",
      "a.source_act",
      "a.assigned_on",
      "a.spend_by",
      sql<string>`coalesce(m.committed, 0)`.as("committed"),
      sql<string>`coalesce(m.paid, 0)`.as("paid"),
      sql<string>`coalesce(s.allocated_bp, 0)`.as("allocated_bp"),
    ])
    .where("a.ambito_id", "=", ambitoId);
  if (f.year) q = q.where("a.year", "=", f.year);
  if (f.id) q = q.where("a.id", "=", f.id);
  return q.orderBy("a.year").orderBy("t.code").orderBy("a.label").execute() as Promise<BalanceRow[]>;
}

export function listMovements(db: Db, ambitoId: number, assignmentId: number) {
  return db
    .selectFrom("fund_movement")
    .select(["id", "kind", "on_date", "amount_cents", "act", "description"])
    .where("ambito_id", "=", ambitoId)
    .where("assignment_id", "=", assignmentId)
    .orderBy("on_date")
    .orderBy("id")
    .execute();
}

export function listAllocations(db: Db, ambitoId: number, assignmentId: number) {
  return db
    .selectFrom("fund_allocation")
    .select(["id", "target_kind", "target_id", "share_bp", "note"])
    .where("ambito_id", "=", ambitoId)
    .where("assignment_id", "=", assignmentId)
    .orderBy("id")
    .execute();
}

/** Cents of every assignment allocated to one target: amount × share, rounded down to the cent. */
export function allocationsToTarget(db: Db, ambitoId: number, kind: string, targetId: string) {
  return db
    .selectFrom("fund_allocation as f")
    .innerJoin("fund_assignment as a", (j) =>
      j.onRef("a.ambito_id", "=", "f.ambito_id").onRef("a.id", "=", "f.assignment_id"),
    )
    .innerJoin("fund_type as t", (j) => j.onRef("t.ambito_id", "=", "a.ambito_id").onRef("t.id", "=", "a.fund_type_id"))
    .select([
      "a.id as assignment_id",
      "t.code as fund_code",
      "a.year",
      "a.label",
      "f.share_bp",
      sql<string>`(a.amount_cents * f.share_bp) / 10000`.as("cents"),
    ])
    .where("f.ambito_id", "=", ambitoId)
    .where("f.target_kind", "=", kind as "service")
    .where("f.target_id", "=", targetId)
    .orderBy("a.year")
    .orderBy("t.code")
    .execute();
}
