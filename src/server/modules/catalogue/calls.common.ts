import { createHash } from "node:crypto";
import type { Selectable } from "kysely";
import type { Db } from "../../db/database.ts";
import { recordAudit } from "../../platform/audit/audit.service.ts";
import type { AccessScope } from "../../platform/auth/access.ts";
import { notFound } from "../../platform/errors.ts";
import { findTenant } from "../../platform/tenancy.ts";
import {
  type NewNotification,
  type NotificationKind,
  type NotificationParams,
  notifyMany,
} from "../notifications/index.ts";
import type { ApplicationDto, CallDto } from "./catalogue.contracts.ts";
import { evaluate, type Facts } from "./rules/engine.ts";
import type { CatCallTable } from "./schema.ts";

// What the call and application services share: rows, DTOs, lookups, the audit of an application.

export interface Caller {
  scope: AccessScope;
  ip: string | null;
}

export type CallRow = Selectable<CatCallTable>;

export const iso = (d: Date | null) => (d ? d.toISOString() : null);
export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

export const acceptsApplications = (c: Pick<CallRow, "status" | "opens_at" | "deadline">, now = new Date()) =>
  c.status === "open" && c.opens_at <= now && now <= c.deadline;

export function toCallDto(c: CallRow, ambito: string): CallDto {
  return {
    id: c.id,
    ambito,
    code: c.code,
    title: c.title,
    description: c.description,
    status: c.status,
    acceptsApplications: acceptsApplications(c),
    opensAt: c.opens_at.toISOString(),
    deadline: c.deadline.toISOString(),
    budgetCents: c.budget_cents,
    maxGrantCents: c.max_grant_cents,
    eligibility: c.eligibility,
    scoring: c.scoring,
    requiredDocuments: c.required_documents,
    serviceId: c.service_id,
    source: c.source,
    rankingPublishedAt: iso(c.ranking_published_at),
  };
}

export async function tenant(db: Db, slug: string) {
  const t = await findTenant(db, slug);
  if (!t) throw notFound(`Ambito '${slug}'`);
  return t;
}

export async function callByCode(db: Db, ambitoId: number, code: string): Promise<CallRow> {
  const c = await db
    .selectFrom("cat_call")
    .selectAll()
    .where("ambito_id", "=", ambitoId)
    .where("code", "=", code)
    .executeTakeFirst();
  if (!c) throw notFound("Call");
  return c;
}

export async function callById(db: Db, ambitoId: number, id: number): Promise<CallRow> {
  const c = await db
    .selectFrom("cat_call")
    .selectAll()
    .where("ambito_id", "=", ambitoId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!c) throw notFound("Call");
  return c;
}

export const auditApp = (db: Db, c: Caller, action: string, applicationId: number, details = {}) =>
  recordAudit(db, {
    ambitoId: c.scope.ambitoId,
    actorUserId: c.scope.userId,
    actorKind: "user",
    action,
    entityType: "cat_application",
    entityId: String(applicationId),
    purpose: "istruttoria bando",
    ip: c.ip,
    details,
  });

export type AppRow = Awaited<ReturnType<typeof loadApplication>>;

export async function loadApplication(db: Db, ambitoId: number, id: number) {
  const a = await db
    .selectFrom("cat_application as a")
    .innerJoin("cat_call as c", (j) => j.onRef("c.ambito_id", "=", "a.ambito_id").onRef("c.id", "=", "a.call_id"))
    .innerJoin("ambito as t", "t.id", "a.ambito_id")
    .selectAll("a")
    .select([
      "t.slug as ambito",
      "c.code as call_code",
      "c.title as call_title",
      "c.eligibility",
      "c.scoring",
      "c.required_documents",
      "c.salt",
      "c.status as call_status",
      "c.opens_at",
      "c.deadline",
    ])
    .where("a.ambito_id", "=", ambitoId)
    .where("a.id", "=", id)
    .executeTakeFirst();
  if (!a) throw notFound("Application");
  return a;
}

export async function attachmentsOf(db: Db, ambitoId: number, applicationId: number) {
  return db
    .selectFrom("cat_attachment")
    .select(["id", "document_code", "filename", "media_type", "size_bytes", "uploaded_at"])
    .where("ambito_id", "=", ambitoId)
    .where("application_id", "=", applicationId)
    .orderBy("id")
    .execute();
}

export async function toApplicationDto(db: Db, a: AppRow): Promise<ApplicationDto> {
  const attachments = await attachmentsOf(db, a.ambito_id, a.id);
  const have = new Set(attachments.map((x) => x.document_code));
  return {
    id: a.id,
    ambito: a.ambito,
    callCode: a.call_code,
    callTitle: a.call_title,
    status: a.status,
    applicantName: a.applicant_name,
    applicantFiscalCode: a.applicant_fiscal_code,
    applicantComune: a.applicant_comune_istat,
    referralContactId: a.referral_contact_id,
    onBehalfKind: a.on_behalf_kind,
    onBehalfNote: a.on_behalf_note,
    facts: a.facts as Facts,
    requestedCents: a.requested_cents,
    protocolNumber: a.protocol_number,
    receiptCode: a.receipt_code,
    score: a.score === null ? null : Number(a.score),
    scoreNote: a.score_note,
    decisionReason: a.decision_reason,
    documentsRequest: a.documents_request,
    appealText: a.appeal_text,
    submittedAt: iso(a.submitted_at),
    decidedAt: iso(a.decided_at),
    evaluation: evaluate(a.eligibility, a.facts as Facts),
    attachments: attachments.map((x) => ({
      id: x.id,
      documentCode: x.document_code,
      filename: x.filename,
      mediaType: x.media_type,
      sizeBytes: x.size_bytes,
      uploadedAt: x.uploaded_at.toISOString(),
    })),
    missingDocuments: a.required_documents.filter((d) => !have.has(d.code)),
  };
}

// ---- Notifications about an application ----

type Addressed = Pick<
  AppRow,
  "applicant_user_id" | "on_behalf_user_id" | "applicant_fiscal_code" | "call_title" | "call_code" | "ambito"
>;

/** Where a notification sends its reader: the status by receipt once there is one, else the form. */
export const applicationLink = (ambito: string, callCode: string, receipt: string | null) =>
  receipt ? `/stato-domanda?codice=${encodeURIComponent(receipt)}` : `/bandi/${ambito}/${callCode}/domanda`;

/**
 * Who hears about an application: the applicant's account, whoever filed it on their behalf (CAF,
 * patronato, social worker) and, for an application filed on someone's behalf, the active citizen
 * account with the applicant's codice fiscale if there is one.
 */
export async function recipientsOf(db: Db, a: Addressed): Promise<number[]> {
  const ids = new Set<number>();
  if (a.applicant_user_id !== null) ids.add(a.applicant_user_id);
  if (a.on_behalf_user_id !== null) ids.add(a.on_behalf_user_id);
  if (a.applicant_user_id === null) {
    const citizen = await db
      .selectFrom("app_user")
      .select("id")
      .where("fiscal_code", "=", a.applicant_fiscal_code.toUpperCase())
      .where("active", "=", true)
      .executeTakeFirst();
    if (citizen) ids.add(citizen.id);
  }
  return [...ids];
}

/**
 * Tells an application's recipients about a step, inside the caller's transaction. Params are what
 * the recipients already see on the status page (call title, protocol, receipt), never the facts,
 * names or the officer's free text (it may mention health or income): they read it behind the link.
 */
export async function notifyApplication(
  db: Db,
  ambitoId: number,
  a: Addressed & { protocol_number: string | null; receipt_code: string | null },
  kind: NotificationKind,
  extra: NotificationParams = {},
): Promise<void> {
  const params: NotificationParams = { callTitle: a.call_title, ...extra };
  if (a.protocol_number) params.protocolNumber = a.protocol_number;
  if (a.receipt_code) params.receiptCode = a.receipt_code;
  const link = applicationLink(a.ambito, a.call_code, a.receipt_code);
  const list: NewNotification[] = (await recipientsOf(db, a)).map((userId) => ({
    userId,
    ambitoId,
    kind,
    params,
    link,
  }));
  await notifyMany(db, list);
}
