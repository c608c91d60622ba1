import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { SINA_FORM, SINBA_FORM } from "../../modules/siuss/index.ts";
import { SERVICES, type ServiceKey } from "./catalogue.ts";
import type { GenContext } from "./generate.ts";

/**
 * Reads what the generator needs from the database (the Ambito's Comuni, birth places from the
 * `comune` reference table, the social workers) and makes sure the service types and the SIUSS
 * assessment forms exist. Service types and forms already present (by code) are reused.
 */
export async function loadContext(
  db: Db,
  ambitoId: number,
  opts: { today: string; inCareShare: number; historyYears: number; withFiscalCodes: boolean },
): Promise<GenContext> {
  const comuni = await db
    .selectFrom("ambito_comune as ac")
    .innerJoin("comune as c", "c.istat_code", "ac.comune_istat")
    .select(["c.istat_code as istat", "c.region_code as region", "c.cadastral_code as belfiore"])
    .where("ac.ambito_id", "=", ambitoId)
    .orderBy("c.istat_code")
    .execute();
  if (comuni.length === 0) throw new Error(`Ambito ${ambitoId} has no Comuni`);
  // Every 7th Lombardy Comune (about 200): births elsewhere in the region, drawn deterministically.
  const others = await db
    .selectFrom("comune")
    .select("cadastral_code")
    .where(sql<boolean>`(('x' || substr(md5(istat_code), 1, 6))::bit(24)::int % 7) = 0`)
    .orderBy("istat_code")
    .limit(400)
    .execute();
  const assignments = await db
    .selectFrom("role_assignment")
    .select(["user_id", "role", "comune_istat"])
    .where("ambito_id", "=", ambitoId)
    .orderBy("user_id")
    .execute();
  const workers = new Map<string, number[]>();
  for (const a of assignments) {
    if (a.role !== "social_worker" || !a.comune_istat) continue;
    workers.set(a.comune_istat, [...(workers.get(a.comune_istat) ?? []), a.user_id]);
  }
  const socialWorkers = assignments.filter((a) => a.role === "social_worker").map((a) => a.user_id);
  const fallbackWorkers = socialWorkers.length ? socialWorkers : assignments.map((a) => a.user_id);
  const usedFiscalCodes = new Set<string>();
  if (opts.withFiscalCodes) {
    const rows = await db
      .selectFrom("person")
      .select("fiscal_code")
      .where("ambito_id", "=", ambitoId)
      .where("fiscal_code", "is not", null)
      .execute();
    for (const r of rows) if (r.fiscal_code) usedFiscalCodes.add(r.fiscal_code);
  }
  return {
    ambitoId,
    comuni: comuni.map((c) => ({ istat: c.istat, region: c.region })),
    localBirthPlaces: comuni.map((c) => c.belfiore),
    otherBirthPlaces: others.map((o) => o.cadastral_code),
    workers,
    fallbackWorkers: [...new Set(fallbackWorkers)],
    services: await ensureServices(db, ambitoId),
    forms: await ensureForms(db, ambitoId),
    today: opts.today,
    usedFiscalCodes,
    inCareShare: opts.inCareShare,
    historyYears: opts.historyYears,
    seq: { n: 0 },
  };
}

export async function ensureServices(db: Db, ambitoId: number): Promise<Record<ServiceKey, number>> {
  const specs = Object.values(SERVICES);
  await db
    .insertInto("service_type")
    .values(
      specs.map((s) => ({
        ambito_id: ambitoId,
        code: s.code,
        name: s.name,
        siuss_code: s.siussCode,
        user_area: s.userArea,
        siuss_area: s.siussArea,
        macro_area: s.macroArea,
        means_tested: s.meansTested,
        periodic: s.periodic,
        unit: s.unit,
      })),
    )
    .onConflict((oc) => oc.columns(["ambito_id", "code"]).doNothing())
    .execute();
  const rows = await db
    .selectFrom("service_type")
    .select(["id", "code"])
    .where("ambito_id", "=", ambitoId)
    .where(
      "code",
      "in",
      specs.map((s) => s.code),
    )
    .execute();
  const byCode = new Map(rows.map((r) => [r.code, r.id]));
  const out = {} as Record<ServiceKey, number>;
  for (const [key, spec] of Object.entries(SERVICES)) out[key as ServiceKey] = byCode.get(spec.code) as number;
  return out;
}

export async function ensureForms(db: Db, ambitoId: number): Promise<{ sina: number; sinba: number }> {
  const ids: number[] = [];
  for (const f of [SINA_FORM, SINBA_FORM]) {
    await db
      .insertInto("assessment_form")
      .values({
        ambito_id: ambitoId,
        code: f.code,
        version: f.version,
        title: f.title,
        kind: f.kind,
        definition: JSON.stringify(f.definition),
      })
      .onConflict((oc) => oc.columns(["ambito_id", "code", "version"]).doNothing())
      .execute();
    const row = await db
      .selectFrom("assessment_form")
      .select("id")
      .where("ambito_id", "=", ambitoId)
      .where("code", "=", f.code)
      .where("version", "=", f.version)
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return { sina: ids[0] as number, sinba: ids[1] as number };
}
