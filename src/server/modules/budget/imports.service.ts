import type { z } from "zod";
import type { Db } from "../../db/database.ts";
import { AppError } from "../../platform/errors.ts";
import { importBudgetReport } from "./budget.import.ts";
import { type ImportReportDto, reportImportFields, tableImportFields } from "./imports.contracts.ts";
import { firstNonUtf8Line } from "./imports.upload.ts";
import { importBudgetTable } from "./table-import.ts";
import { loadMapping, parseMapping } from "./table-mapping.ts";
import { records } from "./table-reader.ts";

/** The web path of the importers: the same code as the CLI, on a file uploaded to a temporary path. */

function fieldsOf<T extends z.ZodTypeAny>(schema: T, raw: Record<string, string>): z.infer<T> {
  const r = schema.safeParse(raw);
  if (!r.success)
    throw new AppError(
      "VALIDATION",
      "The form has invalid fields",
      r.error.issues.map((i) => ({ path: ["body", ...i.path].join("."), message: i.message })),
    );
  return r.data;
}

export async function importReportUpload(
  db: Db,
  ambitoId: number,
  path: string,
  raw: Record<string, string>,
  actorUserId: number,
): Promise<ImportReportDto> {
  const f = fieldsOf(reportImportFields, raw);
  // The layout is UTF-8 text: a file that is not would parse into replacement characters.
  const badLine = await firstNonUtf8Line(path);
  const r = await importBudgetReport(db, ambitoId, path, {
    year: f.year,
    kind: f.kind,
    // A file with non-UTF-8 bytes is only checked, then refused: nothing may be written from it.
    dryRun: f.dryRun || badLine !== null,
    acceptFailedChecks: f.acceptFailedChecks,
    actorUserId,
  });
  const problems = r.problems.map((p) => ({ line: p.line, field: null, ...pick(p) }));
  if (badLine !== null) {
    problems.unshift({ line: badLine, field: null, expected: "UTF-8 text", found: "bytes that are not UTF-8" });
    return refuse({ ...dtoOf(r, problems), documentId: null });
  }
  return dtoOf(r, problems);
}

const pick = (p: { expected: string; found: string }) => ({ expected: p.expected, found: p.found });

/** Refuses what the importer accepted as a dry run; its own refusal message is kept. */
function refuse(dto: ImportReportDto): ImportReportDto {
  const message = dto.ok ? `${dto.problemCount} problem(s); nothing was written` : dto.message;
  return { ...dto, ok: false, status: "refused", message };
}

function dtoOf(r: Awaited<ReturnType<typeof importBudgetReport>>, problems: ImportReportDto["problems"]) {
  return {
    ok: r.ok,
    status: r.status,
    message: r.message,
    documentId: r.documentId,
    file: r.file,
    sha256: r.sha256,
    meta: r.meta,
    sections: Object.fromEntries(
      Object.entries(r.sections)
        .filter(([, s]) => s.lines)
        .map(([k, s]) => [k, { lines: s.lines, totalsCents: s.totalsCents as Record<string, number> }]),
    ),
    checks: { total: r.checks.total, passed: r.checks.passed, failed: r.checks.failed },
    problems,
    problemCount: problems.length,
    overrideAllowed: true,
    overrideNote: r.overrideNote,
    mapping: null,
  } satisfies ImportReportDto;
}

export async function importTableUpload(
  db: Db,
  ambitoId: number,
  path: string,
  raw: Record<string, string>,
  actorUserId: number,
): Promise<ImportReportDto> {
  const f = fieldsOf(tableImportFields, raw);
  let mapping: ReturnType<typeof parseMapping>;
  if (f.mapping) {
    const saved = await loadMapping(db, ambitoId, f.mapping);
    if (!saved)
      throw new AppError("VALIDATION", `No saved mapping '${f.mapping}'`, [
        { path: "body.mapping", message: "no mapping with this name: save one first" },
      ]);
    mapping = saved;
  } else {
    let json: unknown;
    try {
      json = JSON.parse(f.mappingJson as string);
    } catch {
      throw new AppError("VALIDATION", "The mapping is not JSON", [{ path: "body.mappingJson", message: "not JSON" }]);
    }
    mapping = parseMapping(json);
  }
  const r = await importBudgetTable(db, ambitoId, path, mapping, {
    mappingName: f.mapping ?? "(inline)",
    dryRun: f.dryRun,
    title: f.title,
    actorUserId,
  });
  return {
    ok: r.ok,
    status: r.status,
    message: r.message,
    documentId: r.documentId,
    file: r.file,
    sha256: r.sha256,
    meta: r.meta,
    sections: Object.fromEntries(
      Object.entries(r.sections).map(([k, s]) => [k, { lines: s.lines, totalsCents: s.totalsCents }]),
    ),
    checks: {
      total: r.checks.length,
      passed: r.checks.filter((c) => c.passed).length,
      failed: r.checks.filter((c) => !c.passed).map((c) => ({ ...c, line: null })),
    },
    problems: r.problems.map((p) => ({ line: p.line, field: p.field, expected: p.reason, found: p.found })),
    problemCount: r.problemCount,
    overrideAllowed: false,
    overrideNote: null,
    mapping: f.mapping ?? null,
  };
}

/** The column names of a table's first record, to map them in the page. */
export async function tableHeader(path: string): Promise<string[]> {
  try {
    for await (const rec of records(path)) return rec.cells.map((c) => c.trim()).filter(Boolean);
  } catch (e) {
    const line = (e as { line?: number }).line;
    throw new AppError("VALIDATION", "The file's header cannot be read", [
      { path: "body.file", message: `${line ? `line ${line}: ` : ""}${(e as Error).message}`.slice(0, 200) },
    ]);
  }
  throw new AppError("VALIDATION", "The file is empty", [{ path: "body.file", message: "no header line" }]);
}
