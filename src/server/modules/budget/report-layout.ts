import { AMOUNT, type Amounts, CAPITAL_COLUMNS, CURRENT_COLUMNS, parseCents } from "./amounts.ts";
import type { Section, TotalLevel } from "./report-types.ts";

/**
 * The line grammar of each section of a "Report Commissioni" (seed 003), applied to a record's
 * physical lines joined by one space. Amounts are glued to each other and to codes in the PDF text;
 * every amount ends in ",dd", so the AMOUNT pattern splits them unambiguously.
 */
const A = `(${AMOUNT})`;
const rx = (s: string) => new RegExp(`^${s}$`);

export type Ctx = {
  settore: string;
  titolo: string;
  tipologia: string;
  missione: string;
  recapGroup: string;
};

export interface LineMatch {
  capitolo: string;
  articolo: string;
  /** Sub-article, or sub glued to the 10-digit PDC in current sections. */
  subPdc: string;
  description: string;
  vincolo: boolean;
  missione: string | null;
  programma: string | null;
  amounts: Amounts;
}

export interface TotalMatch {
  level: TotalLevel;
  code: string;
  label: string;
  amounts: Amounts;
  extra?: bigint;
}

const cents = (m: RegExpMatchArray, ...pairs: [keyof Amounts, number][]): Amounts =>
  Object.fromEntries(pairs.map(([k, i]) => [k, parseCents(m[i] as string)]));

/** What a budget line of each section must look like, for messages. */
export const LINE_FORMS: Partial<Record<Section, string>> = {
  "1.A": "<capitolo> <articolo> <sub+PDC> <description> [V]<PREVISIONE><PREVISIONE prior> <RENDICONTO>",
  "1.B":
    "<capitolo> <articolo> <sub+PDC> <description> [V]<PREVISIONE><PREVISIONE prior><missione> <programma> <RENDICONTO>",
  "2.A": "<capitolo> <articolo> <sub> <description> <PREVISIONE prior> <PREVISIONE> <CRONO> <ALTRI><PTLP><RENDICONTO>",
  "2.B":
    "<capitolo> <articolo> <sub> <description> <PREVISIONE prior> <PREVISIONE> <CRONO> <ALTRI><PTLP><missione> <programma> <RENDICONTO>",
  "1.C": "[V]<PREVISIONE><PREVISIONE prior><titolo> <description> <RENDICONTO>",
  "1.D": "<programma> <description> <PREVISIONE prior> <PREVISIONE><RENDICONTO>",
  "2.C": "<PREVISIONE> <CRONO> <ALTRI><PTLP><programma> <description> <RENDICONTO><PREVISIONE prior>",
};

const LINE_RX: Partial<Record<Section, RegExp>> = {
  "1.A": rx(`(\\d{1,4}) (\\d{1,3}) (\\d{11,12}) (.+?) (V?)${A}${A} ${A}`),
  "1.B": rx(`(\\d{1,4}) (\\d{1,3}) (\\d{11,12}) (.+?) (V?)${A}${A}(\\d{2}) (\\d{2}) ${A}`),
  "2.A": rx(`(\\d{1,4}) (\\d{1,3}) (\\d{1,3}) (.+?) ${A} ${A} ${A} ${A}${A}${A}`),
  "2.B": rx(`(\\d{1,4}) (\\d{1,3}) (\\d{1,3}) (.+?) ${A} ${A} ${A} ${A}${A}(\\d{2}) (\\d{2}) ${A}`),
};

export function matchLine(section: Section, text: string): LineMatch | null {
  const m = LINE_RX[section]?.exec(text);
  if (!m) return null;
  const base = {
    capitolo: m[1] as string,
    articolo: m[2] as string,
    subPdc: m[3] as string,
    description: m[4] as string,
  };
  if (section === "1.A")
    return {
      ...base,
      vincolo: m[5] === "V",
      missione: null,
      programma: null,
      amounts: cents(m, ["forecast", 6], ["priorForecast", 7], ["priorActual", 8]),
    };
  if (section === "1.B")
    return {
      ...base,
      vincolo: m[5] === "V",
      missione: m[8] as string,
      programma: m[9] as string,
      amounts: cents(m, ["forecast", 6], ["priorForecast", 7], ["priorActual", 10]),
    };
  // Capital: the data order is PREVISIONE prior first, whatever the 2.B header says (proven by the totals).
  const capital = cents(m, ["priorForecast", 5], ["forecast", 6], ["crono", 7], ["newFunds", 8], ["ptlp", 9]);
  if (section === "2.A")
    return {
      ...base,
      vincolo: false,
      missione: null,
      programma: null,
      amounts: { ...capital, ...cents(m, ["priorActual", 10]) },
    };
  return {
    ...base,
    vincolo: false,
    missione: m[10] as string,
    programma: m[11] as string,
    amounts: { ...capital, ...cents(m, ["priorActual", 12]) },
  };
}

type TotalRule = { re: RegExp; build: (m: RegExpMatchArray, ctx: Ctx) => TotalMatch };
const cur = (m: RegExpMatchArray, p22: number, p21: number, r21: number) =>
  cents(m, ["forecast", p22], ["priorForecast", p21], ["priorActual", r21]);
const cap = (m: RegExpMatchArray, p21: number | null, p22: number, r21: number) => ({
  ...cents(m, ["forecast", p22], ["crono", p22 + 1], ["newFunds", p22 + 2], ["ptlp", p22 + 3], ["priorActual", r21]),
  ...(p21 === null ? {} : cents(m, ["priorForecast", p21])),
});
const settoreTotal: TotalRule = {
  re: rx(`${A}Totale Settore (\\d+) ${A} ${A}`),
  build: (m) => ({ level: "settore", code: m[2] as string, label: `Settore ${m[2]}`, amounts: cur(m, 1, 3, 4) }),
};
const direzioneTotal: TotalRule = {
  re: rx(`${A}Totale (DIR\\d+)\\s+${A} ${A}`),
  build: (m) => ({ level: "direzione", code: m[2] as string, label: m[2] as string, amounts: cur(m, 1, 3, 4) }),
};

export const TOTAL_RULES: Record<Section, TotalRule[]> = {
  "1.A": [
    settoreTotal,
    direzioneTotal,
    {
      re: rx(`${A}${A}Totale (.+?) ${A}`),
      build: (m, c) => ({ level: "tipologia", code: c.tipologia, label: m[3] as string, amounts: cur(m, 1, 2, 4) }),
    },
  ],
  "1.B": [
    settoreTotal,
    direzioneTotal,
    {
      re: rx(`${A}${A}Totale (.+?) ${A}${A}`),
      build: (m, c) => ({
        level: "macroaggregato",
        code: c.tipologia,
        label: m[3] as string,
        amounts: cur(m, 1, 2, 4),
        extra: parseCents(m[5] as string),
      }),
    },
  ],
  "1.C": [
    {
      re: rx(`(V?)${A}${A}(\\d) (.+?) ${A}`),
      build: (m, c) => ({
        level: "vincolate_titolo",
        code: `${c.recapGroup}:${m[4]}`,
        label: m[5] as string,
        amounts: cur(m, 2, 3, 6),
      }),
    },
    {
      re: rx(`${A}Totale (ENTRATE|SPESE) ${A} ${A}`),
      build: (m) => ({
        level: "vincolate",
        code: m[2] === "ENTRATE" ? "E" : "S",
        label: m[2] as string,
        amounts: cur(m, 1, 3, 4),
      }),
    },
  ],
  "1.D": [
    {
      re: rx(`(\\d{2}) (.+?) ${A} ${A}${A}`),
      build: (m, c) => ({
        level: "programma",
        code: `${c.missione}.${m[1]}`,
        label: m[2] as string,
        amounts: cur(m, 4, 3, 5),
      }),
    },
    {
      re: rx(`Totale ${A} ${A}(.+?) ?${A}`),
      build: (m, c) => ({
        level: c.missione ? "missione" : "direzione",
        code: c.missione || "*",
        label: m[3] as string,
        amounts: cur(m, 2, 1, 4),
      }),
    },
  ],
  "2.A": [
    {
      re: rx(`Totale ${A} ${A} ${A} ${A}${A}(\\d+) ${A}`),
      build: (m) => ({ level: "settore", code: m[6] as string, label: `Settore ${m[6]}`, amounts: cap(m, 1, 2, 7) }),
    },
    {
      re: rx(`${A} ${A} ${A} ${A}${A}(DIR\\d+)\\s+Totale ${A}`),
      build: (m) => ({ level: "direzione", code: m[6] as string, label: m[6] as string, amounts: cap(m, 1, 2, 7) }),
    },
    {
      re: rx(`${A} ${A} ${A} ${A}${A}Totale (.+?) ${A}`),
      build: (m, c) => ({ level: "tipologia", code: c.tipologia, label: m[6] as string, amounts: cap(m, 1, 2, 7) }),
    },
  ],
  "2.B": [
    {
      re: rx(`Totale ${A} ${A} ${A} ${A}${A}(\\D.*?) ${A}`),
      build: (m, c) => ({ level: "titolo", code: c.titolo, label: m[6] as string, amounts: cap(m, 1, 2, 7) }),
    },
    {
      re: rx(`${A} ${A} ${A}${A}Totale (\\d+) ${A}${A}`),
      build: (m) => ({ level: "settore", code: m[5] as string, label: `Settore ${m[5]}`, amounts: cap(m, 7, 1, 6) }),
    },
    {
      re: rx(`${A} ${A} ${A}${A}Totale (DIR\\d+)\\s+${A}${A}`),
      build: (m) => ({ level: "direzione", code: m[5] as string, label: m[5] as string, amounts: cap(m, 7, 1, 6) }),
    },
  ],
  "2.C": [
    {
      re: rx(`${A} ${A} ${A}${A}(\\d{2}) (.+?) ${A}${A}`),
      build: (m, c) => ({
        level: "programma",
        code: `${c.missione}.${m[5]}`,
        label: m[6] as string,
        amounts: cap(m, 8, 1, 7),
      }),
    },
    {
      re: rx(`Totale ${A} ${A} ${A}${A}(.+?) ?${A}${A}`),
      build: (m, c) => ({ level: "missione", code: c.missione, label: m[5] as string, amounts: cap(m, 7, 1, 6) }),
    },
    {
      re: rx(`${A} ${A} ${A}${A}(DIR\\d+)\\s+Totale ${A}${A}`),
      build: (m) => ({ level: "direzione", code: m[5] as string, label: m[5] as string, amounts: cap(m, 7, 1, 6) }),
    },
    {
      re: rx(`${A} ${A} ${A}${A}Totale (.+?) ${A}${A}`),
      build: (m) => ({ level: "grand", code: "2", label: m[5] as string, amounts: cap(m, 7, 1, 6) }),
    },
  ],
};

export const columnsOf = (section: Section) => (section.startsWith("2") ? CAPITAL_COLUMNS : CURRENT_COLUMNS);

/** Column-header fragments and page furniture, repeated whole or in part at page starts. */
export const FURNITURE =
  /^(ANNO ?:|\d{4}|PEGPDC\b.*|PEG DESC PEG.*|PREVISIONE( \d{4})?|RENDICONTO( \d{4})?|Miss\.-|Progr\.?|di cui:|CRONO|OBBLIGAZ\.?IONI|ANNI|PRECEDENTI|ALTRI NUOVI|STANZIAMENTI|PROGRAMMA|TRIENNALE|LAVORI|PUBBLICI|Missione|DESCRIZIONE|MISSIONE e PROGRAMMA|TITOLO DESCRIZIONE TITOLO.*|Missione Programma PREVISIONE.*|per MISSIONE e PROGRAMMA|VINCOLATE|)$/;
/** Report title and page footers: "Bilancio di Previsione 2022 - ... [pag. N]". */
export const TITLE = /^Bilancio di (Previsione|Assestamento|Rendiconto) (\d{4}) - /;
export const SECTION_HEADING = /^([12]\.[A-D])\s+(.+)$/;
export const LINE_START = /^\d{1,4} \d{1,3} \d{1,12}( |$)/;
