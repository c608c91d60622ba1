import type { Db } from "../../db/database.ts";
import { ENTI, type EnteSeed } from "./enti.ts";
import { findComuniByName } from "./territory.repo.ts";

/** Creates the real enti if missing; safe to run on every start. Returns slug -> ambito id. */
export async function seedEnti(db: Db, enti: EnteSeed[] = ENTI): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const ente of enti) ids.set(ente.slug, await seedEnte(db, ente));
  return ids;
}

async function seedEnte(db: Db, ente: EnteSeed): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const comuni = await findComuniByName(trx, ente.comuni);
    const byName = new Map(comuni.map((c) => [c.name, c.istat_code]));
    const missing = ente.comuni.filter((n) => !byName.has(n));
    if (missing.length) throw new Error(`Unknown Comuni for ${ente.slug}: ${missing.join(", ")}`);
    const istat = (name: string) => byName.get(name) as string;
    const ats = await trx.selectFrom("ats").select("id").where("code", "=", ente.ats).executeTakeFirstOrThrow();
    const asst = ente.asst
      ? await trx.selectFrom("asst").select("id").where("code", "=", ente.asst).executeTakeFirstOrThrow()
      : null;
    // on conflict: another process seeding at the same time wins; this one returns its id.
    const inserted = await trx
      .insertInto("ambito")
      .values({
        slug: ente.slug,
        name: ente.name,
        kind: ente.kind,
        region_code: "03",
        ats_id: ats.id,
        asst_id: asst?.id ?? null,
        lead_comune_istat: ente.lead ? istat(ente.lead) : null,
      })
      .onConflict((oc) => oc.column("slug").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) {
      const existing = await trx
        .selectFrom("ambito")
        .select("id")
        .where("slug", "=", ente.slug)
        .executeTakeFirstOrThrow();
      return existing.id;
    }
    const id = inserted.id;
    await trx
      .insertInto("ambito_comune")
      .values(ente.comuni.map((n) => ({ ambito_id: id, comune_istat: istat(n) })))
      .execute();
    if (ente.municipi) {
      const comune = istat(ente.municipi.comune);
      const rows = Array.from({ length: ente.municipi.count }, (_, i) => ({
        ambito_id: id,
        comune_istat: comune,
        number: i + 1,
        name: `Municipio ${i + 1}`,
      }));
      await trx.insertInto("municipio").values(rows).execute();
    }
    if (ente.teams?.length) {
      await trx
        .insertInto("team")
        .values(
          ente.teams.map((t) => ({ ambito_id: id, name: t.name, comune_istat: t.comune ? istat(t.comune) : null })),
        )
        .execute();
    }
    if (ente.organisations?.length) {
      await trx
        .insertInto("organisation")
        .values(ente.organisations.map((name) => ({ ambito_id: id, name })))
        .execute();
    }
    return id;
  });
}
