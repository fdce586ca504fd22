-- The spaces held for reservations or permit holders, counted for the dashboard and the public feed
-- (a few per garage) without reading its other spaces.
create index spaces_held on spaces (garage_id) where held_for is not null;
