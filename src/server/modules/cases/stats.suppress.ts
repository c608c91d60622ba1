/**
 * Statistical disclosure control for tables that leave the Ambito: a cell counting fewer than
 * `threshold` people (but more than none) is suppressed (primary), and when a table would show
 * exactly one suppressed cell next to its published total, the smallest other non-zero cell is
 * suppressed too (complementary), so the hidden one cannot be recomputed as total − the rest.
 * A total under the threshold is itself suppressed.
 */
export const SMALL_COUNT = 5;

export interface Countable {
  /** The number of distinct people the cell describes: what suppression protects. */
  people: number;
  /** Other counts that must not fall under the threshold either (e.g. new cases). */
  alsoCounts?: number[];
}

const small = (n: number, t: number) => n > 0 && n < t;

/**
 * Indexes of the cells to hide, and whether the total must go too (it is small itself, or a
 * single hidden cell has no partner to hide with and would equal total − the rest).
 */
export function cellsToSuppress(
  cells: Countable[],
  total: Countable,
  threshold = SMALL_COUNT,
): { cells: Set<number>; total: boolean } {
  const hidden = new Set<number>();
  cells.forEach((c, i) => {
    if (small(c.people, threshold) || (c.alsoCounts ?? []).some((n) => small(n, threshold))) hidden.add(i);
  });
  if (hidden.size === 1) {
    let best = -1;
    cells.forEach((c, i) => {
      if (hidden.has(i) || c.people === 0) return;
      if (best === -1 || c.people < (cells[best] as Countable).people) best = i;
    });
    if (best !== -1) hidden.add(best);
  }
  const isSmall = (c: Countable) => small(c.people, threshold) || (c.alsoCounts ?? []).some((n) => small(n, threshold));
  return { cells: hidden, total: isSmall(total) || hidden.size === 1 };
}
