-- What attendants discard from the phone after the server refused it: the trace that money taken at
-- the gate never disappears. An exit where money was taken stays `needs_manager` until a manager
-- says what became of it (`resolved`, with a note); anything else is `recorded`.
create table discards (
  id              integer generated always as identity primary key,
  garage_id       integer not null references garages (id),
  key             text not null check (length(key) between 1 and 255),
  kind            text not null check (kind in ('entry', 'exit')),
  ticket_number   text check (length(ticket_number) <= 32),
  license_plate   text check (length(license_plate) <= 32),
  vehicle_type    text,
  payment_method  text,
  amount_cents    integer check (amount_cents between 0 and 1000000000),
  happened_at     timestamptz not null,
  refusal_code    text not null check (length(refusal_code) <= 64),
  refusal_message text not null check (length(refusal_message) <= 500),
  reason          text not null check (length(reason) between 3 and 500),
  discarded_by    integer not null references users (id),
  discarded_at    timestamptz not null,
  status          text not null check (status in ('recorded', 'needs_manager', 'resolved')),
  resolved_by     integer references users (id),
  resolved_at     timestamptz,
  resolution_note text check (length(resolution_note) <= 500),
  -- one record per phone item: the same key reported again by the same person is the same record
  unique (garage_id, discarded_by, key)
);
create index discards_by_status on discards (garage_id, status, id desc);
create index discards_newest on discards (garage_id, id desc);
