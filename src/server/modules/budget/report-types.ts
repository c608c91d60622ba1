import type { Amounts, Column } from "./amounts.ts";

/** The sections of a "Report Commissioni", in print order. */
export const SECTIONS = ["1.A", "1.B", "1.C", "1.D", "2.A", "2.B", "2.C"] as const;
export type Section = (typeof SECTIONS)[number];
/** Sections that hold budget lines (the others are recaps of them). */
export const LINE_SECTIONS = ["1.A", "1.B", "2.A", "2.B"] as const;
export type LineSection = (typeof LINE_SECTIONS)[number];

export const SECTION_TITLES: Record<Section, string> = {
  "1.A": "ENTRATE CORRENTI",
  "1.B": "SPESE CORRENTI",
  "1.C": "RIEPILOGO ENTRATE e SPESE CORRENTI VINCOLATE",
  "1.D": "RIEPILOGO SPESA CORRENTE per MISSIONE e PROGRAMMA",
  "2.A": "ENTRATE IN CONTO CAPITALE",
  "2.B": "SPESE IN CONTO CAPITALE",
  "2.C": "RIEPILOGO SPESA IN CONTO CAPITALE per MISSIONE e PROGRAMMA",
};

export interface BudgetLineRecord {
  section: LineSection;
  direzione: string;
  settore: string;
  settoreName: string;
  titolo: string;
  /** Tipologia (entrate) or macroaggregato (spese current); null where the report prints none. */
  tipologia: string | null;
  macroaggregato: string | null;
  capitolo: number;
  articolo: number;
  sub: number;
  /** Piano dei conti in E./U. form (current sections only). */
  pdc: string | null;
  description: string;
  vincolo: boolean;
  missione: string | null;
  programma: string | null;
  amounts: Amounts;
  firstLine: number;
  lastLine: number;
}

export type TotalLevel =
  | "tipologia"
  | "macroaggregato"
  | "titolo"
  | "settore"
  | "direzione"
  | "vincolate_titolo"
  | "vincolate"
  | "programma"
  | "missione"
  | "grand";

/** A total or recap row as printed, to be compared with the sum of the lines it covers. */
export interface PrintedTotal {
  section: Section;
  level: TotalLevel;
  /** Hierarchy path of what it totals, e.g. {settore: "51", titolo: "2", tipologia: "01"}. */
  scope: Record<string, string>;
  label: string;
  amounts: Amounts;
  columns: Column[];
  /** Macroaggregato totals in 1.B print a fourth amount (always PREVISIONE year-1): kept to check it. */
  extra?: bigint;
  firstLine: number;
  lastLine: number;
}

export interface ReportProblem {
  line: number | null;
  expected: string;
  found: string;
}

export interface ReportMeta {
  kind: "previsione" | "assestamento" | "rendiconto";
  year: number;
  title: string;
}

export interface ReportSink {
  meta(meta: ReportMeta): void;
  line(line: BudgetLineRecord): void;
  total(total: PrintedTotal): void;
  problem(problem: ReportProblem): void;
}
