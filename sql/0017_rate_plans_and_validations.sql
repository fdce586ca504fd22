-- Rate plans (versioned) and merchants' validations.
--
-- Invariants:
-- - a plan version is never changed once saved: a ticket names the version in force at its entry
--   (tickets.rate_plan_version), so editing the plan never reprices a car already inside;
-- - a garage with no version yet (rate_plan_version null) prices with its plain tariff columns
--   (hourly_rate, grace_minutes, daily_max_cents), and so does a ticket with none;
-- - a validation code is used at most max_uses times: its uses go up under its row lock in the exit's
--   transaction, and each paid exit records at most one use (validation_uses.ticket_id unique).

create table rate_plans (
  garage_id  integer not null references garages (id),
  version    integer not null check (version >= 1),
  plan       jsonb not null,
  created_at timestamptz not null default now(),
  created_by text not null,
  primary key (garage_id, version)
);

alter table garages add column rate_plan_version integer;
alter table garages add constraint garages_rate_plan foreign key (id, rate_plan_version) references rate_plans (garage_id, version);

alter table tickets add column rate_plan_version integer;
alter table tickets add constraint tickets_rate_plan foreign key (garage_id, rate_plan_version) references rate_plans (garage_id, version);

create table merchants (
  id         integer generated always as identity primary key,
  garage_id  integer not null references garages (id),
  name       text not null check (length(name) between 1 and 80),
  contact    text check (length(contact) <= 200),
  created_at timestamptz not null default now(),
  created_by text not null,
  unique (garage_id, name)
);

create table validation_codes (
  id          integer generated always as identity primary key,
  garage_id   integer not null references garages (id),
  merchant_id integer not null references merchants (id),
  code        text not null check (code ~ '^[A-Z0-9-]{2,32}$'),
  kind        text not null check (kind in ('minutes', 'amount', 'percent', 'flat')),
  value       bigint not null check (value >= 0 and value <= 100000000),
  valid_from  timestamptz not null,
  valid_to    timestamptz not null check (valid_to > valid_from),
  max_uses    integer check (max_uses >= 1),
  uses        integer not null default 0 check (uses >= 0 and (max_uses is null or uses <= max_uses)),
  created_at  timestamptz not null default now(),
  created_by  text not null,
  unique (garage_id, code)
);

create table validation_uses (
  id             bigint generated always as identity primary key,
  garage_id      integer not null references garages (id),
  code_id        integer not null references validation_codes (id),
  ticket_id      integer not null unique references tickets (id),
  discount_cents bigint not null check (discount_cents >= 0),
  used_at        timestamptz not null
);
create index validation_uses_garage_at on validation_uses (garage_id, used_at);
