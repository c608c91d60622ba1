import type { Monitoring, Status } from "./monitoring.ts";
import type { ObjectiveDoc, PlanDocument } from "./plan-document.ts";

/**
 * Reports as a neutral model (headings, field lists, tables) so the PDF and DOCX renderers print
 * the same content. Labels follow the regional objective sheet (DGR XII/2167).
 */
export interface ReportSection {
  heading: string;
  paragraphs?: string[];
  fields?: [string, string][];
  table?: { columns: string[]; rows: string[][] };
  pageBreakBefore?: boolean;
}
export interface ReportModel {
  title: string;
  subtitle: string;
  sections: ReportSection[];
}

const euro = new Intl.NumberFormat("it-IT", { style: "currency", currency: "EUR" });
const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);
const yesNo = (b: boolean | null | undefined) => (b === true ? "SI" : b === false ? "NO" : "—");
const orDash = (s: string | null | undefined) => (s?.trim() ? s : "—");

export const STATUS_LABEL: Record<Status, string> = {
  on_track: "In linea",
  at_risk: "A rischio",
  late: "In ritardo",
  achieved: "Raggiunto",
  no_data: "Senza dati",
};
const UNIT_LABEL = { count: "n.", percent: "%", eur: "€", yes_no: "sì/no", text: "" } as const;
const TYPE_LABEL = { input: "Input", output: "Output", process: "Processo", outcome: "Outcome" } as const;

function objectiveFields(o: ObjectiveDoc, doc: PlanDocument): [string, string][] {
  const area = doc.macroAreas.find((m) => m.code === o.macroArea);
  return [
    ["Macro-area", area ? `${area.code} ${area.title}` : o.macroArea],
    ["Tipo di obiettivo", `${o.level === "general" ? "Generale" : "Specifico"}${o.kind ? ` – ${o.kind}` : ""}`],
    ["Bisogno", orDash(o.need)],
    ["Target – destinatari intervento", orDash(o.targetGroup)],
    ["Azioni programmate", orDash(o.actionsSummary)],
    ["Risorse economiche preventivate", o.budgetCents == null ? "—" : euro.format(o.budgetCents / 100)],
    ["Fonte di finanziamento", orDash(o.fundingSource)],
    ["Risorse di personale dedicate", orDash(o.staff)],
    ["Tempistica", orDash(o.timeline)],
    ["Partner", orDash(o.partners)],
    ["LEPS", o.leps.length ? o.leps.join(", ") : "—"],
    ["Coinvolgimento ASST nell'analisi del bisogno", yesNo(o.asstInAnalysis)],
    ["Coinvolgimento ASST nella realizzazione", yesNo(o.asstInDelivery)],
    ["In cooperazione con altri Ambiti", yesNo(o.otherAmbiti)],
    ["In continuità con la programmazione precedente", yesNo(o.continuity)],
    ["Continuità con un progetto premiale", yesNo(o.premialContinuity)],
    ["Formalmente co-programmato con il Terzo Settore", yesNo(o.coProgrammed)],
    ["Formalmente co-progettato con il Terzo Settore", yesNo(o.coDesigned)],
    ["Modalità di coinvolgimento del Terzo Settore", orDash(o.thirdSectorInvolvement)],
    ["Coinvolgimento di altri attori della rete", yesNo(o.otherActors)],
    ["Tipo (promozionale / preventivo / riparativo)", orDash(o.interventionType)],
    ["Modelli innovativi", yesNo(o.innovative)],
    ["Aspetti di digitalizzazione", orDash(o.digital)],
  ];
}

function indicatorRows(doc: PlanDocument, objective: string): string[][] {
  const years: number[] = [];
  for (let y = doc.periodStart; y <= doc.periodEnd; y++) years.push(y);
  return doc.indicators
    .filter((i) => i.objective === objective)
    .map((i) => [
      TYPE_LABEL[i.type],
      i.label,
      UNIT_LABEL[i.unit],
      ...years.map((y) => {
        const t = i.targets.find((x) => x.year === y);
        return t ? String(t.value) : "";
      }),
      i.source === "computed" ? `calcolato (${i.queryKey})` : "manuale",
    ]);
}

export function objectiveSheetSections(doc: PlanDocument, o: ObjectiveDoc, pageBreakBefore = false): ReportSection[] {
  const years: string[] = [];
  for (let y = doc.periodStart; y <= doc.periodEnd; y++) years.push(`Target ${y}`);
  const actions = doc.actions.filter((a) => a.objective === o.code);
  return [
    { heading: `Obiettivo ${o.code} – ${o.title}`, fields: objectiveFields(o, doc), pageBreakBefore },
    ...(actions.length
      ? [
          {
            heading: "Azioni",
            table: {
              columns: ["Codice", "Azione", "Responsabile", "Inizio", "Fine", "Stato"],
              rows: actions.map((a) => [a.code, a.title, orDash(a.owner), orDash(a.start), orDash(a.end), a.status]),
            },
          },
        ]
      : []),
    {
      heading: "Tabella indicatori – valutazione e monitoraggio",
      table: { columns: ["Tipo", "Indicatore", "Unità", ...years, "Fonte"], rows: indicatorRows(doc, o.code) },
    },
  ];
}

export function objectiveSheet(ambitoName: string, doc: PlanDocument, code: string): ReportModel | null {
  const o = doc.objectives.find((x) => x.code === code);
  if (!o) return null;
  return {
    title: `Scheda obiettivo ${o.code}`,
    subtitle: `${ambitoName} – ${doc.title}`,
    sections: objectiveSheetSections(doc, o),
  };
}

export function planSheets(ambitoName: string, doc: PlanDocument): ReportModel {
  return {
    title: doc.title,
    subtitle: `${ambitoName} – ${doc.periodStart}-${doc.periodEnd} – versione ${doc.version ?? 1}`,
    sections: doc.objectives
      .filter((o) => o.level === "general")
      .flatMap((o, i) => objectiveSheetSections(doc, o, i > 0)),
  };
}

export function monitoringReport(ambitoName: string, doc: PlanDocument, m: Monitoring): ReportModel {
  const areas = new Map(doc.macroAreas.map((a) => [a.code, a.title]));
  return {
    title: `Relazione di monitoraggio – ${doc.title}`,
    subtitle: `${ambitoName} – per l'Assemblea dei Sindaci – situazione al ${m.asOf}`,
    sections: [
      {
        heading: "Sintesi",
        fields: [
          ["Piano", `${doc.title} (${doc.periodStart}-${doc.periodEnd}), versione ${doc.version ?? 1}`],
          ["Stato del piano", doc.status],
          ["Avanzamento complessivo (ponderato)", pct(m.progress)],
          ["Stato complessivo", STATUS_LABEL[m.status]],
          ["Obiettivi", String(m.objectives.length)],
          ["Segnalazioni", String(m.alerts.length)],
        ],
      },
      {
        heading: "Avanzamento per obiettivo",
        table: {
          columns: ["Obiettivo", "Macro-area", "Avanzamento", "Stato", "Azioni concluse", "Azioni in ritardo"],
          rows: m.objectives.map((o) => [
            `${o.code} ${o.title}`,
            areas.get(o.macroArea) ?? o.macroArea,
            pct(o.progress),
            STATUS_LABEL[o.status],
            `${o.actions.done}/${o.actions.total}`,
            String(o.actions.overdue),
          ]),
        },
      },
      {
        heading: "Indicatori con target",
        table: {
          columns: ["Indicatore", "Anno", "Valore", "Target anno", "Target finale", "Stato"],
          rows: m.objectives.flatMap((o) =>
            o.indicators
              .filter((i) => i.finalTarget !== null)
              .map((i) => [
                `${i.code} ${i.label}`,
                i.year === null ? "—" : String(i.year),
                i.value === null ? "—" : String(i.value),
                i.target === null ? "—" : String(i.target),
                `${i.finalTarget} (${i.finalYear})`,
                STATUS_LABEL[i.status],
              ]),
          ),
        },
      },
      {
        heading: "Segnalazioni",
        ...(m.alerts.length
          ? {
              table: {
                columns: ["Tipo", "Obiettivo", "Codice", "Descrizione", "Dettaglio"],
                rows: m.alerts.map((a) => [
                  a.kind === "action_overdue" ? "Azione scaduta" : "Indicatore fuori target",
                  a.objective,
                  a.code,
                  a.label,
                  a.detail,
                ]),
              },
            }
          : { paragraphs: ["Nessuna segnalazione."] }),
      },
    ],
  };
}
