import type { z } from "zod";
import { type PublishedDocument, publishedDocument } from "../../../shared/contracts/observatory.ts";

export interface ImportProblem {
  where: string;
  line: number | null;
  message: string;
}

export interface ResolvedDocument {
  doc: PublishedDocument;
  /** Comune name (as written) -> ISTAT code. */
  comuni: Map<string, string>;
}

const pathOf = (doc: unknown, issue: z.core.$ZodIssue): { where: string; line: number | null } => {
  const [, t, part, r] = issue.path as (string | number)[];
  const tables = (doc as { tables?: { code?: string; rows?: { label?: string; line?: number }[] }[] })?.tables;
  const table = typeof t === "number" ? tables?.[t] : undefined;
  const row = part === "rows" && typeof r === "number" ? table?.rows?.[r] : undefined;
  const where = [
    table?.code ?? (t !== undefined ? `tables[${t}]` : "document"),
    row?.label,
    issue.path.slice(row ? 5 : 3).join("."),
  ]
    .filter(Boolean)
    .join(" / ");
  return { where, line: row?.line ?? null };
};

/**
 * Validates a published-tables document against the Ambito's Comuni before anything is written:
 * every problem with the table, row and line it concerns.
 */
export function validatePublished(
  input: unknown,
  ambitoComuni: { istat_code: string; name: string }[],
): { ok: true; value: ResolvedDocument } | { ok: false; problems: ImportProblem[] } {
  const parsed = publishedDocument.safeParse(input);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => ({ ...pathOf(input, i), message: i.message })) };
  }
  const doc = parsed.data;
  const byName = new Map(ambitoComuni.map((c) => [c.name.toLowerCase(), c.istat_code]));
  const byCode = new Map(ambitoComuni.map((c) => [c.istat_code, c.istat_code]));
  const comuni = new Map<string, string>();
  const problems: ImportProblem[] = [];
  const codes = new Set<string>();
  for (const table of doc.tables) {
    if (codes.has(table.code))
      problems.push({ where: table.code, line: table.lines?.[0] ?? null, message: "table code used twice" });
    codes.add(table.code);
    const keys = new Set(table.columns.map((c) => c.key));
    if (keys.size !== table.columns.length)
      problems.push({ where: table.code, line: null, message: "column keys must be unique" });
    const labels = new Set<string>();
    for (const row of table.rows) {
      const where = `${table.code} / ${row.label}`;
      const line = row.line ?? null;
      if (labels.has(row.label)) problems.push({ where, line, message: "row label used twice in the table" });
      labels.add(row.label);
      for (const [key, value] of Object.entries(row.values)) {
        if (!keys.has(key)) problems.push({ where: `${where} / ${key}`, line, message: "no column with this key" });
        const col = table.columns.find((c) => c.key === key);
        if (col?.measure.kind === "count" && value < 0)
          problems.push({ where: `${where} / ${key}`, line, message: "a count cannot be negative" });
      }
      if (row.kind === "comune") {
        const name = row.comune ?? row.label;
        const code = byCode.get(name) ?? byName.get(name.toLowerCase());
        if (!code) problems.push({ where, line, message: `'${name}' is not a Comune of this Ambito` });
        else comuni.set(name, code);
      }
      if (table.lines && row.line && (row.line < table.lines[0] || row.line > table.lines[1])) {
        problems.push({ where, line, message: `line outside the table's lines ${table.lines[0]}-${table.lines[1]}` });
      }
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: { doc, comuni } };
}
