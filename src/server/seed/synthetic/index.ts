import type { Db } from "../../db/database.ts";
import { recordAudit } from "../../platform/audit/audit.service.ts";
import { loadContext } from "./context.ts";
import { type Batch, emptyBatch, generateHousehold, SYNTHETIC_EMAIL_DOMAIN } from "./generate.ts";
import { Rng } from "./rng.ts";

export { SYNTHETIC_EMAIL_DOMAIN } from "./generate.ts";

/** Rows per INSERT: well under the 65,535 bind parameters of the PostgreSQL protocol. */
const CHUNK = 1000;
const TABLE_ORDER: (keyof Batch)[] = [
  "household",
  "person",
  "person_detail",
  "household_member",
  "isee_declaration",
  "social_case",
  "assessment",
  "intervention",
];

export async function insertBatch(db: Db, batch: Batch): Promise<void> {
  for (const table of TABLE_ORDER) {
    const rows = batch[table] as Record<string, unknown>[];
    for (let i = 0; i < rows.length; i += CHUNK) {
      // Rows are typed per table by the generator; the union of tables defeats Kysely's inference.
      await db
        .insertInto(table)
        .values(rows.slice(i, i + CHUNK) as never)
        .execute();
    }
  }
}

export interface SyntheticOptions {
  seed?: string;
  people?: number;
  today?: string;
  inCareShare?: number;
  historyYears?: number;
}

/** Generates and writes one Ambito's synthetic population; returns the row counts. */
export async function seedSyntheticAmbito(
  db: Db,
  ambitoId: number,
  opts: SyntheticOptions = {},
): Promise<Record<keyof Batch, number>> {
  const ctx = await loadContext(db, ambitoId, {
    today: opts.today ?? new Date().toISOString().slice(0, 10),
    inCareShare: opts.inCareShare ?? 0.3,
    historyYears: opts.historyYears ?? 3,
    withFiscalCodes: true,
  });
  const rng = new Rng(`${opts.seed ?? "filiera-demo"}:${ambitoId}`);
  const batch = emptyBatch();
  const target = opts.people ?? 2500;
  while (batch.person.length < target) generateHousehold(rng, ctx, batch);
  const counts = Object.fromEntries(Object.entries(batch).map(([k, v]) => [k, v.length])) as Record<
    keyof Batch,
    number
  >;
  await db.transaction().execute(async (trx) => {
    await insertBatch(trx, batch);
    await recordAudit(trx, {
      ambitoId,
      actorUserId: null,
      actorKind: "system",
      action: "synthetic.seed",
      entityType: "person",
      details: { people: counts.person, cases: counts.social_case, interventions: counts.intervention },
    });
  });
  return counts;
}

/** Whether an Ambito already holds synthetic people (the seed is idempotent per Ambito). */
export async function hasSynthetic(db: Db, ambitoId: number): Promise<boolean> {
  const row = await db
    .selectFrom("person_detail")
    .select("person_id")
    .where("ambito_id", "=", ambitoId)
    .where("email", "like", `%@${SYNTHETIC_EMAIL_DOMAIN}`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Synthetic people, households and cases for the demo (never real people); idempotent. */
export async function seedSyntheticDemo(db: Db, ambiti: Map<string, number>): Promise<void> {
  for (const [slug, ambitoId] of ambiti) {
    if (await hasSynthetic(db, ambitoId)) continue;
    await seedSyntheticAmbito(db, ambitoId, { seed: `filiera-demo:${slug}`, people: slug === "milano" ? 3000 : 2500 });
  }
}
