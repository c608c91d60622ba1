import { readFileSync } from "node:fs";
import type { Db } from "../../db/database.ts";
import { importBudgetReport } from "./budget.import.ts";
import type { FundSourceLevel } from "./schema.ts";

/** The fund table of seed 002 (§2.5), with the seed line of every amount. */
interface FundsFile {
  source: string;
  funds: {
    code: string;
    name: string;
    sourceLevel: FundSourceLevel;
    notes: string;
    assignments: { year: number; label: string; amountCents: number; sourceAct: string; spendBy?: string }[];
  }[];
}

const FUNDS_FILE = new URL("./data/funds-visconteo.json", import.meta.url);
const MILANO_REPORT = new URL("./fixtures/milano-2022-welfare.txt", import.meta.url).pathname;

/** Fund types and assignments of an Ambito from a funds file; idempotent (existing rows are kept). */
export async function seedFunds(db: Db, ambitoId: number, file: URL = FUNDS_FILE): Promise<number> {
  const data = JSON.parse(readFileSync(file, "utf8")) as FundsFile;
  let added = 0;
  await db.transaction().execute(async (trx) => {
    for (const f of data.funds) {
      await trx
        .insertInto("fund_type")
        .values({ ambito_id: ambitoId, code: f.code, name: f.name, source_level: f.sourceLevel, notes: f.notes })
        .onConflict((oc) => oc.columns(["ambito_id", "code"]).doNothing())
        .execute();
      const type = await trx
        .selectFrom("fund_type")
        .select("id")
        .where("ambito_id", "=", ambitoId)
        .where("code", "=", f.code)
        .executeTakeFirstOrThrow();
      if (!f.assignments.length) continue;
      const rows = await trx
        .insertInto("fund_assignment")
        .values(
          f.assignments.map((a) => ({
            ambito_id: ambitoId,
            fund_type_id: type.id,
            year: a.year,
            label: a.label,
            amount_cents: a.amountCents,
            source_act: a.sourceAct,
            spend_by: a.spendBy ?? null,
          })),
        )
        .onConflict((oc) => oc.columns(["ambito_id", "fund_type_id", "year", "label"]).doNothing())
        .returning("id")
        .execute();
      added += rows.length;
    }
  });
  return added;
}

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === "23505";

/**
 * Demo data of the Bilancio: the funds of Visconteo Sud Milano (seed 002) and the Comune di Milano's
 * 2022 budget report for the Direzione Welfare e Salute (seed 003). Both idempotent; a report
 * already imported (same sha256) is left as it is.
 */
export async function seedBudgetDemo(db: Db, ambiti: Map<string, number>): Promise<void> {
  const visconteo = ambiti.get("visconteo-sud-milano");
  if (visconteo) await seedFunds(db, visconteo);
  const milano = ambiti.get("milano");
  if (milano) {
    try {
      const report = await importBudgetReport(db, milano, MILANO_REPORT);
      if (!report.ok) throw new Error(`demo budget report refused: ${report.message}`);
    } catch (e) {
      // Another process seeding at the same time imported it first.
      if (!isUniqueViolation(e)) throw e;
    }
  }
}
