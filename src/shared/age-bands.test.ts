import { describe, expect, it } from "vitest";
import { coverBands } from "./age-bands.ts";
import { OPEN_AGE } from "./indicators.ts";

const tab3 = [
  [0, 4, 4821],
  [5, 9, 6073],
  [10, 14, 6702],
  [15, 19, 6416],
  [65, 74, 13319],
  [75, 84, 9921],
  [85, 94, 3071],
  [95, OPEN_AGE, 169],
].map(([ageFrom, ageTo, value]) => ({ ageFrom: ageFrom as number, ageTo: ageTo as number, value: value as number }));

describe("age band cover", () => {
  it("sums classes that exactly cover a range (seed 002 Tab.3, 2021)", () => {
    expect(coverBands(tab3, 0, 14)).toBe(17596);
    expect(coverBands(tab3, 65)).toBe(26480);
  });

  it("refuses a range the classes do not cover exactly", () => {
    expect(coverBands(tab3, 0, 12)).toBeNull();
    expect(coverBands(tab3, 70)).toBeNull();
    expect(coverBands(tab3, 15, 24)).toBeNull();
  });

  it("covers from single years, with the open last year", () => {
    const single = Array.from({ length: 101 }, (_, age) => ({
      ageFrom: age,
      ageTo: age === 100 ? OPEN_AGE : age,
      value: 1,
    }));
    expect(coverBands(single, 0, 14)).toBe(15);
    expect(coverBands(single, 65)).toBe(36);
    expect(coverBands(single, 0)).toBe(101);
  });

  it("prefers a stored total band and falls back to its parts", () => {
    const bands = [
      { ageFrom: 0, ageTo: OPEN_AGE, value: 100 },
      { ageFrom: 0, ageTo: 64, value: 80 },
      { ageFrom: 65, ageTo: OPEN_AGE, value: 20 },
    ];
    expect(coverBands(bands, 0)).toBe(100);
    expect(coverBands(bands, 0, 64)).toBe(80);
  });
});
