import { type Amounts, addInto, type Column, describeAmounts } from "./amounts.ts";
import type { BudgetLineRecord, PrintedTotal, Section, TotalLevel } from "./report-types.ts";

export interface BudgetCheck {
  name: string;
  line: number | null;
  expected: string;
  found: string;
  passed: boolean;
}

/** Which printed totals every section must carry for each group that has lines. */
const REQUIRED: Record<Section, TotalLevel[]> = {
  "1.A": ["tipologia", "settore", "direzione"],
  "1.B": ["macroaggregato", "settore", "direzione"],
  "1.C": ["vincolate_titolo", "vincolate"],
  "1.D": ["programma", "missione", "direzione"],
  "2.A": ["tipologia", "settore", "direzione"],
  "2.B": ["titolo", "settore", "direzione"],
  "2.C": ["programma", "missione", "direzione", "grand"],
};

/** The sum-group keys a line contributes to, in its own section and in the recaps built from it. */
function lineKeys(l: BudgetLineRecord): string[] {
  const s = l.section;
  const group = l.tipologia ?? l.macroaggregato ?? "";
  const level = s === "1.B" ? "macroaggregato" : "tipologia";
  const keys = [
    `${s}|${level}|${l.settore}|${l.titolo}|${group}`,
    `${s}|titolo|${l.settore}|${l.titolo}`,
    `${s}|settore|${l.settore}`,
    `${s}|direzione|*`,
  ];
  if (l.vincolo && (s === "1.A" || s === "1.B")) {
    const g = s === "1.A" ? "E" : "S";
    keys.push(`1.C|vincolate_titolo|${g}:${l.titolo}`, `1.C|vincolate|${g}`);
  }
  const recap = s === "1.B" ? "1.D" : s === "2.B" ? "2.C" : null;
  if (recap) {
    keys.push(
      `${recap}|programma|${l.missione}.${l.programma}`,
      `${recap}|missione|${l.missione}`,
      `${recap}|direzione|*`,
    );
    if (recap === "2.C") keys.push("2.C|grand|*");
  }
  return keys;
}

function totalKey(t: PrintedTotal): string {
  const s = t.scope;
  const code = s[t.level] ?? "";
  switch (t.level) {
    case "tipologia":
    case "macroaggregato":
      return `${t.section}|${t.level}|${s.settore}|${s.titolo}|${code}`;
    case "titolo":
      return `${t.section}|titolo|${s.settore}|${code}`;
    case "direzione":
    case "grand":
      return `${t.section}|${t.level}|*`;
    default:
      return `${t.section}|${t.level}|${code}`;
  }
}

const describeKey = (key: string) => {
  const [section, level, ...rest] = key.split("|");
  return `${section} ${level} ${rest.filter((r) => r && r !== "*").join("/")}`.trim();
};

/**
 * Recomputes every printed total from the lines as they stream past: running sums per group key
 * (a few hundred keys, whatever the file size), so validation costs no second pass.
 */
export class ReportChecker {
  readonly checks: BudgetCheck[] = [];
  private sums = new Map<string, Amounts>();
  private lineRange = new Map<string, [number, number]>();
  private printed = new Set<string>();
  private pegs = new Map<string, number>();
  private lineRules = new Map<string, { lines: number; failed: number }>();

  constructor(private year = 2022) {}

  setYear(year: number): void {
    this.year = year;
  }

  line(l: BudgetLineRecord): void {
    for (const key of lineKeys(l)) {
      const sum = this.sums.get(key);
      if (sum) addInto(sum, l.amounts);
      else this.sums.set(key, { ...l.amounts });
      const range = this.lineRange.get(key);
      if (range) range[1] = l.lastLine;
      else this.lineRange.set(key, [l.firstLine, l.lastLine]);
    }
    const peg = `${l.capitolo}/${l.articolo}/${l.sub}`;
    const previous = this.pegs.get(`${l.section}|${peg}`);
    this.rule(
      l.firstLine,
      `${l.section}: PEG key capitolo/articolo/sub unique`,
      previous === undefined,
      `a PEG key not used before`,
      `${peg} already at line ${previous}`,
    );
    this.pegs.set(`${l.section}|${peg}`, l.firstLine);
    if (l.pdc) {
      const digits = l.pdc.replace(/^[EU]\./, "").replace(/\./g, "");
      const header = `${l.titolo}${l.tipologia ?? l.macroaggregato ?? ""}`;
      this.rule(
        l.firstLine,
        `${l.section}: PDC code agrees with titolo and ${l.section === "1.A" ? "tipologia" : "macroaggregato"} heading`,
        digits.startsWith(header),
        `a PDC starting ${header} (heading)`,
        `${l.pdc}`,
      );
    }
    if (l.section === "2.A" || l.section === "2.B") {
      const a = l.amounts;
      const parts = (a.crono ?? 0n) + (a.newFunds ?? 0n) + (a.ptlp ?? 0n);
      this.rule(
        l.firstLine,
        `${l.section}: PREVISIONE = CRONO + ALTRI NUOVI + PTLP on every line`,
        parts === a.forecast,
        describeAmounts({ forecast: parts }, ["forecast"], this.year),
        describeAmounts(a, ["forecast"], this.year),
      );
    }
  }

  total(t: PrintedTotal): void {
    const key = totalKey(t);
    this.printed.add(key);
    const sum = this.sums.get(key) ?? {};
    const columns = t.columns.filter((c) => t.amounts[c] !== undefined);
    const passed = columns.every((c) => (sum[c] ?? 0n) === t.amounts[c]);
    const range = this.lineRange.get(key);
    const from = range ? ` (lines ${range[0]}-${range[1]})` : " (no lines)";
    this.add(
      `${describeKey(key)} ${t.label}`.trim(),
      t.firstLine,
      `${describeAmounts(sum, columns, this.year)}${from}`,
      describeAmounts(t.amounts, columns, this.year),
      passed,
    );
    const at = t.firstLine;
    if (t.scope.heading !== undefined)
      this.rule(
        at,
        `${t.section}: printed totals carry the code of the heading they close`,
        t.scope.heading === t.scope[t.level],
        `${t.scope.heading} (heading)`,
        t.scope[t.level] ?? "",
      );
    if (t.scope.headingName !== undefined)
      this.rule(
        at,
        `${t.section}: printed ${t.level} totals carry the name of their heading`,
        t.scope.headingName === t.label,
        `${t.scope.headingName} (heading)`,
        t.label,
      );
    if (t.extra !== undefined) {
      const cols: Column[] = ["priorForecast"];
      this.add(
        `${describeKey(key)}: 4th amount repeats PREVISIONE ${this.year - 1} (extraction artefact)`,
        t.firstLine,
        describeAmounts(t.amounts, cols, this.year),
        describeAmounts({ priorForecast: t.extra }, cols, this.year),
        t.extra === t.amounts.priorForecast,
      );
    }
  }

  /** Closes validation: per-line rules summarised, and groups whose printed total never came. */
  finish(): BudgetCheck[] {
    for (const [name, r] of this.lineRules)
      if (r.failed === 0) this.add(name, null, `${r.lines} agreeing`, `${r.lines} agreeing`, true);
    for (const [key, range] of this.lineRange) {
      const [section, level] = key.split("|") as [Section, TotalLevel];
      if (REQUIRED[section]?.includes(level) && !this.printed.has(key))
        this.add(
          `${describeKey(key)}: printed total present`,
          range[1],
          `a printed total after lines ${range[0]}-${range[1]}`,
          "none (truncated or missing)",
          false,
        );
    }
    return this.checks;
  }

  /** A rule applied to many lines or totals: one check per failure, one summary check if all pass. */
  private rule(line: number, name: string, ok: boolean, expected: string, found: string): void {
    const r = this.lineRules.get(name) ?? { lines: 0, failed: 0 };
    this.lineRules.set(name, r);
    r.lines++;
    if (!ok) {
      r.failed++;
      this.add(name, line, expected, found, false);
    }
  }

  private add(name: string, line: number | null, expected: string, found: string, passed: boolean): void {
    this.checks.push({ name, line, expected, found, passed });
  }
}
