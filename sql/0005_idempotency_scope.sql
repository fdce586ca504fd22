-- Idempotency keys belong to whoever sent them: a door and a user (`api:user:7`, `pwa:user:7`,
-- `slack:slack:U0123`). One attendant's `Idempotency-Key` can then neither replay nor block another
-- user's or another door's request. Keys stored before this migration have the empty scope: no new
-- request matches them, and the hourly prune removes them after their 24 hours.
-- The answer is the use case's result (not an HTTP status and body): the door renders it.
alter table idempotency_keys add column scope text not null default '' check (length(scope) <= 200);
alter table idempotency_keys alter column scope drop default;
alter table idempotency_keys drop constraint idempotency_keys_pkey;
alter table idempotency_keys add primary key (garage_id, scope, key);
alter table idempotency_keys drop column status_code;
alter table idempotency_keys rename column response_body to result;
