-- Money past 2^31 − 1 cents, and time from the client as evidence.
--
-- 1. A fee can pass 2^31 − 1 cents ($21,474,836.47): the top rate (1,000,000 c/h) for 90 days does,
--    and a car may stay that long. amount_paid becomes bigint; sums of it are read as numeric text
--    and parsed in one place (api/cents.ts). This rewrites the tickets table and its indexes once,
--    under an exclusive lock: run it in a quiet moment on a big garage.
alter table tickets alter column amount_paid type bigint;

-- 2. The last time the server handed the ticket out as active (its entry, GET /api/tickets/:n, a
--    search, Slack's find and quote): a client-sent exit time may not be earlier (shared/client-time.ts).
--    Null on tickets completed before this migration; active ones start from their entry time.
alter table tickets add column last_seen_active_at timestamptz;
update tickets set last_seen_active_at = entry_time where status = 'active';

-- 3. Entries and exits dated into a local day whose daily summary was already posted (or was being
--    posted): each is also in the audit log (`lateForPostedDay`); this table is what the next summary
--    reads — the changes received during the day it reports, with the revenue they moved.
create table late_changes (
  id            bigint generated always as identity primary key,
  garage_id     integer not null references garages (id),
  ticket_number text not null,
  kind          text not null check (kind in ('entry', 'exit')),
  day           date not null,
  received_at   timestamptz not null,
  revenue_cents bigint not null default 0 check (revenue_cents >= 0)
);
create index late_changes_received on late_changes (garage_id, received_at);
