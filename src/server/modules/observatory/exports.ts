import ExcelJS from "exceljs";
import type { DiscrepancyDto, ProfileDto } from "../../../shared/contracts/observatory.ts";
import { AMBITO } from "./count-store.ts";

/** Below this count a figure could identify people: it is suppressed in data that leave the Ambito. */
export const SMALL_COUNT = 5;

const csvCell = (v: unknown) => {
  const text = v === null || v === undefined ? "" : String(v);
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
export const toCsv = (header: string[], rows: unknown[][]) =>
  `${[header, ...rows].map((r) => r.map(csvCell).join(";")).join("\r\n")}\r\n`;

function nameOf(profile: ProfileDto) {
  const names = new Map(profile.comuni.map((c) => [c.istatCode, c.name]));
  return (territory: string) => (territory === AMBITO ? profile.ambito.name : (names.get(territory) ?? territory));
}

export interface ProfileRow {
  territory: string;
  name: string;
  indicator: string;
  year: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  origin: string;
  table: string | null;
}

/** Profile rows; with `suppress`, values resting on fewer than 5 people are blanked (open data). */
export function profileRows(profile: ProfileDto, suppress: boolean): ProfileRow[] {
  const name = nameOf(profile);
  return profile.values.map((v) => {
    const small =
      suppress &&
      ((v.numerator !== null && v.numerator < SMALL_COUNT) || (v.denominator !== null && v.denominator < SMALL_COUNT));
    return {
      territory: v.territory,
      name: name(v.territory),
      indicator: v.indicator,
      year: v.year,
      value: small ? null : Math.round(v.value * 100) / 100,
      numerator: small ? null : v.numerator,
      denominator: small ? null : v.denominator,
      origin: small ? "suppressed (< 5)" : v.origin,
      table: v.table,
    };
  });
}

const PROFILE_HEADER = [
  "codice_istat",
  "territorio",
  "indicatore",
  "anno",
  "valore",
  "numeratore",
  "denominatore",
  "origine",
  "tabella",
];
const asArray = (r: ProfileRow) => [
  r.territory,
  r.name,
  r.indicator,
  r.year,
  r.value,
  r.numerator,
  r.denominator,
  r.origin,
  r.table,
];

export const profileCsv = (profile: ProfileDto, suppress: boolean) =>
  toCsv(PROFILE_HEADER, profileRows(profile, suppress).map(asArray));

export async function profileXlsx(profile: ProfileDto): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Filiera";
  const sheet = wb.addWorksheet("Indicatori");
  sheet.addRow(PROFILE_HEADER);
  for (const r of profileRows(profile, false)) sheet.addRow(asArray(r));
  sheet.getRow(1).font = { bold: true };
  const pop = wb.addWorksheet("Popolazione");
  pop.addRow(["codice_istat", "territorio", "anno", "popolazione"]);
  const name = nameOf(profile);
  for (const p of profile.population) pop.addRow([p.territory, name(p.territory), p.year, p.value]);
  pop.getRow(1).font = { bold: true };
  const formulas = wb.addWorksheet("Formule");
  formulas.addRow(["indicatore", "unità", "formula (ISTAT)"]);
  for (const d of profile.indicators) formulas.addRow([d.code, d.unit, d.formula]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const CHECK_HEADER = [
  "documento",
  "tabella",
  "riga",
  "colonna",
  "riga_fonte",
  "tipo",
  "pubblicato",
  "ricalcolato",
  "differenza",
  "gravità",
  "spiegazione",
];
export const discrepanciesCsv = (items: DiscrepancyDto[]) =>
  toCsv(
    CHECK_HEADER,
    items.map((d) => [
      d.document,
      d.table,
      d.row,
      d.column,
      d.line,
      d.kind,
      d.published,
      d.recomputed,
      d.difference,
      d.severity,
      d.explanation,
    ]),
  );
