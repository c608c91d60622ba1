import ExcelJS from "exceljs";

/**
 * Any analysis table as CSV (semicolon, comma decimals: what Italian spreadsheets open directly;
 * UTF-8 with BOM so accented names survive) or XLSX (amounts as numbers formatted in euro).
 */
export interface ExportColumn {
  header: string;
  /** Money in cents: written as euro with two decimals. */
  money?: boolean;
  pct?: boolean;
}
export type ExportCell = string | number | boolean | null;
export interface ExportTable {
  name: string;
  columns: ExportColumn[];
  rows: ExportCell[][];
}

const euro = (cents: number) => {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  return `${negative ? "-" : ""}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, "0")}`;
};

const csvCell = (text: string) => (/[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

export function tableCsv(t: ExportTable): string {
  const lines = [t.columns.map((c) => csvCell(c.header)).join(";")];
  for (const row of t.rows)
    lines.push(
      row
        .map((v, i) => {
          if (v === null || v === undefined) return "";
          const col = t.columns[i];
          if (col?.money && typeof v === "number") return euro(v);
          if (col?.pct && typeof v === "number") return String(v).replace(".", ",");
          if (typeof v === "boolean") return v ? "sì" : "no";
          return csvCell(String(v));
        })
        .join(";"),
    );
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export async function tableXlsx(t: ExportTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Filiera";
  const ws = wb.addWorksheet(t.name.slice(0, 31));
  ws.addRow(t.columns.map((c) => c.header)).font = { bold: true };
  for (const row of t.rows)
    ws.addRow(
      row.map((v, i) => {
        if (v === null || v === undefined) return null;
        if (t.columns[i]?.money && typeof v === "number") return v / 100;
        if (typeof v === "boolean") return v ? "sì" : "no";
        return v;
      }),
    );
  t.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    if (c.money) col.numFmt = "#,##0.00";
    if (c.pct) col.numFmt = "0.00";
    col.width = c.money ? 18 : Math.min(60, Math.max(10, c.header.length + 2));
  });
  ws.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
