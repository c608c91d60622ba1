import { sql } from "kysely";
import type { z } from "zod";
import type { Db } from "../../db/database.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import type { Caller } from "../people/index.ts";
import { auditCase, requireCase, requireWorker } from "./case-access.ts";
import type { noteBody, noteDto, taskBody, taskDto } from "./cases.contracts.ts";

/** Diary notes (colloqui, visite domiciliari, équipe) and tasks/reminders of a case. */
type NoteDto = z.infer<typeof noteDto>;
type TaskDto = z.infer<typeof taskDto>;

export async function notesOf(db: Db, ambitoId: number, caseId: string, limit = 100): Promise<NoteDto[]> {
  const rows = await db
    .selectFrom("diary_note as n")
    .innerJoin("app_user as u", "u.id", "n.author_id")
    .select(["n.id", "n.note_type", "n.occurred_on", "n.body", "u.display_name", "n.created_at"])
    .where("n.ambito_id", "=", ambitoId)
    .where("n.case_id", "=", caseId)
    .orderBy("n.occurred_on", "desc")
    .orderBy("n.created_at", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    noteType: r.note_type,
    occurredOn: r.occurred_on,
    body: r.body,
    authorName: r.display_name,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

export async function addNote(db: Db, c: Caller, caseId: string, input: z.infer<typeof noteBody>) {
  const ctx = await requireCase(db, c, caseId, "note.create", "write");
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("diary_note")
      .values({
        ambito_id: c.scope.ambitoId,
        case_id: caseId,
        note_type: input.noteType,
        occurred_on: input.occurredOn,
        body: input.body,
        author_id: c.scope.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await auditCase(trx, c, "note.create", caseId, ctx.comune, { note: id, type: input.noteType });
    return (await notesOf(trx, c.scope.ambitoId, caseId)).find((n) => n.id === id) as NoteDto;
  });
}

const taskColumns = ["id", "case_id", "kind", "title", "due_on", "assigned_to", "status"] as const;
type TaskRow = {
  id: string;
  case_id: string | null;
  kind: TaskDto["kind"];
  title: string;
  due_on: string;
  assigned_to: number;
  status: TaskDto["status"];
};
const toTask = (r: TaskRow): TaskDto => ({
  id: r.id,
  caseId: r.case_id,
  kind: r.kind,
  title: r.title,
  dueOn: r.due_on,
  assignedTo: r.assigned_to,
  status: r.status,
});

export async function tasksOf(db: Db, ambitoId: number, caseId: string) {
  const rows = await db
    .selectFrom("task")
    .select(taskColumns)
    .where("ambito_id", "=", ambitoId)
    .where("case_id", "=", caseId)
    .orderBy("status")
    .orderBy("due_on")
    .limit(100)
    .execute();
  return rows.map(toTask);
}

/** The caller's open tasks, soonest first (the worker's agenda). */
export async function myTasks(db: Db, c: Caller) {
  const rows = await db
    .selectFrom("task")
    .select(taskColumns)
    .where("assigned_to", "=", c.scope.userId)
    .where("ambito_id", "=", c.scope.ambitoId)
    .where("status", "=", "open")
    .orderBy("due_on")
    .limit(100)
    .execute();
  return { items: rows.map(toTask) };
}

export async function addTask(db: Db, c: Caller, caseId: string, input: z.infer<typeof taskBody>) {
  const ctx = await requireCase(db, c, caseId, "task.create", "write");
  const assignee = input.assignedTo ?? c.scope.userId;
  if (assignee !== c.scope.userId) await requireWorker(db, c.scope.ambitoId, assignee, "body.assignedTo");
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("task")
      .values({
        ambito_id: c.scope.ambitoId,
        case_id: caseId,
        kind: input.kind,
        title: input.title,
        due_on: input.dueOn,
        assigned_to: assignee,
        created_by: c.scope.userId,
      })
      .returning(taskColumns)
      .executeTakeFirstOrThrow();
    await auditCase(trx, c, "task.create", caseId, ctx.comune, { task: row.id });
    return toTask(row);
  });
}

export async function completeTask(db: Db, c: Caller, taskId: string) {
  const task = await db
    .selectFrom("task")
    .select(["case_id", "assigned_to", "status"])
    .where("ambito_id", "=", c.scope.ambitoId)
    .where("id", "=", taskId)
    .executeTakeFirst();
  if (!task) throw notFound("Task");
  const ctx = task.case_id ? await requireCase(db, c, task.case_id, "task.done", "write") : null;
  if (!ctx && task.assigned_to !== c.scope.userId) throw notFound("Task");
  if (task.status !== "open") throw new AppError("CONFLICT", "The task is not open");
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("task")
      .set({ status: "done", done_at: sql`now()` })
      .where("ambito_id", "=", c.scope.ambitoId)
      .where("id", "=", taskId)
      .execute();
    if (ctx) await auditCase(trx, c, "task.done", ctx.id, ctx.comune, { task: taskId });
  });
}
