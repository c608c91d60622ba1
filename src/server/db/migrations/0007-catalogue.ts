/**
 * Offerta e accesso: providers, services and unità d'offerta with locations (the catalogue, with
 * Italian full-text search), calls (bandi) with eligibility and scoring rules as data, applications
 * (istanze) with attachments, and rankings (graduatorie). Tenant tables: ambito_id first in the key.
 * See docs/catalogue.md.
 */
const USER_AREAS = `('famiglia_minori', 'disabili', 'dipendenze', 'anziani', 'immigrati', 'poverta_disagio_adulti', 'multiutenza')`;

export const statements = [
  `create table cat_provider (
    ambito_id int not null references ambito(id),
    id serial,
    name text not null,
    kind text not null check (kind in ('comune', 'ambito', 'asst', 'ets', 'private')),
    organisation_id int,
    comune_istat char(6) references comune(istat_code),
    tax_code text,
    website text,
    email text,
    phone text,
    primary key (ambito_id, id),
    unique (ambito_id, name),
    foreign key (ambito_id, organisation_id) references organisation(ambito_id, id)
  )`,
  `create table cat_service (
    ambito_id int not null references ambito(id),
    id serial,
    provider_id int not null,
    name text not null,
    kind text not null check (kind in ('unit', 'service', 'measure')),
    unit_type text,
    description text not null default '',
    user_area text not null check (user_area in ${USER_AREAS}),
    siuss_code text,
    target_groups text[] not null default '{}',
    age_min int check (age_min between 0 and 120),
    age_max int check (age_max between 0 and 120),
    capacity int check (capacity >= 0),
    cost text,
    copayment text,
    how_to_access text,
    eligibility jsonb not null default '[]',
    keywords text not null default '',
    status text not null default 'draft' check (status in ('draft', 'submitted', 'approved', 'rejected')),
    review_note text,
    last_verified_at timestamptz,
    source text,
    created_by int references app_user(id),
    updated_at timestamptz not null default now(),
    search tsvector generated always as (
      setweight(to_tsvector('italian', name), 'A') ||
      setweight(to_tsvector('italian', coalesce(unit_type, '') || ' ' || keywords), 'B') ||
      setweight(to_tsvector('italian', description || ' ' || coalesce(how_to_access, '')), 'C')
    ) stored,
    primary key (ambito_id, id),
    unique (ambito_id, provider_id, name),
    foreign key (ambito_id, provider_id) references cat_provider(ambito_id, id),
    check (age_min is null or age_max is null or age_min <= age_max)
  )`,
  `create index cat_service_search_idx on cat_service using gin (search)`,
  `create index cat_service_status_idx on cat_service (ambito_id, status, user_area)`,
  `create table cat_location (
    ambito_id int not null,
    id serial,
    service_id int not null,
    name text,
    address text not null,
    comune_istat char(6) not null references comune(istat_code),
    postal_code text,
    latitude double precision check (latitude between -90 and 90),
    longitude double precision check (longitude between -180 and 180),
    opening_hours text,
    primary key (ambito_id, id),
    foreign key (ambito_id, service_id) references cat_service(ambito_id, id) on delete cascade
  )`,
  `create index cat_location_service_idx on cat_location (ambito_id, service_id)`,
  `create index cat_location_comune_idx on cat_location (comune_istat, ambito_id, service_id)`,
  `create table cat_call (
    ambito_id int not null references ambito(id),
    id serial,
    code text not null check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    service_id int,
    title text not null,
    description text not null default '',
    status text not null default 'open' check (status in ('open', 'paused', 'closed')),
    opens_at timestamptz not null,
    deadline timestamptz not null,
    budget_cents int8 check (budget_cents >= 0),
    max_grant_cents int8 not null check (max_grant_cents > 0),
    eligibility jsonb not null,
    scoring jsonb not null,
    required_documents jsonb not null default '[]',
    salt text not null,
    source text,
    ranking_published_at timestamptz,
    created_at timestamptz not null default now(),
    primary key (ambito_id, id),
    unique (ambito_id, code),
    foreign key (ambito_id, service_id) references cat_service(ambito_id, id),
    check (opens_at < deadline)
  )`,
  `create table cat_protocol_counter (
    ambito_id int not null references ambito(id),
    year int not null,
    last int not null,
    primary key (ambito_id, year)
  )`,
  `create table cat_application (
    ambito_id int not null,
    id serial,
    call_id int not null,
    applicant_user_id int references app_user(id),
    applicant_name text not null,
    applicant_fiscal_code char(16) not null,
    on_behalf_kind text check (on_behalf_kind in ('caf', 'patronato', 'social_worker')),
    on_behalf_user_id int references app_user(id),
    on_behalf_note text,
    household_key text not null,
    facts jsonb not null default '{}',
    requested_cents int8 not null check (requested_cents > 0),
    status text not null default 'draft'
      check (status in ('draft', 'submitted', 'under_review', 'needs_documents', 'approved', 'rejected', 'appealed')),
    protocol_number text,
    receipt_code text unique,
    score numeric(9, 2),
    score_note text,
    decision_reason text,
    documents_request text,
    appeal_text text,
    submitted_at timestamptz,
    decided_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (ambito_id, id),
    foreign key (ambito_id, call_id) references cat_call(ambito_id, id),
    unique (ambito_id, protocol_number)
  )`,
  // One live application per household and call: drafts do not count, so a draft never blocks.
  `create unique index cat_application_household_idx on cat_application (ambito_id, call_id, household_key)
    where status <> 'draft'`,
  `create index cat_application_queue_idx on cat_application (ambito_id, call_id, status, submitted_at)`,
  `create index cat_application_user_idx on cat_application (applicant_user_id)`,
  `create table cat_attachment (
    ambito_id int not null,
    id serial,
    application_id int not null,
    document_code text not null,
    filename text not null,
    media_type text not null,
    size_bytes int not null check (size_bytes > 0),
    sha256 char(64) not null,
    content bytea not null,
    uploaded_at timestamptz not null default now(),
    primary key (ambito_id, id),
    foreign key (ambito_id, application_id) references cat_application(ambito_id, id) on delete cascade
  )`,
  `create index cat_attachment_application_idx on cat_attachment (ambito_id, application_id)`,
  `create table cat_ranking (
    ambito_id int not null,
    call_id int not null,
    application_id int not null,
    pseudo_id text not null,
    rank int not null check (rank > 0),
    score numeric(9, 2) not null,
    funded_cents int8 not null default 0,
    outcome text not null check (outcome in ('funded', 'waiting')),
    computed_at timestamptz not null default now(),
    primary key (ambito_id, call_id, application_id),
    unique (ambito_id, call_id, rank),
    foreign key (ambito_id, call_id) references cat_call(ambito_id, id),
    foreign key (ambito_id, application_id) references cat_application(ambito_id, id)
  )`,
  // Issue 7.6: the applicant's Comune (optional) lets an approval reach the Cartella Sociale;
  // referral_contact_id is the access_contact the approval created (null: no referral made).
  `alter table cat_application
    add column applicant_comune_istat char(6) references comune(istat_code),
    add column referral_contact_id uuid`,
];
