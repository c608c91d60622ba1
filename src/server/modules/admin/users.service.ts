import type { z } from "zod";
import type { assignmentInput, UserDto } from "../../../shared/contracts/admin.ts";
import { ROLE_SCOPE, type Role } from "../../../shared/contracts/rbac.ts";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/database.ts";
import { recordAudit } from "../../platform/audit/audit.service.ts";
import { insertAssignments } from "../../platform/auth/accounts.repo.ts";
import { hashPassword } from "../../platform/auth/password.ts";
import { AppError, type FieldError, notFound } from "../../platform/errors.ts";
import { isComuneOfAmbito } from "../territory/index.ts";
import * as repo from "./users.repo.ts";

type AssignmentInput = z.infer<typeof assignmentInput>;

export interface Actor {
  userId: number | null;
  kind: "user" | "cli";
  ip: string | null;
}

/** Checks each requested role against what it must (and must not) be scoped to in this Ambito. */
async function validateAssignments(db: Db, ambitoId: number, roles: AssignmentInput[]): Promise<void> {
  const fields: FieldError[] = [];
  for (const [i, a] of roles.entries()) {
    const scope = ROLE_SCOPE[a.role as Role];
    const at = (f: string) => `body.roles.${i}.${f}`;
    if (!scope.ambito) fields.push({ path: at("role"), message: "this role is platform-wide: create it with the CLI" });
    if (scope.comune === "required" && !a.comuneIstat)
      fields.push({ path: at("comuneIstat"), message: "required for this role" });
    if (scope.comune === "none" && a.comuneIstat)
      fields.push({ path: at("comuneIstat"), message: "not allowed for this role" });
    if (a.comuneIstat && !(await isComuneOfAmbito(db, ambitoId, a.comuneIstat))) {
      fields.push({ path: at("comuneIstat"), message: "this Comune is not part of the Ambito" });
    }
    if (scope.organisation && !a.organisationId)
      fields.push({ path: at("organisationId"), message: "required for this role" });
    if (!scope.organisation && a.organisationId)
      fields.push({ path: at("organisationId"), message: "not allowed for this role" });
    if (a.organisationId && !(await repo.organisationExists(db, ambitoId, a.organisationId))) {
      fields.push({ path: at("organisationId"), message: "no such organisation in this Ambito" });
    }
    if (a.teamId && !(await repo.teamExists(db, ambitoId, a.teamId))) {
      fields.push({ path: at("teamId"), message: "no such team in this Ambito" });
    }
  }
  if (fields.length) throw new AppError("VALIDATION", "Some roles are not valid for this Ambito", fields);
}

const toRows = (userId: number, ambitoId: number, roles: AssignmentInput[]) =>
  roles.map((a) => ({
    user_id: userId,
    role: a.role,
    ambito_id: ambitoId,
    comune_istat: a.comuneIstat ?? null,
    team_id: a.teamId ?? null,
    organisation_id: a.organisationId ?? null,
  }));

export async function listUsers(
  db: Db,
  ambitoId: number,
  q: { q?: string; userId?: number; limit: number; offset: number },
) {
  const users = await repo.listUsersInAmbito(db, ambitoId, q);
  const assignments = await repo.assignmentsInAmbito(
    db,
    ambitoId,
    users.map((u) => u.id),
  );
  const items: UserDto[] = users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    email: u.email,
    active: u.active,
    roles: assignments
      .filter((a) => a.user_id === u.id)
      .map((a) => ({
        role: a.role as Role,
        ambito: a.slug,
        comuneIstat: a.comune_istat,
        teamId: a.team_id,
        organisationId: a.organisation_id,
      })),
  }));
  return { items, total: users[0]?.total ?? 0 };
}

export async function getUser(db: Db, ambitoId: number, userId: number): Promise<UserDto> {
  const { items } = await listUsers(db, ambitoId, { userId, limit: 1, offset: 0 });
  const user = items[0];
  if (!user) throw notFound("User");
  return user;
}

export async function createUser(
  db: Db,
  config: Config,
  ambitoId: number,
  input: { username: string; displayName: string; email?: string; password: string; roles: AssignmentInput[] },
  actor: Actor,
): Promise<UserDto> {
  await validateAssignments(db, ambitoId, input.roles);
  const passwordHash = await hashPassword(input.password, config.scryptLogN);
  const id = await db.transaction().execute(async (trx) => {
    const exists = await trx
      .selectFrom("app_user")
      .select("id")
      .where("username", "=", input.username)
      .executeTakeFirst();
    if (exists) {
      throw new AppError("CONFLICT", "This username is taken", [{ path: "body.username", message: "already taken" }]);
    }
    const { id } = await repo.insertUser(trx, { ...input, email: input.email ?? null, passwordHash });
    await insertAssignments(trx, toRows(id, ambitoId, input.roles));
    await recordAudit(trx, {
      ambitoId,
      actorUserId: actor.userId,
      actorKind: actor.kind,
      action: "user.create",
      entityType: "user",
      entityId: String(id),
      ip: actor.ip,
      details: { roles: input.roles.map((r) => r.role).join(",") },
    });
    return id;
  });
  return getUser(db, ambitoId, id);
}

export async function updateUser(
  db: Db,
  ambitoId: number,
  userId: number,
  input: { displayName?: string; email?: string | null; active?: boolean; roles?: AssignmentInput[] },
  actor: Actor,
): Promise<UserDto> {
  if (!(await repo.userHasRoleInAmbito(db, userId, ambitoId))) throw notFound("User");
  if (input.roles) await validateAssignments(db, ambitoId, input.roles);
  if (userId === actor.userId && input.active === false) {
    throw new AppError("VALIDATION", "You cannot deactivate yourself", [
      { path: "body.active", message: "own account" },
    ]);
  }
  await db.transaction().execute(async (trx) => {
    const set = {
      ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      updated_at: new Date(),
    };
    await trx.updateTable("app_user").set(set).where("id", "=", userId).execute();
    if (input.active === false) await trx.deleteFrom("session").where("user_id", "=", userId).execute();
    if (input.roles) {
      await repo.deleteAssignmentsInAmbito(trx, userId, ambitoId);
      await insertAssignments(trx, toRows(userId, ambitoId, input.roles));
    }
    await recordAudit(trx, {
      ambitoId,
      actorUserId: actor.userId,
      actorKind: actor.kind,
      action: "user.update",
      entityType: "user",
      entityId: String(userId),
      ip: actor.ip,
      details: { fields: Object.keys(input).join(",") },
    });
  });
  return getUser(db, ambitoId, userId);
}
