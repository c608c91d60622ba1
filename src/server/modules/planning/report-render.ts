import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import PDFDocument from "pdfkit";
import type { ReportModel } from "./report-model.ts";

/** PDF and DOCX renderings of one report model. */

const MARGIN = 40;

/** Uncompressed so the text stays searchable by simple tools (reports are a few pages). */
export function renderPdf(model: ReportModel): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    compress: false,
    info: { Title: model.title, Subject: model.subtitle, Creator: "Filiera" },
    lang: "it-IT",
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => pdf.on("end", () => resolve(Buffer.concat(chunks))));
  const width = pdf.page.width - 2 * MARGIN;
  const bottom = () => pdf.page.height - MARGIN;

  pdf.font("Helvetica-Bold").fontSize(16).text(model.title, { width });
  pdf.font("Helvetica").fontSize(10).fillColor("#444").text(model.subtitle, { width }).fillColor("black");
  pdf.moveDown();
  for (const s of model.sections) {
    if (s.pageBreakBefore) pdf.addPage();
    if (pdf.y > bottom() - 60) pdf.addPage();
    pdf.font("Helvetica-Bold").fontSize(12).text(s.heading, MARGIN, pdf.y, { width });
    pdf.moveDown(0.3);
    pdf.font("Helvetica").fontSize(9);
    for (const p of s.paragraphs ?? []) pdf.text(p, { width }).moveDown(0.3);
    for (const [label, value] of s.fields ?? []) {
      if (pdf.y > bottom() - 20) pdf.addPage();
      const y = pdf.y;
      pdf.font("Helvetica-Bold").text(label, MARGIN, y, { width: width * 0.38 });
      const afterLabel = pdf.y;
      pdf.font("Helvetica").text(value, MARGIN + width * 0.4, y, { width: width * 0.6 });
      pdf.y = Math.max(afterLabel, pdf.y) + 3;
    }
    if (s.table) {
      const n = s.table.columns.length;
      // The first column (labels) gets more room; the others share the rest.
      const first = n > 2 ? width * 0.36 : width / n;
      const other = n > 1 ? (width - first) / (n - 1) : width;
      const colX = (i: number) => MARGIN + (i === 0 ? 0 : first + (i - 1) * other);
      const colW = (i: number) => (i === 0 ? first : other) - 4;
      const row = (cells: string[], bold: boolean) => {
        pdf.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(8);
        const height = Math.max(...cells.map((c, i) => pdf.heightOfString(c || " ", { width: colW(i) })));
        if (pdf.y + height > bottom()) pdf.addPage();
        const y = pdf.y;
        cells.forEach((c, i) => {
          pdf.text(c, colX(i), y, { width: colW(i) });
        });
        pdf.y = y + height + 2;
        pdf
          .moveTo(MARGIN, pdf.y - 1)
          .lineTo(MARGIN + width, pdf.y - 1)
          .lineWidth(0.3)
          .strokeColor("#999")
          .stroke();
      };
      row(s.table.columns, true);
      for (const r of s.table.rows) row(r, false);
    }
    pdf.x = MARGIN;
    pdf.moveDown();
  }
  pdf.end();
  return done;
}

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18 })] })] });

export function renderDocx(model: ReportModel): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: model.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: model.subtitle }),
  ];
  for (const s of model.sections) {
    children.push(
      new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_1, pageBreakBefore: s.pageBreakBefore }),
    );
    for (const p of s.paragraphs ?? []) children.push(new Paragraph({ text: p }));
    if (s.fields?.length)
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: s.fields.map(([label, value]) => new TableRow({ children: [cell(label, true), cell(value)] })),
        }),
      );
    if (s.table)
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: s.table.columns.map((c) => cell(c, true)) }),
            ...s.table.rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
          ],
        }),
      );
  }
  const doc = new Document({
    creator: "Filiera",
    title: model.title,
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
