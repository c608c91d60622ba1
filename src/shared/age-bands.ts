import { OPEN_AGE } from "./indicators.ts";

export interface Band {
  ageFrom: number;
  /** Inclusive; OPEN_AGE for open-ended bands ("100 e oltre", "65 e più"). */
  ageTo: number;
  value: number;
}

/**
 * The sum of stored bands that exactly cover [from, to], or null. Single years are bands of one
 * year, so ISTAT single-age data and published age classes resolve the same way. Largest bands are
 * tried first; a cover is exact or it is not used.
 */
export function coverBands(bands: Band[], from: number, to: number = OPEN_AGE): number | null {
  const byStart = new Map<number, Band[]>();
  for (const b of bands) {
    const list = byStart.get(b.ageFrom) ?? [];
    list.push(b);
    byStart.set(b.ageFrom, list);
  }
  for (const list of byStart.values()) list.sort((a, b) => b.ageTo - a.ageTo);
  const memo = new Map<number, number | null>();
  const cover = (start: number): number | null => {
    if (start === to + 1 || (to === OPEN_AGE && start > OPEN_AGE)) return 0;
    if (memo.has(start)) return memo.get(start) ?? null;
    let result: number | null = null;
    for (const b of byStart.get(start) ?? []) {
      if (b.ageTo > to) continue;
      const rest = b.ageTo === OPEN_AGE ? (to === OPEN_AGE ? 0 : null) : cover(b.ageTo + 1);
      if (rest !== null) {
        result = b.value + rest;
        break;
      }
    }
    memo.set(start, result);
    return result;
  };
  return cover(from);
}
