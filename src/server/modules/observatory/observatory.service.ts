import type {
  DiscrepancyDto,
  ProfileDto,
  PublishedColumn,
  PublishedTableDto,
} from "../../../shared/contracts/observatory.ts";
import { computeIndicator, INDICATORS } from "../../../shared/indicators.ts";
import type { Db } from "../../db/database.ts";
import type { Tenant } from "../../platform/tenancy.ts";
import { ageStructure } from "./age-structure.ts";
import { type CheckedTable, checkTable } from "./checker.ts";
import { AMBITO, CountStore } from "./count-store.ts";
import { indicatorCodeOf } from "./measures.ts";
import { ambitoComuni, loadCounts, loadPublishedTables, type TaggedCount } from "./observatory.repo.ts";

type Published = Awaited<ReturnType<typeof loadPublishedTables>>;

function groupByTable(tables: Published): CheckedTable[] {
  return tables.map((t) => ({
    document: t.document,
    code: t.code,
    columns: t.columns as PublishedColumn[],
    rows: t.rows.map((r) => ({
      label: r.label,
      kind: r.kind,
      comuneIstat: r.comune_istat,
      ageFrom: r.age_from,
      ageTo: r.age_to,
      line: r.line,
      year: r.year,
      values: r.values,
    })),
  }));
}

/** Every indicator for every Comune and the Ambito, for every year with data; published values fill gaps. */
export async function computeProfile(db: Db, tenant: Tenant): Promise<ProfileDto> {
  const comuni = await ambitoComuni(db, tenant.id);
  const counts = await loadCounts(db, tenant.id);
  const store = new CountStore(
    counts,
    comuni.map((c) => c.istat_code),
  );
  const territories = [...comuni.map((c) => c.istat_code), AMBITO];
  const years = [...new Set(counts.map((c) => c.year))].sort((a, b) => a - b);
  const values: ProfileDto["values"] = [];
  const computed = new Set<string>();
  for (const territory of territories) {
    const lookup = store.lookup(territory);
    for (const year of years) {
      for (const def of INDICATORS) {
        const v = computeIndicator(def, year, lookup);
        if (!v) continue;
        computed.add(`${territory}|${def.code}|${year}`);
        values.push({ territory, indicator: def.code, year, ...v, origin: "computed", table: null });
      }
    }
  }
  const tables = groupByTable(await loadPublishedTables(db, tenant.id));
  for (const table of tables) {
    for (const column of table.columns) {
      const code = indicatorCodeOf(column.measure);
      if (!code) continue;
      for (const row of table.rows) {
        const territory =
          row.kind === "comune" ? row.comuneIstat : row.kind === "ambito" && row.ageFrom === null ? AMBITO : null;
        const value = row.values[column.key];
        const year = column.year ?? row.year;
        if (!territory || value === undefined || year === null || computed.has(`${territory}|${code}|${year}`))
          continue;
        computed.add(`${territory}|${code}|${year}`);
        values.push({
          territory,
          indicator: code,
          year,
          value,
          numerator: null,
          denominator: null,
          origin: "published",
          table: table.code,
        });
      }
    }
  }
  const population = [];
  for (const territory of territories) {
    for (const year of years) {
      const value = store.count(territory, { series: "population" }, year);
      if (value !== null) population.push({ territory, year, value });
    }
  }
  return {
    ambito: { slug: tenant.slug, name: tenant.name },
    comuni: comuni.map((c) => ({ istatCode: c.istat_code, name: c.name })),
    // Years with at least one indicator value, computed or published.
    years: [...new Set(values.map((v) => v.year))].sort((a, b) => a - b),
    indicators: INDICATORS.map((d) => ({ code: d.code, unit: d.unit, formula: d.formula })),
    population,
    values,
  };
}

/** Recomputes every published table of the Ambito against the counts of all the other tables and datasets. */
export async function checkPublished(db: Db, ambitoId: number): Promise<DiscrepancyDto[]> {
  const comuni = (await ambitoComuni(db, ambitoId)).map((c) => c.istat_code);
  const counts = await loadCounts(db, ambitoId);
  const published = await loadPublishedTables(db, ambitoId);
  const tables = groupByTable(published);
  const all = new CountStore(counts, comuni);
  const found: DiscrepancyDto[] = [];
  tables.forEach((table, i) => {
    const tableId = published[i]?.id;
    const others = new CountStore(
      counts.filter((c: TaggedCount) => c.tableId !== tableId),
      comuni,
    );
    found.push(...checkTable(table, { all, others }));
  });
  return found;
}

/** The published tables as entered, for display next to the checker's findings. */
export async function listPublishedTables(db: Db, ambitoId: number) {
  return (await loadPublishedTables(db, ambitoId)).map((t) => ({
    id: t.id,
    document: t.document,
    code: t.code,
    title: t.title,
    source: t.source,
    lines: t.line_from !== null && t.line_to !== null ? ([t.line_from, t.line_to] as [number, number]) : null,
    columns: t.columns as PublishedTableDto["columns"],
    rows: t.rows.map((r) => ({
      label: r.label,
      kind: r.kind,
      comuneIstat: r.comune_istat,
      line: r.line,
      year: r.year,
      values: r.values,
    })),
  }));
}

/** Age classes of one territory and year (for the population pyramid). */
export async function getAgeStructure(db: Db, ambitoId: number, territory: string, year: number) {
  const comuni = (await ambitoComuni(db, ambitoId)).map((c) => c.istat_code);
  if (territory !== AMBITO && !comuni.includes(territory)) return null;
  const store = new CountStore(await loadCounts(db, ambitoId), comuni);
  return { territory, year, classes: ageStructure(store, territory, year) };
}
