import type { ColumnType, Generated, JSONColumnType } from "kysely";
import type { FundsTables } from "../modules/budget/schema.ts";
import type { CasesTables } from "../modules/cases/schema.ts";
import type { CatalogueTables } from "../modules/catalogue/schema.ts";
import type { NotificationsTables } from "../modules/notifications/schema.ts";
import type { PlanningTables } from "../modules/planning/schema.ts";
import type { SiussTables } from "../modules/siuss/schema.ts";

/** Table types for Kysely; keep in step with migrations/. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface RefDatasetTable {
  name: string;
  version: string;
  source: string;
  licence: string;
  loaded_at: Timestamp;
}
export interface RegionTable {
  code: string;
  name: string;
}
export interface ComuneTable {
  istat_code: string;
  cadastral_code: string;
  name: string;
  province_code: string;
  province_abbr: string;
  region_code: string;
  valid_from: string;
}
export interface AtsTable {
  id: Generated<number>;
  code: string;
  name: string;
  region_code: string;
}
export interface AsstTable {
  id: Generated<number>;
  code: string;
  name: string;
  ats_id: number;
}
export interface AmbitoTable {
  id: Generated<number>;
  slug: string;
  name: string;
  kind: "ambito" | "comune";
  region_code: string;
  ats_id: number | null;
  asst_id: number | null;
  lead_comune_istat: string | null;
  created_at: CreatedAt;
}
export interface AmbitoComuneTable {
  ambito_id: number;
  comune_istat: string;
}
export interface MunicipioTable {
  ambito_id: number;
  id: Generated<number>;
  comune_istat: string;
  number: number;
  name: string;
}
export interface NilTable {
  ambito_id: number;
  id: Generated<number>;
  municipio_id: number;
  code: string;
  name: string;
}
export interface TeamTable {
  ambito_id: number;
  id: Generated<number>;
  name: string;
  comune_istat: string | null;
}
export interface OrganisationTable {
  ambito_id: number;
  id: Generated<number>;
  name: string;
  tax_code: string | null;
}
export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  email: string | null;
  fiscal_code: string | null;
  password_hash: string | null;
  active: Generated<boolean>;
  must_change_password: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}
export interface RoleAssignmentTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  ambito_id: number | null;
  comune_istat: string | null;
  team_id: number | null;
  organisation_id: number | null;
  created_at: CreatedAt;
}
export interface UserIdentityTable {
  issuer: string;
  subject: string;
  user_id: number;
  created_at: CreatedAt;
}
export interface SessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  auth_method: string;
  ip: string | null;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}
export interface LoginAttemptTable {
  id: Generated<number>;
  username_key: string;
  ip: string;
  succeeded: boolean;
  at: Timestamp;
}
export interface OidcLoginStateTable {
  state: string;
  code_verifier: string;
  nonce: string;
  return_to: string;
  created_at: CreatedAt;
}
export interface AuditChainTable {
  chain_id: number;
  last_seq: number;
  last_hash: string;
}
export interface AuditEventTable {
  chain_id: number;
  seq: number;
  ambito_id: number | null;
  at: Date;
  actor_user_id: number | null;
  actor_kind: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  comune_istat: string | null;
  purpose: string | null;
  outcome: "ok" | "denied";
  ip: string | null;
  details: JSONColumnType<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}
export interface PersonTable {
  ambito_id: number;
  id: Generated<string>;
  comune_istat: string;
  fiscal_code: string | null;
  provisional: Generated<boolean>;
  family_name: string;
  given_name: string;
  sex: "F" | "M" | null;
  birth_date: string | null;
  citizenship: string | null;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface IstatPopulationTable {
  comune_istat: string;
  year: number;
  age: number;
  males: number;
  females: number;
  dataset: string;
}
export interface ObsDatasetTable {
  ambito_id: number;
  id: Generated<number>;
  name: string;
  kind: "generic" | "published" | "istat_population";
  source: string;
  licence: string | null;
  reference_date: string | null;
  origin: string | null;
  rows: Generated<number>;
  imported_by: number | null;
  imported_at: CreatedAt;
}
export interface ObsCountTable {
  ambito_id: number;
  territory: string;
  year: number;
  series: string;
  sex: Generated<"T" | "M" | "F">;
  citizenship: Generated<"all" | "foreign">;
  age_from: Generated<number>;
  age_to: Generated<number>;
  /** numeric: exact decimal as a string. */
  value: string;
  unit: Generated<string>;
  dataset_id: number;
  published_table_id: number | null;
  source_line: number | null;
}
export interface ObsPublishedTableTable {
  ambito_id: number;
  id: Generated<number>;
  dataset_id: number;
  code: string;
  title: string;
  source: string | null;
  reference_date: string | null;
  line_from: number | null;
  line_to: number | null;
  columns: JSONColumnType<unknown[]>;
  notes: string | null;
}
export interface ObsPublishedRowTable {
  ambito_id: number;
  table_id: number;
  row_no: number;
  label: string;
  kind: "comune" | "total" | "mean" | "ambito" | "reference" | "other";
  comune_istat: string | null;
  age_from: number | null;
  age_to: number | null;
  line: number | null;
  year: number | null;
  values: JSONColumnType<Record<string, number>>;
}

/** Every table; modules added after 0004 keep their table types in their own schema.ts. */
export interface Database
  extends CasesTables,
    PlanningTables,
    CatalogueTables,
    FundsTables,
    SiussTables,
    NotificationsTables {
  ref_dataset: RefDatasetTable;
  region: RegionTable;
  comune: ComuneTable;
  ats: AtsTable;
  asst: AsstTable;
  ambito: AmbitoTable;
  ambito_comune: AmbitoComuneTable;
  municipio: MunicipioTable;
  nil: NilTable;
  team: TeamTable;
  organisation: OrganisationTable;
  app_user: AppUserTable;
  role_assignment: RoleAssignmentTable;
  user_identity: UserIdentityTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  oidc_login_state: OidcLoginStateTable;
  audit_chain: AuditChainTable;
  audit_event: AuditEventTable;
  person: PersonTable;
  istat_population: IstatPopulationTable;
  obs_dataset: ObsDatasetTable;
  obs_count: ObsCountTable;
  obs_published_table: ObsPublishedTableTable;
  obs_published_row: ObsPublishedRowTable;
  budget_document: BudgetDocumentTable;
  budget_line: BudgetLineTable;
  budget_check: BudgetCheckTable;
}

/** Bilancio (migration 0004). Amounts are int8 cents: read back as number (exact below 2^53). */
type Cents = ColumnType<number, string | number, string | number>;
type NullableCents = ColumnType<number | null, string | number | null, string | number | null>;
export interface BudgetDocumentTable {
  ambito_id: number;
  id: Generated<number>;
  year: number;
  kind: "previsione" | "assestamento" | "rendiconto";
  title: string;
  source_file: string;
  sha256: string;
  lines: Generated<number>;
  checks_failed: Generated<number>;
  override_note: string | null;
  /** Migration 0008: a text report (seed 003 layout) or a CSV/XLSX table read through a saved mapping. */
  origin: Generated<"report" | "table">;
  mapping_name: string | null;
  imported_by: number | null;
  imported_at: CreatedAt;
}
export interface BudgetLineTable {
  ambito_id: number;
  document_id: number;
  seq: number;
  section: "1.A" | "1.B" | "2.A" | "2.B";
  direzione: string;
  settore: string;
  settore_name: string;
  titolo: string;
  tipologia: string | null;
  macroaggregato: string | null;
  capitolo: number;
  articolo: number;
  sub: number;
  pdc: string | null;
  description: string;
  vincolo: boolean;
  missione: string | null;
  programma: string | null;
  forecast_cents: Cents;
  prior_forecast_cents: Cents;
  prior_actual_cents: Cents;
  crono_cents: NullableCents;
  new_funds_cents: NullableCents;
  ptlp_cents: NullableCents;
  first_line: number;
  last_line: number;
}
export interface BudgetCheckTable {
  ambito_id: number;
  document_id: number;
  seq: number;
  name: string;
  line: number | null;
  expected: string;
  found: string;
  passed: boolean;
}
