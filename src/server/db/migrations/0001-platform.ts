/** Platform: territory, tenants, accounts, sessions, audit. Forward-only: never edit once landed. */
export const statements = [
  `create table ref_dataset (
    name text primary key,
    version text not null,
    source text not null,
    licence text not null,
    loaded_at timestamptz not null default now()
  )`,
  `create table region (code char(2) primary key, name text not null)`,
  `create table comune (
    istat_code char(6) primary key,
    cadastral_code char(4) not null unique,
    name text not null,
    province_code char(3) not null,
    province_abbr varchar(2) not null,
    region_code char(2) not null references region(code),
    valid_from date not null
  )`,
  `create index comune_name_idx on comune (lower(name))`,
  `create table ats (
    id serial primary key,
    code text not null unique,
    name text not null,
    region_code char(2) not null references region(code)
  )`,
  `create table asst (
    id serial primary key,
    code text not null unique,
    name text not null,
    ats_id int not null references ats(id)
  )`,
  `create table ambito (
    id serial primary key,
    slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name text not null,
    kind text not null check (kind in ('ambito', 'comune')),
    region_code char(2) not null references region(code),
    ats_id int references ats(id),
    asst_id int references asst(id),
    lead_comune_istat char(6) references comune(istat_code),
    created_at timestamptz not null default now()
  )`,
  `create table ambito_comune (
    ambito_id int not null references ambito(id),
    comune_istat char(6) not null references comune(istat_code),
    primary key (ambito_id, comune_istat)
  )`,
  `create table municipio (
    ambito_id int not null references ambito(id),
    id serial,
    comune_istat char(6) not null references comune(istat_code),
    number int not null check (number > 0),
    name text not null,
    primary key (ambito_id, id),
    unique (ambito_id, comune_istat, number)
  )`,
  `create table nil (
    ambito_id int not null,
    id serial,
    municipio_id int not null,
    code text not null,
    name text not null,
    primary key (ambito_id, id),
    foreign key (ambito_id, municipio_id) references municipio(ambito_id, id),
    unique (ambito_id, code)
  )`,
  `create table team (
    ambito_id int not null references ambito(id),
    id serial,
    name text not null,
    comune_istat char(6) references comune(istat_code),
    primary key (ambito_id, id),
    unique (ambito_id, name)
  )`,
  `create table organisation (
    ambito_id int not null references ambito(id),
    id serial,
    name text not null,
    tax_code text,
    primary key (ambito_id, id),
    unique (ambito_id, name)
  )`,
  `create table app_user (
    id serial primary key,
    username text not null unique check (username = lower(username) and length(username) between 3 and 64),
    display_name text not null,
    email text,
    fiscal_code char(16) unique,
    password_hash text,
    active boolean not null default true,
    must_change_password boolean not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create table role_assignment (
    id serial primary key,
    user_id int not null references app_user(id) on delete cascade,
    role text not null,
    ambito_id int references ambito(id),
    comune_istat char(6) references comune(istat_code),
    team_id int,
    organisation_id int,
    created_at timestamptz not null default now(),
    check ((role = 'system_admin') = (ambito_id is null)),
    foreign key (ambito_id, team_id) references team(ambito_id, id),
    foreign key (ambito_id, organisation_id) references organisation(ambito_id, id)
  )`,
  `create unique index role_assignment_unique_idx on role_assignment
    (user_id, role, coalesce(ambito_id, 0), coalesce(comune_istat, ''), coalesce(team_id, 0), coalesce(organisation_id, 0))`,
  `create index role_assignment_ambito_idx on role_assignment (ambito_id, role)`,
  `create table user_identity (
    issuer text not null,
    subject text not null,
    user_id int not null references app_user(id) on delete cascade,
    created_at timestamptz not null default now(),
    primary key (issuer, subject)
  )`,
  `create table session (
    token_hash text primary key,
    user_id int not null references app_user(id) on delete cascade,
    csrf_token text not null,
    auth_method text not null,
    ip text,
    created_at timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    expires_at timestamptz not null
  )`,
  `create index session_user_idx on session (user_id)`,
  `create index session_expires_idx on session (expires_at)`,
  `create table login_attempt (
    id bigserial primary key,
    username_key text not null,
    ip text not null,
    succeeded boolean not null,
    at timestamptz not null default now()
  )`,
  `create index login_attempt_user_idx on login_attempt (username_key, at)`,
  `create index login_attempt_ip_idx on login_attempt (ip, at)`,
  `create table oidc_login_state (
    state text primary key,
    code_verifier text not null,
    nonce text not null,
    return_to text not null,
    created_at timestamptz not null default now()
  )`,
  `create table audit_chain (
    chain_id int primary key,
    last_seq bigint not null default 0,
    last_hash text not null
  )`,
  `create table audit_event (
    chain_id int not null,
    seq bigint not null,
    ambito_id int references ambito(id),
    at timestamptz not null,
    actor_user_id int,
    actor_kind text not null,
    action text not null,
    entity_type text not null,
    entity_id text,
    comune_istat char(6),
    purpose text,
    outcome text not null check (outcome in ('ok', 'denied')),
    ip text,
    details jsonb not null default '{}',
    prev_hash text not null,
    hash text not null,
    primary key (chain_id, seq)
  )`,
  `create index audit_event_at_idx on audit_event (chain_id, at)`,
  `create index audit_event_entity_idx on audit_event (entity_type, entity_id)`,
  `create index audit_event_actor_idx on audit_event (actor_user_id, at)`,
  `create function audit_event_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_event is append-only' using errcode = 'P0001';
    end $$`,
  `create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_append_only()`,
  `create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only()`,
  `create table person (
    ambito_id int not null references ambito(id),
    id uuid not null default gen_random_uuid(),
    comune_istat char(6) not null references comune(istat_code),
    fiscal_code char(16),
    provisional boolean not null default false,
    family_name text not null,
    given_name text not null,
    sex char(1) check (sex in ('F', 'M')),
    birth_date date,
    citizenship text,
    created_by int references app_user(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (ambito_id, id),
    unique (ambito_id, fiscal_code),
    check (provisional or fiscal_code is not null),
    foreign key (ambito_id, comune_istat) references ambito_comune(ambito_id, comune_istat)
  )`,
  `create index person_scope_idx on person (ambito_id, comune_istat, family_name)`,
];
