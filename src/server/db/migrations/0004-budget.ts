/**
 * Bilancio: budget documents of an ente (the Ambito, or the Comune that is its own Ambito), their
 * lines with exact amounts in cents, and the checks run at import (kept, so a reader can see which
 * printed totals were verified and any failure accepted by override).
 */
export const statements = [
  `create table budget_document (
    ambito_id int not null references ambito(id),
    id serial,
    year smallint not null check (year between 1900 and 2200),
    kind text not null check (kind in ('previsione', 'assestamento', 'rendiconto')),
    title text not null,
    source_file text not null,
    sha256 char(64) not null check (sha256 ~ '^[0-9a-f]{64}$'),
    lines int not null default 0,
    checks_failed int not null default 0,
    override_note text,
    imported_by int references app_user(id),
    imported_at timestamptz not null default now(),
    primary key (ambito_id, id),
    unique (ambito_id, sha256)
  )`,
  // Amount columns are relative to the document's year: forecast = PREVISIONE year, prior_* = year-1.
  // crono / new_funds / ptlp only for capital sections (the "di cui" split of the forecast).
  `create table budget_line (
    ambito_id int not null,
    document_id int not null,
    seq int not null,
    section text not null check (section in ('1.A', '1.B', '2.A', '2.B')),
    direzione text not null,
    settore text not null,
    settore_name text not null,
    titolo text not null,
    tipologia text,
    macroaggregato text,
    capitolo int not null,
    articolo int not null,
    sub int not null,
    pdc text,
    description text not null,
    vincolo boolean not null,
    missione char(2),
    programma char(2),
    forecast_cents bigint not null,
    prior_forecast_cents bigint not null,
    prior_actual_cents bigint not null,
    crono_cents bigint,
    new_funds_cents bigint,
    ptlp_cents bigint,
    first_line int not null,
    last_line int not null,
    primary key (ambito_id, document_id, seq),
    foreign key (ambito_id, document_id) references budget_document(ambito_id, id)
  )`,
  "create index budget_line_settore on budget_line (ambito_id, document_id, section, settore)",
  `create table budget_check (
    ambito_id int not null,
    document_id int not null,
    seq int not null,
    name text not null,
    line int,
    expected text not null,
    found text not null,
    passed boolean not null,
    primary key (ambito_id, document_id, seq),
    foreign key (ambito_id, document_id) references budget_document(ambito_id, id)
  )`,
];
