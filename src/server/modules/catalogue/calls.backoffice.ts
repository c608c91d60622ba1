import type { Db } from "../../db/database.ts";
import { recordAudit } from "../../platform/audit/audit.service.ts";
import type { AccessScope } from "../../platform/auth/access.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { recordReferralFromApplication } from "../cases/index.ts";
import type { NotificationKind, NotificationParams } from "../notifications/index.ts";
import {
  type AppRow,
  attachmentsOf,
  auditApp,
  type Caller,
  callById,
  iso,
  loadApplication,
  notifyApplication,
  toApplicationDto,
  toCallDto,
} from "./calls.common.ts";
import type { ApplicationDto, CallAdminDto, ReviewBody } from "./catalogue.contracts.ts";
import { evaluate, type Facts, score } from "./rules/engine.ts";
import type { ApplicationStatus } from "./schema.ts";

// The back office of calls: call status, review queue, review decisions.

export async function listCalls(db: Db, scope: AccessScope): Promise<CallAdminDto[]> {
  const rows = await db
    .selectFrom("cat_call")
    .selectAll()
    .where("ambito_id", "=", scope.ambitoId)
    .orderBy("deadline")
    .execute();
  const counts = await db
    .selectFrom("cat_application")
    .select(["call_id", "status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("ambito_id", "=", scope.ambitoId)
    .where("status", "<>", "draft")
    .groupBy(["call_id", "status"])
    .execute();
  return rows.map((c) => ({
    ...toCallDto(c, scope.ambitoSlug),
    counts: Object.fromEntries(counts.filter((x) => x.call_id === c.id).map((x) => [x.status, Number(x.n)])),
  }));
}

/** The review queue: submitted applications only; the read is audited with the ids returned. */
export async function reviewQueue(db: Db, c: Caller, callId: number, status?: ApplicationStatus) {
  const call = await callById(db, c.scope.ambitoId, callId);
  const rows = await db
    .selectFrom("cat_application")
    .select([
      "id",
      "status",
      "protocol_number",
      "receipt_code",
      "submitted_at",
      "score",
      "on_behalf_kind",
      "applicant_name",
      "facts",
    ])
    .where("ambito_id", "=", c.scope.ambitoId)
    .where("call_id", "=", callId)
    .where("status", "<>", "draft")
    .$if(status !== undefined, (q) => q.where("status", "=", status as ApplicationStatus))
    .orderBy("submitted_at")
    .orderBy("id")
    .limit(1000)
    .execute();
  await recordAudit(db, {
    ambitoId: c.scope.ambitoId,
    actorUserId: c.scope.userId,
    actorKind: "user",
    action: "application.queue",
    entityType: "cat_call",
    entityId: String(callId),
    purpose: "istruttoria bando",
    ip: c.ip,
    details: { results: rows.length, ids: rows.map((r) => r.id).join(",") },
  });
  return rows.map((r) => ({
    id: r.id,
    callCode: call.code,
    callTitle: call.title,
    status: r.status,
    protocolNumber: r.protocol_number,
    receiptCode: null,
    submittedAt: iso(r.submitted_at),
    score: r.score === null ? null : Number(r.score),
    onBehalfKind: r.on_behalf_kind,
    applicantName: r.applicant_name,
    eligibility: evaluate(call.eligibility, r.facts as Facts).status,
  }));
}

export async function getApplication(db: Db, c: Caller, id: number): Promise<ApplicationDto> {
  const a = await loadApplication(db, c.scope.ambitoId, id);
  if (a.status === "draft") throw notFound("Application");
  await auditApp(db, c, "application.read", id);
  return toApplicationDto(db, a);
}

export async function getAttachment(db: Db, c: Caller, id: number, attachmentId: number) {
  const a = await loadApplication(db, c.scope.ambitoId, id);
  const own = a.applicant_user_id === c.scope.userId || a.on_behalf_user_id === c.scope.userId;
  if (!own && (a.status === "draft" || c.scope.permission !== "calls:review")) throw notFound("Attachment");
  const file = await db
    .selectFrom("cat_attachment")
    .select(["filename", "media_type", "content"])
    .where("ambito_id", "=", c.scope.ambitoId)
    .where("application_id", "=", id)
    .where("id", "=", attachmentId)
    .executeTakeFirst();
  if (!file) throw notFound("Attachment");
  await auditApp(db, c, "application.attachment.read", id, { attachment: attachmentId });
  return file;
}

const FROM: Record<ReviewBody["action"], ApplicationStatus[]> = {
  start_review: ["submitted", "appealed"],
  request_documents: ["submitted", "under_review", "appealed"],
  approve: ["submitted", "under_review", "appealed"],
  reject: ["submitted", "under_review", "needs_documents", "appealed"],
  score: ["submitted", "under_review", "approved", "appealed"],
};

/**
 * Why a rejection happened, as a kind the notification may carry: the officer's reason is free
 * text that may mention health or income, so it stays behind the link on the status page.
 */
async function rejectionKind(db: Db, a: AppRow): Promise<"requirements" | "documents" | "other"> {
  if (evaluate(a.eligibility, a.facts as Facts).status !== "eligible") return "requirements";
  const have = new Set((await attachmentsOf(db, a.ambito_id, a.id)).map((x) => x.document_code));
  return a.required_documents.some((d) => !have.has(d.code)) ? "documents" : "other";
}

/** The notification a review step sends, if any; a decision on an appealed application decides the appeal. */
function reviewNotice(action: ReviewBody["action"], from: ApplicationStatus): NotificationKind | null {
  if (action === "request_documents") return "documents_requested";
  if (action === "approve") return from === "appealed" ? "appeal_upheld" : "application_approved";
  if (action === "reject") return from === "appealed" ? "appeal_rejected" : "application_rejected";
  return null;
}

export async function reviewApplication(db: Db, c: Caller, id: number, b: ReviewBody): Promise<ApplicationDto> {
  const a = await loadApplication(db, c.scope.ambitoId, id);
  if (!FROM[b.action].includes(a.status)) {
    throw new AppError("CONFLICT", `Cannot ${b.action.replace("_", " ")} an application that is ${a.status}`);
  }
  const facts = a.facts as Facts;
  const now = new Date();
  let set: Record<string, unknown>;
  switch (b.action) {
    case "start_review":
      set = { status: "under_review" };
      break;
    case "request_documents":
      set = { status: "needs_documents", documents_request: b.reason };
      break;
    case "approve": {
      if (evaluate(a.eligibility, facts).status !== "eligible") {
        throw new AppError("CONFLICT", "The application does not meet the call's requirements: reject it instead");
      }
      const scored = a.score_note ? Number(a.score) : score(a.scoring, facts).total;
      set = { status: "approved", decision_reason: b.reason ?? null, decided_at: now, score: scored };
      break;
    }
    case "reject":
      set = { status: "rejected", decision_reason: b.reason, decided_at: now };
      break;
    case "score":
      set = { score: b.score, score_note: b.note };
      break;
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("cat_application")
      .set({ ...set, updated_at: now })
      .where("ambito_id", "=", c.scope.ambitoId)
      .where("id", "=", id)
      .execute();
    // Approval feeds the Cartella in the same transaction: both commit or neither. A second
    // approval (after an appeal) does not duplicate the referral.
    let referral: string | null = null;
    if (b.action === "approve" && a.referral_contact_id === null) {
      const r = await recordReferralFromApplication(trx, {
        ambitoId: c.scope.ambitoId,
        applicationId: id,
        comuneIstat: a.applicant_comune_istat,
        fiscalCode: a.applicant_fiscal_code,
        fullName: a.applicant_name,
        callTitle: a.call_title,
        protocolNumber: a.protocol_number,
        actorUserId: c.scope.userId,
        ip: c.ip,
      });
      referral = r.made ? "made" : r.reason;
      if (r.made) {
        await trx
          .updateTable("cat_application")
          .set({ referral_contact_id: r.contactId })
          .where("ambito_id", "=", c.scope.ambitoId)
          .where("id", "=", id)
          .execute();
      }
    }
    await auditApp(trx, c, `application.${b.action}`, id, { from: a.status, ...(referral ? { referral } : {}) });
    const notice = reviewNotice(b.action, a.status);
    if (notice) {
      const extra: NotificationParams = b.action === "reject" ? { reasonKind: await rejectionKind(trx, a) } : {};
      await notifyApplication(trx, c.scope.ambitoId, a, notice, extra);
    }
  });
  return getApplication(db, c, id);
}
