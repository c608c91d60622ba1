import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { AppError } from "../../platform/errors.ts";
import type { CompareDto, CompareQuery, CoverageDto, PivotDto, PivotQuery, PivotRowDto } from "./analysis.contracts.ts";
import {
  classifiedLines,
  classifiedSummary,
  classifyQuery,
  countLines,
  coverageSums,
  pivotLines,
  pivotSums,
  settoreSideBySide,
} from "./analysis.repo.ts";
import { findDocument } from "./budget.repo.ts";
import type { ExportTable } from "./exports.ts";

/** Percentage with two decimals; null when the base is zero (no meaningful ratio). */
export const pct = (part: number, base: number) => (base === 0 ? null : Math.round((part * 10000) / base) / 100);

async function documentOrFail(db: Db, ambitoId: number, id: number) {
  const doc = await findDocument(db, ambitoId, id);
  if (!doc) throw new AppError("NOT_FOUND", `no budget document ${id} in this Ambito`);
  return doc;
}

function row(key: string, label: string | null, lines: number, f: number, pf: number, pa: number): PivotRowDto {
  return {
    key,
    label,
    lines,
    forecastCents: f,
    priorForecastCents: pf,
    priorActualCents: pa,
    diffPriorForecastCents: f - pf,
    pctPriorForecast: pct(f - pf, pf),
    diffPriorActualCents: f - pa,
    pctPriorActual: pct(f - pa, pa),
  };
}

/** Sums by one axis (or the lines themselves) with forecast vs prior forecast vs prior actual. */
export async function pivot(db: Db, ambitoId: number, documentId: number, q: PivotQuery): Promise<PivotDto> {
  const doc = await documentOrFail(db, ambitoId, documentId);
  let items: PivotRowDto[];
  let total: PivotRowDto;
  if (q.rows === "line") {
    const [t, lines] = await Promise.all([
      countLines(db, ambitoId, documentId, q),
      pivotLines(db, ambitoId, documentId, q, q.limit),
    ]);
    total = row("", null, Number(t.n), Number(t.forecast), Number(t.prior_forecast), Number(t.prior_actual));
    items = lines.map((l) => ({
      ...row(
        `${l.capitolo}/${l.articolo}/${l.sub}`,
        l.description,
        1,
        Number(l.forecast_cents),
        Number(l.prior_forecast_cents),
        Number(l.prior_actual_cents),
      ),
      line: {
        section: l.section,
        settore: l.settore,
        settoreName: l.settore_name,
        pdc: l.pdc,
        pdcName: l.pdc_name,
        missione: l.missione,
        programma: l.programma,
        programmaName: l.programma_name,
        vincolo: l.vincolo,
        firstLine: l.first_line,
      },
    }));
  } else {
    const sums = await pivotSums(db, ambitoId, documentId, q.rows, q.level, q, q.limit);
    const asRow = (s: (typeof sums)[number]) =>
      row(s.key ?? "", s.label, Number(s.lines), Number(s.forecast), Number(s.prior_forecast), Number(s.prior_actual));
    const totalRow = sums.find((s) => s.key === null);
    total = totalRow ? { ...asRow(totalRow), label: null } : row("", null, 0, 0, 0, 0);
    items = sums.filter((s) => s.key !== null).map(asRow);
  }
  return {
    documentId,
    year: doc.year,
    rows: q.rows,
    level: q.level,
    side: q.side,
    items,
    total,
    truncated: q.rows === "line" ? items.length < total.lines : items.length >= q.limit,
  };
}

export function pivotTable(p: PivotDto): ExportTable {
  const y = p.year;
  const isLine = p.rows === "line";
  return {
    name: `${p.side} per ${p.rows}`,
    columns: [
      { header: isLine ? "PEG (capitolo/articolo/sub)" : p.rows },
      { header: isLine ? "descrizione" : "denominazione" },
      ...(isLine
        ? [
            { header: "sezione" },
            { header: "settore" },
            { header: "piano dei conti" },
            { header: "missione.programma" },
            { header: "vincolo" },
            { header: "riga sorgente" },
          ]
        : [{ header: "righe" }]),
      { header: `previsione ${y}`, money: true },
      { header: `previsione ${y - 1}`, money: true },
      { header: `rendiconto ${y - 1}`, money: true },
      { header: `differenza su previsione ${y - 1}`, money: true },
      { header: `% su previsione ${y - 1}`, pct: true },
      { header: `differenza su rendiconto ${y - 1}`, money: true },
      { header: `% su rendiconto ${y - 1}`, pct: true },
    ],
    rows: [...p.items, { ...p.total, key: "TOTALE", label: null }].map((r) => [
      r.key,
      r.label,
      ...(isLine
        ? [
            r.line?.section ?? null,
            r.line?.settore ?? null,
            r.line?.pdc ?? null,
            r.line?.missione ? `${r.line.missione}.${r.line.programma}` : null,
            r.line ? r.line.vincolo : null,
            r.line?.firstLine ?? null,
          ]
        : [r.lines]),
      r.forecastCents,
      r.priorForecastCents,
      r.priorActualCents,
      r.diffPriorForecastCents,
      r.pctPriorForecast,
      r.diffPriorActualCents,
      r.pctPriorActual,
    ]),
  };
}

export const COMPARE_RULES = {
  new: "con un altro documento: presente solo qui; nello stesso documento: previsto quest'anno, senza previsione né rendiconto l'anno prima",
  discontinued:
    "con un altro documento: presente solo nell'altro; nello stesso documento: nessuna previsione quest'anno, prevista l'anno prima",
  unplanned:
    "rendiconto dell'anno prima maggiore di zero senza previsione dell'anno prima (ogni riga compare una volta, nel primo stato che si applica)",
};

export async function compare(db: Db, ambitoId: number, documentId: number, q: CompareQuery): Promise<CompareDto> {
  await documentOrFail(db, ambitoId, documentId);
  if (q.with !== undefined) {
    if (q.with === documentId)
      throw new AppError("VALIDATION", "compare with another document", [
        { path: "querystring.with", message: "must be a different document" },
      ]);
    await documentOrFail(db, ambitoId, q.with);
  }
  const other = q.with ?? null;
  const query = classifyQuery(ambitoId, documentId, q.side, other);
  // Grouping a million PEG keys: give this read more sort/hash memory than the default 4 MB.
  const { summary, lines, settori } = await db.transaction().execute(async (trx) => {
    await sql`set local work_mem = '64MB'`.execute(trx);
    return {
      summary: await classifiedSummary(trx, query),
      lines: await classifiedLines(trx, query, q.limit + 1),
      settori: await settoreSideBySide(trx, ambitoId, documentId, q.side, other),
    };
  });
  return {
    documentId,
    withDocumentId: other,
    side: q.side,
    rules: COMPARE_RULES,
    summary: summary.map((s) => ({
      status: s.status,
      lines: Number(s.n),
      forecastCents: Number(s.forecast),
      otherCents: Number(s.other),
      priorActualCents: Number(s.prior_actual),
    })),
    settori: settori.map((s) => {
      const f = Number(s.forecast ?? 0);
      const o = Number(s.other ?? 0);
      return {
        settore: s.settore,
        label: s.label,
        forecastCents: f,
        otherCents: o,
        diffCents: f - o,
        pct: pct(f - o, o),
      };
    }),
    lines: lines.slice(0, q.limit).map((l) => ({
      status: l.status,
      section: l.section,
      key: `${l.capitolo}/${l.articolo}/${l.sub}`,
      settore: l.settore,
      description: l.description,
      forecastCents: Number(l.forecast),
      otherCents: Number(l.other),
      priorActualCents: Number(l.prior_actual),
    })),
    truncated: lines.length > q.limit,
  };
}

export function compareTable(c: CompareDto): ExportTable {
  return {
    name: "confronto",
    columns: [
      { header: "stato" },
      { header: "sezione" },
      { header: "PEG" },
      { header: "settore" },
      { header: "descrizione" },
      { header: "previsione", money: true },
      { header: c.withDocumentId ? `previsione documento ${c.withDocumentId}` : "previsione anno prima", money: true },
      { header: "rendiconto anno prima", money: true },
    ],
    rows: c.lines.map((l) => [
      l.status,
      l.section,
      l.key,
      l.settore,
      l.description,
      l.forecastCents,
      l.otherCents,
      l.priorActualCents,
    ]),
  };
}

type Triple = { forecastCents: number; priorForecastCents: number; priorActualCents: number };
const triple = (r: Record<string, string | null>, p: string): Triple => ({
  forecastCents: Number(r[`${p}_f`] ?? 0),
  priorForecastCents: Number(r[`${p}_pf`] ?? 0),
  priorActualCents: Number(r[`${p}_pa`] ?? 0),
});
const add = (a: Triple, b: Triple): Triple => ({
  forecastCents: a.forecastCents + b.forecastCents,
  priorForecastCents: a.priorForecastCents + b.priorForecastCents,
  priorActualCents: a.priorActualCents + b.priorActualCents,
});
const zero = (): Triple => ({ forecastCents: 0, priorForecastCents: 0, priorActualCents: 0 });
const coverageOf = (rev: Triple, exp: Triple) => ({
  forecast: pct(rev.forecastCents, exp.forecastCents),
  priorForecast: pct(rev.priorForecastCents, exp.priorForecastCents),
  priorActual: pct(rev.priorActualCents, exp.priorActualCents),
});

/**
 * Restricted (V) revenue against restricted spending, and the share of spending covered by the
 * Direzione's own revenue, per settore and in total (current or capital part).
 */
export async function coverage(
  db: Db,
  ambitoId: number,
  documentId: number,
  part: "corrente" | "capitale",
): Promise<CoverageDto> {
  await documentOrFail(db, ambitoId, documentId);
  const sums = await coverageSums(db, ambitoId, documentId, part);
  const rows = sums.map((r) => {
    const revenue = triple(r, "rev");
    const spending = triple(r, "exp");
    return {
      settore: r.settore,
      label: r.label,
      revenue,
      spending,
      restrictedRevenue: triple(r, "vrev"),
      restrictedSpending: triple(r, "vexp"),
      coveragePct: coverageOf(revenue, spending),
    };
  });
  const t = rows.reduce(
    (acc, r) => ({
      revenue: add(acc.revenue, r.revenue),
      spending: add(acc.spending, r.spending),
      restrictedRevenue: add(acc.restrictedRevenue, r.restrictedRevenue),
      restrictedSpending: add(acc.restrictedSpending, r.restrictedSpending),
    }),
    { revenue: zero(), spending: zero(), restrictedRevenue: zero(), restrictedSpending: zero() },
  );
  return {
    documentId,
    part,
    rows,
    total: { settore: "", label: null, ...t, coveragePct: coverageOf(t.revenue, t.spending) },
  };
}

export function coverageTable(c: CoverageDto): ExportTable {
  const cols = ["forecastCents", "priorForecastCents", "priorActualCents"] as const;
  const names = ["previsione", "previsione anno prima", "rendiconto anno prima"];
  const groups = [
    ["entrate", "revenue"],
    ["spese", "spending"],
    ["entrate vincolate", "restrictedRevenue"],
    ["spese vincolate", "restrictedSpending"],
  ] as const;
  return {
    name: `copertura ${c.part}`,
    columns: [
      { header: "settore" },
      { header: "denominazione" },
      ...groups.flatMap(([g]) => names.map((n) => ({ header: `${g} - ${n}`, money: true }))),
      ...names.map((n) => ({ header: `% copertura - ${n}`, pct: true })),
    ],
    rows: [...c.rows, { ...c.total, settore: "TOTALE" }].map((r) => [
      r.settore,
      r.label,
      ...groups.flatMap(([, g]) => cols.map((k) => r[g][k])),
      r.coveragePct.forecast,
      r.coveragePct.priorForecast,
      r.coveragePct.priorActual,
    ]),
  };
}
