import { sql } from "kysely";
import type { Role } from "../../shared/contracts/rbac.ts";
import type { Db } from "../db/database.ts";
import { seedBudgetDemo } from "../modules/budget/index.ts";
import { seedCasesDemo } from "../modules/cases/index.ts";
import { seedCatalogueDemo } from "../modules/catalogue/index.ts";
import { seedObservatory } from "../modules/observatory/index.ts";
import { seedPlanningDemo } from "../modules/planning/index.ts";
import { seedEnti } from "../modules/territory/index.ts";
import { insertAssignments } from "../platform/auth/accounts.repo.ts";
import { hashPassword } from "../platform/auth/password.ts";
import { seedDemoPeople } from "./demo-people.ts";
import { seedSyntheticDemo } from "./synthetic/index.ts";

export interface DemoAccount {
  username: string;
  displayName: string;
  what: string;
  roles: { role: Role; ambito?: string; comune?: string; team?: string; organisation?: string }[];
}

/** Demo accounts printed at start; every one uses the demo password. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: "admin",
    displayName: "Amministratore di sistema",
    what: "system administrator",
    roles: [{ role: "system_admin" }],
  },
  {
    username: "udp.visconteo",
    displayName: "Ufficio di Piano Visconteo",
    what: "Ufficio di Piano manager, Visconteo Sud Milano",
    roles: [{ role: "udp_manager", ambito: "visconteo-sud-milano" }],
  },
  {
    username: "udp.cernusco",
    displayName: "Ufficio di Piano Distretto 4",
    what: "Ufficio di Piano officer, Cernusco Distretto 4",
    roles: [{ role: "udp_officer", ambito: "cernusco-distretto-4" }],
  },
  {
    username: "udp.milano",
    displayName: "Direzione Welfare Milano",
    what: "planning manager, Comune di Milano",
    roles: [{ role: "udp_manager", ambito: "milano" }],
  },
  {
    username: "as.rozzano",
    displayName: "Assistente sociale Rozzano",
    what: "social worker, Comune di Rozzano",
    roles: [
      { role: "social_worker", ambito: "visconteo-sud-milano", comune: "Rozzano", team: "Servizio sociale Rozzano" },
    ],
  },
  {
    username: "as.opera",
    displayName: "Assistente sociale Opera",
    what: "social worker, Comune di Opera",
    roles: [{ role: "social_worker", ambito: "visconteo-sud-milano", comune: "Opera", team: "Servizio sociale Opera" }],
  },
  {
    username: "as.cernusco",
    displayName: "Assistente sociale Cernusco",
    what: "social worker, Cernusco sul Naviglio",
    roles: [{ role: "social_worker", ambito: "cernusco-distretto-4", comune: "Cernusco sul Naviglio" }],
  },
  {
    username: "ragioneria.visconteo",
    displayName: "Ragioneria Visconteo",
    what: "accounting officer, Visconteo Sud Milano",
    roles: [{ role: "accounting_officer", ambito: "visconteo-sud-milano" }],
  },
  {
    username: "sindaco.visconteo",
    displayName: "Sindaco (Assemblea dei Sindaci)",
    what: "mayor, Assemblea dei Sindaci Visconteo (read-only)",
    roles: [{ role: "mayor", ambito: "visconteo-sud-milano", comune: "Rozzano" }],
  },
  {
    username: "ets.visconteo",
    displayName: "Operatore ETS",
    what: "third-sector operator, Visconteo Sud Milano",
    roles: [{ role: "ets_operator", ambito: "visconteo-sud-milano", organisation: "Cooperativa sociale demo (ETS)" }],
  },
  {
    username: "cittadino",
    displayName: "Cittadino demo",
    what: "citizen (portal)",
    roles: [{ role: "citizen", ambito: "visconteo-sud-milano" }],
  },
];

/** Any constant shared by every process that seeds the demo (pg_advisory_lock key). */
const SEED_LOCK = 7_320_251;

/**
 * Seeds the real enti and the demo accounts; idempotent (existing accounts are left as they are).
 * Two processes starting on one server (replicas, parallel test workers) would both see "not there
 * yet" and collide on unique keys, so the whole seed runs under a session advisory lock.
 */
export async function seedDemo(db: Db, opts: { password: string; scryptLogN: number }): Promise<void> {
  await db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${SEED_LOCK})`.execute(conn);
    try {
      await seedDemoLocked(conn, opts);
    } finally {
      await sql`select pg_advisory_unlock(${SEED_LOCK})`.execute(conn);
    }
  });
}

async function seedDemoLocked(db: Db, opts: { password: string; scryptLogN: number }): Promise<void> {
  const ambiti = await seedEnti(db);
  const hash = await hashPassword(opts.password, opts.scryptLogN);
  for (const account of DEMO_ACCOUNTS) {
    await db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto("app_user")
        .values({ username: account.username, display_name: account.displayName, password_hash: hash })
        .onConflict((oc) => oc.column("username").doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!inserted) return;
      const id = inserted.id;
      const rows = [];
      for (const r of account.roles) {
        const ambitoId = r.ambito ? (ambiti.get(r.ambito) ?? null) : null;
        const comune = r.comune
          ? await trx.selectFrom("comune").select("istat_code").where("name", "=", r.comune).executeTakeFirstOrThrow()
          : null;
        const named = (table: "team" | "organisation", name: string | undefined) =>
          name && ambitoId
            ? trx
                .selectFrom(table)
                .select("id")
                .where("ambito_id", "=", ambitoId)
                .where("name", "=", name)
                .executeTakeFirstOrThrow()
            : null;
        const team = await named("team", r.team);
        const org = await named("organisation", r.organisation);
        rows.push({
          user_id: id,
          role: r.role,
          ambito_id: ambitoId,
          comune_istat: comune?.istat_code ?? null,
          team_id: team?.id ?? null,
          organisation_id: org?.id ?? null,
        });
      }
      await insertAssignments(trx, rows);
    });
  }
  await seedDemoPeople(db, ambiti);
  await seedObservatory(db);
  await seedBudgetDemo(db, ambiti);
  await seedCasesDemo(db, ambiti);
  await seedSyntheticDemo(db, ambiti);
  await seedPlanningDemo(db, ambiti);
  await seedCatalogueDemo(db, ambiti);
}
