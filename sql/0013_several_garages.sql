-- Several garages: which garages each user may use and which one the seed's paths act on for them,
-- the Slack channels linked to a garage, and each garage's managers' channel.
--
-- Invariants:
-- - a user's default garage is one they may use (a foreign key into user_garages; removing that
--   garage from the user clears the default, and the first of their garages is used);
-- - admins may use every garage whatever rows they have here (decided in code: api/garages/access.ts);
-- - a Slack channel is linked to at most one garage.

create table user_garages (
  user_id   integer not null references users (id),
  garage_id integer not null references garages (id),
  primary key (user_id, garage_id)
);
create index user_garages_garage on user_garages (garage_id);

-- every existing user may use the garage that existed before (there was one)
insert into user_garages (user_id, garage_id)
select u.id, g.id from users u cross join (select min(id) as id from garages) g where g.id is not null;

alter table users add column default_garage_id integer;
alter table users add constraint users_default_garage_usable
  foreign key (id, default_garage_id) references user_garages (user_id, garage_id) on delete set null (default_garage_id);

alter table garages
  add column slack_managers_channel text check (slack_managers_channel ~ '^[CG][A-Z0-9]{2,30}$');

create table slack_channel_links (
  channel_id text primary key check (channel_id ~ '^[CGD][A-Z0-9]{2,30}$'),
  garage_id  integer not null references garages (id),
  linked_by  text not null,
  linked_at  timestamptz not null
);
create index slack_channel_links_garage on slack_channel_links (garage_id);

-- the audit log is read per garage, newest first
create index audit_log_garage on audit_log (garage_id, id desc);
