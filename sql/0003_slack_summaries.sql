-- The managers' daily Slack summary: one row per garage and local day. A server claims the day by
-- taking its lease; only the holder of an unexpired lease posts, and a posted day is never claimed
-- again, so any number of replicas post each day once. A failed post gives the lease back with a
-- time to try again (backoff); a server that dies mid-post leaves a lease that simply expires.

create table slack_summaries (
  garage_id   integer not null references garages (id),
  day         date not null,
  status      text not null default 'pending' check (status in ('pending', 'posted')),
  -- who holds the day now (a random token per claim); null once posted or given back
  claim_token text,
  -- nobody may claim the day before this: the lease of the holder, or the retry time after a failure
  lease_until timestamptz not null,
  attempts    integer not null default 0 check (attempts >= 0),
  last_error  text,
  channel     text,
  message_ts  text,
  posted_at   timestamptz,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  primary key (garage_id, day),
  check (status = 'pending' or (message_ts is not null and posted_at is not null))
);
