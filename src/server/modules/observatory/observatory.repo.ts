import { sql } from "kysely";
import { OPEN_AGE } from "../../../shared/indicators.ts";
import type { Db } from "../../db/database.ts";
import type { CountRow } from "./count-store.ts";

export function ambitoComuni(db: Db, ambitoId: number) {
  return db
    .selectFrom("ambito_comune as ac")
    .innerJoin("comune as c", "c.istat_code", "ac.comune_istat")
    .select(["c.istat_code", "c.name"])
    .where("ac.ambito_id", "=", ambitoId)
    .orderBy("c.name")
    .execute();
}

export type TaggedCount = CountRow & { tableId: number | null };

/** The Ambito's own counts plus ISTAT single-age population of its Comuni (as T, M and F bands). */
export async function loadCounts(db: Db, ambitoId: number): Promise<TaggedCount[]> {
  const own = await db
    .selectFrom("obs_count")
    .select(["territory", "series", "year", "sex", "citizenship", "age_from", "age_to", "value", "published_table_id"])
    .where("ambito_id", "=", ambitoId)
    .execute();
  const out: TaggedCount[] = own.map((r) => ({
    territory: r.territory.trim(),
    series: r.series,
    year: r.year,
    sex: r.sex,
    citizenship: r.citizenship,
    ageFrom: r.age_from,
    ageTo: r.age_to,
    value: Number(r.value),
    tableId: r.published_table_id,
  }));
  // Single ages are summed in SQL into the classes whose bounds every indicator and the pyramid
  // need (five-year classes, with 15-17 / 18-19 split for minors): 22 rows instead of 101.
  const cls = sql<number>`case when p.age >= 100 then 100 when p.age between 15 and 17 then 15 when p.age between 18 and 19 then 18 else (p.age / 5) * 5 end`;
  const istat = await db
    .selectFrom("istat_population as p")
    .innerJoin("ambito_comune as ac", "ac.comune_istat", "p.comune_istat")
    .select([
      "p.comune_istat",
      "p.year",
      cls.as("cls"),
      sql<number>`sum(p.males)::int`.as("males"),
      sql<number>`sum(p.females)::int`.as("females"),
    ])
    .where("ac.ambito_id", "=", ambitoId)
    .groupBy(["p.comune_istat", "p.year", cls])
    .execute();
  for (const r of istat) {
    const ageTo = r.cls === 100 ? OPEN_AGE : r.cls === 15 ? 17 : r.cls === 18 ? 19 : r.cls + 4;
    const base = {
      territory: r.comune_istat,
      series: "population",
      year: r.year,
      citizenship: "all" as const,
      ageFrom: r.cls,
      ageTo,
      tableId: null,
    };
    out.push(
      { ...base, sex: "M", value: r.males },
      { ...base, sex: "F", value: r.females },
      { ...base, sex: "T", value: r.males + r.females },
    );
  }
  return out;
}

export async function loadPublishedTables(db: Db, ambitoId: number) {
  const tables = await db
    .selectFrom("obs_published_table as t")
    .innerJoin("obs_dataset as d", (j) => j.onRef("d.ambito_id", "=", "t.ambito_id").onRef("d.id", "=", "t.dataset_id"))
    .select(["t.id", "t.code", "t.title", "t.columns", "t.line_from", "t.line_to", "t.source", "d.name as document"])
    .where("t.ambito_id", "=", ambitoId)
    .orderBy("t.id")
    .execute();
  const rows = await db
    .selectFrom("obs_published_row")
    .selectAll()
    .where("ambito_id", "=", ambitoId)
    .orderBy("table_id")
    .orderBy("row_no")
    .execute();
  const byTable = new Map<number, typeof rows>();
  for (const r of rows) {
    const list = byTable.get(r.table_id);
    if (list) list.push(r);
    else byTable.set(r.table_id, [r]);
  }
  return tables.map((t) => ({ ...t, rows: byTable.get(t.id) ?? [] }));
}
