import type { ColumnType, Generated, JSONColumnType } from "kysely";
import type { Rule, ScoringRules } from "./rules/engine.ts";

/** Table types of the catalogue module (migration 0007); merged into Database. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Cents = ColumnType<number, string | number, string | number>;

export type UserArea =
  | "famiglia_minori"
  | "disabili"
  | "dipendenze"
  | "anziani"
  | "immigrati"
  | "poverta_disagio_adulti"
  | "multiutenza";
export type ListingStatus = "draft" | "submitted" | "approved" | "rejected";
export type CallStatus = "draft" | "open" | "paused" | "closed";
export type ApplicationStatus =
  | "draft"
  | "submitted"
  | "under_review"
  | "needs_documents"
  | "approved"
  | "rejected"
  | "appealed";

export interface CatProviderTable {
  ambito_id: number;
  id: Generated<number>;
  name: string;
  kind: "comune" | "ambito" | "asst" | "ets" | "private";
  organisation_id: number | null;
  comune_istat: string | null;
  tax_code: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
}

export interface CatServiceTable {
  ambito_id: number;
  id: Generated<number>;
  provider_id: number;
  name: string;
  kind: "unit" | "service" | "measure";
  unit_type: string | null;
  description: Generated<string>;
  user_area: UserArea;
  siuss_code: string | null;
  target_groups: ColumnType<string[], string[] | undefined, string[]>;
  age_min: number | null;
  age_max: number | null;
  capacity: number | null;
  cost: string | null;
  copayment: string | null;
  how_to_access: string | null;
  eligibility: ColumnType<Rule[], string | undefined, string>;
  keywords: Generated<string>;
  status: ColumnType<ListingStatus, ListingStatus | undefined, ListingStatus>;
  review_note: string | null;
  last_verified_at: NullableTimestamp;
  source: string | null;
  created_by: number | null;
  updated_at: Timestamp;
  /** Generated tsvector: never written. */
  search: ColumnType<string, never, never>;
}

export interface CatLocationTable {
  ambito_id: number;
  id: Generated<number>;
  service_id: number;
  name: string | null;
  address: string;
  comune_istat: string;
  postal_code: string | null;
  latitude: number | null;
  longitude: number | null;
  opening_hours: string | null;
}

export interface RequiredDocument {
  code: string;
  label: string;
}

export interface CatCallTable {
  ambito_id: number;
  id: Generated<number>;
  code: string;
  service_id: number | null;
  title: string;
  description: Generated<string>;
  status: ColumnType<CallStatus, CallStatus | undefined, CallStatus>;
  opens_at: Timestamp;
  deadline: Timestamp;
  budget_cents: ColumnType<number | null, string | number | null, string | number | null>;
  max_grant_cents: Cents;
  eligibility: JSONColumnType<Rule[]>;
  scoring: JSONColumnType<ScoringRules>;
  required_documents: ColumnType<RequiredDocument[], string | undefined, string>;
  salt: string;
  source: string | null;
  ranking_published_at: NullableTimestamp;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface CatProtocolCounterTable {
  ambito_id: number;
  year: number;
  last: number;
}

export interface CatApplicationTable {
  ambito_id: number;
  id: Generated<number>;
  call_id: number;
  applicant_user_id: number | null;
  applicant_name: string;
  applicant_fiscal_code: string;
  applicant_comune_istat: ColumnType<string | null, string | null | undefined, string | null>;
  referral_contact_id: ColumnType<string | null, string | null | undefined, string | null>;
  on_behalf_kind: "caf" | "patronato" | "social_worker" | null;
  on_behalf_user_id: number | null;
  on_behalf_note: string | null;
  household_key: string;
  facts: JSONColumnType<Record<string, unknown>>;
  requested_cents: Cents;
  status: ColumnType<ApplicationStatus, ApplicationStatus | undefined, ApplicationStatus>;
  protocol_number: string | null;
  receipt_code: string | null;
  /** numeric: exact decimal as a string. */
  score: ColumnType<string | null, string | number | null, string | number | null>;
  score_note: string | null;
  decision_reason: string | null;
  documents_request: string | null;
  appeal_text: string | null;
  submitted_at: NullableTimestamp;
  decided_at: NullableTimestamp;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: Timestamp;
}

export interface CatAttachmentTable {
  ambito_id: number;
  id: Generated<number>;
  application_id: number;
  document_code: string;
  filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface CatRankingTable {
  ambito_id: number;
  call_id: number;
  application_id: number;
  pseudo_id: string;
  rank: number;
  score: ColumnType<string, string | number, string | number>;
  funded_cents: Cents;
  outcome: "funded" | "waiting";
  computed_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface CatalogueTables {
  cat_provider: CatProviderTable;
  cat_service: CatServiceTable;
  cat_location: CatLocationTable;
  cat_call: CatCallTable;
  cat_protocol_counter: CatProtocolCounterTable;
  cat_application: CatApplicationTable;
  cat_attachment: CatAttachmentTable;
  cat_ranking: CatRankingTable;
}
