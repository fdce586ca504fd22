-- Corrections and exceptions: voided tickets, refunds, lost tickets, and requests a manager approves.
--
-- Invariants:
-- - a voided ticket is neither active nor paid: it left occupancy when it was voided (exit_time is
--   the void's time, its space released), it was never charged (no amount, no method), and it stays
--   in the books with who voided it, when and why;
-- - a ticket's refunds never add up to more than it paid: tickets.refunded_cents is the sum of its
--   refunds (each refund adds to it in the statement that records it) and a check keeps it at most
--   amount_paid; only completed tickets have refunds;
-- - an exception is decided once: pending -> approved | denied | expired, with who and when.

alter table tickets drop constraint tickets_status_check;
alter table tickets add constraint tickets_status_check check (status in ('active', 'completed', 'voided'));
alter table tickets drop constraint tickets_check1;
alter table tickets add constraint tickets_completed_is_paid
  check (status <> 'completed' or (amount_paid is not null and payment_method is not null and fee_breakdown is not null));
alter table tickets
  add column voided_by     text,
  add column void_reason   text check (void_reason in ('duplicate', 'wrong_plate', 'test', 'drove_away', 'other')),
  add column void_note     text check (length(void_note) <= 500),
  add column refunded_cents bigint not null default 0 check (refunded_cents >= 0),
  add column lost_ticket   boolean not null default false,
  add constraint tickets_voided_says_why check ((status = 'voided') = (void_reason is not null and voided_by is not null)),
  add constraint tickets_voided_unpaid check (status <> 'voided' or (amount_paid is null and payment_method is null)),
  add constraint tickets_refunds_within_paid check (refunded_cents = 0 or (status = 'completed' and refunded_cents <= amount_paid));

-- a void moves the day's figures like an exit does
drop trigger tickets_forget_figures_on_update on tickets;
create trigger tickets_forget_figures_on_update
  after update of garage_id, entry_time, exit_time, duration_minutes, amount_paid, payment_method, status on tickets
  for each row
  when ((old.garage_id, old.entry_time, old.exit_time, old.duration_minutes, old.amount_paid, old.payment_method, old.status)
    is distinct from (new.garage_id, new.entry_time, new.exit_time, new.duration_minutes, new.amount_paid, new.payment_method, new.status))
  execute function forget_period_figures_of_update();

create table refunds (
  id           bigint generated always as identity primary key,
  garage_id    integer not null references garages (id),
  ticket_id    integer not null references tickets (id),
  amount_cents bigint not null check (amount_cents > 0),
  method       text not null check (method in ('Cash', 'Credit Card', 'Debit Card', 'Mobile')),
  reason       text not null check (reason in ('wrong_rate', 'overcharged', 'double_charged', 'service_issue', 'goodwill', 'other')),
  note         text check (length(note) <= 500),
  refunded_at  timestamptz not null,
  refunded_by  text not null,
  approved_by  text not null,
  exception_id integer
);
create index refunds_ticket on refunds (ticket_id);
create index refunds_day on refunds (garage_id, refunded_at);

-- a refund moves the figures of the day it was made (the day the money went back)
create function forget_period_figures_of_refunds() returns trigger language plpgsql as $$
declare
  changed record;
begin
  for changed in select garage_id, min(refunded_at) as since from changed_refunds group by garage_id order by garage_id
  loop
    perform forget_period_figures(changed.garage_id, changed.since);
  end loop;
  return null;
end $$;
create trigger refunds_forget_figures_on_insert after insert on refunds
  referencing new table as changed_refunds for each statement execute function forget_period_figures_of_refunds();
create trigger refunds_forget_figures_on_delete after delete on refunds
  referencing old table as changed_refunds for each statement execute function forget_period_figures_of_refunds();

create table exceptions (
  id             integer generated always as identity primary key,
  garage_id      integer not null references garages (id),
  type           text not null check (type in ('void', 'refund', 'lost_ticket_waiver')),
  ticket_id      integer not null references tickets (id),
  amount_cents   bigint not null check (amount_cents >= 0),
  reason         text not null,
  note           text check (length(note) <= 500),
  request        jsonb not null,
  requested_by   text not null,
  requested_via  text not null,
  requested_at   timestamptz not null,
  expires_at     timestamptz not null check (expires_at > requested_at),
  status         text not null default 'pending' check (status in ('pending', 'approved', 'denied', 'expired')),
  decided_by     text,
  decided_at     timestamptz,
  decision_note  text check (length(decision_note) <= 500),
  -- where Slack shows it, so the message can be replaced by the decision
  slack_channel  text,
  slack_ts       text,
  check ((status = 'pending') = (decided_at is null))
);
create index exceptions_garage_status on exceptions (garage_id, status, id desc);
create index exceptions_pending_expiry on exceptions (expires_at) where status = 'pending';
alter table refunds add constraint refunds_exception_fk foreign key (exception_id) references exceptions (id);

-- each garage's rules: what an attendant may do alone (under how many cents), how long a request
-- waits for a manager, and how a lost ticket is priced
alter table garages
  add column auto_approve_void_cents   integer not null default 0 check (auto_approve_void_cents between 0 and 100000000),
  add column auto_approve_refund_cents integer not null default 0 check (auto_approve_refund_cents between 0 and 100000000),
  add column auto_approve_waiver_cents integer not null default 0 check (auto_approve_waiver_cents between 0 and 100000000),
  add column approval_timeout_minutes  integer not null default 30 check (approval_timeout_minutes between 5 and 1440),
  add column lost_ticket_policy        text not null default 'actual_plus_fee' check (lost_ticket_policy in ('actual_plus_fee', 'daily_max_per_day', 'flat')),
  add column lost_ticket_fee_cents     integer not null default 2500 check (lost_ticket_fee_cents between 0 and 100000000);

-- one pending request per ticket and kind: asking again while one waits gives the one that waits
create unique index exceptions_one_pending on exceptions (ticket_id, type) where status = 'pending';

-- corrections of an active ticket's plate or vehicle type, counted in the books (before and after
-- are in the audit log too)
create table corrections (
  id           bigint generated always as identity primary key,
  garage_id    integer not null references garages (id),
  ticket_id    integer not null references tickets (id),
  corrected_at timestamptz not null,
  corrected_by text not null,
  before       jsonb not null,
  after        jsonb not null
);
create index corrections_day on corrections (garage_id, corrected_at);
create function forget_period_figures_of_corrections() returns trigger language plpgsql as $$
declare
  changed record;
begin
  for changed in select garage_id, min(corrected_at) as since from changed_corrections group by garage_id order by garage_id
  loop
    perform forget_period_figures(changed.garage_id, changed.since);
  end loop;
  return null;
end $$;
create trigger corrections_forget_figures_on_insert after insert on corrections
  referencing new table as changed_corrections for each statement execute function forget_period_figures_of_corrections();
