import type { ColumnType, Generated, JSONColumnType } from "kysely";

/** Table types of the cases module (migration 0005-cases); merged into Database. See docs/cases.md. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** numeric columns: exact decimal as a string (read with Number() where a float is fine). */
type Numeric = ColumnType<string, number | string, number | string>;
/** bigint (int8) columns are parsed as numbers by both engines (database.ts): cents fit 2^53. */
type Cents = number;

export const USER_AREAS = [
  "famiglia_minori",
  "disabili",
  "dipendenze",
  "anziani",
  "immigrati",
  "poverta_disagio_adulti",
  "multiutenza",
] as const;
export type UserArea = (typeof USER_AREAS)[number];

export interface PersonDetailTable {
  ambito_id: number;
  person_id: string;
  birth_place_code: string | null;
  citizenship_code: string | null;
  second_citizenship_code: string | null;
  residence_comune_istat: string | null;
  residence_address: string | null;
  phone: string | null;
  email: string | null;
  provisional_reason: string | null;
  updated_by: number | null;
  updated_at: Timestamp;
}
export interface HouseholdTable {
  ambito_id: number;
  id: Generated<string>;
  comune_istat: string;
  address: string | null;
  created_by: number | null;
  created_at: CreatedAt;
}
export type HouseholdRelation =
  | "intestatario"
  | "coniuge"
  | "convivente"
  | "figlio"
  | "genitore"
  | "fratello"
  | "nonno"
  | "nipote"
  | "altro";
export interface HouseholdMemberTable {
  ambito_id: number;
  household_id: string;
  person_id: string;
  relation: HouseholdRelation;
  from_date: string;
  to_date: string | null;
}
export interface IseeDeclarationTable {
  ambito_id: number;
  id: Generated<string>;
  person_id: string;
  household_id: string | null;
  kind: "ordinario" | "minorenni" | "sociosanitario" | "corrente" | "universitario";
  value_cents: Cents;
  dsu_protocol: string | null;
  dsu_date: string | null;
  valid_from: string;
  valid_to: string;
  created_by: number | null;
  created_at: CreatedAt;
}
export interface PersonMergeTable {
  ambito_id: number;
  id: Generated<number>;
  survivor_id: string;
  merged_id: string;
  moved: JSONColumnType<Record<string, number>>;
  merged_by: number | null;
  merged_at: CreatedAt;
}
export type CaseStatus = "open" | "suspended" | "closed";
export type ClosureReason =
  | "needs_resolved"
  | "moved_other_ambito"
  | "user_request"
  | "age_of_majority"
  | "unreachable"
  | "deceased"
  | "repatriation"
  | "other";
export interface SocialCaseTable {
  ambito_id: number;
  id: Generated<string>;
  person_id: string;
  comune_istat: string;
  responsible_user_id: number;
  team_id: number | null;
  user_area: UserArea;
  siuss_area: 1 | 2 | 3;
  level: "voluntary" | "court_mandate";
  status: Generated<CaseStatus>;
  opened_on: string;
  closed_on: string | null;
  closure_reason: ClosureReason | null;
  closure_note: string | null;
  access_contact_id: string | null;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}
export interface CaseTeamMemberTable {
  ambito_id: number;
  case_id: string;
  user_id: number;
  role: Generated<"responsible" | "member">;
  added_at: CreatedAt;
}
export interface CaseStatusChangeTable {
  ambito_id: number;
  id: Generated<number>;
  case_id: string;
  from_status: CaseStatus | null;
  to_status: CaseStatus;
  reason: string | null;
  changed_by: number | null;
  changed_at: CreatedAt;
}
export interface CaseTransferTable {
  ambito_id: number;
  id: Generated<number>;
  case_id: string;
  from_comune_istat: string;
  to_comune_istat: string;
  from_user_id: number | null;
  to_user_id: number | null;
  reason: string;
  transferred_by: number | null;
  transferred_at: CreatedAt;
}
export type AccessOutcome = "information" | "presa_in_carico_leggera" | "referral" | "full_intake";
export interface AccessContactTable {
  ambito_id: number;
  id: Generated<string>;
  person_id: string | null;
  comune_istat: string;
  point: "segretariato" | "pua";
  channel: "in_person" | "phone" | "email" | "home_visit" | "service_referral";
  contact_date: string;
  request: string;
  need_area: UserArea | null;
  answered_by: number;
  outcome: AccessOutcome;
  pua_routing: "social" | "health" | "complex" | null;
  referred_to: string | null;
  case_id: string | null;
  created_at: CreatedAt;
}
export interface AssessmentFormTable {
  ambito_id: number;
  id: Generated<number>;
  code: string;
  version: number;
  title: string;
  kind: "pua_first_access" | "multidimensional" | "other";
  /** FormDefinition (see cases/forms.ts): sections of items with options and points, bands. */
  definition: JSONColumnType<Record<string, unknown>>;
  active: Generated<boolean>;
  created_at: CreatedAt;
}
export interface AssessmentTable {
  ambito_id: number;
  id: Generated<string>;
  case_id: string;
  form_id: number;
  /** item key → chosen option value (string) or free text / number. */
  answers: JSONColumnType<Record<string, string | number>>;
  score: Numeric | null;
  band: string | null;
  assessed_on: string;
  assessed_by: number;
  notes: string | null;
  created_at: CreatedAt;
}
export interface CarePlanTable {
  ambito_id: number;
  id: Generated<string>;
  case_id: string;
  /** Optimistic concurrency: every update must name the version it read; bumped by one. */
  version: Generated<number>;
  status: Generated<"draft" | "active" | "closed">;
  summary: Generated<string>;
  /** [{ id, text, actions: [{ text, who, due }] }] */
  goals: JSONColumnType<unknown[]>;
  review_every_months: number | null;
  next_review_on: string | null;
  patto_signed_on: string | null;
  updated_by: number | null;
  updated_at: Timestamp;
  created_at: CreatedAt;
}
export interface PlanReviewTable {
  ambito_id: number;
  id: Generated<number>;
  plan_id: string;
  reviewed_on: string;
  /** [{ goalId, status: not_started|in_progress|achieved|dropped, note }] */
  progress: JSONColumnType<unknown[]>;
  note: string | null;
  reviewed_by: number | null;
  created_at: CreatedAt;
}
export interface ServiceTypeTable {
  ambito_id: number;
  id: Generated<number>;
  code: string;
  name: string;
  /** INPS SIUSS CodicePrestazione, e.g. A2.07. */
  siuss_code: string;
  nomenclatore_code: string | null;
  user_area: UserArea;
  siuss_area: 1 | 2 | 3;
  macro_area: "interventi_servizi" | "trasferimenti" | "strutture";
  means_tested: Generated<boolean>;
  periodic: Generated<boolean>;
  unit: Generated<"hours" | "days" | "months" | "one_off" | "vouchers">;
  active: Generated<boolean>;
}
export type InterventionStatus = "planned" | "active" | "suspended" | "ended" | "cancelled";
export interface InterventionTable {
  ambito_id: number;
  id: Generated<string>;
  case_id: string;
  person_id: string;
  service_type_id: number;
  comune_istat: string;
  provider_org_id: number | null;
  provider_name: string | null;
  protocol: string | null;
  start_date: string;
  end_date: string | null;
  frequency: "one_off" | "daily" | "weekly" | "monthly" | null;
  hours_per_period: Numeric | null;
  amount_cents: Cents;
  share_comune_cents: Cents;
  share_user_cents: Cents;
  share_health_cents: Cents;
  vouchers_issued: number | null;
  vouchers_used: number | null;
  isee_declaration_id: string | null;
  status: Generated<InterventionStatus>;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}
export interface WaitingListEntryTable {
  ambito_id: number;
  id: Generated<string>;
  service_type_id: number;
  person_id: string;
  case_id: string | null;
  comune_istat: string;
  requested_on: string;
  priority: Generated<number>;
  status: Generated<"waiting" | "offered" | "admitted" | "withdrawn" | "expired">;
  admitted_on: string | null;
  note: string | null;
  created_by: number | null;
  created_at: CreatedAt;
}
export interface ReferralTable {
  ambito_id: number;
  id: Generated<string>;
  case_id: string;
  to_service: string;
  to_org_id: number | null;
  referred_on: string;
  status: Generated<"sent" | "accepted" | "refused" | "completed">;
  note: string | null;
  created_by: number | null;
  created_at: CreatedAt;
}
export type NoteType = "interview" | "home_visit" | "team_meeting" | "phone_call" | "other";
export interface DiaryNoteTable {
  ambito_id: number;
  id: Generated<string>;
  case_id: string;
  note_type: NoteType;
  occurred_on: string;
  body: string;
  author_id: number;
  created_at: CreatedAt;
}
export interface AttachmentTable {
  ambito_id: number;
  id: Generated<string>;
  case_id: string;
  file_name: string;
  declared_type: string;
  sniffed_type: string;
  size_bytes: number;
  sha256: string;
  description: string | null;
  expires_on: string | null;
  content: Uint8Array;
  uploaded_by: number;
  uploaded_at: CreatedAt;
}
export interface TaskTable {
  ambito_id: number;
  id: Generated<string>;
  case_id: string | null;
  kind: "review_due" | "document_expiring" | "follow_up" | "other";
  title: string;
  due_on: string;
  assigned_to: number;
  status: Generated<"open" | "done" | "cancelled">;
  created_by: number | null;
  created_at: CreatedAt;
  done_at: Date | null;
}
export interface FileAccessGrantTable {
  ambito_id: number;
  id: Generated<number>;
  person_id: string;
  user_id: number;
  granted_by: number;
  reason: string;
  valid_from: Generated<Date>;
  valid_until: Date | string;
  revoked_at: Date | null;
}
export interface EmergencyAccessTable {
  ambito_id: number;
  id: Generated<number>;
  person_id: string;
  user_id: number;
  reason: string;
  opened_at: Generated<Date>;
  expires_at: Date | string;
  reviewed_by: number | null;
  reviewed_at: Date | null;
  review_outcome: "justified" | "unjustified" | null;
  review_note: string | null;
}

export interface CasesTables {
  person_detail: PersonDetailTable;
  household: HouseholdTable;
  household_member: HouseholdMemberTable;
  isee_declaration: IseeDeclarationTable;
  person_merge: PersonMergeTable;
  social_case: SocialCaseTable;
  case_team_member: CaseTeamMemberTable;
  case_status_change: CaseStatusChangeTable;
  case_transfer: CaseTransferTable;
  access_contact: AccessContactTable;
  assessment_form: AssessmentFormTable;
  assessment: AssessmentTable;
  care_plan: CarePlanTable;
  plan_review: PlanReviewTable;
  service_type: ServiceTypeTable;
  intervention: InterventionTable;
  waiting_list_entry: WaitingListEntryTable;
  referral: ReferralTable;
  diary_note: DiaryNoteTable;
  attachment: AttachmentTable;
  task: TaskTable;
  file_access_grant: FileAccessGrantTable;
  emergency_access: EmergencyAccessTable;
}
