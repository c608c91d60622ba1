import { writeFileSync } from "node:fs";

export interface SyntheticComune {
  code: string;
  name: string;
}

/**
 * An ISTAT-layout population file (title line, semicolon, ISO-8859-1, 101 ages and the 999 total
 * row per Comune). Counts follow a fixed shape so tests can compute expected indicators by hand:
 * for age a, males = base + (a % 7), females = base + (a % 5).
 */
export function istatPopulationCsv(comuni: SyntheticComune[], year: number, base = 50): string {
  const lines = [
    `Popolazione residente al 1° gennaio ${year} per età e sesso`,
    "Codice comune;Comune;Età;Totale maschi;Totale femmine;Totale",
  ];
  for (const c of comuni) {
    let m = 0;
    let f = 0;
    for (let age = 0; age <= 100; age++) {
      const males = base + (age % 7);
      const females = base + (age % 5);
      m += males;
      f += females;
      lines.push(`${c.code};${c.name};${age === 100 ? "100 e oltre" : age};${males};${females};${males + females}`);
    }
    lines.push(`${c.code};${c.name};999;${m};${f};${m + f}`);
  }
  return `${lines.join("\r\n")}\r\n`;
}

export function writeLatin1(path: string, text: string): string {
  writeFileSync(path, Buffer.from(text, "latin1"));
  return path;
}

/** Hand count for the synthetic shape: people aged [from, to] (both sexes unless one is given). */
export function syntheticCount(from: number, to: number, base = 50, sex: "T" | "M" | "F" = "T"): number {
  let n = 0;
  for (let a = from; a <= to; a++) {
    if (sex !== "F") n += base + (a % 7);
    if (sex !== "M") n += base + (a % 5);
  }
  return n;
}
