import type { Db } from "../../db/database.ts";
import { recordAudit } from "../../platform/audit/audit.service.ts";
import { ensureStandardForms, SVAMA_LITE, scoreAnswers } from "./forms.ts";
import { ensureStandardServiceTypes } from "./service-types.ts";

/**
 * Demo data of the Cartella, seeded by npm start; idempotent. Every Ambito gets the standard
 * assessment forms and service types; the demo person Giulia Ferrari (Rozzano) gets one worked
 * example of a case file. The thousands of synthetic people come from the siuss generator.
 */
export async function seedCasesDemo(db: Db, ambiti: Map<string, number>): Promise<void> {
  for (const ambitoId of ambiti.values()) {
    await ensureStandardForms(db, ambitoId);
    await ensureStandardServiceTypes(db, ambitoId);
  }
  const ambitoId = ambiti.get("visconteo-sud-milano");
  if (ambitoId) await seedExampleCase(db, ambitoId);
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

async function seedExampleCase(db: Db, ambitoId: number) {
  const person = await db
    .selectFrom("person")
    .select(["id", "comune_istat"])
    .where("ambito_id", "=", ambitoId)
    .where("family_name", "=", "Ferrari")
    .where("given_name", "=", "Giulia")
    .executeTakeFirst();
  const worker = await db.selectFrom("app_user").select("id").where("username", "=", "as.rozzano").executeTakeFirst();
  if (!person || !worker) return;
  const existing = await db
    .selectFrom("social_case")
    .select("id")
    .where("ambito_id", "=", ambitoId)
    .where("person_id", "=", person.id)
    .executeTakeFirst();
  if (existing) return;
  await db.transaction().execute(async (trx) => {
    const a = ambitoId;
    await trx
      .insertInto("person_detail")
      .values({
        ambito_id: a,
        person_id: person.id,
        birth_place_code: "H623",
        citizenship_code: "100",
        residence_comune_istat: person.comune_istat,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await trx
      .insertInto("isee_declaration")
      .values({
        ambito_id: a,
        person_id: person.id,
        kind: "ordinario",
        value_cents: 812_350,
        dsu_protocol: "INPS-ISEE-2026-00012345",
        dsu_date: daysAgo(200),
        valid_from: daysAgo(200),
        valid_to: `${new Date().getUTCFullYear()}-12-31`,
        created_by: worker.id,
      })
      .execute();
    const contact = await trx
      .insertInto("access_contact")
      .values({
        ambito_id: a,
        person_id: person.id,
        comune_istat: person.comune_istat,
        point: "segretariato",
        channel: "in_person",
        contact_date: daysAgo(120),
        request: "Chiede aiuto per l'assistenza alla madre convivente, non più autonoma dopo una caduta.",
        need_area: "anziani",
        answered_by: worker.id,
        outcome: "full_intake",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const kase = await trx
      .insertInto("social_case")
      .values({
        ambito_id: a,
        person_id: person.id,
        comune_istat: person.comune_istat,
        responsible_user_id: worker.id,
        user_area: "anziani",
        siuss_area: 2,
        level: "voluntary",
        opened_on: daysAgo(115),
        access_contact_id: contact.id,
        created_by: worker.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .updateTable("access_contact")
      .set({ case_id: kase.id })
      .where("ambito_id", "=", a)
      .where("id", "=", contact.id)
      .execute();
    await trx
      .insertInto("case_team_member")
      .values({ ambito_id: a, case_id: kase.id, user_id: worker.id, role: "responsible" })
      .execute();
    await trx
      .insertInto("case_status_change")
      .values({ ambito_id: a, case_id: kase.id, from_status: null, to_status: "open", changed_by: worker.id })
      .execute();
    const form = await trx
      .selectFrom("assessment_form")
      .select("id")
      .where("ambito_id", "=", a)
      .where("code", "=", SVAMA_LITE.code)
      .orderBy("version", "desc")
      .executeTakeFirstOrThrow();
    const answers = {
      mobilita: "2",
      adl: "2",
      disturbi_cognitivi: "1",
      disturbi_comportamentali: "1",
      cure_sanitarie: "2",
      area_reddituale: "2",
      area_supporto: "2",
      abitazione: "barriere",
    };
    const { score, band } = scoreAnswers(SVAMA_LITE.definition, answers);
    await trx
      .insertInto("assessment")
      .values({
        ambito_id: a,
        case_id: kase.id,
        form_id: form.id,
        answers: JSON.stringify(answers),
        score,
        band,
        assessed_on: daysAgo(110),
        assessed_by: worker.id,
      })
      .execute();
    const goals = [
      {
        id: "g1",
        text: "Garantire l'igiene personale quotidiana a domicilio",
        actions: [{ text: "Attivare il SAD tre mattine a settimana", who: "Servizio sociale comunale" }],
      },
      {
        id: "g2",
        text: "Ridurre il carico della figlia caregiver",
        actions: [
          { text: "Colloqui di sostegno mensili", who: "Assistente sociale" },
          { text: "Valutare il centro diurno", who: "Assistente sociale e famiglia" },
        ],
      },
    ];
    await trx
      .insertInto("care_plan")
      .values({
        ambito_id: a,
        case_id: kase.id,
        status: "active",
        summary: "Sostegno alla domiciliarità della madre e al caregiver.",
        goals: JSON.stringify(goals),
        review_every_months: 3,
        next_review_on: daysAgo(-20),
        patto_signed_on: daysAgo(100),
        updated_by: worker.id,
      })
      .execute();
    const sad = await trx
      .selectFrom("service_type")
      .select("id")
      .where("ambito_id", "=", a)
      .where("code", "=", "SAD")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("intervention")
      .values({
        ambito_id: a,
        case_id: kase.id,
        person_id: person.id,
        service_type_id: sad.id,
        comune_istat: person.comune_istat,
        provider_name: "Cooperativa sociale accreditata",
        protocol: "SAD-2026-0042",
        start_date: daysAgo(95),
        frequency: "weekly",
        hours_per_period: 6,
        amount_cents: 234_000,
        share_comune_cents: 187_200,
        share_user_cents: 46_800,
        share_health_cents: 0,
        status: "active",
        created_by: worker.id,
      })
      .execute();
    await trx
      .insertInto("diary_note")
      .values([
        {
          ambito_id: a,
          case_id: kase.id,
          note_type: "interview",
          occurred_on: daysAgo(118),
          body: "Primo colloquio con la figlia: descritta la situazione dopo la caduta, raccolta la documentazione sanitaria.",
          author_id: worker.id,
        },
        {
          ambito_id: a,
          case_id: kase.id,
          note_type: "home_visit",
          occurred_on: daysAgo(112),
          body: "Visita domiciliare: bagno non adeguato, scale interne. Concordato l'avvio del SAD.",
          author_id: worker.id,
        },
      ])
      .execute();
    await trx
      .insertInto("task")
      .values({
        ambito_id: a,
        case_id: kase.id,
        kind: "review_due",
        title: "Verifica del progetto personalizzato",
        due_on: daysAgo(-20),
        assigned_to: worker.id,
        created_by: worker.id,
      })
      .execute();
    await recordAudit(trx, {
      ambitoId: a,
      actorUserId: null,
      actorKind: "system",
      action: "case.open",
      entityType: "case",
      entityId: kase.id,
      comuneIstat: person.comune_istat,
      purpose: "dati dimostrativi",
    });
  });
}
