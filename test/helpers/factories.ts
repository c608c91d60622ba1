import { randomBytes } from "node:crypto";
import type { Db } from "../../src/server/db/database.ts";
import { hashPassword } from "../../src/server/platform/auth/password.ts";
import type { Role } from "../../src/shared/contracts/rbac.ts";

export const TEST_PASSWORD = "test-password-2026";
let passwordHash: Promise<string> | undefined;

const uid = () => randomBytes(5).toString("hex");

export interface TestAmbito {
  id: number;
  slug: string;
  /** Two real Comuni (Rozzano, Opera) the test Ambito is made of. */
  comuni: { rozzano: string; opera: string };
  teamId: number;
  organisationId: number;
}

/** A fresh Ambito per test keeps tests independent on a shared database. */
export async function createTestAmbito(db: Db): Promise<TestAmbito> {
  const slug = `t-${uid()}`;
  const { id } = await db
    .insertInto("ambito")
    .values({ slug, name: `Ambito di prova ${slug}`, kind: "ambito", region_code: "03" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const comuni = { rozzano: "015189", opera: "015159" };
  await db
    .insertInto("ambito_comune")
    .values(Object.values(comuni).map((c) => ({ ambito_id: id, comune_istat: c })))
    .execute();
  const team = await db
    .insertInto("team")
    .values({ ambito_id: id, name: "Servizio sociale Rozzano", comune_istat: comuni.rozzano })
    .returning("id")
    .executeTakeFirstOrThrow();
  const org = await db
    .insertInto("organisation")
    .values({ ambito_id: id, name: "Cooperativa di prova" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id, slug, comuni, teamId: team.id, organisationId: org.id };
}

export interface RoleSpec {
  role: Role;
  ambitoId?: number | null;
  comuneIstat?: string;
  teamId?: number;
  organisationId?: number;
}

export async function createTestUser(
  db: Db,
  roles: RoleSpec[],
  prefix = "u",
): Promise<{ id: number; username: string }> {
  passwordHash ??= hashPassword(TEST_PASSWORD, 10);
  const username = `${prefix}.${uid()}`;
  const { id } = await db
    .insertInto("app_user")
    .values({ username, display_name: `Utente ${username}`, password_hash: await passwordHash })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (roles.length) {
    await db
      .insertInto("role_assignment")
      .values(
        roles.map((r) => ({
          user_id: id,
          role: r.role,
          ambito_id: r.role === "system_admin" ? null : (r.ambitoId ?? null),
          comune_istat: r.comuneIstat ?? null,
          team_id: r.teamId ?? null,
          organisation_id: r.organisationId ?? null,
        })),
      )
      .execute();
  }
  return { id, username };
}

/** Comuni with codes no real Comune has (9xxxxx), for tests that write national reference data. */
export async function createFakeComuni(db: Db, n: number): Promise<{ code: string; name: string }[]> {
  // A region of their own keeps them out of the Lombardy reference list that other tests count.
  await db
    .insertInto("region")
    .values({ code: "99", name: "Regione di prova" })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const out = [];
  for (let i = 0; i < n; i++) {
    const code = `9${String(Math.floor(Math.random() * 100000)).padStart(5, "0")}`;
    const cadastral = `Z${String(Math.floor(Math.random() * 1000)).padStart(3, "0")}`;
    const name = `Comune di prova ${code}`;
    const inserted = await db
      .insertInto("comune")
      .values({
        istat_code: code,
        cadastral_code: cadastral,
        name,
        province_code: "999",
        province_abbr: "ZZ",
        region_code: "99",
        valid_from: "2020-01-01",
      })
      .onConflict((oc) => oc.doNothing())
      .returning("istat_code")
      .executeTakeFirst();
    if (inserted) out.push({ code, name });
    else i--;
  }
  return out;
}

/** A fresh Ambito made of the given Comuni. */
export async function createAmbitoWith(db: Db, comuni: string[]): Promise<{ id: number; slug: string }> {
  const slug = `t-${uid()}`;
  const { id } = await db
    .insertInto("ambito")
    .values({ slug, name: `Ambito di prova ${slug}`, kind: "ambito", region_code: "03" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("ambito_comune")
    .values(comuni.map((c) => ({ ambito_id: id, comune_istat: c })))
    .execute();
  return { id, slug };
}
