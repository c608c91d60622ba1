import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { recordAudit } from "../../platform/audit/audit.service.ts";

/**
 * Retention rule (docs/cases.md): a person's social record is kept while any case is open and for
 * RETENTION_YEARS after the last case closed (or, for people never taken into care, after the last
 * access contact); then it is due for deletion. This reports how many records are due, by Comune,
 * without names; deleting them is a decision of the data controller (the Comune), not automatic.
 */
export const RETENTION_YEARS = 10;

export async function retentionReport(db: Db, ambitoId: number, years = RETENTION_YEARS) {
  const rows = await sql<{ comune_istat: string; due: number; kept: number }>`
    with last_activity as (
      select p.id, p.comune_istat,
        exists (select 1 from social_case c where c.ambito_id = p.ambito_id and c.person_id = p.id and c.status <> 'closed') as has_open,
        greatest(
          (select max(c.closed_on) from social_case c where c.ambito_id = p.ambito_id and c.person_id = p.id),
          (select max(a.contact_date) from access_contact a where a.ambito_id = p.ambito_id and a.person_id = p.id),
          p.updated_at::date
        ) as last_on
      from person p
      where p.ambito_id = ${ambitoId}
    )
    select comune_istat,
      count(*) filter (where not has_open and last_on < current_date - make_interval(years => ${years}))::int as due,
      count(*) filter (where has_open or last_on >= current_date - make_interval(years => ${years}))::int as kept
    from last_activity
    group by comune_istat
    order by comune_istat`.execute(db);
  await recordAudit(db, {
    ambitoId,
    actorUserId: null,
    actorKind: "cli",
    action: "cases.retention_report",
    entityType: "person",
    details: { years, due: rows.rows.reduce((s, r) => s + Number(r.due), 0) },
  });
  return rows.rows.map((r) => ({ comuneIstat: r.comune_istat, due: Number(r.due), kept: Number(r.kept) }));
}
