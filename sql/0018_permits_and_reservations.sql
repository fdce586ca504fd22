-- Monthly parkers (permits) and reservations: spaces held for people known in advance, on the
-- space rows of sql/0010, so entries still claim a free space without a queue.
--
-- Invariants:
-- - a space is free, taken by one active ticket, or held — for a reservation (one space per
--   confirmed reservation, from its booking until its car comes in, it is cancelled, or it is
--   released as a no-show) or for permit holders; a held space has no ticket (check);
-- - a transient entry claims only a free space that is not held; a reservation's car claims its own
--   held space; a permit car a space held for permits, else a free one. So a confirmed reservation
--   is always admitted in its window, however entries, reservations and servers interleave;
-- - at most one entry per reservation (tickets.reservation_id unique).

create table permits (
  id          integer generated always as identity primary key,
  garage_id   integer not null references garages (id),
  holder      text not null check (length(holder) between 1 and 120),
  plates      text[] not null check (cardinality(plates) between 1 and 10),
  valid_from  timestamptz not null,
  valid_to    timestamptz not null check (valid_to > valid_from),
  status      text not null default 'active' check (status in ('active', 'suspended', 'cancelled')),
  note        text check (length(note) <= 500),
  created_at  timestamptz not null default now(),
  created_by  text not null,
  updated_at  timestamptz not null default now()
);
create index permits_plates on permits using gin (plates);
create index permits_garage on permits (garage_id, valid_to);

create table reservations (
  id              integer generated always as identity primary key,
  garage_id       integer not null references garages (id),
  license_plate   text not null,
  plate_normalized text not null check (plate_normalized ~ '^[A-Z0-9]{2,10}$'),
  holder          text check (length(holder) <= 120),
  starts_at       timestamptz not null,
  ends_at         timestamptz not null check (ends_at > starts_at),
  prepaid_cents   bigint not null default 0 check (prepaid_cents between 0 and 100000000),
  status          text not null default 'confirmed' check (status in ('confirmed', 'arrived', 'cancelled', 'no_show')),
  ticket_id       integer unique references tickets (id),
  created_at      timestamptz not null default now(),
  created_by      text not null,
  ended_at        timestamptz,
  ended_by        text,
  check ((status = 'arrived') = (ticket_id is not null)),
  check ((status = 'confirmed') = (ended_at is null))
);
create index reservations_due on reservations (garage_id, plate_normalized, starts_at) where status = 'confirmed';
create index reservations_garage_time on reservations (garage_id, starts_at);

alter table spaces
  add column held_for       text check (held_for in ('permit', 'reservation')),
  add column reservation_id integer unique references reservations (id),
  add constraint spaces_held_is_free check (held_for is null or ticket_id is null),
  add constraint spaces_reservation_hold check ((held_for = 'reservation') = (reservation_id is not null));
-- where a transient entry looks: free, open, not held
drop index spaces_free;
create index spaces_free on spaces (garage_id, number) where open and ticket_id is null and held_for is null;
create index spaces_held_for_permits on spaces (garage_id, number) where held_for = 'permit';

alter table tickets
  add column kind           text not null default 'transient' check (kind in ('transient', 'permit', 'reservation')),
  add column permit_id      integer references permits (id),
  add column reservation_id integer unique references reservations (id),
  add constraint tickets_kind_refs check ((kind = 'permit') = (permit_id is not null) and (kind = 'reservation') = (reservation_id is not null));
create index tickets_permit_inside on tickets (garage_id) where status = 'active' and kind = 'permit';

alter table garages
  add column reserved_permit_spaces     integer not null default 0 check (reserved_permit_spaces between 0 and 100000),
  add column reservation_grace_minutes  integer not null default 30 check (reservation_grace_minutes between 0 and 1440),
  add column reservation_max_lead_hours integer not null default 168 check (reservation_max_lead_hours between 1 and 2160);
