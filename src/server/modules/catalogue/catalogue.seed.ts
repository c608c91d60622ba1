import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import calls from "./data/calls.json" with { type: "json" };
import visconteo from "./data/visconteo-offerta.json" with { type: "json" };
import { ruleSchema, scoringSchema } from "./rules/engine.ts";
import type { UserArea } from "./schema.ts";

interface SeedService {
  name: string;
  unitType: string | null;
  comune: string;
  capacity: number | null;
  userArea: string;
  ageMin: number | null;
  ageMax: number | null;
  siussCode: string | null;
  kind: string;
  description: string;
  keywords: string;
  provider: string | null;
  howToAccess: string | null;
  cost: string | null;
  source: string;
}

const DAY = 86_400_000;

/** A small fixed offset per listing so places in the same Comune do not hide each other on the map. */
const jitter = (i: number) => [((i * 37) % 11) - 5, ((i * 53) % 11) - 5].map((k) => k * 0.0012) as [number, number];

async function comuniByName(db: Db, ambitoId: number): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("ambito_comune as ac")
    .innerJoin("comune as c", "c.istat_code", "ac.comune_istat")
    .select(["c.name", "c.istat_code"])
    .where("ac.ambito_id", "=", ambitoId)
    .execute();
  return new Map(rows.map((r) => [r.name, r.istat_code]));
}

async function seedServices(
  db: Db,
  ambitoId: number,
  services: SeedService[],
  centres: Record<string, number[]>,
): Promise<void> {
  const already = await db.selectFrom("cat_service").select("id").where("ambito_id", "=", ambitoId).executeTakeFirst();
  if (already) return;
  const comuni = await comuniByName(db, ambitoId);
  await db.transaction().execute(async (trx) => {
    const providers = new Map<string, number>();
    for (const [i, s] of services.entries()) {
      const istat = comuni.get(s.comune);
      if (!istat) throw new Error(`catalogue seed: ${s.comune} is not a Comune of the Ambito`);
      const providerName = s.provider ?? s.name;
      let providerId = providers.get(providerName);
      if (providerId === undefined) {
        const kind = providerName.startsWith("Comune di")
          ? "comune"
          : providerName.startsWith("Ambito")
            ? "ambito"
            : "private";
        const p = await trx
          .insertInto("cat_provider")
          .values({ ambito_id: ambitoId, name: providerName, kind, comune_istat: kind === "ambito" ? null : istat })
          .onConflict((oc) => oc.columns(["ambito_id", "name"]).doUpdateSet({ name: providerName }))
          .returning("id")
          .executeTakeFirstOrThrow();
        providerId = p.id;
        providers.set(providerName, providerId);
      }
      const row = await trx
        .insertInto("cat_service")
        .values({
          ambito_id: ambitoId,
          provider_id: providerId,
          name: s.name,
          kind: s.kind as "unit",
          unit_type: s.unitType,
          description: s.description,
          user_area: s.userArea as UserArea,
          siuss_code: s.siussCode,
          age_min: s.ageMin,
          age_max: s.ageMax,
          capacity: s.capacity,
          cost: s.cost,
          how_to_access: s.howToAccess,
          keywords: s.keywords,
          status: "approved",
          last_verified_at: new Date(),
          source: s.source,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const centre = centres[s.comune];
      const [dLat, dLon] = jitter(i);
      await trx
        .insertInto("cat_location")
        .values({
          ambito_id: ambitoId,
          service_id: row.id,
          address: `Comune di ${s.comune}`,
          comune_istat: istat,
          latitude: centre ? (centre[0] as number) + dLat : null,
          longitude: centre ? (centre[1] as number) + dLon : null,
        })
        .execute();
    }
  });
}

/**
 * Refreshes the planner's statistics after a bulk load: PGlite has no autovacuum, and without
 * statistics the search's place filter gets a plan hundreds of times slower.
 */
export async function analyzeCatalogue(db: Db): Promise<void> {
  await sql`analyze cat_service, cat_location`.execute(db);
}

/** Seeds the Visconteo unità d'offerta and measures (seed 002), Milan's income-support measures (seed 000) and the calls. */
export async function seedCatalogueDemo(db: Db, ambiti: Map<string, number>): Promise<void> {
  const visconteoId = ambiti.get("visconteo-sud-milano");
  const milanoId = ambiti.get("milano");
  if (visconteoId !== undefined) {
    await seedServices(db, visconteoId, visconteo.services as SeedService[], visconteo.comuni);
    // The demo ETS operator's own provider, so it can list services for the Ambito to approve.
    const org = await db
      .selectFrom("organisation")
      .select(["id", "name"])
      .where("ambito_id", "=", visconteoId)
      .orderBy("id")
      .executeTakeFirst();
    if (org) {
      await db
        .insertInto("cat_provider")
        .values({ ambito_id: visconteoId, name: org.name, kind: "ets", organisation_id: org.id })
        .onConflict((oc) => oc.columns(["ambito_id", "name"]).doNothing())
        .execute();
    }
  }
  if (milanoId !== undefined) {
    await seedServices(db, milanoId, calls.milanoServices as SeedService[], { Milano: visconteo.comuni.Milano });
  }
  await analyzeCatalogue(db);
  const now = Date.now();
  for (const c of calls.calls) {
    const ambitoId = ambiti.get(c.ambito);
    if (ambitoId === undefined) continue;
    const service = await db
      .selectFrom("cat_service")
      .select("id")
      .where("ambito_id", "=", ambitoId)
      .where("name", "=", c.service)
      .executeTakeFirst();
    await db
      .insertInto("cat_call")
      .values({
        ambito_id: ambitoId,
        code: c.code,
        service_id: service?.id ?? null,
        title: c.title,
        description: c.description,
        status: c.status as "open",
        opens_at: new Date(now + c.opensInDays * DAY),
        deadline: new Date(now + c.deadlineInDays * DAY),
        budget_cents: c.budgetCents,
        max_grant_cents: c.maxGrantCents,
        eligibility: JSON.stringify(ruleSchema.array().parse(c.eligibility)),
        scoring: JSON.stringify(scoringSchema.parse(c.scoring)),
        required_documents: JSON.stringify(c.requiredDocuments),
        salt: randomBytes(16).toString("hex"),
        source: c.source,
      })
      .onConflict((oc) => oc.columns(["ambito_id", "code"]).doNothing())
      .execute();
  }
}
