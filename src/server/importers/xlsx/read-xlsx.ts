import ExcelJS from "exceljs";
import type { CsvRecord } from "../csv/read-csv.ts";

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("result" in v) return cellText(v.result as ExcelJS.CellValue);
    if ("text" in v) return String(v.text);
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
  }
  return String(v);
};

/** Streams the first worksheet of an XLSX file as records, like the CSV reader. */
export async function* readXlsx(path: string): AsyncGenerator<CsvRecord> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: "cache", worksheets: "emit" });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      yield { line: row.number, cells: values.map(cellText) };
    }
    return;
  }
}
