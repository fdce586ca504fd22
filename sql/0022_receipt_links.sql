-- Receipt links: `/r/<token>` shows one paid ticket's receipt to whoever holds the link.
--
-- Invariants:
-- - the database never holds a token, only its sha256 (token_hash): a copy of the database gives no
--   working link without the server key;
-- - a ticket has at most one live (unrevoked) link (unique partial index), so minting is idempotent
--   across replicas: the token is derived from the server key and the row's salt (api/receipts/token.ts);
-- - a revoked link stays revoked (revoked_at is set once); minting again makes a new row, a new token.

create table receipt_links (
  id          integer generated always as identity primary key,
  garage_id   integer not null references garages (id),
  ticket_id   integer not null references tickets (id),
  salt        bytea not null check (length(salt) = 16),
  token_hash  bytea not null unique check (length(token_hash) = 32),
  created_at  timestamptz not null,
  created_by  text not null,
  revoked_at  timestamptz,
  revoked_by  text,
  check ((revoked_at is null) = (revoked_by is null))
);
create unique index receipt_links_one_live on receipt_links (ticket_id) where revoked_at is null;
create index receipt_links_garage on receipt_links (garage_id, created_at);

-- The server key that signs receipt tokens when RECEIPT_LINK_SECRET is not set: made once, by the
-- first server that needs it, and shared by every replica. One row for the whole installation (a
-- key, not a garage's data, hence no garage_id).
create table receipt_link_keys (
  id         smallint primary key check (id = 1),
  key        bytea not null check (length(key) = 32),
  created_at timestamptz not null default now()
);
