import { type Expression, type SqlBool, sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { AccessScope } from "../../platform/auth/access.ts";
import { inScope } from "../../platform/auth/access.ts";

/**
 * Who may open a person's file (the Cartella), deny by default:
 * - "comune": the person (or the case) is in the care of one of the caller's Comuni;
 * - "team": the caller is on the team of one of the person's cases;
 * - "grant": a colleague of the Comune in charge granted time-limited access;
 * - "emergency": the caller opened an emergency access, with a reason, still running.
 */
export type FileAccessVia = "comune" | "team" | "grant" | "emergency";

const comuneIn = (scope: AccessScope) => (scope.comuni === "all" ? null : scope.comuni);

/** The grant or emergency access the caller holds right now on this person, if any. */
async function extraordinaryAccess(db: Db, scope: AccessScope, personId: string): Promise<FileAccessVia | null> {
  const grant = await db
    .selectFrom("file_access_grant")
    .select("id")
    .where("user_id", "=", scope.userId)
    .where("ambito_id", "=", scope.ambitoId)
    .where("person_id", "=", personId)
    .where("valid_until", ">", sql<Date>`now()`)
    .where("valid_from", "<=", sql<Date>`now()`)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (grant) return "grant";
  const emergency = await db
    .selectFrom("emergency_access")
    .select("id")
    .where("user_id", "=", scope.userId)
    .where("ambito_id", "=", scope.ambitoId)
    .where("person_id", "=", personId)
    .where("expires_at", ">", sql<Date>`now()`)
    .executeTakeFirst();
  return emergency ? "emergency" : null;
}

export type PersonAccess = { exists: false } | { exists: true; comune: string; via: FileAccessVia | null };

export async function personAccess(db: Db, scope: AccessScope, personId: string): Promise<PersonAccess> {
  const person = await db
    .selectFrom("person")
    .select("comune_istat")
    .where("ambito_id", "=", scope.ambitoId)
    .where("id", "=", personId)
    .executeTakeFirst();
  if (!person) return { exists: false };
  const comune = person.comune_istat;
  if (inScope(scope, comune)) return { exists: true, comune, via: "comune" };
  const comuni = comuneIn(scope);
  const viaCase = await db
    .selectFrom("social_case as c")
    .select(
      sql<FileAccessVia>`case when c.comune_istat in (${sql.join(comuni ?? [""])}) then 'comune' else 'team' end`.as(
        "via",
      ),
    )
    .where("c.ambito_id", "=", scope.ambitoId)
    .where("c.person_id", "=", personId)
    .where((eb) => eb.or([eb("c.comune_istat", "in", comuni ?? [""]), caseTeamHas(eb.ref("c.id"), scope)]))
    .executeTakeFirst();
  if (viaCase) return { exists: true, comune, via: viaCase.via };
  return { exists: true, comune, via: await extraordinaryAccess(db, scope, personId) };
}

/** SQL: the caller is a member of the team of the case whose id is `caseId`. */
function caseTeamHas(caseId: Expression<string>, scope: AccessScope) {
  return sql<SqlBool>`exists (select 1 from case_team_member m
    where m.ambito_id = ${scope.ambitoId} and m.case_id = ${caseId} and m.user_id = ${scope.userId})`;
}

export interface CaseRef {
  id: string;
  person_id: string;
  comune_istat: string;
  status: "open" | "suspended" | "closed";
  responsible_user_id: number;
}
export type CaseAccess = { exists: false } | { exists: true; row: CaseRef; via: FileAccessVia | null };

export async function caseAccess(db: Db, scope: AccessScope, caseId: string): Promise<CaseAccess> {
  const row = await db
    .selectFrom("social_case as c")
    .select([
      "c.id",
      "c.person_id",
      "c.comune_istat",
      "c.status",
      "c.responsible_user_id",
      caseTeamHas(sql.ref("c.id"), scope).as("on_team"),
    ])
    .where("c.ambito_id", "=", scope.ambitoId)
    .where("c.id", "=", caseId)
    .executeTakeFirst();
  if (!row) return { exists: false };
  const { on_team, ...ref } = row;
  if (inScope(scope, ref.comune_istat)) return { exists: true, row: ref, via: "comune" };
  if (on_team) return { exists: true, row: ref, via: "team" };
  return { exists: true, row: ref, via: await extraordinaryAccess(db, scope, ref.person_id) };
}

/**
 * For searches: people of the caller's Comuni, plus the people of the cases the caller is on the
 * team of. EXISTS, not IN: the planner probes the few people a search finds (person index, then
 * team key) instead of first building the set of every case the caller is on — 45,000 for one
 * worker in the 1M-people bench, 2 s a search — and still hashes when a list reads many rows.
 */
export function personVisibleInSearch(scope: AccessScope): Expression<SqlBool> {
  const comuni = comuneIn(scope);
  if (!comuni) return sql<SqlBool>`true`;
  const byComune = comuni.length ? sql<SqlBool>`person.comune_istat in (${sql.join(comuni)})` : sql<SqlBool>`false`;
  return sql<SqlBool>`(${byComune} or exists (select 1 from social_case c
    join case_team_member m on m.ambito_id = c.ambito_id and m.case_id = c.id and m.user_id = ${scope.userId}
    where c.ambito_id = person.ambito_id and c.person_id = person.id))`;
}
