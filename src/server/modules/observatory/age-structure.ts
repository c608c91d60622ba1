import { OPEN_AGE } from "../../../shared/indicators.ts";
import type { CountStore } from "./count-store.ts";

export interface AgeClass {
  ageFrom: number;
  ageTo: number | null;
  total: number;
  males: number | null;
  females: number | null;
}

const FIVE_YEAR = [
  ...Array.from({ length: 20 }, (_, i) => ({ ageFrom: i * 5, ageTo: i * 5 + 4 })),
  { ageFrom: 100, ageTo: OPEN_AGE },
];

/**
 * Population by age class for a pyramid: five-year classes by sex when single-year data exist,
 * otherwise the classes the published tables give (both sexes only).
 */
export function ageStructure(store: CountStore, territory: string, year: number): AgeClass[] {
  for (const classes of [FIVE_YEAR, store.storedClasses(territory, year)]) {
    if (classes.length < 2) continue;
    const totals = classes.map((c) =>
      store.count(territory, { series: "population", ageFrom: c.ageFrom, ageTo: c.ageTo }, year),
    );
    if (totals.some((v) => v === null)) continue;
    return classes.map((c, i) => {
      const bySex = (sex: "M" | "F") =>
        store.count(territory, { series: "population", ageFrom: c.ageFrom, ageTo: c.ageTo, sex }, year);
      return {
        ageFrom: c.ageFrom,
        ageTo: c.ageTo >= OPEN_AGE ? null : c.ageTo,
        total: totals[i] as number,
        males: bySex("M"),
        females: bySex("F"),
      };
    });
  }
  return [];
}
