import { createWriteStream } from "node:fs";
import { mkdtemp, open, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import type { FastifyRequest } from "fastify";
import { AppError } from "../../platform/errors.ts";

/** Upper bound of an uploaded budget file: the 1M-line synthetic report is 25 MB. */
export const MAX_BUDGET_UPLOAD_BYTES = 32 * 1024 * 1024;

export type UploadKind = "report" | "table";
const EXTENSIONS: Record<UploadKind, string[]> = { report: [".txt"], table: [".csv", ".txt", ".tsv", ".xlsx"] };

export interface BudgetUpload {
  /** The file on disk, named as uploaded (the importers record and read its name). */
  path: string;
  fields: Record<string, string>;
  cleanup: () => Promise<void>;
}

const fileError = (message: string) => new AppError("VALIDATION", message, [{ path: "body.file", message }]);

/** Keeps the uploaded name readable but harmless as a path component. */
function safeName(name: string): string {
  const cleaned = basename(name)
    .replace(/[^\w.\- ]+/g, "_")
    .slice(-120);
  return cleaned.replace(/^\.+/, "") || "upload";
}

/**
 * Streams the multipart file to a private temporary directory (never held whole in memory) and
 * collects the text fields. Refuses files over the limit and files whose content is not what the
 * extension says: an XLSX is a zip, a text/CSV file holds no NUL byte.
 */
export async function receiveBudgetUpload(request: FastifyRequest, kind: UploadKind): Promise<BudgetUpload> {
  if (!request.isMultipart())
    throw new AppError("VALIDATION", "Send the file as multipart/form-data", [
      { path: "body.file", message: "required" },
    ]);
  const dir = await mkdtemp(join(tmpdir(), "filiera-budget-"));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    const fields: Record<string, string> = {};
    let path: string | null = null;
    for await (const part of request.parts({ limits: { fileSize: MAX_BUDGET_UPLOAD_BYTES, files: 1, fields: 10 } })) {
      if (part.type === "file") {
        const name = safeName(part.filename || "upload");
        const ext = extname(name).toLowerCase();
        if (!EXTENSIONS[kind].includes(ext)) {
          part.file.resume();
          throw fileError(`expected a ${EXTENSIONS[kind].join(", ")} file, found '${ext || name}'`);
        }
        path = join(dir, name);
        await pipeline(part.file, createWriteStream(path));
        if (part.file.truncated)
          throw new AppError("VALIDATION", "The file is too large", [
            { path: "body.file", message: `larger than ${MAX_BUDGET_UPLOAD_BYTES / 1024 / 1024} MB` },
          ]);
      } else fields[part.fieldname] = String(part.value ?? "").trim();
    }
    if (!path) throw fileError("attach a file");
    await checkContent(path);
    return { path, fields, cleanup };
  } catch (e) {
    await cleanup();
    const code = (e as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE")
      throw new AppError("VALIDATION", "The file is too large", [
        { path: "body.file", message: `larger than ${MAX_BUDGET_UPLOAD_BYTES / 1024 / 1024} MB` },
      ]);
    if (code === "FST_FILES_LIMIT" || code === "FST_FIELDS_LIMIT" || code === "FST_PARTS_LIMIT")
      throw new AppError("VALIDATION", "Send one file and the form fields only", [
        { path: "body", message: "too many parts" },
      ]);
    throw e;
  }
}

async function checkContent(path: string): Promise<void> {
  const handle = await open(path, "r");
  try {
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const sample = head.subarray(0, bytesRead);
    if (!bytesRead) throw fileError("expected a file with a header line and budget lines, found an empty file");
    const zip = sample.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    if (extname(path).toLowerCase() === ".xlsx") {
      if (!zip) throw fileError("expected an XLSX workbook, found a file that is not one");
    } else if (zip || sample.includes(0)) throw fileError("expected a text or CSV file, found binary content");
  } finally {
    await handle.close();
  }
}

/** The line of the first byte sequence that is not UTF-8 (the report layout is UTF-8 text), or null. */
export async function firstNonUtf8Line(path: string): Promise<number | null> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const bytes = await readFile(path);
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return null;
}
