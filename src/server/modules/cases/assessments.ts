import type { z } from "zod";
import type { Db } from "../../db/database.ts";
import { recordAudit } from "../../platform/audit/audit.service.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import type { Caller } from "../people/index.ts";
import { auditCase, requireCase, requireOpen } from "./case-access.ts";
import {
  type assessmentBody,
  type assessmentDto,
  type FormDefinition,
  type formBody,
  formDefinition,
} from "./cases.contracts.ts";
import { ensureStandardForms, scoreAnswers } from "./forms.ts";

type AssessmentDto = z.infer<typeof assessmentDto>;

/** The latest version of each active form (the standard ones are installed on first use). */
export async function listForms(db: Db, ambitoId: number) {
  await ensureStandardForms(db, ambitoId);
  return db
    .selectFrom("assessment_form as f")
    .select(["f.id", "f.code", "f.version", "f.title", "f.kind"])
    .where("f.ambito_id", "=", ambitoId)
    .where("f.active", "=", true)
    .where(({ eb, selectFrom }) =>
      eb(
        "f.version",
        "=",
        selectFrom("assessment_form as g")
          .select(({ fn }) => fn.max("g.version").as("v"))
          .whereRef("g.ambito_id", "=", "f.ambito_id")
          .whereRef("g.code", "=", "f.code"),
      ),
    )
    .orderBy("f.title")
    .execute();
}

export async function getForm(db: Db, ambitoId: number, id: number) {
  const f = await db
    .selectFrom("assessment_form")
    .select(["id", "code", "version", "title", "kind", "definition"])
    .where("ambito_id", "=", ambitoId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!f) throw notFound("Assessment form");
  return { ...f, definition: formDefinition.parse(f.definition) };
}

/** A new version of a form (or version 1 of a new code); assessments keep the version they used. */
export async function publishForm(db: Db, c: Caller, input: z.infer<typeof formBody>) {
  return db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom("assessment_form")
      .select(({ fn }) => fn.max("version").as("v"))
      .where("ambito_id", "=", c.scope.ambitoId)
      .where("code", "=", input.code)
      .executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    const row = await trx
      .insertInto("assessment_form")
      .values({
        ambito_id: c.scope.ambitoId,
        code: input.code,
        version,
        title: input.title,
        kind: input.kind,
        definition: JSON.stringify(input.definition),
      })
      .returning(["id", "code", "version", "title", "kind"])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      ambitoId: c.scope.ambitoId,
      actorUserId: c.scope.userId,
      actorKind: "user",
      action: "assessment_form.publish",
      entityType: "assessment_form",
      entityId: String(row.id),
      purpose: c.purpose,
      ip: c.ip,
      details: { code: row.code, version },
    });
    return { ...row, definition: input.definition };
  });
}

const select = (db: Db, ambitoId: number) =>
  db
    .selectFrom("assessment as a")
    .innerJoin("assessment_form as f", (j) =>
      j.onRef("f.ambito_id", "=", "a.ambito_id").onRef("f.id", "=", "a.form_id"),
    )
    .innerJoin("app_user as u", "u.id", "a.assessed_by")
    .select([
      "a.id",
      "a.form_id",
      "f.code",
      "f.title",
      "f.version",
      "a.answers",
      "a.score",
      "a.band",
      "a.assessed_on",
      "u.display_name",
      "a.notes",
    ])
    .where("a.ambito_id", "=", ambitoId);
type Row = Awaited<ReturnType<ReturnType<typeof select>["executeTakeFirstOrThrow"]>>;
const toDto = (r: Row): AssessmentDto => ({
  id: r.id,
  formId: r.form_id,
  formCode: r.code,
  formTitle: r.title,
  formVersion: r.version,
  answers: r.answers,
  score: r.score === null ? null : Number(r.score),
  band: r.band,
  assessedOn: r.assessed_on,
  assessedByName: r.display_name,
  notes: r.notes,
});

export async function assessmentsOf(db: Db, ambitoId: number, caseId: string) {
  const rows = await select(db, ambitoId).where("a.case_id", "=", caseId).orderBy("a.assessed_on", "desc").execute();
  return rows.map(toDto);
}

export async function addAssessment(db: Db, c: Caller, caseId: string, input: z.infer<typeof assessmentBody>) {
  const ctx = await requireCase(db, c, caseId, "assessment.create", "write");
  requireOpen(ctx, "An assessment");
  const form = await db
    .selectFrom("assessment_form")
    .select(["id", "definition"])
    .where("ambito_id", "=", c.scope.ambitoId)
    .where("id", "=", input.formId)
    .executeTakeFirst();
  if (!form) {
    throw new AppError("VALIDATION", "Unknown form", [{ path: "body.formId", message: "not a form of this Ambito" }]);
  }
  const { score, band } = scoreAnswers(form.definition as FormDefinition, input.answers);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("assessment")
      .values({
        ambito_id: c.scope.ambitoId,
        case_id: caseId,
        form_id: input.formId,
        answers: JSON.stringify(input.answers),
        score,
        band,
        assessed_on: input.assessedOn,
        assessed_by: c.scope.userId,
        notes: input.notes ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    // The score is health/social data: only the ids go to the audit log.
    await auditCase(trx, c, "assessment.create", caseId, ctx.comune, { assessment: id, form: input.formId });
    return toDto(await select(trx, c.scope.ambitoId).where("a.id", "=", id).executeTakeFirstOrThrow());
  });
}
