import type { Db } from "../../db/database.ts";
import { AppError, type FieldError } from "../../platform/errors.ts";
import type { FormDefinition } from "./cases.contracts.ts";

/**
 * Assessment forms are data: a definition (sections of items, options with points, score bands)
 * stored versioned in assessment_form. Filling one validates the answers against the definition
 * of that version and computes the score.
 */
export function scoreAnswers(def: FormDefinition, answers: Record<string, string | number>) {
  const fields: FieldError[] = [];
  const items = new Map(def.sections.flatMap((s) => s.items.map((i) => [i.key, i] as const)));
  for (const key of Object.keys(answers)) {
    if (!items.has(key)) fields.push({ path: `body.answers.${key}`, message: "not an item of this form" });
  }
  let score = 0;
  let scored = false;
  for (const item of items.values()) {
    const value = answers[item.key];
    const path = `body.answers.${item.key}`;
    if (value === undefined || value === "") {
      if (item.required) fields.push({ path, message: "required" });
      continue;
    }
    if (item.type === "choice") {
      const option = item.options?.find((o) => o.value === String(value));
      if (!option) fields.push({ path, message: "not one of the options" });
      else {
        score += option.points;
        scored = true;
      }
    } else if (item.type === "number" && typeof value !== "number") {
      fields.push({ path, message: "must be a number" });
    } else if (item.type === "text" && typeof value !== "string") {
      fields.push({ path, message: "must be text" });
    }
  }
  if (fields.length) throw new AppError("VALIDATION", "The assessment has invalid answers", fields);
  const band = scored ? (def.bands.find((b) => score >= b.min && score <= b.max)?.label ?? null) : null;
  return { score: scored ? score : null, band };
}

const choice = (key: string, label: string, options: [string, string, number][], required = true) => ({
  key,
  label,
  type: "choice" as const,
  required,
  options: options.map(([value, l, points]) => ({ value, label: l, points })),
});

/** The PUA first-access sheet: who asks, for what, how urgent; the score suggests the route. */
export const PUA_FIRST_ACCESS: { code: string; title: string; kind: "pua_first_access"; definition: FormDefinition } = {
  code: "pua-primo-accesso",
  title: "Scheda di primo accesso PUA",
  kind: "pua_first_access",
  definition: {
    sections: [
      {
        key: "segnalazione",
        title: "Segnalazione",
        items: [
          choice("richiedente", "Chi presenta la richiesta", [
            ["interessato", "La persona interessata", 0],
            ["familiare", "Un familiare o caregiver", 0],
            ["mmg", "Medico di medicina generale o pediatra", 0],
            ["servizio", "Un altro servizio (ospedale, scuola, consultorio)", 0],
            ["altro", "Altro (vicinato, associazione, forze dell'ordine)", 0],
          ]),
          choice("bisogno_prevalente", "Bisogno prevalente espresso", [
            ["sociale", "Sociale (economico, abitativo, relazionale)", 0],
            ["sanitario", "Sanitario", 2],
            ["sociosanitario", "Sociale e sanitario insieme", 4],
          ]),
        ],
      },
      {
        key: "condizione",
        title: "Condizione della persona",
        items: [
          choice("autonomia", "Autonomia nelle attività quotidiane", [
            ["autonomo", "Autonomo", 0],
            ["parziale", "Ha bisogno di aiuto in alcune attività", 2],
            ["dipendente", "Dipende da altri nella maggior parte delle attività", 4],
          ]),
          choice("rete", "Rete familiare e di supporto", [
            ["presente", "Presente e in grado di aiutare", 0],
            ["parziale", "Presente solo in parte o non sempre", 1],
            ["assente", "Assente", 3],
          ]),
          choice("invalidita", "Invalidità civile o disabilità certificata", [
            ["no", "No", 0],
            ["in_corso", "Domanda in corso", 1],
            ["si", "Sì", 2],
          ]),
          choice("urgenza", "Urgenza", [
            ["ordinaria", "Ordinaria", 0],
            ["breve", "Da affrontare entro 7 giorni", 2],
            ["immediata", "Immediata (rischio per la persona)", 4],
          ]),
          { key: "note", label: "Descrizione sintetica del bisogno", type: "text", required: false },
        ],
      },
    ],
    bands: [
      { min: 0, max: 4, label: "Percorso sociale ordinario" },
      { min: 5, max: 9, label: "Valutazione del servizio sociale professionale" },
      { min: 10, max: 100, label: "Bisogno complesso: valutazione multidimensionale (UVM)" },
    ],
  },
};

/**
 * A SVAMA-like multidimensional scale. The option values of the first seven items are the SIUSS
 * SINA codes (MobilitaType, AttivitaVitaQuotidianaType, …) so the export can read them directly.
 */
export const SVAMA_LITE: { code: string; title: string; kind: "multidimensional"; definition: FormDefinition } = {
  code: "svama-lite",
  title: "Valutazione multidimensionale (scala SVAMA semplificata)",
  kind: "multidimensional",
  definition: {
    sections: [
      {
        key: "funzionale",
        title: "Area funzionale",
        items: [
          choice("mobilita", "Mobilità", [
            ["1", "Si sposta da solo", 0],
            ["2", "Si sposta con assistenza o ausili", 6],
            ["3", "Non si sposta (allettato o in carrozzina senza autonomia)", 12],
          ]),
          choice("adl", "Attività della vita quotidiana (igiene, vestirsi, alimentarsi)", [
            ["1", "Autonomo", 0],
            ["2", "Parzialmente dipendente", 8],
            ["3", "Totalmente dipendente", 16],
          ]),
        ],
      },
      {
        key: "cognitiva",
        title: "Area cognitiva e comportamentale",
        items: [
          choice("disturbi_cognitivi", "Disturbi della memoria e dell'orientamento", [
            ["1", "Assenti o lievi", 0],
            ["2", "Moderati", 5],
            ["3", "Gravi", 10],
          ]),
          choice("disturbi_comportamentali", "Disturbi del comportamento (agitazione, aggressività, vagabondaggio)", [
            ["1", "Assenti", 0],
            ["2", "Presenti", 8],
          ]),
        ],
      },
      {
        key: "sanitaria",
        title: "Area sanitaria",
        items: [
          choice("cure_sanitarie", "Necessità di cure sanitarie (medicazioni, terapie, presidi)", [
            ["1", "Bassa", 0],
            ["2", "Media", 5],
            ["3", "Alta", 10],
          ]),
        ],
      },
      {
        key: "sociale",
        title: "Area sociale",
        items: [
          choice("area_reddituale", "Situazione economica", [
            ["1", "Autonomo e in equilibrio", 0],
            ["2", "Riceve aiuto da parenti o altre persone", 3],
            ["3", "In difficoltà economica senza aiuti", 6],
          ]),
          choice("area_supporto", "Rete familiare e informale", [
            ["1", "Presente", 0],
            ["2", "Parziale o temporanea", 4],
            ["3", "Assente", 8],
          ]),
          choice("abitazione", "Condizione abitativa", [
            ["adeguata", "Adeguata", 0],
            ["barriere", "Con barriere architettoniche o carenze igieniche", 3],
            ["precaria", "Precaria o a rischio di sfratto", 6],
          ]),
          { key: "caregiver", label: "Caregiver di riferimento (ruolo, non il nome)", type: "text", required: false },
        ],
      },
    ],
    bands: [
      { min: 0, max: 15, label: "Bisogno assistenziale lieve" },
      { min: 16, max: 40, label: "Bisogno assistenziale moderato" },
      { min: 41, max: 100, label: "Bisogno assistenziale elevato" },
    ],
  },
};

export const STANDARD_FORMS = [PUA_FIRST_ACCESS, SVAMA_LITE];

/** Installs version 1 of the standard forms for an Ambito that has none of that code (idempotent). */
export async function ensureStandardForms(db: Db, ambitoId: number): Promise<void> {
  for (const f of STANDARD_FORMS) {
    await db
      .insertInto("assessment_form")
      .values({
        ambito_id: ambitoId,
        code: f.code,
        version: 1,
        title: f.title,
        kind: f.kind,
        definition: JSON.stringify(f.definition),
      })
      .onConflict((oc) => oc.columns(["ambito_id", "code", "version"]).doNothing())
      .execute();
  }
}
