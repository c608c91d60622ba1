import { type ExpressionBuilder, sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { Database } from "../../db/schema.ts";
import type { SearchQuery } from "./catalogue.contracts.ts";

/**
 * The keyword search as a tsquery: each word stemmed by the Italian dictionary and matched as a
 * prefix ("anziano" finds "anziani"), all words required. Punctuation is dropped, so no user
 * input reaches to_tsquery's own syntax.
 */
export function tsQueryText(q: string | undefined): string | null {
  const words = (q ?? "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1)
    .slice(0, 8);
  return words.length ? words.map((w) => `${w}:*`).join(" & ") : null;
}

type SearchFilter = Omit<SearchQuery, "ambito"> & { ambitoId?: number; status?: "approved" };

/** Approved services matching the filters, best match first; uses the GIN and status indexes. */
export async function searchServices(db: Db, f: SearchFilter) {
  const tsq = tsQueryText(f.q);
  let query = db
    .selectFrom("cat_service as s")
    .innerJoin("cat_provider as p", (j) =>
      j.onRef("p.ambito_id", "=", "s.ambito_id").onRef("p.id", "=", "s.provider_id"),
    )
    .innerJoin("ambito as a", "a.id", "s.ambito_id")
    .where("s.status", "=", "approved");
  if (f.ambitoId !== undefined) query = query.where("s.ambito_id", "=", f.ambitoId);
  if (tsq) query = query.where(sql<boolean>`s.search @@ to_tsquery('italian', ${tsq})`);
  if (f.area) query = query.where("s.user_area", "=", f.area);
  if (f.kind) query = query.where("s.kind", "=", f.kind);
  if (f.age !== undefined) {
    const age = f.age;
    query = query
      .where((eb) => eb.or([eb("s.age_min", "is", null), eb("s.age_min", "<=", age)]))
      .where((eb) => eb.or([eb("s.age_max", "is", null), eb("s.age_max", ">=", age)]));
  }
  if (f.comune) {
    const comune = f.comune;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("cat_location as lf")
          .select(sql`1`.as("one"))
          .whereRef("lf.ambito_id", "=", "s.ambito_id")
          .whereRef("lf.service_id", "=", "s.id")
          .where("lf.comune_istat", "=", comune),
      ),
    );
  }
  // The total in its own query: a window count would make PostgreSQL build every matching row
  // (with its location subquery) before the LIMIT.
  const counted = query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  if (tsq) query = query.orderBy(sql`ts_rank(s.search, to_tsquery('italian', ${tsq}))`, "desc");
  const page = query
    .select((eb) => [
      "s.id",
      "a.slug as ambito",
      "s.name",
      "s.kind",
      "s.unit_type",
      "s.user_area",
      "p.name as provider_name",
      "s.capacity",
      "s.age_min",
      "s.age_max",
      "s.last_verified_at",
      firstLocation(eb),
    ])
    .orderBy("s.name")
    .orderBy("s.id")
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const [rows, total] = await Promise.all([page, counted]);
  return { rows, total: Number(total.n) };
}

/** The first location of a service as one JSON value (for the list and the map). */
function firstLocation(eb: ExpressionBuilder<Database & { s: Database["cat_service"] }, "s">) {
  return eb
    .selectFrom("cat_location as l")
    .innerJoin("comune as c", "c.istat_code", "l.comune_istat")
    .select(
      sql<{ comune: string; lat: number | null; lon: number | null }>`json_build_object(
      'comune', c.name, 'lat', l.latitude, 'lon', l.longitude)`.as("loc"),
    )
    .whereRef("l.ambito_id", "=", "s.ambito_id")
    .whereRef("l.service_id", "=", "s.id")
    .orderBy("l.id")
    .limit(1)
    .as("location");
}

export function findService(db: Db, ambitoId: number, id: number) {
  return db
    .selectFrom("cat_service as s")
    .innerJoin("cat_provider as p", (j) =>
      j.onRef("p.ambito_id", "=", "s.ambito_id").onRef("p.id", "=", "s.provider_id"),
    )
    .innerJoin("ambito as a", "a.id", "s.ambito_id")
    .selectAll("s")
    .select(["a.slug as ambito", "p.name as provider_name", "p.kind as provider_kind", "p.organisation_id"])
    .select((eb) => [firstLocation(eb)])
    .where("s.ambito_id", "=", ambitoId)
    .where("s.id", "=", id)
    .executeTakeFirst();
}

export function locationsOf(db: Db, ambitoId: number, serviceId: number) {
  return db
    .selectFrom("cat_location as l")
    .innerJoin("comune as c", "c.istat_code", "l.comune_istat")
    .selectAll("l")
    .select("c.name as comune_name")
    .where("l.ambito_id", "=", ambitoId)
    .where("l.service_id", "=", serviceId)
    .orderBy("l.id")
    .execute();
}

export function callsOfService(db: Db, ambitoId: number, serviceId: number) {
  return db
    .selectFrom("cat_call")
    .select(["code", "title", "status", "deadline"])
    .where("ambito_id", "=", ambitoId)
    .where("service_id", "=", serviceId)
    .where("status", "<>", "draft")
    .orderBy("deadline", "desc")
    .execute();
}

/** Listings for the back office; an ETS operator sees only its organisations' providers. */
export function listListings(db: Db, ambitoId: number, organisations: "all" | number[], status?: string) {
  let q = db
    .selectFrom("cat_service as s")
    .innerJoin("cat_provider as p", (j) =>
      j.onRef("p.ambito_id", "=", "s.ambito_id").onRef("p.id", "=", "s.provider_id"),
    )
    .innerJoin("ambito as a", "a.id", "s.ambito_id")
    .select((eb) => [
      "s.id",
      "a.slug as ambito",
      "s.name",
      "s.kind",
      "s.unit_type",
      "s.user_area",
      "p.name as provider_name",
      "s.capacity",
      "s.age_min",
      "s.age_max",
      "s.last_verified_at",
      "s.status",
      firstLocation(eb),
    ])
    .where("s.ambito_id", "=", ambitoId);
  if (organisations !== "all") {
    if (organisations.length === 0) return Promise.resolve([]);
    q = q.where("p.organisation_id", "in", organisations);
  }
  if (status) q = q.where("s.status", "=", status as "draft");
  return q.orderBy("s.status").orderBy("s.name").limit(500).execute();
}
