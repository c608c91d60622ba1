import type {
  BudgetDocumentDto,
  BudgetLineDto,
  BudgetLinesQuery,
  BudgetSummaryDto,
} from "../../../shared/contracts/budget.ts";
import type { Db } from "../../db/database.ts";
import { AppError } from "../../platform/errors.ts";
import { findDocument, listDocuments, listLines, sumLines } from "./budget.repo.ts";

type DocumentRow = NonNullable<Awaited<ReturnType<typeof findDocument>>>;

function documentDto(d: DocumentRow): BudgetDocumentDto {
  return {
    id: d.id,
    year: d.year,
    kind: d.kind,
    title: d.title,
    sourceFile: d.source_file,
    sha256: d.sha256,
    lines: d.lines,
    checksFailed: d.checks_failed,
    overrideNote: d.override_note,
    importedAt: new Date(d.imported_at).toISOString(),
  };
}

async function documentOrFail(db: Db, ambitoId: number, id: number): Promise<DocumentRow> {
  const doc = await findDocument(db, ambitoId, id);
  if (!doc) throw new AppError("NOT_FOUND", `no budget document ${id} in this Ambito`);
  return doc;
}

export async function budgetDocuments(db: Db, ambitoId: number): Promise<BudgetDocumentDto[]> {
  return (await listDocuments(db, ambitoId)).map(documentDto);
}

export async function budgetLines(db: Db, ambitoId: number, id: number, q: BudgetLinesQuery): Promise<BudgetLineDto[]> {
  await documentOrFail(db, ambitoId, id);
  return (await listLines(db, ambitoId, id, q)).map((l) => ({
    seq: l.seq,
    section: l.section,
    direzione: l.direzione,
    settore: l.settore,
    settoreName: l.settore_name,
    titolo: l.titolo,
    tipologia: l.tipologia,
    macroaggregato: l.macroaggregato,
    capitolo: l.capitolo,
    articolo: l.articolo,
    sub: l.sub,
    pdc: l.pdc,
    description: l.description,
    vincolo: l.vincolo,
    missione: l.missione,
    programma: l.programma,
    forecastCents: Number(l.forecast_cents),
    priorForecastCents: Number(l.prior_forecast_cents),
    priorActualCents: Number(l.prior_actual_cents),
    cronoCents: l.crono_cents === null ? null : Number(l.crono_cents),
    newFundsCents: l.new_funds_cents === null ? null : Number(l.new_funds_cents),
    ptlpCents: l.ptlp_cents === null ? null : Number(l.ptlp_cents),
    firstLine: l.first_line,
    lastLine: l.last_line,
  }));
}

/** Totals per section, settore, titolo, tipologia/macroaggregato and missione.programma, per column. */
export async function budgetSummary(db: Db, ambitoId: number, id: number): Promise<BudgetSummaryDto> {
  const doc = await documentOrFail(db, ambitoId, id);
  const [section, settore, titolo, group, programma] = await Promise.all(
    (["section", "settore", "titolo", "group", "programma"] as const).map((axis) => sumLines(db, ambitoId, id, axis)),
  );
  return {
    document: documentDto(doc),
    section: section ?? [],
    settore: settore ?? [],
    titolo: titolo ?? [],
    group: group ?? [],
    programma: programma ?? [],
  };
}
