import { describe, expect, it } from "vitest";
import type { ProfileDto, PublishedColumn } from "../../../shared/contracts/observatory.ts";
import { type CheckedRow, type CheckedTable, checkTable } from "./checker.ts";
import { AMBITO, type CountRow, CountStore } from "./count-store.ts";
import { profileRows } from "./exports.ts";

const A = "000001";
const B = "000002";
const count = (territory: string, ageFrom: number, ageTo: number, value: number): CountRow => ({
  territory,
  series: "population",
  year: 2024,
  sex: "T",
  citizenship: "all",
  ageFrom,
  ageTo,
  value,
});
// A: 0-14 = 100, 15-64 = 600, 65+ = 300 (1,000); B: 0-14 = 300, 15-64 = 600, 65+ = 100 (1,000).
const counts = [
  count(A, 0, 14, 100),
  count(A, 15, 64, 600),
  count(A, 65, 200, 300),
  count(B, 0, 14, 300),
  count(B, 15, 64, 600),
  count(B, 65, 200, 100),
];
const store = new CountStore(counts, [A, B]);
const stores = { all: store, others: store };

const row = (
  label: string,
  kind: CheckedRow["kind"],
  values: Record<string, number>,
  comuneIstat: string | null = null,
): CheckedRow => ({
  label,
  kind,
  comuneIstat,
  ageFrom: null,
  ageTo: null,
  line: 100,
  year: null,
  values,
});
const table = (columns: PublishedColumn[], rows: CheckedRow[]): CheckedTable => ({
  document: "doc",
  code: "T",
  columns,
  rows,
});
const pop = { kind: "count" as const, series: "population" };
const over65 = { kind: "count" as const, series: "population", ageFrom: 65 };

describe("published-figure checker on tables built to be wrong", () => {
  it("catches a total that is not the sum of its rows", () => {
    const t = table(
      [{ key: "n", year: 2024, measure: pop }],
      [row("A", "comune", { n: 1000 }, A), row("B", "comune", { n: 1000 }, B), row("Totale", "total", { n: 2100 })],
    );
    const found = checkTable(t, { all: new CountStore([], [A, B]), others: new CountStore([], [A, B]) });
    expect(found).toEqual([
      expect.objectContaining({
        kind: "sum",
        row: "Totale",
        published: 2100,
        recomputed: 2000,
        difference: 100,
        severity: "major",
      }),
    ]);
  });

  it("catches a 'mean' row that is not the mean, and a mean of ratios that is not the Ambito's ratio", () => {
    const idx = { kind: "indicator" as const, code: "old_age_index" };
    // A 300 / 100 = 300; B 100 / 300 = 33.3; mean of ratios 166.7; Ambito from summed counts 400 / 400 = 100.
    const t = table(
      [{ key: "2024", year: 2024, measure: idx }],
      [
        row("A", "comune", { 2024: 300 }, A),
        row("B", "comune", { 2024: 33.3 }, B),
        row("MEDIA", "mean", { 2024: 170 }),
      ],
    );
    const found = checkTable(t, stores);
    expect(found.find((d) => d.kind === "mean")).toMatchObject({ published: 170, recomputed: 166.65 });
    expect(found.find((d) => d.kind === "index")).toMatchObject({ row: "MEDIA", published: 170, recomputed: 100 });
  });

  it("catches an index that does not follow from its counts, within rounding of the printed digits", () => {
    const idx = { kind: "indicator" as const, code: "structural_dependency" };
    // A: (100 + 300) / 600 = 66.67 printed 66.7 is right; B: (300 + 100) / 600 printed 60.0 is wrong.
    const t = table(
      [{ key: "2024", year: 2024, measure: idx }],
      [row("A", "comune", { 2024: 66.7 }, A), row("B", "comune", { 2024: 60.1 }, B)],
    );
    const found = checkTable(t, stores);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: "index", row: "B", recomputed: 66.667 });
  });

  it("catches a percentage that does not follow from its counts", () => {
    const pct = { kind: "percent" as const, of: over65, per: pop };
    const t = table(
      [{ key: "p", year: 2024, measure: pct }],
      [row("A", "comune", { p: 30 }, A), row("B", "comune", { p: 12 }, B), row("Ambito", "ambito", { p: 20 })],
    );
    const found = checkTable(t, stores);
    expect(found).toEqual([expect.objectContaining({ kind: "percentage", row: "B", published: 12, recomputed: 10 })]);
  });

  it("compares a count with the same count from another source", () => {
    const t = table([{ key: "n", year: 2024, measure: over65 }], [row("Totale 65+", "total", { n: 500 })]);
    const found = checkTable(t, stores);
    expect(found).toEqual([expect.objectContaining({ kind: "count", published: 500, recomputed: 400 })]);
  });
});

describe("open-data suppression", () => {
  it("blanks values resting on fewer than 5 people", () => {
    const profile: ProfileDto = {
      ambito: { slug: "x", name: "X" },
      comuni: [{ istatCode: A, name: "A" }],
      years: [2024],
      indicators: [],
      population: [],
      values: [
        {
          territory: A,
          indicator: "over80_share",
          year: 2024,
          value: 0.4,
          numerator: 4,
          denominator: 1000,
          origin: "computed",
          table: null,
        },
        {
          territory: AMBITO,
          indicator: "over80_share",
          year: 2024,
          value: 2,
          numerator: 20,
          denominator: 1000,
          origin: "computed",
          table: null,
        },
      ],
    };
    const [small, big] = profileRows(profile, true);
    expect(small).toMatchObject({ value: null, numerator: null, origin: "suppressed (< 5)" });
    expect(big).toMatchObject({ value: 2, numerator: 20 });
    expect(profileRows(profile, false)[0]?.value).toBe(0.4);
  });
});
