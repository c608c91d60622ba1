import { type Band, coverBands } from "../../../shared/age-bands.ts";
import { type CountLookup, type CountQuery, OPEN_AGE } from "../../../shared/indicators.ts";

export const AMBITO = "AMBITO";

export interface CountRow {
  territory: string;
  series: string;
  year: number;
  sex: "T" | "M" | "F";
  citizenship: "all" | "foreign";
  ageFrom: number;
  ageTo: number;
  value: number;
}

const key = (territory: string, series: string, year: number, sex: string, citizenship: string) =>
  `${territory}|${series}|${year}|${sex}|${citizenship}`;

/**
 * The counts of one Ambito in memory (its Comuni × years × bands: thousands of rows at most),
 * answering "how many" questions exactly or not at all.
 */
export class CountStore {
  private readonly bands = new Map<string, Band[]>();

  constructor(
    rows: Iterable<CountRow>,
    private readonly comuni: string[],
  ) {
    for (const r of rows) {
      const k = key(r.territory, r.series, r.year, r.sex, r.citizenship);
      const list = this.bands.get(k) ?? [];
      list.push({ ageFrom: r.ageFrom, ageTo: r.ageTo, value: r.value });
      this.bands.set(k, list);
    }
  }

  /** A count for one territory; for the Ambito, the sum over all its Comuni, else its own figure. */
  count(territory: string, q: CountQuery, year: number): number | null {
    if (territory === AMBITO) {
      let sum = 0;
      for (const comune of this.comuni) {
        const v = this.direct(comune, q, year);
        if (v === null) return this.direct(AMBITO, q, year);
        sum += v;
      }
      return this.comuni.length ? sum : this.direct(AMBITO, q, year);
    }
    return this.direct(territory, q, year);
  }

  private readonly memo = new Map<string, number | null>();

  private direct(territory: string, q: CountQuery, year: number): number | null {
    const k = key(territory, q.series, year, q.sex ?? "T", q.citizenship ?? "all");
    const bands = this.bands.get(k);
    if (!bands) return null;
    const mk = `${k}|${q.ageFrom ?? 0}|${q.ageTo ?? OPEN_AGE}`;
    let v = this.memo.get(mk);
    if (v === undefined) {
      v = coverBands(bands, q.ageFrom ?? 0, q.ageTo ?? OPEN_AGE);
      this.memo.set(mk, v);
    }
    return v;
  }

  /** The age classes stored for a territory (or, for the Ambito, for itself or its first Comune). */
  storedClasses(territory: string, year: number, series = "population"): { ageFrom: number; ageTo: number }[] {
    const candidates = territory === AMBITO ? [AMBITO, ...this.comuni] : [territory];
    for (const t of candidates) {
      const bands = this.bands.get(key(t, series, year, "T", "all"));
      if (bands?.length) {
        // Sorted by start then end, the first class at each start is the finest: chain those.
        const sorted = [...bands].sort((a, b) => a.ageFrom - b.ageFrom || a.ageTo - b.ageTo);
        const out: { ageFrom: number; ageTo: number }[] = [];
        let next = 0;
        for (const b of sorted) {
          if (b.ageFrom !== next) continue;
          out.push({ ageFrom: b.ageFrom, ageTo: b.ageTo });
          next = b.ageTo + 1;
        }
        if (out.length > 1) return out;
      }
    }
    return [];
  }

  lookup(territory: string): CountLookup {
    return (q, year) => this.count(territory, q, year);
  }

  years(series = "population"): number[] {
    const years = new Set<number>();
    for (const k of this.bands.keys()) {
      const [, s, y] = k.split("|");
      if (s === series) years.add(Number(y));
    }
    return [...years].sort((a, b) => a - b);
  }
}
