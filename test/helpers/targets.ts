import type { Db } from "../../src/server/db/database.ts";

/** A plan with one objective and a catalogue service in the Ambito, as those modules store them. */
export async function createPlanObjectiveAndService(db: Db, ambitoId: number) {
  const plan = await db
    .insertInto("plan")
    .values({ ambito_id: ambitoId, title: "Piano di Zona 2025-2027", period_start: 2025, period_end: 2027 })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("plan_macro_area")
    .values({ ambito_id: ambitoId, plan_id: plan.id, code: "7", title: "Digitalizzazione", seq: 1 })
    .execute();
  await db
    .insertInto("plan_objective")
    .values({
      ambito_id: ambitoId,
      plan_id: plan.id,
      code: "7.1.1",
      macro_area_code: "7",
      seq: 1,
      level: "specific",
      title: "Cartella sociale informatizzata",
      weight: 1,
    })
    .execute();
  const provider = await db
    .insertInto("cat_provider")
    .values({ ambito_id: ambitoId, name: "Comune di prova", kind: "comune" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const service = await db
    .insertInto("cat_service")
    .values({
      ambito_id: ambitoId,
      provider_id: provider.id,
      name: "Servizio di assistenza domiciliare",
      kind: "service",
      user_area: "anziani",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { objectiveId: `${plan.id}:7.1.1`, serviceId: String(service.id) };
}
