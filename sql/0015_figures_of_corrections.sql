-- The books of corrections in each stored period: the refunds made in it (the day the money went
-- back) in total and by method, how many, and the voids, corrections and lost tickets of it. Rows
-- stored before corrections existed had none of them: 0 is exact for those.
alter table period_figures
  add column refunds           numeric not null default 0 check (refunds >= 0),
  add column refunds_by_method jsonb not null default '{}',
  add column refund_count      integer not null default 0,
  add column voids             integer not null default 0,
  add column corrections       integer not null default 0,
  add column lost_tickets      integer not null default 0;
