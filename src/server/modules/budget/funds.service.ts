import type { Db } from "../../db/database.ts";
import { recordAudit } from "../../platform/audit/audit.service.ts";
import { AppError } from "../../platform/errors.ts";
import { resolveTargets } from "./fund-targets.ts";
import type {
  CreateAllocationBody,
  CreateAssignmentBody,
  CreateMovementBody,
  FundAssignmentDetailDto,
  FundAssignmentDto,
  FundStatus,
  FundsOverviewDto,
} from "./funds.contracts.ts";
import {
  allocationsToTarget,
  assignmentBalances,
  type BalanceRow,
  listAllocations,
  listMovements,
} from "./funds.repo.ts";

/**
 * The alert rule, in words (also returned by the API and shown on the funds page). Time runs from
 * the assignment date (1 January of its year when none is recorded) to the spending deadline.
 */
export const FUNDS_RULE =
  "A rischio: la quota impegnata è inferiore alla quota di tempo trascorsa tra assegnazione e scadenza. " +
  "Scaduto: la scadenza è passata e non tutto è stato pagato. Speso: tutto pagato.";

const DAY = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);
const bp = (part: number, whole: number) => (whole > 0 ? Math.floor((part * 10000) / whole) : 0);

/** Status of one assignment on a date; pure, so the rule is tested without a clock. */
export function fundStatusOf(
  a: {
    amountCents: number;
    committedCents: number;
    paidCents: number;
    year: number;
    assignedOn: string | null;
    spendBy: string | null;
  },
  asOf: string,
): { status: FundStatus; elapsedBp: number | null } {
  if (a.amountCents > 0 && a.paidCents >= a.amountCents) return { status: "spent", elapsedBp: null };
  if (!a.spendBy) return { status: "no_deadline", elapsedBp: null };
  const start = Date.parse(a.assignedOn ?? `${a.year}-01-01`);
  const end = Date.parse(a.spendBy);
  const now = Date.parse(asOf);
  const span = Math.max(end - start, DAY);
  const elapsedBp = Math.min(10000, Math.max(0, Math.floor(((now - start) * 10000) / span)));
  if (now > end) return { status: "expired", elapsedBp };
  return { status: bp(a.committedCents, a.amountCents) < elapsedBp ? "at_risk" : "ok", elapsedBp };
}

function assignmentDto(r: BalanceRow, asOf: string): FundAssignmentDto {
  const amountCents = Number(r.amount_cents);
  const committedCents = Number(r.committed);
  const paidCents = Number(r.paid);
  const { status, elapsedBp } = fundStatusOf(
    { amountCents, committedCents, paidCents, year: r.year, assignedOn: r.assigned_on, spendBy: r.spend_by },
    asOf,
  );
  return {
    id: r.id,
    fundCode: r.fund_code,
    fundName: r.fund_name,
    sourceLevel: r.source_level,
    year: r.year,
    label: r.label,
    amountCents,
    sourceAct: r.source_act,
    assignedOn: r.assigned_on,
    spendBy: r.spend_by,
    committedCents,
    paidCents,
    uncommittedCents: amountCents - committedCents,
    unpaidCents: amountCents - paidCents,
    allocatedBp: Number(r.allocated_bp),
    elapsedBp,
    committedBp: bp(committedCents, amountCents),
    status,
  };
}

export async function fundsOverview(
  db: Db,
  ambitoId: number,
  q: { year?: number; asOf?: string },
): Promise<FundsOverviewDto> {
  const asOf = q.asOf ?? today();
  const assignments = (await assignmentBalances(db, ambitoId, { year: q.year })).map((r) => assignmentDto(r, asOf));
  const years = new Map<number, FundsOverviewDto["years"][number]>();
  for (const a of assignments) {
    const y = years.get(a.year) ?? { year: a.year, assignments: 0, amountCents: 0, committedCents: 0, paidCents: 0 };
    y.assignments++;
    y.amountCents += a.amountCents;
    y.committedCents += a.committedCents;
    y.paidCents += a.paidCents;
    years.set(a.year, y);
  }
  return {
    asOf,
    rule: FUNDS_RULE,
    assignments,
    years: [...years.values()],
    alerts: assignments.filter((a) => a.status === "at_risk" || a.status === "expired"),
  };
}

async function assignmentOrFail(db: Db, ambitoId: number, id: number, asOf = today()) {
  const row = (await assignmentBalances(db, ambitoId, { id }))[0];
  if (!row) throw new AppError("NOT_FOUND", `no fund assignment ${id} in this Ambito`);
  return assignmentDto(row, asOf);
}

export async function fundAssignmentDetail(
  db: Db,
  ambitoId: number,
  id: number,
  asOf?: string,
): Promise<FundAssignmentDetailDto> {
  const assignment = await assignmentOrFail(db, ambitoId, id, asOf);
  const [movements, allocations] = await Promise.all([
    listMovements(db, ambitoId, id),
    listAllocations(db, ambitoId, id),
  ]);
  const labels = new Map<string, Map<string, { label: string }> | null>();
  for (const kind of new Set(allocations.map((a) => a.target_kind)))
    labels.set(
      kind,
      await resolveTargets(
        db,
        ambitoId,
        kind,
        allocations.filter((a) => a.target_kind === kind).map((a) => a.target_id),
      ),
    );
  return {
    assignment,
    movements: movements.map((m) => ({
      id: m.id,
      kind: m.kind,
      onDate: m.on_date,
      amountCents: Number(m.amount_cents),
      act: m.act,
      description: m.description,
    })),
    allocations: allocations.map((a) => {
      const resolved = labels.get(a.target_kind);
      return {
        id: a.id,
        targetKind: a.target_kind,
        targetId: a.target_id,
        targetLabel: resolved?.get(a.target_id)?.label ?? null,
        verified: resolved !== null && resolved !== undefined,
        shareBp: a.share_bp,
        amountCents: Math.floor((assignment.amountCents * a.share_bp) / 10000),
        note: a.note,
      };
    }),
  };
}

interface Actor {
  userId: number | null;
}
const audit = (db: Db, ambitoId: number, actor: Actor, action: string, entityId: number, details = {}) =>
  recordAudit(db, {
    ambitoId,
    actorUserId: actor.userId,
    actorKind: actor.userId ? "user" : "system",
    action,
    entityType: "fund_assignment",
    entityId: String(entityId),
    details,
  });

export async function createAssignment(db: Db, ambitoId: number, b: CreateAssignmentBody, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    const type = await trx
      .selectFrom("fund_type")
      .select("id")
      .where("ambito_id", "=", ambitoId)
      .where("code", "=", b.fundCode)
      .executeTakeFirst();
    if (!type)
      throw new AppError("VALIDATION", "unknown fund", [
        { path: "body.fundCode", message: `no fund type ${b.fundCode} in this Ambito` },
      ]);
    const clash = await trx
      .selectFrom("fund_assignment")
      .select("id")
      .where("ambito_id", "=", ambitoId)
      .where("fund_type_id", "=", type.id)
      .where("year", "=", b.year)
      .where("label", "=", b.label)
      .executeTakeFirst();
    if (clash) throw new AppError("CONFLICT", `${b.fundCode} ${b.year} ${b.label} is already assignment ${clash.id}`);
    const { id } = await trx
      .insertInto("fund_assignment")
      .values({
        ambito_id: ambitoId,
        fund_type_id: type.id,
        year: b.year,
        label: b.label,
        amount_cents: b.amountCents,
        source_act: b.sourceAct,
        assigned_on: b.assignedOn,
        spend_by: b.spendBy,
        notes: b.notes,
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, ambitoId, actor, "fund.assignment_create", id, { fund: b.fundCode, year: b.year });
    return { id };
  });
}

/**
 * Commitments never exceed the assignment, and payments never exceed the commitments; a movement
 * cannot be dated in the future nor before the assignment's year.
 */
export async function addMovement(db: Db, ambitoId: number, id: number, b: CreateMovementBody, actor: Actor) {
  if (b.onDate > today())
    throw new AppError("VALIDATION", "date in the future", [
      { path: "body.onDate", message: "cannot be in the future" },
    ]);
  return db.transaction().execute(async (trx) => {
    // Lock the assignment so two concurrent movements cannot both pass the ceiling check.
    const locked = await trx
      .selectFrom("fund_assignment")
      .select(["id", "year"])
      .where("ambito_id", "=", ambitoId)
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!locked) throw new AppError("NOT_FOUND", `no fund assignment ${id} in this Ambito`);
    if (b.onDate < `${locked.year}-01-01`)
      throw new AppError("VALIDATION", "date before the assignment year", [
        { path: "body.onDate", message: `cannot be before ${locked.year}-01-01` },
      ]);
    const a = await assignmentOrFail(trx, ambitoId, id);
    if (b.kind === "commitment" && a.committedCents + b.amountCents > a.amountCents)
      throw new AppError("VALIDATION", "commitments would exceed the assignment", [
        { path: "body.amountCents", message: `at most ${a.uncommittedCents} cents are still to commit` },
      ]);
    if (b.kind === "payment" && a.paidCents + b.amountCents > a.committedCents)
      throw new AppError("VALIDATION", "payments would exceed the commitments", [
        {
          path: "body.amountCents",
          message: `at most ${a.committedCents - a.paidCents} cents are committed and unpaid`,
        },
      ]);
    const row = await trx
      .insertInto("fund_movement")
      .values({
        ambito_id: ambitoId,
        assignment_id: id,
        kind: b.kind,
        on_date: b.onDate,
        amount_cents: b.amountCents,
        act: b.act,
        description: b.description,
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, ambitoId, actor, `fund.${b.kind}`, id, { movement: row.id, cents: b.amountCents });
    return { id: row.id };
  });
}

/** Shares of one assignment add up to at most 100 %; the target must exist where it can be checked. */
export async function addAllocation(db: Db, ambitoId: number, id: number, b: CreateAllocationBody, actor: Actor) {
  const found = await resolveTargets(db, ambitoId, b.targetKind, [b.targetId]);
  if (found && !found.has(b.targetId))
    throw new AppError("VALIDATION", "unknown target", [
      { path: "body.targetId", message: `no ${b.targetKind} ${b.targetId} in this Ambito` },
    ]);
  return db.transaction().execute(async (trx) => {
    const a = await trx
      .selectFrom("fund_assignment")
      .select("id")
      .where("ambito_id", "=", ambitoId)
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!a) throw new AppError("NOT_FOUND", `no fund assignment ${id} in this Ambito`);
    const existing = await listAllocations(trx, ambitoId, id);
    if (existing.some((x) => x.target_kind === b.targetKind && x.target_id === b.targetId))
      throw new AppError("CONFLICT", `assignment ${id} already pays for ${b.targetKind} ${b.targetId}`);
    const used = existing.reduce((s, x) => s + x.share_bp, 0);
    if (used + b.shareBp > 10000)
      throw new AppError("VALIDATION", "shares would exceed 100%", [
        { path: "body.shareBp", message: `at most ${10000 - used} basis points are left` },
      ]);
    const row = await trx
      .insertInto("fund_allocation")
      .values({
        ambito_id: ambitoId,
        assignment_id: id,
        target_kind: b.targetKind,
        target_id: b.targetId,
        share_bp: b.shareBp,
        note: b.note,
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, ambitoId, actor, "fund.allocation", id, { kind: b.targetKind, target: b.targetId, bp: b.shareBp });
    return { id: row.id };
  });
}

/** "How much did objective X cost": what each fund assignment gives to one service or objective. */
export async function fundsForTarget(
  db: Db,
  ambitoId: number,
  kind: "service" | "plan_objective" | "budget_line",
  id: string,
) {
  const rows = await allocationsToTarget(db, ambitoId, kind, id);
  const items = rows.map((r) => ({
    assignmentId: r.assignment_id,
    fundCode: r.fund_code,
    year: r.year,
    label: r.label,
    shareBp: r.share_bp,
    cents: Number(r.cents),
  }));
  return { items, totalCents: items.reduce((s, i) => s + i.cents, 0) };
}
