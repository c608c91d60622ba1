/**
 * Notifications to users (application status changes and the like): an in-app inbox. Params hold
 * only what the recipient already sees (call title, protocol, receipt code, rank), never facts.
 */
export const statements: string[] = [
  `create table notification (
    id bigserial primary key,
    user_id int not null references app_user(id) on delete cascade,
    ambito_id int references ambito(id),
    kind text not null check (kind in ('application_submitted', 'application_resubmitted',
      'documents_requested', 'application_approved', 'application_rejected', 'ranking_funded',
      'ranking_waiting', 'ranking_excluded', 'appeal_upheld', 'appeal_rejected')),
    params jsonb not null default '{}',
    link text check (link like '/%'),
    created_at timestamptz not null default now(),
    read_at timestamptz
  )`,
  `create index notification_inbox_idx on notification (user_id, read_at, created_at desc)`,
];
