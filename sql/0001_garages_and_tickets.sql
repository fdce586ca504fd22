-- The garage, its settings, its tickets and the idempotency keys that make retries safe.
-- Money is integer cents; times are timestamptz (UTC on the wire).

create table garages (
  id              integer generated always as identity primary key,
  name            text not null default 'Garage',
  total_spaces    integer not null check (total_spaces between 1 and 100000),
  hourly_rate     integer not null check (hourly_rate between 0 and 1000000),
  timezone        text not null,
  grace_minutes   integer not null default 0 check (grace_minutes between 0 and 120),
  daily_max_cents integer check (daily_max_cents >= 0),
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now()
);

create table tickets (
  id               integer generated always as identity primary key,
  garage_id        integer not null references garages (id),
  ticket_number    text not null,
  license_plate    text not null,
  plate_normalized text not null check (plate_normalized ~ '^[A-Z0-9]{2,10}$'),
  vehicle_type     text not null check (vehicle_type in ('Car', 'Motorcycle', 'SUV', 'Van', 'Truck')),
  entry_time       timestamptz not null,
  exit_time        timestamptz,
  duration_minutes integer,
  amount_paid      integer check (amount_paid >= 0),
  status           text not null default 'active' check (status in ('active', 'completed')),
  payment_method   text check (payment_method in ('Cash', 'Credit Card', 'Debit Card', 'Mobile')),
  -- the tariff at entry: a later change of settings never reprices a car already inside
  hourly_rate      integer not null,
  grace_minutes    integer not null,
  daily_max_cents  integer,
  fee_breakdown    jsonb,
  created_at       timestamptz not null default now(),
  check ((status = 'active') = (exit_time is null)),
  check (status = 'active' or (amount_paid is not null and payment_method is not null and fee_breakdown is not null))
);

-- unique for all time; lookups by number
create unique index tickets_ticket_number_key on tickets (ticket_number);
-- one active ticket per plate per garage (the backstop behind the check under the garage lock)
create unique index tickets_one_active_per_plate on tickets (garage_id, plate_normalized) where status = 'active';
-- occupancy: count of active tickets, read without touching history
create index tickets_active on tickets (garage_id, entry_time) where status = 'active';
-- today's entries, recent activity, daily reports
create index tickets_entry_time on tickets (garage_id, entry_time desc);
-- today's exits and revenue, recent activity, daily reports
create index tickets_exit_time on tickets (garage_id, exit_time desc) include (amount_paid, duration_minutes, payment_method)
  where exit_time is not null;
-- lost tickets: search by plate
create index tickets_plate on tickets (garage_id, plate_normalized, entry_time desc);

create table idempotency_keys (
  garage_id     integer not null references garages (id),
  key           text not null check (length(key) between 1 and 255),
  operation     text not null,
  request_hash  text not null,
  status_code   integer,
  response_body jsonb,
  created_at    timestamptz not null default now(),
  primary key (garage_id, key)
);
create index idempotency_keys_created_at on idempotency_keys (created_at);
