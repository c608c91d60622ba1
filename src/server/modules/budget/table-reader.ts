import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { extname } from "node:path";
import { CsvFormatError, type CsvRecord, normaliseHeader, readCsv } from "../../importers/csv/read-csv.ts";
import { readXlsx } from "../../importers/xlsx/read-xlsx.ts";
import { MAPPED_FIELDS, type MappedField, type TableMapping } from "./table-mapping.ts";

// Reading and checking a tabular budget against its mapping: the first pass of the import.

export interface TableProblem {
  line: number | null;
  field: string | null;
  reason: string;
  found: string;
}
export type Section = "1.A" | "1.B" | "2.A" | "2.B";
export type Totals = { forecast: bigint; priorForecast: bigint; priorActual: bigint };

export interface TableImportReport {
  ok: boolean;
  status: "imported" | "dry-run" | "already-imported" | "refused";
  message: string;
  documentId: number | null;
  file: string;
  sha256: string;
  mapping: string;
  meta: { year: number; kind: string; title: string } | null;
  rows: number;
  sections: Record<
    string,
    { lines: number; totals: Record<keyof Totals, string>; totalsCents: Record<keyof Totals, number> }
  >;
  checks: { name: string; passed: boolean; expected: string; found: string }[];
  problems: TableProblem[];
  /** Problems found in all; only the first 200 are listed. */
  problemCount: number;
}

export interface TableImportOptions {
  mappingName: string;
  dryRun?: boolean;
  title?: string;
  actorUserId?: number | null;
  onProgress?: (rows: number) => void;
}

export const MAX_PROBLEMS = 200;
export const BATCH = 5000;

export function records(path: string): AsyncGenerator<CsvRecord> {
  return extname(path).toLowerCase() === ".xlsx" ? readXlsx(path) : readCsv(path);
}

export async function sha256Of(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** "1.234.567,89", "1234567,89", "1234567.5" (XLSX numbers) or "1234567" -> cents; never floats. */
export function parseTableAmount(text: string): bigint | null {
  const t = text.trim().replace(/\s|€/g, "");
  let units: string;
  let decimals = "";
  let m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(t);
  if (m) {
    units = (m[1] as string).replace(/\./g, "");
    decimals = m[2] ?? "";
  } else {
    m = /^(\d+)\.(\d{1,2})$/.exec(t);
    if (!m) return null;
    units = m[1] as string;
    decimals = m[2] as string;
  }
  return BigInt(units) * 100n + BigInt(decimals.padEnd(2, "0") || "0");
}

export const TRUE = new Set(["s", "si", "sì", "v", "x", "1", "true", "vincolato"]);
export const FALSE = new Set(["", "n", "no", "0", "false"]);

export interface Columns {
  index: Partial<Record<MappedField, number>>;
  sideIndex: number | null;
  yearIndex: number | null;
}

export interface TableLine {
  section: Section;
  settore: string;
  settoreName: string;
  titolo: string;
  tipologia: string | null;
  macroaggregato: string | null;
  capitolo: number;
  articolo: number;
  sub: number;
  pdc: string | null;
  description: string;
  vincolo: boolean;
  missione: string | null;
  programma: string | null;
  forecast: bigint;
  priorForecast: bigint;
  priorActual: bigint;
  line: number;
}

/** Validates one file against a mapping; `onLine` receives each valid line (the second pass writes them). */
export class TableReader {
  problems: TableProblem[] = [];
  problemCount = 0;
  year: number | null = null;
  private cols: Columns | null = null;
  private header: string[] = [];
  private keys = new Set<number>();
  readonly sections = new Map<Section, { lines: number } & Totals>();
  pdcChecked = 0;
  programmesChecked = 0;

  constructor(
    private mapping: TableMapping,
    private programmes: Set<string>,
  ) {}

  problem(line: number | null, field: string | null, reason: string, found: string) {
    this.problemCount++;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ line, field, reason, found: found.slice(0, 120) });
  }

  private find(name: string, year: number | null): number {
    const resolved = year === null ? name : name.replace("{year-1}", String(year - 1)).replace("{year}", String(year));
    return this.header.indexOf(normaliseHeader(resolved));
  }

  /** Header first; columns whose name depends on the year are resolved at the first data row. */
  setHeader(cells: string[]) {
    this.header = cells.map(normaliseHeader);
  }

  private resolve(rec: CsvRecord): Columns | null {
    const m = this.mapping;
    const missing: string[] = [];
    const sideIndex = typeof m.side === "string" ? null : this.find(m.side.column, null);
    if (sideIndex === -1 && typeof m.side !== "string") missing.push(`side: '${m.side.column}'`);
    const yearIndex = typeof m.year === "number" ? null : this.find(m.year.column, null);
    if (typeof m.year === "number") this.year = m.year;
    else if (yearIndex === -1) missing.push(`year: '${m.year.column}'`);
    else {
      const y = (rec.cells[yearIndex as number] ?? "").trim();
      if (!/^\d{4}$/.test(y)) {
        this.problem(rec.line, "year", "a year such as 2023", y);
        return null;
      }
      this.year = Number(y);
    }
    const index: Partial<Record<MappedField, number>> = {};
    for (const f of MAPPED_FIELDS) {
      const name = m.columns[f];
      if (!name) continue;
      const i = this.find(name, this.year);
      if (i === -1)
        missing.push(
          `${f}: '${name.replace("{year-1}", String((this.year ?? 0) - 1)).replace("{year}", String(this.year))}'`,
        );
      else index[f] = i;
    }
    if (missing.length) {
      for (const what of missing) {
        const [field, name] = what.split(": ");
        this.problem(
          1,
          field ?? null,
          `column ${name} named in the mapping is not in the header`,
          this.header.join(" | "),
        );
      }
      return null;
    }
    return { index, sideIndex, yearIndex };
  }

  /** Returns the line, or null after recording its problems. Null also while columns are unresolved. */
  row(rec: CsvRecord): TableLine | null {
    if (rec.cells.every((c) => c.trim() === "")) return null;
    if (!this.cols) {
      this.cols = this.resolve(rec);
      if (!this.cols) throw new StopError();
    }
    const { index, sideIndex, yearIndex } = this.cols;
    const cell = (f: MappedField) => (index[f] === undefined ? "" : (rec.cells[index[f] as number] ?? "").trim());
    const before = this.problemCount;
    const bad = (field: string, reason: string, found: string) => this.problem(rec.line, field, reason, found);

    if (yearIndex !== null && (rec.cells[yearIndex] ?? "").trim() !== String(this.year))
      bad("year", `the same year as the first row (${this.year})`, rec.cells[yearIndex] ?? "");
    let side: "entrate" | "spese" | undefined;
    if (typeof this.mapping.side === "string") side = this.mapping.side;
    else {
      const raw = (rec.cells[sideIndex as number] ?? "").trim();
      side = this.mapping.side.values[raw];
      if (!side) bad("side", `one of ${Object.keys(this.mapping.side.values).join(", ")}`, raw);
    }
    const int = (f: MappedField, max: number, fallback?: number) => {
      const raw = cell(f);
      if (raw === "" && fallback !== undefined) return fallback;
      if (!/^\d+$/.test(raw) || Number(raw) > max) {
        bad(f, `a whole number up to ${max}`, raw);
        return 0;
      }
      return Number(raw);
    };
    const capitolo = int("capitolo", 999_999);
    const articolo = int("articolo", 9_999);
    const sub = int("sub", 9_999, 0);
    const description = cell("description");
    if (!description) bad("description", "a description", "");
    const titolo = cell("titolo").replace(/^0+(?=\d)/, "");
    if (!/^\d$/.test(titolo)) bad("titolo", "a titolo code (1 digit)", cell("titolo"));
    const two = (f: "tipologia" | "macroaggregato" | "missione") => {
      const raw = cell(f);
      if (raw === "") return null;
      const m = /^\d{1,3}$/.exec(raw);
      if (!m) {
        bad(f, "a numeric code", raw);
        return null;
      }
      return raw.slice(-2).padStart(2, "0");
    };
    const tipologia = side === "entrate" ? two("tipologia") : null;
    const macroaggregato = side === "spese" ? two("macroaggregato") : null;
    let missione = two("missione");
    let programma: string | null = null;
    const p = cell("programma");
    if (p !== "") {
      const m = /^(?:(\d{2})\.?)?(\d{1,2})$/.exec(
        p.length === 4 && /^\d{4}$/.test(p) ? `${p.slice(0, 2)}.${p.slice(2)}` : p,
      );
      if (!m) bad("programma", "a programma such as 04, 1204 or 12.04", p);
      else {
        if (m[1] && missione && m[1] !== missione) bad("programma", `a programma of missione ${missione}`, p);
        missione ??= m[1] ?? null;
        programma = (m[2] as string).padStart(2, "0");
        if (!missione) bad("missione", "a missione for the programma", "");
        else if (!this.programmes.has(`${missione}.${programma}`))
          bad("programma", "a Missione/Programma of the reference table", `${missione}.${programma}`);
        else this.programmesChecked++;
      }
    }
    const pdc = this.pdc(cell("pdc"), side, titolo, tipologia ?? macroaggregato, bad);
    const vincoloRaw = cell("vincolo").toLowerCase();
    const vincolo = TRUE.has(vincoloRaw);
    if (!vincolo && !FALSE.has(vincoloRaw)) bad("vincolo", "S/N, SI/NO, V or empty", cell("vincolo"));
    const amount = (f: "forecast" | "priorForecast" | "priorActual") => {
      const raw = cell(f);
      if (raw === "" && f !== "forecast") return 0n;
      const v = parseTableAmount(raw);
      if (v === null) bad(f, "an amount not below zero such as 1.234,56 or 1234,56", raw);
      return v ?? 0n;
    };
    const forecast = amount("forecast");
    const priorForecast = amount("priorForecast");
    const priorActual = amount("priorActual");

    let section: Section | null = null;
    if (side === "entrate") section = titolo === "4" ? "2.A" : "1.A";
    if (side === "spese") {
      if (titolo === "1") section = "1.B";
      else if (titolo === "2") section = "2.B";
      else if (/^\d$/.test(titolo)) bad("titolo", "spending titolo 1 (correnti) or 2 (in conto capitale)", titolo);
    }
    if (section && this.problemCount === before) {
      const key = ["1.A", "1.B", "2.A", "2.B"].indexOf(section) * 1e15 + capitolo * 1e8 + articolo * 1e4 + sub;
      if (this.keys.has(key))
        bad("capitolo", "capitolo/articolo/sub unique within the section", `${capitolo}/${articolo}/${sub}`);
      this.keys.add(key);
    }
    if (this.problemCount !== before || !section) return null;
    const s = this.sections.get(section) ?? { lines: 0, forecast: 0n, priorForecast: 0n, priorActual: 0n };
    s.lines++;
    s.forecast += forecast;
    s.priorForecast += priorForecast;
    s.priorActual += priorActual;
    this.sections.set(section, s);
    return {
      section,
      settore: cell("settore"),
      settoreName: cell("settoreName"),
      titolo,
      tipologia,
      macroaggregato,
      capitolo,
      articolo,
      sub,
      pdc,
      description,
      vincolo,
      missione,
      programma,
      forecast,
      priorForecast,
      priorActual,
      line: rec.line,
    };
  }

  /** Any of U.1.03.02.15.000, 1.03.02.15.000 or 1030215000, agreeing with titolo and macroaggregato. */
  private pdc(
    raw: string,
    side: string | undefined,
    titolo: string,
    group: string | null,
    bad: (f: string, r: string, found: string) => void,
  ): string | null {
    if (raw === "") return null;
    const letter = side === "entrate" ? "E" : "U";
    const m = /^(?:([EU])\.)?(\d)\.?(\d{2})\.?(\d{2})\.?(\d{2})\.?(\d{3})$/.exec(raw);
    if (!m) {
      bad("pdc", "a piano dei conti code such as U.1.03.02.15.000 or 1030215000", raw);
      return null;
    }
    const code = `${letter}.${m[2]}.${m[3]}.${m[4]}.${m[5]}.${m[6]}`;
    if (m[1] && m[1] !== letter) bad("pdc", `a code of the ${side} side (${letter}.)`, raw);
    else if (m[2] !== titolo || (group && m[3] !== group))
      bad(
        "pdc",
        `a code starting ${letter}.${titolo}${group ? `.${group}` : ""} (titolo${group ? " and macroaggregato/tipologia" : ""})`,
        raw,
      );
    else this.pdcChecked++;
    return code;
  }
}

export class StopError extends Error {}

export async function readAll(
  path: string,
  reader: TableReader,
  onLine: (l: TableLine) => Promise<void> | void,
  onProgress?: (n: number) => void,
) {
  let first = true;
  let n = 0;
  try {
    for await (const rec of records(path)) {
      if (first) {
        reader.setHeader(rec.cells);
        first = false;
        continue;
      }
      const line = reader.row(rec);
      if (line) await onLine(line);
      if (++n % 10_000 === 0) onProgress?.(n);
    }
  } catch (e) {
    if (e instanceof CsvFormatError) reader.problem(e.line, null, e.message, "");
    else if (!(e instanceof StopError)) {
      if (extname(path).toLowerCase() === ".xlsx")
        reader.problem(null, null, "not a readable XLSX workbook", String(e).slice(0, 100));
      else throw e;
    }
  }
  if (first) reader.problem(null, null, "a header line and budget lines", "an empty file");
  return n;
}
