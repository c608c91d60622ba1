/**
 * Observatory: ISTAT population by single year of age (national reference data, shared by every
 * Ambito), an Ambito's own count series, and the tables published in its plans (for the checker).
 */
export const statements = [
  `create table istat_population (
    comune_istat char(6) not null references comune(istat_code),
    year smallint not null check (year between 1900 and 2200),
    age smallint not null check (age between 0 and 100),
    males int not null check (males >= 0),
    females int not null check (females >= 0),
    dataset text not null,
    primary key (comune_istat, year, age)
  )`,
  `create table obs_dataset (
    ambito_id int not null references ambito(id),
    id serial,
    name text not null,
    kind text not null check (kind in ('generic', 'published', 'istat_population')),
    source text not null,
    licence text,
    reference_date date,
    origin text,
    rows int not null default 0,
    imported_by int references app_user(id),
    imported_at timestamptz not null default now(),
    primary key (ambito_id, id)
  )`,
  // territory: an ISTAT code, or 'AMBITO' for values published only for the whole Ambito.
  // age_to 200 means open-ended; sex 'T' is both sexes; citizenship 'all' or 'foreign'.
  `create table obs_count (
    ambito_id int not null,
    territory varchar(6) not null,
    year smallint not null check (year between 1900 and 2200),
    series text not null check (series ~ '^[a-z][a-z0-9_]*$'),
    sex char(1) not null default 'T' check (sex in ('T', 'M', 'F')),
    citizenship text not null default 'all' check (citizenship in ('all', 'foreign')),
    age_from smallint not null default 0 check (age_from between 0 and 200),
    age_to smallint not null default 200 check (age_to between age_from and 200),
    value numeric not null check (value >= 0),
    unit text not null default 'persone',
    dataset_id int not null,
    published_table_id int,
    source_line int,
    primary key (ambito_id, territory, series, year, sex, citizenship, age_from, age_to),
    foreign key (ambito_id, dataset_id) references obs_dataset(ambito_id, id)
  )`,
  `create table obs_published_table (
    ambito_id int not null references ambito(id),
    id serial,
    dataset_id int not null,
    code text not null,
    title text not null,
    source text,
    reference_date date,
    line_from int,
    line_to int,
    columns jsonb not null,
    notes text,
    primary key (ambito_id, id),
    unique (ambito_id, dataset_id, code),
    foreign key (ambito_id, dataset_id) references obs_dataset(ambito_id, id)
  )`,
  `create table obs_published_row (
    ambito_id int not null,
    table_id int not null,
    row_no int not null,
    label text not null,
    kind text not null check (kind in ('comune', 'total', 'mean', 'ambito', 'reference', 'other')),
    comune_istat char(6) references comune(istat_code),
    age_from smallint,
    age_to smallint,
    line int,
    year smallint,
    "values" jsonb not null,
    primary key (ambito_id, table_id, row_no),
    foreign key (ambito_id, table_id) references obs_published_table(ambito_id, id)
  )`,
];
