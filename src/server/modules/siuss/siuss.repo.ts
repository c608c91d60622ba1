import { sql } from "kysely";
import type { Db } from "../../db/database.ts";

/**
 * Reads for the SIUSS export, always one page at a time with keyset pagination (never a whole
 * table). Adults' interventions feed PS-PSA-SINA; minors' cases in area 1 feed SINBA.
 */
export const ZERO_UUID = "00000000-0000-0000-0000-000000000000";
export const SINA_FORMS = ["siuss-sina", "svama-lite"];
export const SINBA_FORMS = ["siuss-sinba"];

export interface InterventionRow {
  id: string;
  person_id: string;
  case_id: string;
  protocol: string | null;
  start_date: string;
  end_date: string | null;
  frequency: string | null;
  hours_per_period: string | null;
  amount_cents: number;
  share_comune_cents: number;
  share_user_cents: number;
  share_health_cents: number;
  siuss_code: string;
  service_name: string;
  means_tested: boolean;
  periodic: boolean;
  siuss_area: number;
  fiscal_code: string | null;
  family_name: string;
  given_name: string;
  sex: string | null;
  birth_date: string | null;
  citizenship: string | null;
  birth_place_code: string | null;
  citizenship_code: string | null;
  second_citizenship_code: string | null;
  residence_istat: string;
  region_code: string | null;
  dsu_protocol: string | null;
  dsu_date: string | null;
  sina_answers: Record<string, string | number> | null;
  sina_form: string | null;
  updated_ms: number;
}

const INTERVENTION_COLUMNS = sql`
  i.id, i.person_id, i.case_id, i.protocol, i.start_date, i.end_date, i.frequency, i.hours_per_period,
    i.amount_cents, i.share_comune_cents, i.share_user_cents, i.share_health_cents,
    st.siuss_code, st.name as service_name, st.means_tested, st.periodic, sc.siuss_area,
    p.fiscal_code, p.family_name, p.given_name, p.sex, p.birth_date, p.citizenship,
    pd.birth_place_code, pd.citizenship_code, pd.second_citizenship_code,
    coalesce(pd.residence_comune_istat, p.comune_istat) as residence_istat, rc.region_code,
    isee.dsu_protocol, isee.dsu_date, sina.answers as sina_answers, sina.form_code as sina_form,
    (extract(epoch from i.updated_at) * 1000)::bigint as updated_ms`;

/** What an intervention row is joined with (after `intervention i`). */
const INTERVENTION_JOINS = sql`
  join person p on p.ambito_id = i.ambito_id and p.id = i.person_id
  left join person_detail pd on pd.ambito_id = i.ambito_id and pd.person_id = i.person_id
  join service_type st on st.ambito_id = i.ambito_id and st.id = i.service_type_id
  join social_case sc on sc.ambito_id = i.ambito_id and sc.id = i.case_id
  left join comune rc on rc.istat_code = coalesce(pd.residence_comune_istat, p.comune_istat)
  left join isee_declaration isee on isee.ambito_id = i.ambito_id and isee.id = i.isee_declaration_id
  left join lateral (
    select a.answers, f.code as form_code from assessment a
    join assessment_form f on f.ambito_id = a.ambito_id and f.id = a.form_id
    where a.ambito_id = i.ambito_id and a.case_id = i.case_id and sc.siuss_area = 2
      and f.code in (${sql.join(SINA_FORMS)})
    order by a.assessed_on desc limit 1
  ) sina on true`;

const INTERVENTION_SELECT = sql`select ${INTERVENTION_COLUMNS} from intervention i ${INTERVENTION_JOINS}`;

/**
 * Adults' interventions overlapping [from, to], ordered by (person, intervention). Keys first: an
 * index-only walk of intervention_person_id_idx (period and status are in its INCLUDE) keeps the
 * ~3% of rows in the period without touching the heap, then only the page's rows are joined.
 * Reading whole rows in key order used to fetch every intervention of the Ambito (240 records/s).
 */
export const interventionPageSql = (
  ambitoId: number,
  period: { from: string; to: string },
  after: { personId: string; id: string },
  limit: number,
) => sql<InterventionRow>`with page_keys as materialized (
    select i.person_id, i.id from intervention i
    join person p on p.ambito_id = i.ambito_id and p.id = i.person_id
    where i.ambito_id = ${ambitoId} and i.status <> 'cancelled'
      and i.start_date <= ${period.to}::date and (i.end_date is null or i.end_date >= ${period.from}::date)
      and (p.birth_date is null or p.birth_date <= (${period.to}::date - interval '18 years')::date)
      and (i.person_id, i.id) > (${after.personId}::uuid, ${after.id}::uuid)
    order by i.person_id, i.id
    limit ${limit}
  )
  select ${INTERVENTION_COLUMNS}
  from page_keys k
  join intervention i on i.ambito_id = ${ambitoId} and i.id = k.id
  ${INTERVENTION_JOINS}
  order by k.person_id, k.id`;

export async function interventionPage(
  db: Db,
  ...args: Parameters<typeof interventionPageSql>
): Promise<InterventionRow[]> {
  return (await interventionPageSql(...args).execute(db)).rows;
}

/**
 * "Changed after sinceMs" at INPS's millisecond precision (a change in the same millisecond was
 * already sent): updated_at >= sinceMs + 1 ms, a plain range on the (ambito_id, updated_at, id)
 * indexes, where date_trunc on the column would read every row.
 */
const changedAfter = (sinceMs: number) => sql`to_timestamp(${Math.trunc(sinceMs) + 1}::double precision / 1000)`;

/** Adults' interventions changed after `sinceMs` (the pull API), oldest change first. */
export const interventionsChangedSql = (ambitoId: number, sinceMs: number, limit: number, adultOn: string) =>
  sql<InterventionRow>`${INTERVENTION_SELECT}
    where i.ambito_id = ${ambitoId} and i.status <> 'cancelled'
      and i.updated_at >= ${changedAfter(sinceMs)}
      and (p.birth_date is null or p.birth_date <= (${adultOn}::date - interval '18 years')::date)
    order by i.updated_at, i.id
    limit ${limit}`;

export async function interventionsChangedSince(
  db: Db,
  ...args: Parameters<typeof interventionsChangedSql>
): Promise<InterventionRow[]> {
  return (await interventionsChangedSql(...args).execute(db)).rows;
}

export interface MinorCaseRow {
  case_id: string;
  person_id: string;
  birth_date: string;
  opened_on: string;
  closed_on: string | null;
  closure_reason: string | null;
  citizenship_code: string | null;
  region_code: string | null;
  answers: Record<string, string | number> | null;
  benefit_codes: string[] | null;
  relations: { relation: string; sex: string | null }[] | null;
  isee_cents: number | null;
  updated_ms: number;
}

const MINOR_SELECT = sql`
  select sc.id as case_id, sc.person_id, p.birth_date, sc.opened_on, sc.closed_on, sc.closure_reason,
    pd.citizenship_code, rc.region_code, sinba.answers,
    (select array_agg(distinct st.siuss_code order by st.siuss_code) from intervention i
       join service_type st on st.ambito_id = i.ambito_id and st.id = i.service_type_id
       where i.ambito_id = sc.ambito_id and i.case_id = sc.id and i.status <> 'cancelled') as benefit_codes,
    (select json_agg(json_build_object('relation', o.relation, 'sex', op.sex)) from household_member me
       join household_member o on o.ambito_id = me.ambito_id and o.household_id = me.household_id
         and o.person_id <> me.person_id and o.to_date is null
       join person op on op.ambito_id = o.ambito_id and op.id = o.person_id
       where me.ambito_id = sc.ambito_id and me.person_id = sc.person_id and me.to_date is null) as relations,
    (select d.value_cents from isee_declaration d where d.ambito_id = sc.ambito_id and d.person_id = sc.person_id
       order by d.valid_to desc limit 1) as isee_cents,
    (extract(epoch from sc.updated_at) * 1000)::bigint as updated_ms
  from social_case sc
  join person p on p.ambito_id = sc.ambito_id and p.id = sc.person_id
  left join person_detail pd on pd.ambito_id = sc.ambito_id and pd.person_id = sc.person_id
  left join comune rc on rc.istat_code = coalesce(pd.residence_comune_istat, p.comune_istat)
  left join lateral (
    select a.answers from assessment a
    join assessment_form f on f.ambito_id = a.ambito_id and f.id = a.form_id
    where a.ambito_id = sc.ambito_id and a.case_id = sc.id and f.code in (${sql.join(SINBA_FORMS)})
    order by a.assessed_on desc limit 1
  ) sinba on true`;

/** Minors' cases (area 1) open at some point in [from, to], by case id. */
export async function minorCasePage(
  db: Db,
  ambitoId: number,
  period: { from: string; to: string },
  afterCaseId: string,
  limit: number,
): Promise<MinorCaseRow[]> {
  const { rows } = await sql<MinorCaseRow>`${MINOR_SELECT}
    where sc.ambito_id = ${ambitoId} and sc.siuss_area = 1
      and p.birth_date > (${period.to}::date - interval '18 years')::date
      and sc.opened_on <= ${period.to}::date and (sc.closed_on is null or sc.closed_on >= ${period.from}::date)
      and sc.id > ${afterCaseId}::uuid
    order by sc.id
    limit ${limit}`.execute(db);
  return rows;
}

export const minorCasesChangedSql = (ambitoId: number, sinceMs: number, limit: number, on: string) =>
  sql<MinorCaseRow>`${MINOR_SELECT}
    where sc.ambito_id = ${ambitoId} and sc.siuss_area = 1
      and p.birth_date > (${on}::date - interval '18 years')::date
      and sc.updated_at >= ${changedAfter(sinceMs)}
    order by sc.updated_at, sc.id
    limit ${limit}`;

export async function minorCasesChangedSince(
  db: Db,
  ...args: Parameters<typeof minorCasesChangedSql>
): Promise<MinorCaseRow[]> {
  return (await minorCasesChangedSql(...args).execute(db)).rows;
}

/** The sending ente: the Ambito's lead Comune (or its first Comune) gives the Belfiore code. */
export async function enteOf(db: Db, ambitoId: number) {
  const { rows } = await sql<{ name: string; cadastral_code: string }>`
    select a.name, c.cadastral_code from ambito a
    join comune c on c.istat_code = coalesce(a.lead_comune_istat,
      (select min(comune_istat) from ambito_comune where ambito_id = a.id))
    where a.id = ${ambitoId}`.execute(db);
  return rows[0];
}
