import type { Db } from "../../db/database.ts";
import type { ServiceTypeTable, UserArea } from "./schema.ts";

type Std = [
  code: string,
  name: string,
  siussCode: string,
  userArea: UserArea,
  siussArea: 1 | 2 | 3,
  macroArea: ServiceTypeTable["macro_area"],
  meansTested: boolean,
  unit: "hours" | "days" | "months" | "one_off" | "vouchers",
];

/**
 * The service types an Ambito starts with, each with its INPS SIUSS CodicePrestazione (PSA list:
 * A1 = contributi, A2 = servizi, A3 = strutture) and ISTAT area. An Ambito adds its own.
 */
export const STANDARD_SERVICE_TYPES: Std[] = [
  [
    "SAD",
    "Assistenza domiciliare socio-assistenziale (SAD)",
    "A2.07",
    "anziani",
    2,
    "interventi_servizi",
    true,
    "hours",
  ],
  [
    "ADM",
    "Assistenza domiciliare educativa ai minori (ADM)",
    "A2.02",
    "famiglia_minori",
    1,
    "interventi_servizi",
    false,
    "hours",
  ],
  [
    "EDU-SCOL",
    "Assistenza educativa scolastica ad personam",
    "A2.11",
    "disabili",
    2,
    "interventi_servizi",
    false,
    "hours",
  ],
  [
    "CONTR-REDD",
    "Contributo economico a integrazione del reddito",
    "A1.04",
    "poverta_disagio_adulti",
    3,
    "trasferimenti",
    true,
    "one_off",
  ],
  [
    "CONTR-CASA",
    "Contributo per il pagamento dell'affitto",
    "A1.05",
    "poverta_disagio_adulti",
    3,
    "trasferimenti",
    true,
    "months",
  ],
  [
    "BUONI-SPESA",
    "Buoni spesa per generi alimentari",
    "A1.06",
    "poverta_disagio_adulti",
    3,
    "trasferimenti",
    true,
    "vouchers",
  ],
  ["TRASPORTO", "Contributo per trasporto e mobilità", "A1.16", "disabili", 2, "trasferimenti", true, "months"],
  ["CDD-RETTA", "Integrazione retta centro diurno disabili (CDD)", "A1.12", "disabili", 2, "strutture", true, "days"],
  ["RSA-RETTA", "Integrazione retta RSA", "A1.14", "anziani", 2, "strutture", true, "months"],
  ["NIDO-RETTA", "Integrazione retta asilo nido", "A1.07", "famiglia_minori", 1, "trasferimenti", true, "months"],
  ["COMUNITA-MIN", "Inserimento in comunità per minori", "A3.02", "famiglia_minori", 1, "strutture", false, "days"],
  [
    "INS-LAV",
    "Tirocinio e supporto all'inserimento lavorativo",
    "A2.09",
    "poverta_disagio_adulti",
    3,
    "interventi_servizi",
    false,
    "months",
  ],
  ["MENSA", "Mensa sociale", "A2.01", "poverta_disagio_adulti", 3, "interventi_servizi", false, "days"],
];

export async function ensureStandardServiceTypes(db: Db, ambitoId: number): Promise<void> {
  await db
    .insertInto("service_type")
    .values(
      STANDARD_SERVICE_TYPES.map(([code, name, siuss, area, siussArea, macro, meansTested, unit]) => ({
        ambito_id: ambitoId,
        code,
        name,
        siuss_code: siuss,
        user_area: area,
        siuss_area: siussArea,
        macro_area: macro,
        means_tested: meansTested,
        periodic: unit !== "one_off",
        unit,
      })),
    )
    .onConflict((oc) => oc.columns(["ambito_id", "code"]).doNothing())
    .execute();
}
