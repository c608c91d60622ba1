import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { SinaBlock, SinbaRecord } from "./records.ts";

/**
 * The SIUSS sections as assessment forms of the Cartella (forms are data, see cases/forms.ts):
 * one item per SINA / SINBA attribute, whose options are the INPS codes of codelists.json. An
 * assessment on these forms is what the export reads; keys follow the Cartella's snake_case rule.
 */
type Enumerations = Record<string, Record<string, string>>;
const codelists = JSON.parse(
  readFileSync(fileURLToPath(new URL("./xsd/codelists.json", import.meta.url)), "utf8"),
) as Record<"PS_PSA_SINA" | "SINBA", { enumerations: Enumerations }>;

export interface SiussItem<F extends string> {
  key: string;
  field: F;
  /** The XSD simple type whose enumeration gives the options; null for a date (text item). */
  type: string | null;
  label: string;
  required: boolean;
}

const item = <F extends string>(key: string, field: F, type: string | null, label: string, required = false) => ({
  key,
  field,
  type,
  label,
  required,
});

export const SINA_ITEMS: SiussItem<keyof SinaBlock>[] = [
  item("mobilita", "mobility", "MobilitaType", "Mobilità", true),
  item("adl", "dailyLiving", "AttivitaVitaQuotidianaType", "Attività della vita quotidiana", true),
  item("disturbi_cognitivi", "cognitive", "DisturbiAreaCognitivaType", "Disturbi dell'area cognitiva"),
  item("disturbi_comportamentali", "behavioural", "DisturbiComportamentaliType", "Disturbi comportamentali", true),
  item("cure_sanitarie", "healthCare", "NecessitaCureSanitarieType", "Necessità di cure sanitarie"),
  item("area_reddituale", "income", "AreaRedditualeType", "Area reddituale", true),
  item("area_supporto", "support", "AreaSupportoType", "Area supporto (rete familiare o informale)", true),
  item("fonte_valutazione", "assessmentSource", "FonteDerivazioneValutazioneType", "Fonte della valutazione", true),
  item("strumento_valutazione", "assessmentTool", "StrumentoValutazioneType", "Strumento di valutazione", true),
  item("fonte_invalidita", "invaliditySource", "FonteDerivazioneInvaliditaType", "Fonte del dato di invalidità"),
];

export const SINBA_ITEMS: SiussItem<keyof SinbaRecord>[] = [
  item(
    "minore_straniero_non_acc",
    "unaccompaniedForeign",
    "MinoreStranieroNoAccType",
    "Minore straniero non accompagnato",
    true,
  ),
  item("condizione_minore", "orphanhood", "CondizioneMinoreType", "Condizione del minore", true),
  item("luogo_vita", "livingPlace", "LuogoVitaType", "Luogo di vita", true),
  item("scuola_frequentata", "school", "ScuolaFrequentataType", "Scuola frequentata", true),
  item("condizione_lavoro", "work", "CondizioneLavoroType", "Condizione lavorativa", true),
  item("disabilita", "disability", "DisabilitaType", "Disabilità", true),
  item("tipo_disabilita", "disabilityType", "TipoDisabilitaType", "Tipo di disabilità"),
  item("fonte_segnalazione", "reportSource", "FonteSegnalazioneType", "Fonte della segnalazione", true),
  item("valutazione_minore", "childAssessment", "ValutazioneMinoreType", "Valutazione del minore", true),
  item("valutazione_famiglia", "familyAssessment", "ValutazioneFamigliaMinoreType", "Valutazione della famiglia", true),
  item(
    "segnalazione_ag",
    "reportedToCourt",
    "SegnalazioneAutoritaGiudiziariaType",
    "Segnalazione all'autorità giudiziaria",
    true,
  ),
  item("data_segnalazione", "courtReportDate", null, "Data della segnalazione (AAAA-MM-GG)"),
  item("provvedimento", "courtOrder", "ProvvedimentoGiudiziarioType", "Provvedimento giudiziario", true),
  item("data_provvedimento", "courtOrderDate", null, "Data del provvedimento (AAAA-MM-GG)"),
  item("autorita_provvedimento", "courtAuthority", "AutoritaProvvedimentoType", "Autorità del provvedimento"),
  item("potesta_tutela", "parentalAuthority", "PotestaTutelaType", "Potestà / tutela"),
  item("tipo_provvedimento", "courtOrderType", "TipoProvvedimentoGiudiziarioType", "Tipo di provvedimento"),
  item("forma_affido", "fosterForm", "FormaInterventoAffidoType", "Affido: forma"),
  item("tipo_affido", "fosterType", "TipoInterventoAffidoType", "Affido: tipo"),
  item("durata_affido", "fosterDuration", "DurataAffidoType", "Affido: durata"),
  item("carattere_affido", "fosterCharacter", "CarattereAffidoType", "Affido: carattere"),
  item("esito_affido", "fosterOutcome", "EsitoAffidoType", "Affido: esito"),
  item(
    "carattere_inserimento",
    "residentialCharacter",
    "CarattereInserimentoResidenzialeType",
    "Inserimento residenziale: carattere",
  ),
  item("forma_inserimento", "residentialForm", "FormaInserimentoResidenzialeType", "Inserimento residenziale: forma"),
  item("tipo_inserimento", "residentialType", "TipoInserimentoResidenzialeType", "Inserimento residenziale: tipo"),
  item("esito_inserimento", "residentialOutcome", "EsitoInserimentoStrutturaType", "Inserimento residenziale: esito"),
  item("collaborazioni", "collaborations", "CollaborazioniInterventiType", "Collaborazioni negli interventi"),
];

function definition(flow: "PS_PSA_SINA" | "SINBA", title: string, items: SiussItem<string>[]) {
  const enums = codelists[flow].enumerations;
  return {
    sections: [
      {
        key: flow === "SINBA" ? "sinba" : "sina",
        title,
        items: items.map((i) =>
          i.type
            ? {
                key: i.key,
                label: i.label,
                type: "choice" as const,
                required: i.required,
                options: Object.entries(enums[i.type] ?? {}).map(([value, label]) => ({
                  value,
                  label: label.slice(0, 200),
                  points: 0,
                })),
              }
            : { key: i.key, label: i.label, type: "text" as const, required: i.required },
        ),
      },
    ],
    bands: [],
  };
}

export const SINA_FORM = {
  code: "siuss-sina",
  version: 1,
  title: "SIUSS – SINA: disabilità e non autosufficienza",
  kind: "multidimensional" as const,
  definition: definition("PS_PSA_SINA", "Sezione SINA (PS_PSA_SINA201812.xsd)", SINA_ITEMS),
};

export const SINBA_FORM = {
  code: "siuss-sinba",
  version: 1,
  title: "SIUSS – SINBA: minori e famiglie",
  kind: "other" as const,
  definition: definition("SINBA", "Scheda SINBA (SINBA.xsd)", SINBA_ITEMS),
};

/** Answers (by item key) → record fields; dates stay strings, codes become numbers. */
export function answersToFields<F extends string>(
  items: SiussItem<F>[],
  answers: Record<string, string | number>,
): Partial<Record<F, string | number>> {
  const out: Partial<Record<F, string | number>> = {};
  for (const i of items) {
    const v = answers[i.key];
    if (v === undefined || v === "") continue;
    out[i.field] = i.type ? Number(v) : String(v);
  }
  return out;
}
