import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatCents, parseCents } from "./amounts.ts";
import { analyseReport } from "./budget.import.ts";
import { ReportChecker } from "./report-checks.ts";
import { ReportParser } from "./report-parser.ts";
import type { BudgetLineRecord, PrintedTotal, ReportProblem } from "./report-types.ts";
import { writeSyntheticReport } from "./synthetic-report.ts";

const FIXTURE = new URL("./fixtures/milano-2022-welfare.txt", import.meta.url).pathname;

/** Parses an in-memory extract (lines as printed) and returns what the sink received. */
function parse(text: string[]) {
  const lines: BudgetLineRecord[] = [];
  const totals: PrintedTotal[] = [];
  const problems: ReportProblem[] = [];
  const checker = new ReportChecker();
  const parser = new ReportParser({
    meta: () => {},
    line: (l) => {
      lines.push(l);
      checker.line(l);
    },
    total: (t) => {
      totals.push(t);
      checker.total(t);
    },
    problem: (p) => problems.push(p),
  });
  for (const [i, t] of text.entries()) parser.push(t, i + 1);
  return { lines, totals, problems, checks: checker.checks };
}

const ENTRATE = [
  " Bilancio di Previsione 2022 - REPORT COMMISSIONI - ",
  "",
  "1.A        ENTRATE CORRENTI",
  "PEGPDC DESCRIZIONE PEG VINCPREVISIONE 2022 PREVISIONE 2021 RENDICONTO 2021",
  "DIR07   DIREZIONE WELFARE E SALUTE",
  "51 AREA DIRITTI E INCLUSIONE",
  "2 TRASFERIMENTI CORRENTITITOLO",
  "01 TRASFERIMENTI CORRENTITIPOLOGIA:",
];
const SPESE = [
  " Bilancio di Previsione 2022 - REPORT COMMISSIONI - ",
  "1.A        ENTRATE CORRENTI",
  "153.748.790,00Totale DIR07   127.288.600,00 101.185.742,55",
  "1.B        SPESE CORRENTI",
  "DIR07   DIREZIONE WELFARE E SALUTE",
  "51 AREA DIRITTI E INCLUSIONE",
  "1 SPESE CORRENTITITOLO:",
  "03 ACQUISTO DI BENI E SERVIZIMACROAGGR:",
];
const amounts = (l: BudgetLineRecord) =>
  Object.fromEntries(Object.entries(l.amounts).map(([k, v]) => [k, formatCents(v)]));

describe("amounts", () => {
  it("parses Italian amounts to exact cents and back", () => {
    expect(parseCents("1.234.567,89")).toBe(123456789n);
    expect(parseCents("0,00")).toBe(0n);
    expect(formatCents(27520949305n)).toBe("275.209.493,05");
    expect(() => parseCents("1.234,5")).toThrow(/not an amount/);
  });
});

describe("line shapes of the seed 003 layout", () => {
  it("joins a description wrapped over blank lines and reads the V flag before glued amounts", () => {
    const { lines } = parse([
      ...ENTRATE,
      "27 1 02010101000 TRASFERIMENTI DA AMMINISTRAZIONI CENTRALI PER ",
      "",
      "L'IMMIGRAZIONE",
      "V1.234.240,003.500.000,00 1.605.958,38",
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      capitolo: 27,
      articolo: 1,
      sub: 0,
      pdc: "E.2.01.01.01.000",
      description: "TRASFERIMENTI DA AMMINISTRAZIONI CENTRALI PER L'IMMIGRAZIONE",
      vincolo: true,
      firstLine: 9,
      lastLine: 12,
    });
    expect(amounts(lines[0] as BudgetLineRecord)).toEqual({
      forecast: "1.234.240,00",
      priorForecast: "3.500.000,00",
      priorActual: "1.605.958,38",
    });
  });

  it("reads a line without the vincolo flag, zero amounts and a 2-digit sub glued to the PDC", () => {
    const { lines } = parse([
      ...ENTRATE,
      "38 15 82010101000 TRASFERIMENTI STATALI PER L'ACCOGLIENZA DEI ",
      "",
      "MINORI STRANIERI NON ACCOMPAGNATI",
      "900.000,000,00 0,00",
      "38 15 102010101000 TRASFERIMENTI STATALI - PROGETTO SAI - MINORI V16.020.000,007.520.000,00 5.586.244,88",
      "300 20 13050203000 RIMBORSI, RECUPERI E RESTITUZIONI DIVERSE ",
      "(EMERGENZA COVID 19)",
      "V0,000,00 13.460,00",
    ]);
    expect(lines.map((l) => [l.sub, l.vincolo, l.pdc])).toEqual([
      [8, false, "E.2.01.01.01.000"],
      [10, true, "E.2.01.01.01.000"],
      [1, true, "E.3.05.02.03.000"],
    ]);
    expect(amounts(lines[0] as BudgetLineRecord)).toMatchObject({ forecast: "900.000,00", priorForecast: "0,00" });
    expect(lines[2]?.description).toBe("RIMBORSI, RECUPERI E RESTITUZIONI DIVERSE (EMERGENZA COVID 19)");
    expect(amounts(lines[2] as BudgetLineRecord)).toEqual({
      forecast: "0,00",
      priorForecast: "0,00",
      priorActual: "13.460,00",
    });
  });

  it("splits missione and programma glued after the amounts and keeps markers verbatim", () => {
    const { lines } = parse([
      ...SPESE,
      "3765 43 01040205999 TRASFERIMENTI CORRENTI A FAMIGLIE 0,000,0012 04 526.000,00",
      "3792 2 01030102000 (ART.NON RIPETUTO) FONDO A RENDER ",
      "CONTO - BENI DI CONSUMO",
      "0,005.000,0012 08 5.000,00",
      " 3763 20 21030215000 SPESE DIVERSE RICOVERI NOTTURNI - SERVIZI ",
      "A REGIME D'IMPRESA",
      "3.224.410,003.192.300,0012 04 1.882.914,00",
    ]);
    expect(lines.map((l) => [l.capitolo, l.articolo, l.sub, l.missione, l.programma])).toEqual([
      [3765, 43, 0, "12", "04"],
      [3792, 2, 0, "12", "08"],
      [3763, 20, 2, "12", "04"],
    ]);
    expect(lines[1]?.description).toBe("(ART.NON RIPETUTO) FONDO A RENDER CONTO - BENI DI CONSUMO");
    expect(amounts(lines[0] as BudgetLineRecord).priorActual).toBe("526.000,00");
  });

  it("skips repeated and partial page headers and page footers between records", () => {
    const { lines, problems } = parse([
      ...SPESE,
      "3763 46 01030211000 PON INCLUSIONE - PRESTAZIONI ",
      "PROFESSIONALI E SPECIALISTICHE",
      "V100.000,0050.000,0012 04 16.991,22",
      " 2022 ",
      "PREVISIONE ",
      "2021",
      "Miss.-",
      "Progr.",
      "RENDICONTO  ",
      "2021",
      "Bilancio di Previsione 2022 - SPESE CORRENTI pag. 7",
      " PEGPDC DESCRIZIONE PEG VINCPREVISIONE ",
      "3763 47 01030211000 PRESTAZIONI PROFESSIONALI E ",
      "SPECIALISTICHE - CASA JANNACCI",
      "0,0050.000,0012 04 0,00",
    ]);
    expect(problems).toEqual([]);
    expect(lines.map((l) => l.articolo)).toEqual([46, 47]);
  });

  it("reads capital lines with the prior forecast first and codes glued after the last amounts", () => {
    const { lines, checks } = parse([
      " Bilancio di Previsione 2022 - REPORT COMMISSIONI - ",
      ...["1.A", "1.B", "1.C", "1.D"].map((s) => `${s}        X`),
      "2.A        ENTRATE IN CONTO CAPITALE",
      "2.B        SPESE IN CONTO CAPITALE",
      "DIR07   DIREZIONE WELFARE E SALUTEDIREZIONE:",
      "187 AREA DOMICILIARITA'CENTRO RESP:",
      "SPESE IN CONTO CAPITALETITOLO 2",
      "8527 3 0 CONTRIBUTI AGLI INVESTIMENTI A ",
      "FAMIGLIE - ABBATTIMENTO ",
      "BARRIERE ARCHITETTONICHE",
      "700.000,00 1.699.238,96 199.238,96 1.500.000,000,0012 02 954.151,20",
      "Totale 700.000,00 1.699.238,96 199.238,96 1.500.000,000,00SPESE IN CONTO ",
      "CAPITALE",
      "954.151,20",
      "1.699.238,96 199.238,96 1.500.000,000,00Totale 187 954.151,20700.000,00",
    ]);
    expect(lines[0]).toMatchObject({
      section: "2.B",
      settore: "187",
      titolo: "2",
      missione: "12",
      programma: "02",
      sub: 0,
    });
    expect(amounts(lines[0] as BudgetLineRecord)).toEqual({
      priorForecast: "700.000,00",
      forecast: "1.699.238,96",
      crono: "199.238,96",
      newFunds: "1.500.000,00",
      ptlp: "0,00",
      priorActual: "954.151,20",
    });
    expect(checks.filter((c) => !c.passed)).toEqual([]);
    expect(checks.map((c) => c.line)).toEqual([15, 18]);
  });

  it("fails the checks of a PDC that disagrees with its heading and of a repeated PEG key, naming the lines", () => {
    const { checks } = parse([
      ...ENTRATE,
      "56 10 62010102001 TRASFERIMENTI DA REGIONE V300.000,00300.000,00 286.819,12",
      "56 10 63010102001 TRASFERIMENTI DA REGIONE V1,001,00 1,00",
    ]);
    expect(checks.filter((c) => !c.passed)).toEqual([
      expect.objectContaining({
        line: 10,
        name: "1.A: PEG key capitolo/articolo/sub unique",
        found: "56/10/6 already at line 9",
      }),
      expect.objectContaining({ line: 10, expected: "a PDC starting 201 (heading)", found: "E.3.01.01.02.001" }),
    ]);
  });

  it("refuses another layout at its first line", () => {
    const { problems, lines } = parse(["territory;year;series;value", "015189;2024;population;1000"]);
    expect(lines).toEqual([]);
    expect(problems).toEqual([
      { line: 1, expected: expect.stringContaining("not a Bilancio report"), found: "territory;year;series;value" },
    ]);
  });
});

describe("seed 003 (Milano, Direzione Welfare e Salute, 2022)", () => {
  it("yields every budget line of every section, and every printed total matches", async () => {
    const { meta, problems, checks, sections, lines } = await analyseReport(FIXTURE);
    expect(meta).toMatchObject({ kind: "previsione", year: 2022 });
    expect(problems).toEqual([]);
    expect(checks.filter((c) => !c.passed)).toEqual([]);
    expect(checks.length).toBeGreaterThan(100);
    expect(Object.fromEntries(Object.entries(sections).map(([s, v]) => [s, v.lines]))).toEqual({
      "1.A": 83,
      "1.B": 249,
      "2.A": 9,
      "2.B": 25,
    });
    expect(sections["1.A"]?.totals).toEqual({
      forecast: "153.748.790,00",
      priorForecast: "127.288.600,00",
      priorActual: "101.185.742,55",
    });
    expect(sections["1.B"]?.totals).toEqual({
      forecast: "275.209.493,05",
      priorForecast: "246.744.500,00",
      priorActual: "228.195.357,72",
    });
    expect(sections["2.A"]?.totals).toMatchObject({
      forecast: "2.986.208,07",
      priorForecast: "1.306.250,00",
      priorActual: "1.216.300,57",
    });
    expect(sections["2.B"]?.totals).toMatchObject({
      forecast: "5.013.129,41",
      priorForecast: "3.382.086,00",
      priorActual: "1.361.479,01",
      crono: "218.129,41",
      newFunds: "4.795.000,00",
    });
    // Every recap and total level was compared, not just the Direzione totals.
    for (const name of [
      "1.A tipologia",
      "1.B macroaggregato",
      "1.C vincolate",
      "1.D programma",
      "2.A settore",
      "2.B titolo",
      "2.C programma",
      "2.C grand",
    ])
      expect(checks.some((c) => c.name.startsWith(name) && c.passed)).toBe(true);
    expect(lines.filter((l) => l.vincolo && l.section === "1.B")).toHaveLength(111);
    expect(lines.filter((l) => l.description.startsWith("*"))).toHaveLength(8);
    const longest = lines.find((l) => l.firstLine === 1297);
    expect(longest).toMatchObject({ lastLine: 1305, capitolo: 3423, articolo: 33 });
  });
});

describe("synthetic report (the benchmark's generator)", () => {
  it("parses with every total and recap matching, and no section missing", async () => {
    const text: string[] = [];
    const { records } = writeSyntheticReport(5000, (l) => text.push(l), 50);
    const path = join(mkdtempSync(join(tmpdir(), "filiera-budget-synthetic-")), "synthetic.txt");
    writeFileSync(path, text.join("\n"));
    const { lines, problems, checks } = await analyseReport(path);
    expect(problems).toEqual([]);
    expect(lines).toHaveLength(records);
    expect(checks.filter((c) => !c.passed)).toEqual([]);
    expect(text.length).toBeGreaterThan(4000);
  });
});
