import { fiscalCodeCheckChar } from "../../shared/fiscal-code.ts";
import type { Db } from "../db/database.ts";
import { recordAudit } from "../platform/audit/audit.service.ts";

/** Fictional people for the demo (codici fiscali are well-formed but invented). */
const PEOPLE = [
  { comune: "Rozzano", family: "Ferrari", given: "Giulia", cf: "FRRGLI78M52H623", citizenship: "Italiana" },
  { comune: "Rozzano", family: "Esposito", given: "Marco", cf: "SPSMRC92C11F205", citizenship: "Italiana" },
  { comune: "Rozzano", family: "El Amrani", given: "Yasmine", cf: null, citizenship: "Marocchina" },
  { comune: "Opera", family: "Colombo", given: "Anna", cf: "CLMNNA41A45G078", citizenship: "Italiana" },
  {
    comune: "Cernusco sul Naviglio",
    family: "Brambilla",
    given: "Luca",
    cf: "BRMLCU85E20C523",
    citizenship: "Italiana",
  },
];

export async function seedDemoPeople(db: Db, ambiti: Map<string, number>): Promise<void> {
  for (const p of PEOPLE) {
    const ambitoId = ambiti.get(p.comune === "Cernusco sul Naviglio" ? "cernusco-distretto-4" : "visconteo-sud-milano");
    if (!ambitoId) continue;
    await db.transaction().execute(async (trx) => {
      const comune = await trx
        .selectFrom("comune")
        .select("istat_code")
        .where("name", "=", p.comune)
        .executeTakeFirstOrThrow();
      const fiscalCode = p.cf ? p.cf + fiscalCodeCheckChar(p.cf) : null;
      const exists = await trx
        .selectFrom("person")
        .select("id")
        .where("ambito_id", "=", ambitoId)
        .where("family_name", "=", p.family)
        .where("given_name", "=", p.given)
        .executeTakeFirst();
      if (exists) return;
      const row = await trx
        .insertInto("person")
        .values({
          ambito_id: ambitoId,
          comune_istat: comune.istat_code,
          fiscal_code: fiscalCode,
          provisional: fiscalCode === null,
          family_name: p.family,
          given_name: p.given,
          citizenship: p.citizenship,
          created_by: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        ambitoId,
        actorUserId: null,
        actorKind: "system",
        action: "person.create",
        entityType: "person",
        entityId: row.id,
        comuneIstat: comune.istat_code,
        purpose: "dati dimostrativi",
      });
    });
  }
}
