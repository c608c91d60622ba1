import { createHash, randomInt } from "node:crypto";
import { type Selectable, sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { recordAudit } from "../../platform/audit/audit.service.ts";
import type { AccessScope } from "../../platform/auth/access.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { findTenant } from "../../platform/tenancy.ts";
import { recordReferralFromApplication } from "../cases/index.ts";
import { checkAttachment, decodeBase64 } from "./attachments.ts";
import type {
  ApplicationBody,
  ApplicationDto,
  ApplicationSummaryDto,
  CallAdminDto,
  CallDto,
  EvaluationDto,
  RankingDto,
  ReviewBody,
  StatusLookupDto,
} from "./catalogue.contracts.ts";
import { evaluate, type Facts, rank, score } from "./rules/engine.ts";
import type { ApplicationStatus, CallStatus, CatCallTable } from "./schema.ts";

export interface Caller {
  scope: AccessScope;
  ip: string | null;
}

type CallRow = Selectable<CatCallTable>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

export const acceptsApplications = (c: Pick<CallRow, "status" | "opens_at" | "deadline">, now = new Date()) =>
  c.status === "open" && c.opens_at <= now && now <= c.deadline;

function toCallDto(c: CallRow, ambito: string): CallDto {
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

async function tenant(db: Db, slug: string) {
  const t = await findTenant(db, slug);
  if (!t) throw notFound(`Ambito '${slug}'`);
  return t;
}

async function callByCode(db: Db, ambitoId: number, code: string): Promise<CallRow> {
  const c = await db
    .selectFrom("cat_call")
    .selectAll()
    .where("ambito_id", "=", ambitoId)
    .where("code", "=", code)
    .executeTakeFirst();
  if (!c) throw notFound("Call");
  return c;
}

async function callById(db: Db, ambitoId: number, id: number): Promise<CallRow> {
  const c = await db
    .selectFrom("cat_call")
    .selectAll()
    .where("ambito_id", "=", ambitoId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!c) throw notFound("Call");
  return c;
}

// ---- Public ----

export async function listPublicCalls(db: Db, slug: string): Promise<CallDto[]> {
  const t = await tenant(db, slug);
  const rows = await db.selectFrom("cat_call").selectAll().where("ambito_id", "=", t.id).orderBy("deadline").execute();
  return rows.map((c) => toCallDto(c, t.slug));
}

export async function getPublicCall(db: Db, slug: string, code: string): Promise<CallDto> {
  const t = await tenant(db, slug);
  return toCallDto(await callByCode(db, t.id, code), t.slug);
}

/** The self-check: the answers are evaluated and forgotten (nothing stored, bodies never logged). */
export async function checkEligibility(db: Db, slug: string, code: string, facts: Facts): Promise<EvaluationDto> {
  const t = await tenant(db, slug);
  return evaluate((await callByCode(db, t.id, code)).eligibility, facts);
}

export async function listOpenCallsForFit(db: Db, ambitoId: number) {
  return db
    .selectFrom("cat_call")
    .select(["code", "title", "eligibility"])
    .where("ambito_id", "=", ambitoId)
    .where("status", "=", "open")
    .where("deadline", ">=", new Date())
    .orderBy("deadline")
    .execute();
}

/** What the bearer of a receipt code may know: the state of that one application, nothing else. */
export async function lookupReceipt(db: Db, code: string): Promise<StatusLookupDto> {
  const a = await db
    .selectFrom("cat_application as a")
    .innerJoin("cat_call as c", (j) => j.onRef("c.ambito_id", "=", "a.ambito_id").onRef("c.id", "=", "a.call_id"))
    .innerJoin("ambito as t", "t.id", "a.ambito_id")
    .leftJoin("cat_ranking as r", (j) =>
      j
        .onRef("r.ambito_id", "=", "a.ambito_id")
        .onRef("r.call_id", "=", "a.call_id")
        .onRef("r.application_id", "=", "a.id"),
    )
    .select([
      "t.slug",
      "c.title",
      "c.ranking_published_at",
      "a.status",
      "a.protocol_number",
      "a.submitted_at",
      "a.decided_at",
      "a.documents_request",
      "a.decision_reason",
      "r.pseudo_id",
      "r.rank",
      "r.outcome",
      "r.funded_cents",
    ])
    .where("a.receipt_code", "=", code.toUpperCase())
    .executeTakeFirst();
  if (!a?.protocol_number || !a.submitted_at) throw notFound("Receipt");
  const published = a.ranking_published_at !== null && a.pseudo_id !== null;
  return {
    ambito: a.slug,
    callTitle: a.title,
    status: a.status,
    protocolNumber: a.protocol_number,
    submittedAt: a.submitted_at.toISOString(),
    decidedAt: iso(a.decided_at),
    documentsRequest: a.status === "needs_documents" ? a.documents_request : null,
    decisionReason: a.decision_reason,
    ranking: published
      ? {
          pseudoId: a.pseudo_id as string,
          rank: a.rank as number,
          outcome: a.outcome as "funded" | "waiting",
          fundedCents: a.funded_cents as number,
        }
      : null,
  };
}

// ---- Applications (citizen, or CAF / patronato / social worker on someone's behalf) ----

const auditApp = (db: Db, c: Caller, action: string, applicationId: number, details = {}) =>
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

type AppRow = Awaited<ReturnType<typeof loadApplication>>;

async function loadApplication(db: Db, ambitoId: number, id: number) {
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

async function attachmentsOf(db: Db, ambitoId: number, applicationId: number) {
  return db
    .selectFrom("cat_attachment")
    .select(["id", "document_code", "filename", "media_type", "size_bytes", "uploaded_at"])
    .where("ambito_id", "=", ambitoId)
    .where("application_id", "=", applicationId)
    .orderBy("id")
    .execute();
}

async function toApplicationDto(db: Db, a: AppRow): Promise<ApplicationDto> {
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

/** The applicant's own application (or one they filed on someone's behalf); others are "not found". */
async function ownApplication(db: Db, c: Caller, id: number) {
  const a = await loadApplication(db, c.scope.ambitoId, id);
  if (a.applicant_user_id !== c.scope.userId && a.on_behalf_user_id !== c.scope.userId) throw notFound("Application");
  return a;
}

export async function listMyApplications(db: Db, c: Caller): Promise<ApplicationSummaryDto[]> {
  const rows = await db
    .selectFrom("cat_application as a")
    .innerJoin("cat_call as k", (j) => j.onRef("k.ambito_id", "=", "a.ambito_id").onRef("k.id", "=", "a.call_id"))
    .select([
      "a.id",
      "k.code",
      "k.title",
      "a.status",
      "a.protocol_number",
      "a.receipt_code",
      "a.submitted_at",
      "a.score",
      "a.on_behalf_kind",
      "a.applicant_name",
    ])
    .where("a.ambito_id", "=", c.scope.ambitoId)
    .where((eb) =>
      eb.or([eb("a.applicant_user_id", "=", c.scope.userId), eb("a.on_behalf_user_id", "=", c.scope.userId)]),
    )
    .orderBy("a.id", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    callCode: r.code,
    callTitle: r.title,
    status: r.status,
    protocolNumber: r.protocol_number,
    receiptCode: r.receipt_code,
    submittedAt: iso(r.submitted_at),
    score: r.score === null ? null : Number(r.score),
    onBehalfKind: r.on_behalf_kind,
    applicantName: r.applicant_name,
  }));
}

export async function getMyApplication(db: Db, c: Caller, id: number): Promise<ApplicationDto> {
  return toApplicationDto(db, await ownApplication(db, c, id));
}

function closedCallError(call: Pick<CallRow, "status" | "opens_at" | "deadline">): AppError {
  const now = new Date();
  const why =
    call.status !== "open"
      ? `the call is ${call.status}`
      : now < call.opens_at
        ? `the call opens on ${call.opens_at.toISOString()}`
        : `the deadline was ${call.deadline.toISOString()}`;
  return new AppError("CONFLICT", `Applications are not accepted: ${why}`);
}

export async function createApplication(db: Db, c: Caller, code: string, b: ApplicationBody): Promise<ApplicationDto> {
  const call = await callByCode(db, c.scope.ambitoId, code);
  if (!acceptsApplications(call)) throw closedCallError(call);
  if (b.requestedCents > call.max_grant_cents) {
    throw new AppError("VALIDATION", "The amount exceeds the call's maximum", [
      { path: "body.requestedCents", message: `at most ${call.max_grant_cents} cents` },
    ]);
  }
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("cat_application")
      .values({
        ambito_id: c.scope.ambitoId,
        call_id: call.id,
        applicant_user_id: b.onBehalf ? null : c.scope.userId,
        applicant_name: b.applicantName,
        applicant_fiscal_code: b.applicantFiscalCode,
        applicant_comune_istat: b.applicantComune ?? null,
        on_behalf_kind: b.onBehalf?.kind ?? null,
        on_behalf_user_id: b.onBehalf ? c.scope.userId : null,
        on_behalf_note: b.onBehalf?.note ?? null,
        household_key: sha256(`${call.salt}:${b.householdFiscalCode}`),
        facts: JSON.stringify(b.facts),
        requested_cents: b.requestedCents,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await auditApp(trx, c, "application.create", row.id, {
      call: call.code,
      onBehalf: b.onBehalf?.kind ?? null,
    });
    return row.id;
  });
  return getMyApplication(db, c, id);
}

const EDITABLE: ApplicationStatus[] = ["draft", "needs_documents"];

export async function updateMyApplication(
  db: Db,
  c: Caller,
  id: number,
  b: Partial<ApplicationBody>,
): Promise<ApplicationDto> {
  const a = await ownApplication(db, c, id);
  if (!EDITABLE.includes(a.status))
    throw new AppError("CONFLICT", `An application in state '${a.status}' cannot be changed`);
  // Once submitted, the household (the duplicate check) is fixed; only the answers may be completed.
  if (a.status !== "draft" && (b.householdFiscalCode || b.applicantFiscalCode)) {
    throw new AppError("VALIDATION", "The applicant and household cannot change after submission", [
      { path: "body.householdFiscalCode", message: "fixed after submission" },
    ]);
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("cat_application")
      .set({
        ...(b.applicantName ? { applicant_name: b.applicantName } : {}),
        ...(b.applicantFiscalCode ? { applicant_fiscal_code: b.applicantFiscalCode } : {}),
        ...(b.applicantComune ? { applicant_comune_istat: b.applicantComune } : {}),
        ...(b.householdFiscalCode ? { household_key: sha256(`${a.salt}:${b.householdFiscalCode}`) } : {}),
        ...(b.facts ? { facts: JSON.stringify(b.facts) } : {}),
        ...(b.requestedCents ? { requested_cents: b.requestedCents } : {}),
        updated_at: new Date(),
      })
      .where("ambito_id", "=", c.scope.ambitoId)
      .where("id", "=", id)
      .execute();
    await auditApp(trx, c, "application.update", id);
  });
  return getMyApplication(db, c, id);
}

export async function addAttachment(
  db: Db,
  c: Caller,
  id: number,
  b: { documentCode: string; filename: string; mediaType: string; contentBase64: string },
): Promise<ApplicationDto> {
  const a = await ownApplication(db, c, id);
  if (!EDITABLE.includes(a.status))
    throw new AppError("CONFLICT", `An application in state '${a.status}' cannot be changed`);
  if (!a.required_documents.some((d) => d.code === b.documentCode) && b.documentCode !== "altro") {
    throw new AppError("VALIDATION", "Unknown document", [
      { path: "body.documentCode", message: "not a document this call asks for" },
    ]);
  }
  const content = decodeBase64(b.contentBase64);
  if (!content) {
    throw new AppError("VALIDATION", "The file is not valid base64", [
      { path: "body.contentBase64", message: "invalid base64" },
    ]);
  }
  const check = checkAttachment(b.filename, b.mediaType, content);
  if ("field" in check) {
    throw new AppError("VALIDATION", `The attachment was refused: ${check.message}`, [
      { path: `body.${check.field}`, message: check.message },
    ]);
  }
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("cat_attachment")
      .values({
        ambito_id: c.scope.ambitoId,
        application_id: id,
        document_code: b.documentCode,
        filename: b.filename.replace(/[^\p{L}\p{N}._ -]/gu, "_"),
        media_type: check.mediaType,
        size_bytes: content.length,
        sha256: createHash("sha256").update(content).digest("hex"),
        content,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await auditApp(trx, c, "application.attach", id, { attachment: row.id, document: b.documentCode });
  });
  return getMyApplication(db, c, id);
}

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
function receiptCode(): string {
  const chars = Array.from({ length: 12 }, () => CROCKFORD[randomInt(32)]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

async function nextProtocol(db: Db, ambitoId: number, now: Date): Promise<string> {
  const year = now.getUTCFullYear();
  const row = await db
    .insertInto("cat_protocol_counter")
    .values({ ambito_id: ambitoId, year, last: 1 })
    .onConflict((oc) =>
      oc.columns(["ambito_id", "year"]).doUpdateSet((eb) => ({ last: eb("cat_protocol_counter.last", "+", 1) })),
    )
    .returning("last")
    .executeTakeFirstOrThrow();
  return `${year}/${String(row.last).padStart(6, "0")}`;
}

const DUPLICATE = () =>
  new AppError("CONFLICT", "An application for this household has already been submitted to this call", [
    { path: "body.householdFiscalCode", message: "this household has already applied to this call" },
  ]);

/**
 * Submission: the call must accept applications (a resubmission after a request for documents may
 * come after the deadline), the answers must meet every rule, every required document must be
 * attached, and the household must not have applied already. Then a protocol number and a receipt.
 */
export async function submitApplication(db: Db, c: Caller, id: number) {
  const a = await ownApplication(db, c, id);
  const resubmission = a.status === "needs_documents";
  if (a.status !== "draft" && !resubmission) throw new AppError("CONFLICT", `The application is already ${a.status}`);
  if (!resubmission && !acceptsApplications({ status: a.call_status, opens_at: a.opens_at, deadline: a.deadline })) {
    throw closedCallError({ status: a.call_status, opens_at: a.opens_at, deadline: a.deadline });
  }
  const dto = await toApplicationDto(db, a);
  const problems = dto.evaluation.results
    .filter((r) => r.outcome === "fail" || r.outcome === "unknown")
    .map((r) => ({
      path: `body.facts.${r.missing[0] ?? r.facts[0] ?? r.id}`,
      message: r.outcome === "unknown" ? `missing answer: ${r.label.en}` : r.explanation.en,
    }));
  if (problems.length) {
    throw new AppError("VALIDATION", "The application does not meet the call's requirements", problems);
  }
  if (dto.missingDocuments.length) {
    throw new AppError(
      "VALIDATION",
      "Required documents are missing",
      dto.missingDocuments.map((d) => ({ path: `attachments.${d.code}`, message: `missing: ${d.label}` })),
    );
  }
  if (!resubmission) {
    const dup = await db
      .selectFrom("cat_application")
      .select("id")
      .where("ambito_id", "=", a.ambito_id)
      .where("call_id", "=", a.call_id)
      .where("household_key", "=", a.household_key)
      .where("status", "<>", "draft")
      .executeTakeFirst();
    if (dup) throw DUPLICATE();
  }
  const now = new Date();
  try {
    return await db.transaction().execute(async (trx) => {
      const protocol = a.protocol_number ?? (await nextProtocol(trx, a.ambito_id, now));
      const receipt = a.receipt_code ?? receiptCode();
      await trx
        .updateTable("cat_application")
        .set({
          status: "submitted",
          protocol_number: protocol,
          receipt_code: receipt,
          submitted_at: a.submitted_at ?? now,
          documents_request: null,
          updated_at: now,
        })
        .where("ambito_id", "=", a.ambito_id)
        .where("id", "=", id)
        .execute();
      await auditApp(trx, c, resubmission ? "application.resubmit" : "application.submit", id, { protocol });
      return { protocolNumber: protocol, receiptCode: receipt, submittedAt: (a.submitted_at ?? now).toISOString() };
    });
  } catch (e) {
    // Two submissions racing for the same household: the partial unique index decides.
    if ((e as { code?: string }).code === "23505") throw DUPLICATE();
    throw e;
  }
}

export async function appealApplication(db: Db, c: Caller, id: number, text: string): Promise<ApplicationDto> {
  const a = await ownApplication(db, c, id);
  if (a.status !== "rejected") throw new AppError("CONFLICT", "Only a rejected application can be appealed");
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("cat_application")
      .set({ status: "appealed", appeal_text: text, updated_at: new Date() })
      .where("ambito_id", "=", a.ambito_id)
      .where("id", "=", id)
      .execute();
    await auditApp(trx, c, "application.appeal", id);
  });
  return getMyApplication(db, c, id);
}

// ---- Back office ----

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

export async function setCallStatus(db: Db, c: Caller, id: number, status: CallStatus): Promise<CallDto> {
  const call = await callById(db, c.scope.ambitoId, id);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("cat_call")
      .set({ status })
      .where("ambito_id", "=", c.scope.ambitoId)
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, {
      ambitoId: c.scope.ambitoId,
      actorUserId: c.scope.userId,
      actorKind: "user",
      action: "call.status",
      entityType: "cat_call",
      entityId: String(id),
      ip: c.ip,
      details: { from: call.status, to: status },
    });
  });
  return toCallDto(await callById(db, c.scope.ambitoId, id), c.scope.ambitoSlug);
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
  });
  return getApplication(db, c, id);
}

const pseudoId = (salt: string, applicationId: number) =>
  `P-${sha256(`${salt}:${applicationId}`).slice(0, 8).toUpperCase()}`;

/**
 * Computes the graduatoria from the approved applications and replaces the previous one in one
 * transaction; the order is total, so computing twice gives the same rows. A recomputation
 * withdraws the publication until the Ambito publishes again.
 */
export async function computeRanking(db: Db, c: Caller, callId: number): Promise<RankingDto> {
  const call = await callById(db, c.scope.ambitoId, callId);
  const apps = await db
    .selectFrom("cat_application")
    .select(["id", "score", "facts", "submitted_at", "requested_cents"])
    .where("ambito_id", "=", c.scope.ambitoId)
    .where("call_id", "=", callId)
    .where("status", "=", "approved")
    .execute();
  const rows = rank(
    apps.map((a) => ({
      applicationId: a.id,
      score: a.score === null ? score(call.scoring, a.facts as Facts).total : Number(a.score),
      facts: a.facts as Facts,
      submittedAt: a.submitted_at as Date,
      requestedCents: a.requested_cents,
    })),
    call.scoring,
    call.budget_cents,
    call.max_grant_cents,
  );
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom("cat_ranking")
      .where("ambito_id", "=", c.scope.ambitoId)
      .where("call_id", "=", callId)
      .execute();
    // One statement from parallel arrays: 100.000 rows in batches of VALUES took most of the time.
    await sql`insert into cat_ranking
        (ambito_id, call_id, application_id, pseudo_id, rank, score, funded_cents, outcome, computed_at)
      select ${c.scope.ambitoId}::int, ${callId}::int, r.*, now()
      from unnest(${rows.map((r) => r.applicationId)}::int[], ${rows.map((r) => pseudoId(call.salt, r.applicationId))}::text[],
        ${rows.map((r) => r.rank)}::int[], ${rows.map((r) => r.score)}::numeric[], ${rows.map((r) => r.fundedCents)}::int8[],
        ${rows.map((r) => r.outcome)}::text[]) as r`.execute(trx);
    await trx
      .updateTable("cat_call")
      .set({ ranking_published_at: null })
      .where("ambito_id", "=", c.scope.ambitoId)
      .where("id", "=", callId)
      .execute();
    await recordAudit(trx, {
      ambitoId: c.scope.ambitoId,
      actorUserId: c.scope.userId,
      actorKind: "user",
      action: "ranking.compute",
      entityType: "cat_call",
      entityId: String(callId),
      ip: c.ip,
      details: { rows: rows.length, funded: rows.filter((r) => r.outcome === "funded").length },
    });
  });
  return rankingOf(db, c.scope.ambitoId, callId, true);
}

export async function publishRanking(db: Db, c: Caller, callId: number): Promise<RankingDto> {
  await callById(db, c.scope.ambitoId, callId);
  const any = await db
    .selectFrom("cat_ranking")
    .select("rank")
    .where("ambito_id", "=", c.scope.ambitoId)
    .where("call_id", "=", callId)
    .executeTakeFirst();
  if (!any) throw new AppError("CONFLICT", "Compute the ranking before publishing it");
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("cat_call")
      .set({ ranking_published_at: new Date() })
      .where("ambito_id", "=", c.scope.ambitoId)
      .where("id", "=", callId)
      .execute();
    await recordAudit(trx, {
      ambitoId: c.scope.ambitoId,
      actorUserId: c.scope.userId,
      actorKind: "user",
      action: "ranking.publish",
      entityType: "cat_call",
      entityId: String(callId),
      ip: c.ip,
    });
  });
  return rankingOf(db, c.scope.ambitoId, callId, true);
}

/** The ranking; the public version carries pseudonymised ids only, and only once published. */
export async function rankingOf(db: Db, ambitoId: number, callId: number, backOffice: boolean): Promise<RankingDto> {
  const call = await callById(db, ambitoId, callId);
  if (!backOffice && !call.ranking_published_at) throw notFound("Published ranking");
  const rows = await db
    .selectFrom("cat_ranking as r")
    .innerJoin("cat_application as a", (j) =>
      j.onRef("a.ambito_id", "=", "r.ambito_id").onRef("a.id", "=", "r.application_id"),
    )
    .select([
      "r.rank",
      "r.pseudo_id",
      "r.score",
      "r.outcome",
      "r.funded_cents",
      "r.application_id",
      "a.protocol_number",
    ])
    .where("r.ambito_id", "=", ambitoId)
    .where("r.call_id", "=", callId)
    .orderBy("r.rank")
    .execute();
  const funded = rows.filter((r) => r.outcome === "funded");
  return {
    callCode: call.code,
    callTitle: call.title,
    budgetCents: call.budget_cents,
    publishedAt: iso(call.ranking_published_at),
    fundedCount: funded.length,
    waitingCount: rows.length - funded.length,
    fundedCents: funded.reduce((s, r) => s + r.funded_cents, 0),
    rows: rows.map((r) => ({
      rank: r.rank,
      pseudoId: r.pseudo_id,
      score: Number(r.score),
      outcome: r.outcome,
      fundedCents: r.funded_cents,
      ...(backOffice ? { applicationId: r.application_id, protocolNumber: r.protocol_number ?? "" } : {}),
    })),
  };
}

export async function publicRanking(db: Db, slug: string, code: string): Promise<RankingDto> {
  const t = await tenant(db, slug);
  const call = await callByCode(db, t.id, code);
  return rankingOf(db, t.id, call.id, false);
}
