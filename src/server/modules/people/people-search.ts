import { type RawBuilder, type SqlBool, sql } from "kysely";
import { fiscalCodeProblem } from "../../../shared/fiscal-code.ts";
import type { Db } from "../../db/database.ts";
import type { AccessScope } from "../../platform/auth/access.ts";

/** Above this many matches a search reports "more than TOTAL_CAP" instead of counting them all. */
export const TOTAL_CAP = 1000;

export interface SearchFilter {
  q?: string;
  comuneIstat?: string;
  limit: number;
  offset: number;
}

export interface PersonRow {
  id: string;
  comune_istat: string;
  fiscal_code: string | null;
  provisional: boolean;
  family_name: string;
  given_name: string;
  sex: "F" | "M" | null;
  birth_date: string | null;
  citizenship: string | null;
}

export const namePrefix = (text: string) => `${text.toLowerCase().replace(/[%_\\]/g, "\\$&")}%`;

/** A search text that is a well-formed codice fiscale (check character included). */
export const isFiscalCodeQuery = (q: string) => fiscalCodeProblem(q) === null;

/**
 * A valid codice fiscale is looked up by code only (unique (ambito_id, fiscal_code) index); any
 * other text is a prefix of "family given" (person_comune_name_idx / person_name_prefix_idx).
 */
function textMatches(q: string | undefined): RawBuilder<SqlBool> {
  if (!q) return sql<SqlBool>`true`;
  if (isFiscalCodeQuery(q)) return sql<SqlBool>`p.fiscal_code = ${q.trim().toUpperCase()}`;
  return sql<SqlBool>`lower(p.family_name || ' ' || p.given_name) like ${namePrefix(q)}`;
}

/** Above this many team cases the team condition is probed per person found (onCallersTeam). */
export const BIG_TEAM = 1000;

/**
 * The person is on a case of the caller's team. With a usual caseload PostgreSQL hashes the
 * caller's few team cases. With a huge one (the bench worker is on 45,000) that hash is built
 * by scanning social_case (most of a second at 1 M people), so it is probed per person found
 * instead: `offset 0` keeps the planner from turning it back into a hash.
 */
const onCallersTeam = (scope: AccessScope, bigTeam: boolean) => sql<SqlBool>`exists (select 1 from social_case c
    join case_team_member m on m.ambito_id = c.ambito_id and m.case_id = c.id and m.user_id = ${scope.userId}
    where c.ambito_id = p.ambito_id and c.person_id = p.id ${bigTeam ? sql`offset 0` : sql``})`;

/** Whether the caller is on more than BIG_TEAM cases (counted from the index, at most BIG_TEAM + 1). */
export async function hasBigTeam(db: Db, scope: AccessScope) {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from (select 1 from case_team_member
    where user_id = ${scope.userId} and ambito_id = ${scope.ambitoId} limit ${BIG_TEAM + 1}) x`.execute(db);
  return (rows[0]?.n ?? 0) > BIG_TEAM;
}

/**
 * The people a search may show, as disjoint conditions: "in one of my Comuni" (a range of
 * person_comune_name_idx per Comune) and "elsewhere, but on a case of my team" (probed per person
 * found). One OR of the two made every match of a short prefix go through the team check and
 * made PostgreSQL build the caller's whole team case set (1.6 s p50 at 1 M people).
 */
function visibleBranches(scope: AccessScope, f: SearchFilter, bigTeam: boolean): RawBuilder<SqlBool>[] {
  const base = sql<SqlBool>`p.ambito_id = ${scope.ambitoId} and ${textMatches(f.q)}`;
  const inComune = (list: string[]) => sql<SqlBool>`p.comune_istat in (${sql.join(list)})`;
  if (f.comuneIstat) {
    // The service only lets a caller filter on a Comune of their grant: all its people are visible.
    return [sql<SqlBool>`${base} and p.comune_istat = ${f.comuneIstat}`];
  }
  if (scope.comuni === "all") return [base];
  const mine = scope.comuni;
  const elsewhere = mine.length ? sql<SqlBool>`p.comune_istat not in (${sql.join(mine)})` : sql<SqlBool>`true`;
  const branches = [sql<SqlBool>`${base} and ${elsewhere} and ${onCallersTeam(scope, bigTeam)}`];
  if (mine.length) branches.unshift(sql<SqlBool>`${base} and ${inComune(mine)}`);
  return branches;
}

/**
 * One page of the search, ordered by family name, given name, id: each branch keeps its first
 * offset + limit keys (sorted from the index, no heap), then the page's rows are read.
 */
export function peopleQuery(scope: AccessScope, f: SearchFilter, bigTeam = false) {
  const n = f.offset + f.limit;
  const parts = visibleBranches(scope, f, bigTeam).map(
    (where) => sql`(select p.id, p.family_name, p.given_name from person p where ${where}
      order by p.family_name, p.given_name, p.id limit ${n})`,
  );
  return sql<PersonRow>`with hits as (
      ${sql.join(parts, sql` union all `)}
      order by family_name, given_name, id limit ${f.limit} offset ${f.offset}
    )
    select p.id, p.comune_istat, p.fiscal_code, p.provisional, p.family_name, p.given_name, p.sex,
      p.birth_date, p.citizenship
    from hits h join person p on p.ambito_id = ${scope.ambitoId} and p.id = h.id
    order by h.family_name, h.given_name, h.id`;
}

/**
 * How many people match, counting at most TOTAL_CAP + 1 per branch (enough to say "more than").
 * Branch by branch, stopping once past the cap: a short prefix usually passes it within the
 * caller's Comuni, and the team branch (probed per person found) is not read a second time.
 */
async function cappedCount(db: Db, scope: AccessScope, f: SearchFilter, bigTeam: boolean) {
  let n = 0;
  for (const where of visibleBranches(scope, f, bigTeam)) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from
      (select 1 from person p where ${where} limit ${TOTAL_CAP + 1}) x`.execute(db);
    n += rows[0]?.n ?? 0;
    if (n > TOTAL_CAP) break;
  }
  return n;
}

export async function searchPeople(db: Db, scope: AccessScope, f: SearchFilter) {
  const bigTeam = scope.comuni !== "all" && !f.comuneIstat && (await hasBigTeam(db, scope));
  const { rows } = await peopleQuery(scope, f, bigTeam).execute(db);
  // A short page that is not past the end tells the exact total without counting.
  if (rows.length < f.limit && (rows.length > 0 || f.offset === 0)) {
    return { rows, total: f.offset + rows.length, totalCapped: false };
  }
  const n = await cappedCount(db, scope, f, bigTeam);
  return n > TOTAL_CAP ? { rows, total: TOTAL_CAP, totalCapped: true } : { rows, total: n, totalCapped: false };
}
