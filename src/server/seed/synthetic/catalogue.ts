/**
 * The service types the synthetic stories use, each with its INPS/SIUSS benefit code (the PSA
 * table of the ISEE consultation: A1 transfers, A2 services, A3 facilities). The SIUSS assessment
 * forms are the siuss module's (siuss/forms.ts).
 */
export type UserArea =
  | "famiglia_minori"
  | "disabili"
  | "dipendenze"
  | "anziani"
  | "immigrati"
  | "poverta_disagio_adulti"
  | "multiutenza";

export interface ServiceSpec {
  code: string;
  name: string;
  siussCode: string;
  userArea: UserArea;
  siussArea: 1 | 2 | 3;
  macroArea: "interventi_servizi" | "trasferimenti" | "strutture";
  meansTested: boolean;
  periodic: boolean;
  unit: "hours" | "days" | "months" | "one_off" | "vouchers";
}

const s = (
  code: string,
  name: string,
  siussCode: string,
  userArea: UserArea,
  siussArea: 1 | 2 | 3,
  macroArea: ServiceSpec["macroArea"],
  meansTested: boolean,
  periodic: boolean,
  unit: ServiceSpec["unit"],
): ServiceSpec => ({ code, name, siussCode, userArea, siussArea, macroArea, meansTested, periodic, unit });

export const SERVICES = {
  sad: s(
    "SAD",
    "Assistenza domiciliare socio-assistenziale (SAD)",
    "A2.07",
    "anziani",
    2,
    "interventi_servizi",
    true,
    true,
    "hours",
  ),
  adi: s(
    "ADI-SOC",
    "Assistenza domiciliare integrata, quota sociale (ADI)",
    "A2.08",
    "anziani",
    2,
    "interventi_servizi",
    false,
    true,
    "hours",
  ),
  caregiver: s(
    "BUONO-CAREGIVER",
    "Buono sociale per il caregiver familiare",
    "A1.11",
    "anziani",
    2,
    "trasferimenti",
    true,
    true,
    "months",
  ),
  rsa: s("RETTA-RSA", "Integrazione della retta in RSA", "A1.14", "anziani", 2, "strutture", true, true, "months"),
  cse: s(
    "RETTA-CSE",
    "Retta del centro socio educativo per persone con disabilità",
    "A1.13",
    "disabili",
    2,
    "strutture",
    true,
    true,
    "months",
  ),
  transport: s(
    "TRASPORTO",
    "Contributo per trasporto sociale e mobilità",
    "A1.16",
    "disabili",
    2,
    "trasferimenti",
    false,
    true,
    "months",
  ),
  adm: s(
    "ADM",
    "Assistenza domiciliare educativa ai minori (ADM)",
    "A2.02",
    "famiglia_minori",
    1,
    "interventi_servizi",
    false,
    true,
    "hours",
  ),
  community: s(
    "RETTA-COMUNITA-MINORI",
    "Retta della comunità educativa per minori",
    "A1.14",
    "famiglia_minori",
    1,
    "strutture",
    false,
    true,
    "months",
  ),
  foster: s(
    "CONTRIBUTO-AFFIDO",
    "Contributo alla famiglia affidataria",
    "A1.15",
    "famiglia_minori",
    1,
    "trasferimenti",
    false,
    true,
    "months",
  ),
  nursery: s(
    "RETTA-NIDO",
    "Integrazione della retta dell'asilo nido",
    "A1.07",
    "famiglia_minori",
    1,
    "trasferimenti",
    true,
    true,
    "months",
  ),
  school: s(
    "SOSTEGNO-SCOLASTICO",
    "Sostegno socio-educativo scolastico",
    "A2.11",
    "famiglia_minori",
    1,
    "interventi_servizi",
    false,
    true,
    "hours",
  ),
  income: s(
    "CONTRIBUTO-ECONOMICO",
    "Contributo economico a integrazione del reddito",
    "A1.04",
    "poverta_disagio_adulti",
    3,
    "trasferimenti",
    true,
    false,
    "one_off",
  ),
  rent: s(
    "CONTRIBUTO-AFFITTO",
    "Contributo per il pagamento dell'affitto",
    "A1.05",
    "poverta_disagio_adulti",
    3,
    "trasferimenti",
    true,
    false,
    "one_off",
  ),
  vouchers: s(
    "BUONI-SPESA",
    "Buoni spesa per generi di prima necessità",
    "A1.06",
    "poverta_disagio_adulti",
    3,
    "trasferimenti",
    true,
    false,
    "vouchers",
  ),
  traineeship: s(
    "TIROCINIO-INCLUSIONE",
    "Tirocinio di inclusione sociale (borsa lavoro)",
    "A1.18",
    "poverta_disagio_adulti",
    3,
    "trasferimenti",
    false,
    true,
    "months",
  ),
  canteen: s(
    "MENSA-SOCIALE",
    "Mensa sociale e pasti solidali",
    "A2.01",
    "immigrati",
    3,
    "interventi_servizi",
    false,
    true,
    "days",
  ),
} as const satisfies Record<string, ServiceSpec>;
export type ServiceKey = keyof typeof SERVICES;
