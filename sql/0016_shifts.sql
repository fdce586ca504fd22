-- Shifts and cash: every cent of cash belongs to someone.
--
-- Invariants:
-- - a user has at most one open shift per garage (unique partial index);
-- - a paid exit records who took the payment (tickets.exited_by, the actor), so its cash belongs to
--   the shift of that person open at the exit's time — offline exits by their time;
-- - a shift's expected cash is never stored before its close: it is computed from the tickets,
--   refunds and movements of its window, and stored with the declared cash at the close.

alter table tickets add column exited_by text;
-- a person's paid exits in a time window (their shift)
create index tickets_exited_by on tickets (garage_id, exited_by, exit_time) where exited_by is not null;
create index refunds_by on refunds (garage_id, refunded_by, refunded_at);

create table shifts (
  id                  integer generated always as identity primary key,
  garage_id           integer not null references garages (id),
  user_id             integer not null references users (id),
  opened_at           timestamptz not null,
  opening_float_cents bigint not null check (opening_float_cents between 0 and 10000000),
  status              text not null default 'open' check (status in ('open', 'closed', 'unclosed')),
  closed_at           timestamptz,
  closed_by           text,
  declared_cash_cents bigint check (declared_cash_cents >= 0),
  expected_cash_cents bigint,
  variance_cents      bigint,
  close_note          text check (length(close_note) <= 500),
  reconciled_by       text,
  reconciled_at       timestamptz,
  reconcile_note      text check (length(reconcile_note) <= 500),
  check ((status = 'open') = (closed_at is null)),
  check (status <> 'closed' or (declared_cash_cents is not null and expected_cash_cents is not null and variance_cents is not null)),
  check ((reconciled_at is null) = (reconciled_by is null))
);
create unique index shifts_one_open_per_user on shifts (garage_id, user_id) where status = 'open';
create index shifts_garage_opened on shifts (garage_id, opened_at desc);

create table shift_movements (
  id           bigint generated always as identity primary key,
  garage_id    integer not null references garages (id),
  shift_id     integer not null references shifts (id),
  kind         text not null check (kind in ('drop', 'payout', 'float_add')),
  amount_cents bigint not null check (amount_cents between 1 and 1000000000),
  reason       text not null check (length(reason) between 1 and 200),
  at           timestamptz not null,
  by_actor     text not null
);
create index shift_movements_shift on shift_movements (shift_id, at);

alter table garages
  add column require_shift_for_cash   boolean not null default false,
  add column cash_variance_alert_cents integer not null default 500 check (cash_variance_alert_cents between 0 and 100000000);

-- who issued a ticket (the actor), so a shift counts its holder's entries
alter table tickets add column entered_by text;
create index tickets_entered_by on tickets (garage_id, entered_by, entry_time) where entered_by is not null;
