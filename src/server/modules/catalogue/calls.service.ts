import { createHash, randomInt } from "node:crypto";
import type { Db } from "../../db/database.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { checkAttachment, decodeBase64 } from "./attachments.ts";
import {
  acceptsApplications,
  auditApp,
  type Caller,
  type CallRow,
  callByCode,
  iso,
  loadApplication,
  notifyApplication,
  sha256,
  tenant,
  toApplicationDto,
  toCallDto,
} from "./calls.common.ts";
import type {
  ApplicationBody,
  ApplicationDto,
  ApplicationSummaryDto,
  CallDto,
  EvaluationDto,
  StatusLookupDto,
} from "./catalogue.contracts.ts";
import { evaluate, type Facts } from "./rules/engine.ts";
import type { ApplicationStatus } from "./schema.ts";

// Calls and applications as citizens see them: public calls, self-check, receipts, own applications.

export async function listPublicCalls(db: Db, slug: string): Promise<CallDto[]> {
  const t = await tenant(db, slug);
  const rows = await db
    .selectFrom("cat_call")
    .selectAll()
    .where("ambito_id", "=", t.id)
    .where("status", "<>", "draft")
    .orderBy("deadline")
    .execute();
  return rows.map((c) => toCallDto(c, t.slug));
}

export async function getPublicCall(db: Db, slug: string, code: string): Promise<CallDto> {
  const t = await tenant(db, slug);
  return toCallDto(await publicCallByCode(db, t.id, code), t.slug);
}

/** The self-check: the answers are evaluated and forgotten (nothing stored, bodies never logged). */
export async function checkEligibility(db: Db, slug: string, code: string, facts: Facts): Promise<EvaluationDto> {
  const t = await tenant(db, slug);
  return evaluate((await publicCallByCode(db, t.id, code)).eligibility, facts);
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

/** A draft is the office's work in progress: to the public it does not exist yet. */
async function publicCallByCode(db: Db, ambitoId: number, code: string) {
  const call = await callByCode(db, ambitoId, code);
  if (call.status === "draft") throw notFound("Call");
  return call;
}

const sameJson = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

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

/** The Comuni an applicant of this Ambito may live in (its members; Milan is its own single Comune). */
async function ambitoComuni(db: Db, ambitoId: number): Promise<Set<string>> {
  const rows = await db.selectFrom("ambito_comune").select("comune_istat").where("ambito_id", "=", ambitoId).execute();
  return new Set(rows.map((r) => r.comune_istat));
}

const COMUNE_REQUIRED = "required: the Comune of residence, among the Ambito's Comuni";

/** An applicant's Comune must be one of the Ambito's: the approval refers the person to it. */
async function checkComune(db: Db, ambitoId: number, istat: string | undefined): Promise<void> {
  if (istat === undefined) return;
  if (!(await ambitoComuni(db, ambitoId)).has(istat)) {
    throw new AppError("VALIDATION", "The Comune is not one of the Ambito's", [
      { path: "body.applicantComune", message: "not a Comune of this Ambito" },
    ]);
  }
}

export async function createApplication(db: Db, c: Caller, code: string, b: ApplicationBody): Promise<ApplicationDto> {
  const call = await publicCallByCode(db, c.scope.ambitoId, code);
  if (!acceptsApplications(call)) throw closedCallError(call);
  await checkComune(db, c.scope.ambitoId, b.applicantComune);
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
  await checkComune(db, c.scope.ambitoId, b.applicantComune);
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
  // The approval refers the applicant to their Comune's social service (cases/application-referral.ts).
  const comuni = await ambitoComuni(db, a.ambito_id);
  if (comuni.size && (!a.applicant_comune_istat || !comuni.has(a.applicant_comune_istat))) {
    throw new AppError("VALIDATION", "The applicant's Comune of residence is missing", [
      { path: "body.applicantComune", message: COMUNE_REQUIRED },
    ]);
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
      // FOR SHARE holds back a concurrent rules edit (calls.admin.ts takes FOR UPDATE and then counts
      // submissions); if the edit won the race, the answers were checked under old rules: refuse.
      const live = await trx
        .selectFrom("cat_call")
        .select(["eligibility", "scoring"])
        .where("ambito_id", "=", a.ambito_id)
        .where("id", "=", a.call_id)
        .forShare()
        .executeTakeFirstOrThrow();
      if (!sameJson(live.eligibility, a.eligibility) || !sameJson(live.scoring, a.scoring)) {
        throw new AppError("CONFLICT", "The call's rules changed while you were applying: check the application again");
      }
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
      await notifyApplication(
        trx,
        a.ambito_id,
        { ...a, protocol_number: protocol, receipt_code: receipt },
        resubmission ? "application_resubmitted" : "application_submitted",
      );
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
