import type { DiscrepancyDto, Measure, PublishedColumn } from "../../../shared/contracts/observatory.ts";
import type { CountStore } from "./count-store.ts";
import { AMBITO, recompute } from "./measures.ts";

export interface CheckedRow {
  label: string;
  kind: "comune" | "total" | "mean" | "ambito" | "reference" | "other";
  comuneIstat: string | null;
  ageFrom: number | null;
  ageTo: number | null;
  line: number | null;
  year: number | null;
  values: Record<string, number>;
}

export interface CheckedTable {
  document: string;
  code: string;
  columns: PublishedColumn[];
  rows: CheckedRow[];
}

const decimalsOf = (n: number) => {
  const text = String(n);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
};

/** Half a unit of the column's last printed digit: differences within it are rounding. */
function toleranceOf(table: CheckedTable, key: string): number {
  const decimals = Math.max(
    0,
    ...table.rows.map((r) => (r.values[key] === undefined ? 0 : decimalsOf(r.values[key] as number))),
  );
  return 0.5 * 10 ** -decimals + 1e-9;
}

const kindOf = (m: Measure): DiscrepancyDto["kind"] =>
  m.kind === "percent" ? "percentage" : m.kind === "indicator" ? "index" : "count";

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Recomputes every total, mean, index and percentage of a published table from the counts (of
 * the table itself and of the other tables and datasets) and lists each value that disagrees.
 */
export function checkTable(table: CheckedTable, stores: { all: CountStore; others: CountStore }): DiscrepancyDto[] {
  const found: DiscrepancyDto[] = [];
  const comuneRows = table.rows.filter((r) => r.kind === "comune");
  const classRows = table.rows.filter((r) => r.kind === "ambito" && r.ageFrom !== null);

  for (const column of table.columns) {
    const tolerance = toleranceOf(table, column.key);
    const report = (row: CheckedRow, kind: DiscrepancyDto["kind"], recomputed: number, explanation: string) => {
      const published = row.values[column.key] as number;
      const difference = published - recomputed;
      if (Math.abs(difference) <= tolerance) return;
      const relative = recomputed === 0 ? Number.POSITIVE_INFINITY : Math.abs(difference / recomputed);
      found.push({
        document: table.document,
        table: table.code,
        row: row.label,
        column: column.key,
        line: row.line,
        kind,
        published,
        recomputed: round(recomputed),
        difference: round(difference),
        severity: relative <= 0.02 ? "minor" : "major",
        explanation,
      });
    };
    const partsOf = (rows: CheckedRow[]) =>
      rows.map((r) => r.values[column.key]).filter((v): v is number => v !== undefined);

    for (const row of table.rows) {
      if (row.values[column.key] === undefined) continue;
      const territory =
        row.kind === "comune" ? row.comuneIstat : row.kind === "reference" || row.kind === "other" ? null : AMBITO;
      if (!territory) continue;
      const age = row.ageFrom !== null ? { ageFrom: row.ageFrom, ageTo: row.ageTo } : {};

      if (row.kind === "total" && column.measure.kind === "count") {
        const parts = comuneRows.length ? comuneRows : classRows;
        const values = partsOf(parts);
        if (values.length && values.length === parts.length) {
          report(
            row,
            "sum",
            values.reduce((a, b) => a + b, 0),
            `sum of the ${values.length} rows above`,
          );
        }
      }
      if (row.kind === "mean") {
        const values = partsOf(comuneRows);
        if (values.length && values.length === comuneRows.length) {
          const mean = values.reduce((a, b) => a + b, 0) / values.length;
          report(row, "mean", mean, `arithmetic mean of the ${values.length} Comuni`);
        }
      }
      // A mean of counts is not an Ambito count: only its arithmetic is checked above.
      if (row.kind === "mean" && column.measure.kind === "count") continue;
      const year = column.year ?? row.year;
      if (year === null) continue;
      // Counts are compared with other sources only (a count always equals itself); shares and
      // indices may use the table's own counts, which is how they should have been computed.
      const store = column.measure.kind === "count" ? stores.others : stores.all;
      const fromCounts = recompute(column.measure, store, territory, year, age);
      if (fromCounts === null) continue;
      const what =
        territory === AMBITO ? "the Ambito's value from the Comuni's summed counts" : "recomputed from the counts";
      const detail = fromCounts.from ? `${what} (${fromCounts.from})` : what;
      if (column.measure.kind === "count" && row.kind === "comune") {
        report(row, "count", fromCounts.value, "the same count in another table or dataset");
      } else if (column.measure.kind === "count") {
        report(row, "count", fromCounts.value, `${what}, from other tables or datasets`);
      } else {
        report(row, kindOf(column.measure), fromCounts.value, detail);
      }
    }
  }
  return found;
}
