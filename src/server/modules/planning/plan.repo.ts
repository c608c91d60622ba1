import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { PlanStatus } from "./schema.ts";

/** Plan rows, their archived versions and measurements (content rows: content.repo.ts). */

export function listPlanRows(db: Db, ambitoId: number) {
  return db
    .selectFrom("plan as p")
    .select([
      "p.id",
      "p.title",
      "p.period_start",
      "p.period_end",
      "p.status",
      "p.version",
      "p.approval_act",
      "p.approval_date",
      "p.previous_plan_id",
      sql<string>`(select count(*) from plan_objective o where o.ambito_id = p.ambito_id and o.plan_id = p.id)`.as(
        "objectives",
      ),
      sql<string>`(select count(*) from plan_indicator i where i.ambito_id = p.ambito_id and i.plan_id = p.id)`.as(
        "indicators",
      ),
    ])
    .where("p.ambito_id", "=", ambitoId)
    .orderBy("p.period_start", "desc")
    .execute();
}

export function findPlanByKey(db: Db, ambitoId: number, periodStart: number, title: string) {
  return db
    .selectFrom("plan")
    .selectAll()
    .where("ambito_id", "=", ambitoId)
    .where("period_start", "=", periodStart)
    .where("title", "=", title)
    .executeTakeFirst();
}

export interface PlanHeader {
  title: string;
  period_start: number;
  period_end: number;
  status: PlanStatus;
  version: number;
  approval_act: string | null;
  approval_date: string | null;
  previous_plan_id: number | null;
}

export async function insertPlan(db: Db, ambitoId: number, h: PlanHeader): Promise<number> {
  const r = await db
    .insertInto("plan")
    .values({ ambito_id: ambitoId, ...h })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updatePlan(db: Db, ambitoId: number, id: number, h: Partial<PlanHeader>): Promise<void> {
  await db
    .updateTable("plan")
    .set({ ...h, updated_at: new Date() })
    .where("ambito_id", "=", ambitoId)
    .where("id", "=", id)
    .execute();
}

export async function archiveVersion(
  db: Db,
  ambitoId: number,
  planId: number,
  v: { version: number; status: string; approval_act: string | null; approval_date: string | null },
  document: unknown,
  userId: number | null,
): Promise<void> {
  await db
    .insertInto("plan_version")
    .values({ ambito_id: ambitoId, plan_id: planId, ...v, document: JSON.stringify(document), archived_by: userId })
    .execute();
}

export function listVersions(db: Db, ambitoId: number, planId: number) {
  return db
    .selectFrom("plan_version")
    .select(["version", "status", "approval_act", "approval_date", "archived_at"])
    .where("ambito_id", "=", ambitoId)
    .where("plan_id", "=", planId)
    .orderBy("version")
    .execute();
}

export function findVersion(db: Db, ambitoId: number, planId: number, version: number) {
  return db
    .selectFrom("plan_version")
    .select(["version", "document"])
    .where("ambito_id", "=", ambitoId)
    .where("plan_id", "=", planId)
    .where("version", "=", version)
    .executeTakeFirst();
}

export interface MeasurementRow {
  indicator_code: string;
  year: number;
  value: number;
  method: "manual" | "computed";
  query_key: string | null;
  evidence: string | null;
  measured_by: string;
}

/** One value per indicator and year: a new measurement replaces the previous one for that year. */
export async function upsertMeasurements(db: Db, ambitoId: number, planId: number, rows: MeasurementRow[]) {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto("plan_measurement")
      .values(
        rows.slice(i, i + 500).map((r) => ({ ambito_id: ambitoId, plan_id: planId, ...r, measured_at: new Date() })),
      )
      .onConflict((oc) =>
        oc.columns(["ambito_id", "plan_id", "indicator_code", "year"]).doUpdateSet((eb) => ({
          value: eb.ref("excluded.value"),
          method: eb.ref("excluded.method"),
          query_key: eb.ref("excluded.query_key"),
          evidence: eb.ref("excluded.evidence"),
          measured_by: eb.ref("excluded.measured_by"),
          measured_at: eb.ref("excluded.measured_at"),
        })),
      )
      .execute();
  }
}

export async function setActionStatus(
  db: Db,
  ambitoId: number,
  planId: number,
  code: string,
  status: "planned" | "in_progress" | "done" | "cancelled",
) {
  const r = await db
    .updateTable("plan_action")
    .set({ status })
    .where("ambito_id", "=", ambitoId)
    .where("plan_id", "=", planId)
    .where("code", "=", code)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export function lepsCodes(db: Db) {
  return db.selectFrom("leps_ref").selectAll().orderBy("code").execute();
}
