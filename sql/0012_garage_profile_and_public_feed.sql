-- What a garage is to the outside: where it is, and whether its occupancy is published in the
-- public feed (GET /api/public/occupancy, counts only). Not published unless a manager says so.
alter table garages
  add column address     text check (length(address) <= 200),
  add column lat         double precision check (lat between -90 and 90),
  add column lon         double precision check (lon between -180 and 180),
  add column public_feed boolean not null default false,
  add constraint garages_name_length check (length(name) between 1 and 80),
  add constraint garages_lat_lon_together check ((lat is null) = (lon is null));
