-- Alerts to the managers' channel, once per episode and cleared when it ends, across replicas.
--
-- Invariants:
-- - at most one open episode per garage, kind and subject (unique partial index): the replica whose
--   insert made it is the one that announces it; the one whose update cleared it announces the end;
-- - a muted kind is still recorded (its episodes open and clear) but not announced.

create table alert_episodes (
  id         bigint generated always as identity primary key,
  garage_id  integer not null references garages (id),
  kind       text not null check (kind in ('occupancy_high', 'garage_full', 'stale_tickets', 'shift_corrections')),
  subject    text not null default '',
  opened_at  timestamptz not null,
  cleared_at timestamptz,
  details    jsonb not null,
  channel    text,
  message_ts text
);
create unique index alert_episodes_one_open on alert_episodes (garage_id, kind, subject) where cleared_at is null;
create index alert_episodes_garage on alert_episodes (garage_id, opened_at desc);

create table alert_mutes (
  garage_id integer not null references garages (id),
  kind      text not null,
  muted_by  text not null,
  muted_at  timestamptz not null,
  primary key (garage_id, kind)
);

alter table garages
  add column stale_ticket_hours   integer not null default 24 check (stale_ticket_hours between 1 and 720),
  add column void_alert_per_shift integer not null default 3 check (void_alert_per_shift between 1 and 1000);
