import { createHash } from "node:crypto";
import type { Db } from "../../db/database.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import type { Caller } from "../people/index.ts";
import { auditCase, requireCase } from "./case-access.ts";

/** Documents of a case, stored in the database (bytea) with their size, hash and sniffed type. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const KINDS = {
  pdf: { mime: "application/pdf", ext: ["pdf"] },
  png: { mime: "image/png", ext: ["png"] },
  jpeg: { mime: "image/jpeg", ext: ["jpg", "jpeg"] },
  office: { mime: "application/zip", ext: ["docx", "xlsx", "odt", "ods"] },
  text: { mime: "text/plain", ext: ["txt"] },
} as const;
type Kind = keyof typeof KINDS;

const startsWith = (b: Uint8Array, bytes: number[]) => bytes.every((x, i) => b[i] === x);

/** What the bytes are, from their magic numbers (not from the name or the declared type). */
export function sniff(b: Uint8Array): Kind | null {
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf";
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(b, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return "office";
  const head = b.subarray(0, 4096);
  if (head.includes(0)) return null;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head.length < b.length ? head.subarray(0, head.length - 4) : head);
    return "text";
  } catch {
    return null;
  }
}

const extensionOf = (name: string) => name.toLowerCase().split(".").pop() ?? "";
const cleanName = (name: string) => name.replace(/[^\p{L}\p{N}._ -]/gu, "_").slice(0, 120) || "documento";

export interface Upload {
  fileName: string;
  declaredType: string;
  content: Buffer;
  truncated: boolean;
  description?: string;
  expiresOn?: string;
}

export async function addAttachment(db: Db, c: Caller, caseId: string, u: Upload) {
  const ctx = await requireCase(db, c, caseId, "attachment.create", "write");
  if (u.truncated) {
    throw new AppError("PAYLOAD_TOO_LARGE", "The file is too large", [
      { path: "body.file", message: `larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB` },
    ]);
  }
  if (u.content.length === 0)
    throw new AppError("VALIDATION", "Empty file", [{ path: "body.file", message: "the file is empty" }]);
  const ext = extensionOf(u.fileName);
  const expected = (Object.keys(KINDS) as Kind[]).find((k) => (KINDS[k].ext as readonly string[]).includes(ext));
  if (!expected) {
    throw new AppError("VALIDATION", "File type not accepted", [
      { path: "body.file", message: "accepted: PDF, PNG, JPEG, DOCX, XLSX, ODT, ODS, TXT" },
    ]);
  }
  const actual = sniff(u.content);
  if (actual !== expected) {
    throw new AppError("VALIDATION", "The file is not what its name says", [
      {
        path: "body.file",
        message: `named .${ext} but its content is ${actual ? KINDS[actual].mime : "not a known type"}`,
      },
    ]);
  }
  if (u.expiresOn !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(u.expiresOn)) {
    throw new AppError("VALIDATION", "Invalid date", [
      { path: "body.expiresOn", message: "must be a date (YYYY-MM-DD)" },
    ]);
  }
  const description = u.description?.trim().slice(0, 300) || null;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("attachment")
      .values({
        ambito_id: c.scope.ambitoId,
        case_id: caseId,
        file_name: cleanName(u.fileName),
        declared_type: u.declaredType.slice(0, 100),
        sniffed_type: KINDS[actual].mime,
        size_bytes: u.content.length,
        sha256: createHash("sha256").update(u.content).digest("hex"),
        description,
        expires_on: u.expiresOn ?? null,
        content: u.content,
        uploaded_by: c.scope.userId,
      })
      .returning(["id"])
      .executeTakeFirstOrThrow();
    if (u.expiresOn) {
      // A reminder for the document that expires (e.g. a certificate, an ISEE), a month ahead.
      await trx
        .insertInto("task")
        .values({
          ambito_id: c.scope.ambitoId,
          case_id: caseId,
          kind: "document_expiring",
          title: `Documento in scadenza: ${cleanName(u.fileName)}`,
          due_on: new Date(Date.parse(u.expiresOn) - 30 * 86_400_000).toISOString().slice(0, 10),
          assigned_to: ctx.responsibleUserId,
          created_by: c.scope.userId,
        })
        .execute();
    }
    await auditCase(trx, c, "attachment.create", caseId, ctx.comune, { attachment: row.id, type: KINDS[actual].mime });
    const saved = (await attachmentsOf(trx, c.scope.ambitoId, caseId)).find((a) => a.id === row.id);
    if (!saved) throw new Error("attachment vanished inside its own transaction");
    return saved;
  });
}

export async function attachmentsOf(db: Db, ambitoId: number, caseId: string) {
  const rows = await db
    .selectFrom("attachment as a")
    .innerJoin("app_user as u", "u.id", "a.uploaded_by")
    .select([
      "a.id",
      "a.file_name",
      "a.sniffed_type",
      "a.size_bytes",
      "a.description",
      "a.expires_on",
      "a.uploaded_at",
      "u.display_name",
    ])
    .where("a.ambito_id", "=", ambitoId)
    .where("a.case_id", "=", caseId)
    .orderBy("a.uploaded_at", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    sniffedType: r.sniffed_type,
    sizeBytes: r.size_bytes,
    description: r.description,
    expiresOn: r.expires_on,
    uploadedAt: new Date(r.uploaded_at).toISOString(),
    uploadedByName: r.display_name,
  }));
}

export async function readAttachment(db: Db, c: Caller, id: string) {
  const row = await db
    .selectFrom("attachment")
    .select(["case_id", "file_name", "sniffed_type", "content"])
    .where("ambito_id", "=", c.scope.ambitoId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("Attachment");
  const ctx = await requireCase(db, c, row.case_id, "attachment.read");
  await auditCase(db, c, "attachment.read", row.case_id, ctx.comune, { attachment: id });
  return { fileName: row.file_name, type: row.sniffed_type, content: Buffer.from(row.content) };
}
