-- Sign-in throttling, decided in one step: each attempt is reserved here (per username and per
-- client address) under a per-key advisory lock before its password is checked, so no parallelism
-- or replica count lets more attempts through than the limit. A failure stays as a row until it
-- leaves the window; a success deletes its username's rows and its own address row.
-- login_failures (0002) is no longer written or read; it stays so a server of the previous version
-- still running during a rolling deploy keeps working, and a later migration drops it.
create table login_attempts (
  id    bigint generated always as identity primary key,
  scope text not null check (scope in ('username', 'address')),
  key   text not null check (length(key) between 1 and 200),
  at    timestamptz not null
);
create index login_attempts_key on login_attempts (scope, key, at);
