import { sql } from "kysely";
import type { z } from "zod";
import type { Db } from "../../db/database.ts";
import { AppError } from "../../platform/errors.ts";
import type { Caller } from "../people/index.ts";
import { auditCase, requireCase, requireOpen } from "./case-access.ts";
import type { planBody, planDto, planReviewBody } from "./cases.contracts.ts";

/**
 * The personalised plan (progetto personalizzato) of a case: goals, actions and who does them,
 * review dates, the signed patto, and the reviews with progress per goal. Writers name the
 * version they read; a stale version gets 409 instead of silently overwriting a colleague.
 */
type PlanDto = z.infer<typeof planDto>;

export async function planOf(db: Db, ambitoId: number, caseId: string): Promise<PlanDto | null> {
  const p = await db
    .selectFrom("care_plan as p")
    .leftJoin("app_user as u", "u.id", "p.updated_by")
    .selectAll("p")
    .select("u.display_name")
    .where("p.ambito_id", "=", ambitoId)
    .where("p.case_id", "=", caseId)
    .executeTakeFirst();
  if (!p) return null;
  const reviews = await db
    .selectFrom("plan_review")
    .select(["reviewed_on", "progress", "note"])
    .where("ambito_id", "=", ambitoId)
    .where("plan_id", "=", p.id)
    .orderBy("reviewed_on", "desc")
    .execute();
  return {
    id: p.id,
    version: p.version,
    status: p.status,
    summary: p.summary,
    goals: p.goals as PlanDto["goals"],
    reviewEveryMonths: p.review_every_months,
    nextReviewOn: p.next_review_on,
    pattoSignedOn: p.patto_signed_on,
    updatedAt: new Date(p.updated_at).toISOString(),
    updatedByName: p.display_name,
    reviews: reviews.map((r) => ({
      reviewedOn: r.reviewed_on,
      progress: r.progress as PlanDto["reviews"][number]["progress"],
      note: r.note,
    })),
  };
}

async function conflict(db: Db, ambitoId: number, caseId: string): Promise<never> {
  const current = await planOf(db, ambitoId, caseId);
  const who = current?.updatedByName ? ` by ${current.updatedByName}` : "";
  throw new AppError(
    "CONFLICT",
    current
      ? `The plan was changed${who} at ${current.updatedAt} (now version ${current.version}): reload it and apply your changes again`
      : "The plan does not exist yet: send version 0 to create it",
  );
}

export async function savePlan(db: Db, c: Caller, caseId: string, input: z.infer<typeof planBody>) {
  const ctx = await requireCase(db, c, caseId, "plan.save", "write");
  requireOpen(ctx, "Changing the plan");
  const ids = input.goals.map((g) => g.id);
  if (new Set(ids).size !== ids.length) {
    throw new AppError("VALIDATION", "Two goals have the same id", [
      { path: "body.goals", message: "goal ids must be unique" },
    ]);
  }
  if (input.status === "active" && input.goals.length === 0) {
    throw new AppError("VALIDATION", "An active plan needs goals", [
      { path: "body.goals", message: "add at least one goal" },
    ]);
  }
  const values = {
    status: input.status,
    summary: input.summary,
    goals: JSON.stringify(input.goals),
    review_every_months: input.reviewEveryMonths ?? null,
    next_review_on: input.nextReviewOn ?? null,
    patto_signed_on: input.pattoSignedOn ?? null,
    updated_by: c.scope.userId,
  };
  const a = c.scope.ambitoId;
  const saved = await db.transaction().execute(async (trx) => {
    let row: { id: string; version: number } | undefined;
    if (input.version === 0) {
      row = await trx
        .insertInto("care_plan")
        .values({ ambito_id: a, case_id: caseId, ...values })
        .onConflict((oc) => oc.columns(["ambito_id", "case_id"]).doNothing())
        .returning(["id", "version"])
        .executeTakeFirst();
    } else {
      // The version check and the write are one statement: two concurrent writers cannot both win.
      row = await trx
        .updateTable("care_plan")
        .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
        .where("ambito_id", "=", a)
        .where("case_id", "=", caseId)
        .where("version", "=", input.version)
        .returning(["id", "version"])
        .executeTakeFirst();
    }
    if (!row) return null;
    if (input.nextReviewOn) await scheduleReview(trx, c, caseId, input.nextReviewOn);
    await auditCase(trx, c, "plan.save", caseId, ctx.comune, { plan: row.id, version: row.version });
    return row;
  });
  if (!saved) return conflict(db, a, caseId);
  return (await planOf(db, a, caseId)) as PlanDto;
}

/** Keeps one open "review due" task per case, for the responsible worker, on the next review date. */
async function scheduleReview(db: Db, c: Caller, caseId: string, dueOn: string) {
  const a = c.scope.ambitoId;
  const open = await db
    .selectFrom("task")
    .select("id")
    .where("ambito_id", "=", a)
    .where("case_id", "=", caseId)
    .where("kind", "=", "review_due")
    .where("status", "=", "open")
    .executeTakeFirst();
  if (open) {
    await db.updateTable("task").set({ due_on: dueOn }).where("ambito_id", "=", a).where("id", "=", open.id).execute();
    return;
  }
  const responsible = await db
    .selectFrom("social_case")
    .select("responsible_user_id")
    .where("ambito_id", "=", a)
    .where("id", "=", caseId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto("task")
    .values({
      ambito_id: a,
      case_id: caseId,
      kind: "review_due",
      title: "Verifica del progetto personalizzato",
      due_on: dueOn,
      assigned_to: responsible.responsible_user_id,
      created_by: c.scope.userId,
    })
    .execute();
}

export async function addPlanReview(db: Db, c: Caller, caseId: string, input: z.infer<typeof planReviewBody>) {
  const ctx = await requireCase(db, c, caseId, "plan.review", "write");
  requireOpen(ctx, "A plan review");
  const plan = await planOf(db, c.scope.ambitoId, caseId);
  if (!plan) throw new AppError("CONFLICT", "Write the plan before reviewing it");
  const goals = new Set(plan.goals.map((g) => g.id));
  const fields = input.progress
    .map((p, i) =>
      goals.has(p.goalId) ? null : { path: `body.progress.${i}.goalId`, message: "not a goal of this plan" },
    )
    .filter((f): f is { path: string; message: string } => f !== null);
  if (input.nextReviewOn && input.nextReviewOn <= input.reviewedOn) {
    fields.push({ path: "body.nextReviewOn", message: "must be after the review date" });
  }
  if (fields.length) throw new AppError("VALIDATION", "The review has invalid fields", fields);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("plan_review")
      .values({
        ambito_id: c.scope.ambitoId,
        plan_id: plan.id,
        reviewed_on: input.reviewedOn,
        progress: JSON.stringify(input.progress),
        note: input.note ?? null,
        reviewed_by: c.scope.userId,
      })
      .execute();
    await trx
      .updateTable("task")
      .set({ status: "done", done_at: sql`now()` })
      .where("ambito_id", "=", c.scope.ambitoId)
      .where("case_id", "=", caseId)
      .where("kind", "=", "review_due")
      .where("status", "=", "open")
      .execute();
    if (input.nextReviewOn) {
      // A new version, so an editor still holding the old plan gets the usual conflict.
      await trx
        .updateTable("care_plan")
        .set({
          next_review_on: input.nextReviewOn,
          version: sql`version + 1`,
          updated_at: sql`now()`,
          updated_by: c.scope.userId,
        })
        .where("ambito_id", "=", c.scope.ambitoId)
        .where("id", "=", plan.id)
        .execute();
      await scheduleReview(trx, c, caseId, input.nextReviewOn);
    }
    await auditCase(trx, c, "plan.review", caseId, ctx.comune, { plan: plan.id });
  });
  return (await planOf(db, c.scope.ambitoId, caseId)) as PlanDto;
}
