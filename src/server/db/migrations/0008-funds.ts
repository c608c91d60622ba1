import { loadBudgetReferenceData } from "../../modules/budget/reference-data.ts";
import type { Db } from "../database.ts";

/**
 * Bilancio, second increment: the Ambito's funds (types, yearly assignments, commitments and
 * payments, what each assignment pays for), links from budget lines to services and plan
 * objectives, saved column mappings for tabular budgets, and the versioned reference tables
 * (Missione/Programma, piano dei conti). Targets of links carry no foreign key: services and plan
 * objectives live in modules built separately; they are validated through resolvers at write time.
 */
export const statements = [
  `create table fund_type (
    ambito_id int not null references ambito(id),
    id serial,
    code text not null check (code ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
    name text not null,
    source_level text not null check (source_level in ('ue', 'statale', 'regionale', 'comunale', 'altro')),
    notes text,
    primary key (ambito_id, id),
    unique (ambito_id, code)
  )`,
  // One amount assigned to the Ambito for a year (a fund may have several, e.g. one per PNRR project).
  `create table fund_assignment (
    ambito_id int not null,
    id serial,
    fund_type_id int not null,
    year smallint not null check (year between 2000 and 2100),
    label text not null default '',
    amount_cents bigint not null check (amount_cents >= 0),
    source_act text not null,
    assigned_on date,
    spend_by date,
    notes text,
    created_by int references app_user(id),
    created_at timestamptz not null default now(),
    primary key (ambito_id, id),
    unique (ambito_id, fund_type_id, year, label),
    foreign key (ambito_id, fund_type_id) references fund_type(ambito_id, id),
    check (spend_by is null or assigned_on is null or spend_by >= assigned_on)
  )`,
  // Commitments (impegni) and payments (mandati/liquidazioni) against an assignment.
  `create table fund_movement (
    ambito_id int not null,
    id serial,
    assignment_id int not null,
    kind text not null check (kind in ('commitment', 'payment')),
    on_date date not null,
    amount_cents bigint not null check (amount_cents > 0),
    act text not null,
    description text not null default '',
    created_by int references app_user(id),
    created_at timestamptz not null default now(),
    primary key (ambito_id, id),
    foreign key (ambito_id, assignment_id) references fund_assignment(ambito_id, id)
  )`,
  "create index fund_movement_assignment on fund_movement (ambito_id, assignment_id, kind)",
  // What an assignment pays for, as a share in basis points (2500 = 25.00 %).
  `create table fund_allocation (
    ambito_id int not null,
    id serial,
    assignment_id int not null,
    target_kind text not null check (target_kind in ('service', 'plan_objective', 'budget_line')),
    target_id text not null check (length(target_id) between 1 and 64),
    share_bp int not null check (share_bp between 1 and 10000),
    note text,
    created_by int references app_user(id),
    created_at timestamptz not null default now(),
    primary key (ambito_id, id),
    unique (ambito_id, assignment_id, target_kind, target_id),
    foreign key (ambito_id, assignment_id) references fund_assignment(ambito_id, id)
  )`,
  "create index fund_allocation_target on fund_allocation (ambito_id, target_kind, target_id)",
  // A budget line (by document and PEG key) linked to a service or plan objective, with a share.
  `create table budget_line_link (
    ambito_id int not null,
    document_id int not null,
    capitolo int not null,
    articolo int not null,
    sub int not null,
    target_kind text not null check (target_kind in ('service', 'plan_objective')),
    target_id text not null check (length(target_id) between 1 and 64),
    share_bp int not null check (share_bp between 1 and 10000),
    created_by int references app_user(id),
    created_at timestamptz not null default now(),
    primary key (ambito_id, document_id, capitolo, articolo, sub, target_kind, target_id),
    foreign key (ambito_id, document_id) references budget_document(ambito_id, id)
  )`,
  "create index budget_line_link_target on budget_line_link (ambito_id, target_kind, target_id)",
  // Tabular budgets (CSV/XLSX, e.g. BDAP open data): a named column mapping per ente.
  `create table budget_mapping (
    ambito_id int not null references ambito(id),
    id serial,
    name text not null check (name ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
    mapping jsonb not null,
    created_by int references app_user(id),
    updated_at timestamptz not null default now(),
    primary key (ambito_id, id),
    unique (ambito_id, name)
  )`,
  `alter table budget_document add column origin text not null default 'report'
    check (origin in ('report', 'table'))`,
  "alter table budget_document add column mapping_name text",
  // Comparing two documents joins lines on the PEG key.
  "create index budget_line_peg on budget_line (ambito_id, document_id, capitolo, articolo, sub)",
  // Versioned reference data: rows of every version are kept; ref_dataset names the current one.
  `create table ref_budget_missione (
    version text not null,
    missione char(2) not null check (missione ~ '^\\d{2}$'),
    name text not null,
    primary key (version, missione)
  )`,
  `create table ref_budget_programme (
    version text not null,
    missione char(2) not null,
    programma char(2) not null check (programma ~ '^\\d{2}$'),
    name text not null,
    primary key (version, missione, programma),
    foreign key (version, missione) references ref_budget_missione(version, missione)
  )`,
  `create table ref_piano_conti (
    version text not null,
    code text not null check (code ~ '^[EU](\\.\\d{1,3}){1,5}$'),
    level smallint not null check (level between 1 and 5),
    name text not null,
    primary key (version, code)
  )`,
];

export async function up(db: Db): Promise<void> {
  await loadBudgetReferenceData(db);
}
