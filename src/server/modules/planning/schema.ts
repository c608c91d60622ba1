import type { ColumnType, Generated } from "kysely";

/** Table types of the planning module (migration 0006-planning.ts); merged into Database. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** numeric columns come back as strings (exact); written as numbers or strings. */
type Numeric = ColumnType<string, number | string, number | string>;
type NullableNumeric = ColumnType<string | null, number | string | null | undefined, number | string | null>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface LepsRefTable {
  code: string;
  title: string;
  norm: string;
  target: string | null;
}
export type PlanStatus = "draft" | "approved" | "in_execution" | "evaluated";
export interface PlanTable {
  ambito_id: number;
  id: Generated<number>;
  title: string;
  period_start: number;
  period_end: number;
  status: Generated<PlanStatus>;
  version: Generated<number>;
  approval_act: string | null;
  approval_date: string | null;
  previous_plan_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface PlanVersionTable {
  ambito_id: number;
  plan_id: number;
  version: number;
  status: string;
  approval_act: string | null;
  approval_date: string | null;
  document: ColumnType<unknown, string, string>;
  archived_by: number | null;
  archived_at: Timestamp;
}
interface PlanChild {
  ambito_id: number;
  plan_id: number;
}
export interface PlanMacroAreaTable extends PlanChild {
  code: string;
  title: string;
  seq: number;
}
export interface PlanPillarTable extends PlanChild {
  code: string;
  title: string;
}
export interface PlanObjectiveTable extends PlanChild {
  code: string;
  macro_area_code: string;
  parent_code: string | null;
  seq: number;
  level: "general" | "specific";
  kind: "strategic" | "innovative" | "consolidation" | null;
  title: string;
  need: string | null;
  target_group: string | null;
  actions_summary: string | null;
  staff: string | null;
  budget_cents: number | null;
  funding_source: string | null;
  timeline: string | null;
  partners: string | null;
  leps_codes: TextArray;
  pillar_codes: TextArray;
  policy_areas: TextArray;
  key_points: TextArray;
  asst_in_analysis: boolean | null;
  asst_in_delivery: boolean | null;
  other_ambiti: boolean | null;
  continuity: boolean | null;
  premial_continuity: boolean | null;
  co_programmed: boolean | null;
  co_designed: boolean | null;
  third_sector_involvement: string | null;
  other_actors: boolean | null;
  new_need: string | null;
  intervention_type: string | null;
  innovative: boolean | null;
  digital: string | null;
  weight: Numeric;
}
export interface PlanActionTable extends PlanChild {
  code: string;
  objective_code: string;
  title: string;
  owner: string | null;
  start_date: string | null;
  end_date: string | null;
  status: "planned" | "in_progress" | "done" | "cancelled";
}
export interface PlanIndicatorTable extends PlanChild {
  code: string;
  objective_code: string;
  seq: number;
  type: "input" | "output" | "process" | "outcome";
  label: string;
  unit: "count" | "percent" | "eur" | "yes_no" | "text";
  direction: "increase" | "decrease" | "reach";
  baseline: NullableNumeric;
  source: "manual" | "computed";
  query_key: string | null;
  weight: Numeric;
}
export interface PlanIndicatorTargetTable extends PlanChild {
  indicator_code: string;
  year: number;
  value: Numeric;
}
export interface PlanMeasurementTable extends PlanChild {
  indicator_code: string;
  year: number;
  value: Numeric;
  method: "manual" | "computed";
  query_key: string | null;
  evidence: string | null;
  measured_by: string;
  measured_at: Timestamp;
}
export interface PlanEvaluationTable extends PlanChild {
  objective_code: string;
  achievement_pct: NullableNumeric;
  staff: string | null;
  staff_adequacy: "adeguato" | "sufficientemente_adeguato" | "insufficiente" | null;
  budget_coincidence: string | null;
  problems: string | null;
  need_answered: string | null;
  continuity: string | null;
  reproposed: boolean | null;
  reproposed_reasons: string | null;
}
export interface PlanLepsStatusTable extends PlanChild {
  leps_code: string;
  status: "not_assessed" | "not_started" | "partial" | "reached";
  note: string | null;
  objective_codes: TextArray;
}
export interface PlanAsstSheetTable extends PlanChild {
  code: string;
  title: string;
  goal: string | null;
  problems: string | null;
  matrix: TextArray;
  target_group: string | null;
  description: string | null;
  level: string | null;
  actors: string | null;
  integration: string | null;
  resources: string | null;
  in_pdz: boolean | null;
  start_year: number | null;
  end_year: number | null;
  output_indicator: string | null;
  outcome_indicator: string | null;
}
export type GovBodyKind =
  | "assemblea_sindaci"
  | "tavolo_tecnico"
  | "tavolo_tematico"
  | "cabina_regia"
  | "coprogrammazione"
  | "altro";
export interface GovBodyTable {
  ambito_id: number;
  code: string;
  kind: GovBodyKind;
  name: string;
}
export interface GovMemberTable {
  ambito_id: number;
  body_code: string;
  code: string;
  name: string;
  organisation: string;
  role: string | null;
  third_sector: boolean;
}
export interface GovMeetingTable {
  ambito_id: number;
  body_code: string;
  held_on: string;
  agenda: string;
  minutes: string | null;
  decisions: TextArray;
  attendees: TextArray;
}

export interface PlanningTables {
  leps_ref: LepsRefTable;
  plan: PlanTable;
  plan_version: PlanVersionTable;
  plan_macro_area: PlanMacroAreaTable;
  plan_pillar: PlanPillarTable;
  plan_objective: PlanObjectiveTable;
  plan_action: PlanActionTable;
  plan_indicator: PlanIndicatorTable;
  plan_indicator_target: PlanIndicatorTargetTable;
  plan_measurement: PlanMeasurementTable;
  plan_evaluation: PlanEvaluationTable;
  plan_leps_status: PlanLepsStatusTable;
  plan_asst_sheet: PlanAsstSheetTable;
  gov_body: GovBodyTable;
  gov_member: GovMemberTable;
  gov_meeting: GovMeetingTable;
}
