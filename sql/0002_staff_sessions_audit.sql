-- Staff accounts, their sessions, and the audit log of every change and login.

create table users (
  id            integer generated always as identity primary key,
  username      text not null unique check (username ~ '^[a-z0-9._-]{3,40}$'),
  password_hash text not null,
  role          text not null check (role in ('attendant', 'manager', 'admin')),
  disabled      boolean not null default false,
  slack_user_id text unique,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);

-- a session is known by the sha-256 of its token; the token itself is never stored
create table sessions (
  token_hash    text primary key,
  user_id       integer not null references users (id),
  created_at    timestamptz not null default now(),
  last_seen_at  timestamptz not null default now(),
  ended_at      timestamptz
);
create index sessions_user on sessions (user_id) where ended_at is null;

create table audit_log (
  id        bigint generated always as identity primary key,
  garage_id integer references garages (id),
  at        timestamptz not null default now(),
  actor     text not null,
  source    text not null check (source in ('pwa', 'api', 'slack', 'system')),
  action    text not null,
  subject   text,
  details   jsonb not null default '{}'
);
create index audit_log_at on audit_log (at desc);
create index audit_log_actor on audit_log (actor, at desc);
create index audit_log_action on audit_log (action, at desc);

-- failed logins by username, for throttling (kept apart from the audit log so it stays small)
create table login_failures (
  username text not null,
  at       timestamptz not null default now()
);
create index login_failures_username on login_failures (username, at desc);
