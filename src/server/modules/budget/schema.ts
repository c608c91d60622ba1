import type { ColumnType, Generated, JSONColumnType } from "kysely";

/** Table types of the budget module's funds, links, mappings and reference data (migration 0008). */
type Cents = ColumnType<number, string | number, string | number>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type DateColumn = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
export type FundTargetKind = "service" | "plan_objective" | "budget_line";
export type FundSourceLevel = "ue" | "statale" | "regionale" | "comunale" | "altro";

export interface FundTypeTable {
  ambito_id: number;
  id: Generated<number>;
  code: string;
  name: string;
  source_level: FundSourceLevel;
  notes: string | null;
}
export interface FundAssignmentTable {
  ambito_id: number;
  id: Generated<number>;
  fund_type_id: number;
  year: number;
  label: Generated<string>;
  amount_cents: Cents;
  source_act: string;
  assigned_on: NullableDate;
  spend_by: NullableDate;
  notes: string | null;
  created_by: number | null;
  created_at: CreatedAt;
}
export interface FundMovementTable {
  ambito_id: number;
  id: Generated<number>;
  assignment_id: number;
  kind: "commitment" | "payment";
  on_date: DateColumn;
  amount_cents: Cents;
  act: string;
  description: Generated<string>;
  created_by: number | null;
  created_at: CreatedAt;
}
export interface FundAllocationTable {
  ambito_id: number;
  id: Generated<number>;
  assignment_id: number;
  target_kind: FundTargetKind;
  target_id: string;
  share_bp: number;
  note: string | null;
  created_by: number | null;
  created_at: CreatedAt;
}
export interface BudgetLineLinkTable {
  ambito_id: number;
  document_id: number;
  capitolo: number;
  articolo: number;
  sub: number;
  target_kind: "service" | "plan_objective";
  target_id: string;
  share_bp: number;
  created_by: number | null;
  created_at: CreatedAt;
}
export interface BudgetMappingTable {
  ambito_id: number;
  id: Generated<number>;
  name: string;
  mapping: JSONColumnType<Record<string, unknown>>;
  created_by: number | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
export interface RefBudgetMissioneTable {
  version: string;
  missione: string;
  name: string;
}
export interface RefBudgetProgrammeTable {
  version: string;
  missione: string;
  programma: string;
  name: string;
}
export interface RefPianoContiTable {
  version: string;
  code: string;
  level: number;
  name: string;
}
/** Columns 0008 adds to budget_document; read through withDocumentExtra() until db/schema.ts lists them. */
export interface BudgetDocumentExtra {
  origin: Generated<"report" | "table">;
  mapping_name: string | null;
}

export interface FundsTables {
  fund_type: FundTypeTable;
  fund_assignment: FundAssignmentTable;
  fund_movement: FundMovementTable;
  fund_allocation: FundAllocationTable;
  budget_line_link: BudgetLineLinkTable;
  budget_mapping: BudgetMappingTable;
  ref_budget_missione: RefBudgetMissioneTable;
  ref_budget_programme: RefBudgetProgrammeTable;
  ref_piano_conti: RefPianoContiTable;
}
