import ExcelJS from "exceljs";
import { AppError, type FieldError } from "../../platform/errors.ts";
import type { Monitoring } from "./monitoring.ts";
import type { PlanDocument } from "./plan-document.ts";
import { STATUS_LABEL } from "./report-model.ts";

/**
 * A plan as a workbook: one sheet per list of the plan document, one row per item, one column per
 * field (lists inside a cell as JSON). Reading it back gives the same document, so a plan can be
 * edited in a spreadsheet and imported with the same checks as JSON.
 */
const LISTS = [
  ["macroAreas", "MacroAree"],
  ["pillars", "Capisaldi"],
  ["objectives", "Obiettivi"],
  ["actions", "Azioni"],
  ["indicators", "Indicatori"],
  ["targets", "Target"],
  ["measurements", "Misurazioni"],
  ["evaluations", "Valutazioni"],
  ["leps", "LEPS"],
  ["asstSheets", "SchedeASST"],
  ["bodies", "Organi"],
  ["members", "Membri"],
  ["meetings", "Incontri"],
] as const;
type ListKey = (typeof LISTS)[number][0];
const HEADER_FIELDS = [
  "format",
  "ambito",
  "title",
  "periodStart",
  "periodEnd",
  "status",
  "version",
  "approval",
  "previousPlan",
] as const;

type Row = Record<string, unknown>;

function listsOf(doc: PlanDocument): Record<ListKey, Row[]> {
  return {
    macroAreas: doc.macroAreas,
    pillars: doc.pillars,
    objectives: doc.objectives,
    actions: doc.actions,
    indicators: doc.indicators.map(({ targets: _t, ...rest }) => rest),
    targets: doc.indicators.flatMap((i) => i.targets.map((t) => ({ indicator: i.code, ...t }))),
    measurements: doc.measurements,
    evaluations: doc.evaluations,
    leps: doc.leps,
    asstSheets: doc.asstSheets,
    bodies: doc.governance.bodies.map(({ members: _m, ...rest }) => rest),
    members: doc.governance.bodies.flatMap((b) => b.members.map((m) => ({ body: b.code, ...m }))),
    meetings: doc.governance.meetings,
  };
}

const encode = (v: unknown): ExcelJS.CellValue =>
  v === null || v === undefined ? null : typeof v === "object" ? JSON.stringify(v) : (v as ExcelJS.CellValue);

function decode(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined || v === "") return undefined;
  if (typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("");
  if (typeof v === "string" && /^[[{]/.test(v.trim())) {
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  }
  return v;
}

export async function planToXlsx(doc: PlanDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Filiera";
  const head = wb.addWorksheet("Piano");
  head.addRow(["campo", "valore"]);
  for (const f of HEADER_FIELDS) head.addRow([f, encode(doc[f])]);
  head.getColumn(2).width = 60;
  const lists = listsOf(doc);
  for (const [key, sheet] of LISTS) {
    const ws = wb.addWorksheet(sheet);
    const rows = lists[key];
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    ws.addRow(columns.length ? columns : ["code"]);
    ws.getRow(1).font = { bold: true };
    for (const r of rows) ws.addRow(columns.map((c) => encode(r[c])));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The document a workbook holds (unchecked: import validates it like any other document). */
export async function xlsxToPlan(data: Buffer): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError("VALIDATION", "The file is not a readable XLSX workbook", [
      { path: "file", message: "not an XLSX file" },
    ]);
  }
  const head = wb.getWorksheet("Piano");
  if (!head)
    throw new AppError("VALIDATION", "The workbook has no 'Piano' sheet", [
      { path: "Piano", message: "missing sheet" },
    ]);
  const doc: Row = {};
  head.eachRow((row, n) => {
    if (n === 1) return;
    const key = String(row.getCell(1).value ?? "");
    const v = decode(row.getCell(2).value);
    if (key && v !== undefined) doc[key] = v;
  });
  const lists = {} as Record<ListKey, Row[]>;
  for (const [key, sheet] of LISTS) {
    const ws = wb.getWorksheet(sheet);
    const rows: Row[] = [];
    if (ws) {
      const columns = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map((c) => String(c ?? ""));
      ws.eachRow((row, n) => {
        if (n === 1) return;
        const item: Row = {};
        columns.forEach((c, i) => {
          const v = decode(row.getCell(i + 1).value);
          if (c && v !== undefined) item[c] = v;
        });
        rows.push(item);
      });
    }
    lists[key] = rows;
  }
  const targets = lists.targets;
  const members = lists.members;
  return {
    ...doc,
    macroAreas: lists.macroAreas,
    pillars: lists.pillars,
    objectives: lists.objectives,
    actions: lists.actions,
    indicators: lists.indicators.map((i) => ({
      ...i,
      targets: targets.filter((t) => t.indicator === i.code).map(({ indicator: _i, ...t }) => t),
    })),
    measurements: lists.measurements,
    evaluations: lists.evaluations,
    leps: lists.leps,
    asstSheets: lists.asstSheets,
    governance: {
      bodies: lists.bodies.map((b) => ({
        ...b,
        members: members.filter((m) => m.body === b.code).map(({ body: _b, ...m }) => m),
      })),
      meetings: lists.meetings,
    },
  };
}

const SHEET_OF: Record<string, string> = Object.fromEntries(LISTS);

/** Rewrites document paths (objectives[3].macroArea) as sheet rows (Obiettivi row 5) for a workbook's author. */
export function xlsxPaths(fields: FieldError[]): FieldError[] {
  return fields.map((f) => {
    const m = /^(\w+)(?:\[(\d+)\]|\.(\d+))(.*)$/.exec(f.path);
    const sheet = m?.[1] ? SHEET_OF[m[1]] : undefined;
    if (!m || !sheet) return f;
    const index = Number(m[2] ?? m[3]);
    return { path: `${sheet} row ${index + 2}${m[4] ? ` (${m[4].replace(/^\./, "")})` : ""}`, message: f.message };
  });
}

/** Every indicator with its targets per year, latest value and status (for the Ufficio di Piano). */
export async function indicatorsXlsx(doc: PlanDocument, m: Monitoring): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Indicatori");
  const years: number[] = [];
  for (let y = doc.periodStart; y <= doc.periodEnd; y++) years.push(y);
  ws.addRow([
    "obiettivo",
    "codice",
    "tipo",
    "indicatore",
    "unità",
    "direzione",
    "baseline",
    ...years.map((y) => `target ${y}`),
    ...years.map((y) => `valore ${y}`),
    "fonte",
    "query",
    "avanzamento",
    "stato",
  ]);
  ws.getRow(1).font = { bold: true };
  const progress = new Map(m.objectives.flatMap((o) => o.indicators.map((i) => [i.code, i])));
  const measured = new Map(doc.measurements.map((x) => [`${x.indicator}|${x.year}`, x.value]));
  for (const i of doc.indicators) {
    const p = progress.get(i.code);
    ws.addRow([
      i.objective,
      i.code,
      i.type,
      i.label,
      i.unit,
      i.direction,
      i.baseline ?? null,
      ...years.map((y) => i.targets.find((t) => t.year === y)?.value ?? null),
      ...years.map((y) => (p?.year === y ? p.value : (measured.get(`${i.code}|${y}`) ?? null))),
      i.source,
      i.queryKey ?? null,
      p?.progress ?? null,
      p ? STATUS_LABEL[p.status] : null,
    ]);
  }
  ws.getColumn(4).width = 70;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
