/**
 * The service types the synthetic stories use, each with its INPS/SIUSS benefit code (the PSA
 * table of the ISEE consultation: A1 transfers, A2 services, A3 facilities), and the two
 * assessment forms whose answers are the SIUSS codes of the SINA and SINBA sections.
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

/** Form definitions as data: each item's key is the SIUSS field the answer fills. */
const choice = (key: string, label: string, codes: Record<string, string>, required = true) => ({
  key,
  label,
  type: "choice",
  required,
  options: Object.entries(codes).map(([value, text]) => ({ value: Number(value), label: text })),
});

export const SINA_FORM = {
  code: "siuss-sina",
  version: 1,
  title: "Valutazione SINA (disabilità e non autosufficienza)",
  kind: "multidimensional" as const,
  definition: {
    source: "INPS SIUSS, PS_PSA_SINA201812.xsd (SINAType)",
    items: [
      choice("mobility", "Mobilità", { 1: "Si sposta da solo", 2: "Si sposta assistito", 3: "Non si sposta" }),
      choice("dailyLiving", "Attività della vita quotidiana", {
        1: "Autonomo",
        2: "Parzialmente dipendente",
        3: "Totalmente dipendente",
      }),
      choice("cognitive", "Disturbi dell'area cognitiva", { 1: "Lievi", 2: "Moderati", 3: "Gravi" }, false),
      choice("behavioural", "Disturbi comportamentali", { 1: "Assenti", 2: "Presenti" }),
      choice("healthCare", "Necessità di cure sanitarie", { 1: "Bassa", 2: "Media", 3: "Alta" }, false),
      choice("income", "Area reddituale", { 1: "Autonomo", 2: "Aiutato da parenti", 3: "In bisogno senza aiuti" }),
      choice("support", "Area supporto", { 1: "Rete presente", 2: "Rete parziale", 3: "Rete assente" }),
      choice("assessmentSource", "Fonte della valutazione", {
        1: "UVM",
        2: "Cartella sociale",
        3: "Altra documentazione",
        4: "Raccolta diretta",
      }),
      choice("assessmentTool", "Strumento di valutazione", {
        1: "SVAMA",
        2: "AGED",
        3: "RUG",
        4: "SOSIA",
        5: "Schema polare",
        6: "VALGRAF",
        7: "Altro",
      }),
    ],
  },
};

export const SINBA_FORM = {
  code: "siuss-sinba",
  version: 1,
  title: "Scheda SINBA (minori e famiglie)",
  kind: "other" as const,
  definition: {
    source: "INPS SIUSS, SINBA.xsd (SinbaType)",
    items: [
      choice("livingPlace", "Luogo di vita", {
        1: "Famiglia",
        2: "Parenti",
        3: "Famiglia affidataria",
        4: "Struttura residenziale sociale",
      }),
      choice("school", "Scuola frequentata", {
        1: "Nessuna",
        3: "Asilo nido",
        4: "Infanzia",
        5: "Primaria",
        6: "Secondaria I grado",
        7: "Secondaria II grado",
      }),
      choice("reportSource", "Fonte della segnalazione", {
        2: "Altro servizio sociale",
        3: "Servizi sanitari",
        5: "Forze dell'ordine",
        8: "Familiari",
        11: "Autorità giudiziaria minorile",
        13: "Scuola",
      }),
      choice("childAssessment", "Valutazione del minore", {
        1: "Nessuna problematica",
        2: "Problemi relazionali",
        7: "Maltrattamento",
        13: "Abbandono scolastico",
      }),
      choice("familyAssessment", "Valutazione della famiglia", {
        2: "Fragilità genitoriale",
        6: "Conflittualità",
        7: "Famiglia maltrattante",
        12: "Difficoltà economiche",
      }),
      choice(
        "courtOrderType",
        "Tipo di provvedimento",
        {
          4: "Affidamento familiare",
          5: "Affido al servizio sociale",
          7: "Vigilanza",
          8: "Allontanamento art. 403 c.c.",
        },
        false,
      ),
    ],
  },
};
