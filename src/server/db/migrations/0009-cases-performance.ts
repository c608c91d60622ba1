/**
 * Cartella at scale: indexes for codice fiscale search and incremental SIUSS export, and the
 * SIUSS flow table (what was sent to INPS, when, and its outcome).
 * The codice fiscale search needs no new index: person's unique (ambito_id, fiscal_code) serves it.
 */
export const statements: string[] = [
  // The export reads adults' interventions page by page in (person_id, id) order: with id in the
  // key the keyset `(person_id, id) > (…)` is an index range, no sort of a whole person's rows;
  // the INCLUDE lets it drop rows outside the period from the index alone (index-only scan).
  `create index intervention_person_id_idx on intervention (ambito_id, person_id, id)
    include (start_date, end_date, status)`,
  `drop index intervention_person_idx`,
  // Person search by name prefix, split into "people of my Comuni" (one range per Comune) and
  // "people of my teams"; the INCLUDE gives the sort keys without reading the heap, so a prefix
  // matching thousands of people is sorted from the index (people-search.ts).
  `create index person_comune_name_idx on person
    (ambito_id, comune_istat, lower(family_name || ' ' || given_name) text_pattern_ops)
    include (family_name, given_name, id)`,
  `drop index person_name_prefix_idx`,
  `create index person_name_prefix_idx on person
    (ambito_id, lower(family_name || ' ' || given_name) text_pattern_ops)
    include (family_name, given_name, id, comune_istat)`,
  // The pull API (WaaS) reads "changed after t, oldest first": a range on updated_at, in order.
  `create index intervention_changed_idx on intervention (ambito_id, updated_at, id)`,
  `create index social_case_changed_idx on social_case (ambito_id, updated_at, id)`,
  // One row per flow produced for INPS (file of the export or flow of the pull API). Hashes and
  // counts only: the XML itself holds personal data and is not kept here.
  `create table siuss_flow (
    ambito_id int not null references ambito(id),
    id bigserial,
    flow_id text not null check (length(flow_id) between 1 and 64),
    kind text not null check (kind in ('PS_PSA_SINA', 'SINBA')),
    channel text not null check (channel in ('file', 'api')),
    period_from date,
    period_to date,
    generated_at timestamptz not null default now(),
    generated_by int references app_user(id),
    actor_kind text not null check (actor_kind in ('user', 'cli', 'system')),
    api_token text check (api_token ~ '^[0-9a-f]{12}$'),
    records int not null check (records >= 0),
    size_bytes int not null check (size_bytes >= 0),
    sha256 char(64) not null check (sha256 ~ '^[0-9a-f]{64}$'),
    validation text not null check (validation in ('valid', 'invalid')),
    validation_errors int not null default 0 check (validation_errors >= 0),
    esito text check (esito in ('OK', 'DATI_NON_TROVATI', 'RICHIESTA_INVALIDA', 'ERRORE_GENERICO')),
    esito_acquired_at text,
    esito_received_at timestamptz,
    siuss_acquisition_id text,
    primary key (ambito_id, id),
    check (period_from is null or period_to is null or period_from <= period_to),
    check ((esito is null) = (esito_received_at is null))
  )`,
  `create index siuss_flow_flow_idx on siuss_flow (ambito_id, flow_id)`,
  `create index siuss_flow_generated_idx on siuss_flow (ambito_id, generated_at desc, id desc)`,
];
