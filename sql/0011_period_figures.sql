-- Reports that cost the same after years: the figures of each period that is over (a garage day,
-- or an hour of today) are counted from tickets once and stored; a report adds stored periods up
-- instead of walking every ticket again (api/reports/figures.ts).
--
-- Exactness: a stored row always equals a recount from tickets. Any change to tickets that moves a
-- period's figures (an entry or exit dated back into it, history brought in, a refund or void, a
-- fix by hand) deletes the stored periods it moves, in its own transaction (the triggers below);
-- the next read counts them again. A period is stored only under the garage's figures lock taken
-- exclusive, and every change takes it shared before it deletes: so a change either committed
-- before the count began (the count sees it) or deletes the row the count stored (the next read
-- counts again). Nothing depends on clocks.

-- One row per period [starts_at, ends_at) of a garage that is over: its sums and counts (never
-- averages, so periods side by side add up), its occupancy at the start, its peak (the most cars
-- above that, and when first reached) and the cars inside at its end. Money in cents.
create table period_figures (
  garage_id         integer not null references garages (id),
  starts_at         timestamptz not null,
  ends_at           timestamptz not null check (ends_at > starts_at),
  revenue           numeric not null check (revenue >= 0),
  revenue_by_method jsonb not null,
  vehicles_in       integer not null,
  vehicles_out      integer not null,
  stay_minutes      numeric not null,
  stays             integer not null,
  occupied_at_start integer not null,
  peak_delta        integer,
  peak_at           timestamptz,
  still_parked      integer not null,
  open_over_24h     integer not null,
  computed_at       timestamptz not null,
  primary key (garage_id, starts_at, ends_at)
);
-- what a change dated at T deletes: the periods that end after T
create index period_figures_ends on period_figures (garage_id, ends_at);

-- The garage's figures lock: exclusive to store, shared to change (any number of changes at once).
create function lock_period_figures(garage integer, exclusive boolean) returns void language plpgsql as $$
begin
  if exclusive then
    perform pg_advisory_xact_lock(727274003, garage);
  else
    perform pg_advisory_xact_lock_shared(727274003, garage);
  end if;
end $$;

-- Forgets a garage's stored periods that a change dated at `since` moves: those ending after it
-- (the cars inside at every later instant may have changed). For a new kind of change to past days
-- (refunds, voids in a table of their own), call this from its trigger with the day's instant.
-- Read committed only: the delete must see a row stored while this waited for the lock.
create function forget_period_figures(garage integer, since timestamptz) returns void language plpgsql as $$
begin
  if current_setting('transaction_isolation') <> 'read committed' then
    raise exception 'tickets change only in read committed transactions: stored figures (period_figures) must see every change';
  end if;
  perform lock_period_figures(garage, false);
  delete from period_figures where garage_id = garage and ends_at > since;
end $$;

-- Inserted or deleted tickets: from the earliest entry among them (an exit is never before its entry).
create function forget_period_figures_of_rows() returns trigger language plpgsql as $$
declare
  changed record;
begin
  for changed in
    select garage_id, min(entry_time) as since from changed_tickets group by garage_id order by garage_id
  loop
    perform forget_period_figures(changed.garage_id, changed.since);
  end loop;
  return null;
end $$;

create trigger tickets_forget_figures_on_insert after insert on tickets
  referencing new table as changed_tickets for each statement execute function forget_period_figures_of_rows();
create trigger tickets_forget_figures_on_delete after delete on tickets
  referencing old table as changed_tickets for each statement execute function forget_period_figures_of_rows();

-- An updated ticket: a moved entry (or garage) from the earlier entry time; an exit, its payment or
-- its stay from the earlier exit time. "Seen active" and space moves change no figure and skip this.
create function forget_period_figures_of_update() returns trigger language plpgsql as $$
declare
  since timestamptz;
begin
  if new.garage_id <> old.garage_id or new.entry_time <> old.entry_time then
    since := least(old.entry_time, new.entry_time);
  else
    since := coalesce(least(old.exit_time, new.exit_time), old.entry_time);
  end if;
  perform forget_period_figures(old.garage_id, since);
  if new.garage_id <> old.garage_id then
    perform forget_period_figures(new.garage_id, since);
  end if;
  return null;
end $$;

create trigger tickets_forget_figures_on_update
  after update of garage_id, entry_time, exit_time, duration_minutes, amount_paid, payment_method on tickets
  for each row
  when ((old.garage_id, old.entry_time, old.exit_time, old.duration_minutes, old.amount_paid, old.payment_method)
    is distinct from (new.garage_id, new.entry_time, new.exit_time, new.duration_minutes, new.amount_paid, new.payment_method))
  execute function forget_period_figures_of_update();

create function forget_all_period_figures() returns trigger language plpgsql as $$
begin
  delete from period_figures;
  return null;
end $$;

create trigger tickets_forget_figures_on_truncate after truncate on tickets
  for each statement execute function forget_all_period_figures();
