/** A small seeded PRNG (mulberry32): the same seed gives the same synthetic population. */
export class Rng {
  private s: number;
  constructor(seed: number | string) {
    this.s = typeof seed === "number" ? seed >>> 0 : hashSeed(seed);
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  weighted<T extends { weight: number }>(items: readonly T[]): T {
    const total = items.reduce((s, i) => s + i.weight, 0);
    let r = this.next() * total;
    for (const i of items) {
      r -= i.weight;
      if (r < 0) return i;
    }
    return items[items.length - 1] as T;
  }
  /** A version-4-shaped UUID drawn from the generator, so ids are reproducible too. */
  uuid(): string {
    const h = () =>
      Math.floor(this.next() * 0x10000)
        .toString(16)
        .padStart(4, "0");
    const v = (0x4000 | (Math.floor(this.next() * 0x1000) & 0x0fff)).toString(16);
    const r = (0x8000 | (Math.floor(this.next() * 0x4000) & 0x3fff)).toString(16);
    return `${h()}${h()}-${h()}-${v}-${r}-${h()}${h()}${h()}`;
  }
}

export function hashSeed(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
