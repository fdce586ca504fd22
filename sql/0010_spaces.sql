-- Capacity without a queue: a row per space. An entry claims a free space with
-- `for update skip locked` (entries of one garage no longer wait for each other, and the cost does
-- not grow with the cars inside); its exit releases it. Occupancy is still derived, never counted:
-- a space is taken exactly while an active ticket holds it, which the constraints below make the
-- only possible state:
-- - an active ticket always holds a space (check), a real one of its garage (foreign key);
-- - no two active tickets hold one space (unique index);
-- - a space points back to the ticket holding it (spaces.ticket_id, unique), kept by the use cases
--   in the same transaction; a property test checks both sides agree.
-- Spaces 1..total_spaces are open. Shrinking below the cars inside is allowed (the garage shows
-- full until enough leave): the cars left in closed spaces are "over capacity", and a free open
-- space may exist only while no car is: a resize moves those cars into free open spaces, and an
-- exit that frees an open space hands it to one of them. So an entry, which only takes a free open
-- space, can never put more cars in than there are spaces.
-- Room for what comes next: permits, reservations and several garages are kinds of spaces.
create table spaces (
  garage_id integer not null references garages (id),
  number    integer not null check (number between 1 and 100000),
  open      boolean not null default true,
  ticket_id integer unique,
  primary key (garage_id, number)
);
-- where an entry looks for a free space: only free, open ones, lowest number first
create index spaces_free on spaces (garage_id, number) where open and ticket_id is null;
-- cars parked over capacity (in closed spaces), looked for at each exit
create index spaces_over_capacity on spaces (garage_id, number) where not open and ticket_id is not null;

-- Keeps spaces 1..total_spaces open, the rest closed, and moves cars parked over capacity into
-- free open spaces. Locks those cars' tickets before any space, as an exit does (no deadlock).
-- Resizes are rare: holding every space of the garage meanwhile is the price of exactness.
create function sync_garage_spaces() returns trigger language plpgsql as $$
declare
  car record;
  free_number integer;
begin
  insert into spaces (garage_id, number)
    select new.id, n from generate_series(1, new.total_spaces) as n
    on conflict do nothing;
  -- the cars that will be over capacity first, then every space: an exit that frees a space waits
  -- for the resize, and then sees the cars it must hand that space to
  perform 1 from tickets t join spaces s on s.ticket_id = t.id
    where s.garage_id = new.id and s.number > new.total_spaces
    order by t.id for update of t;
  perform 1 from spaces where garage_id = new.id order by number for update;
  update spaces set open = (number <= new.total_spaces)
    where garage_id = new.id and open is distinct from (number <= new.total_spaces);
  for car in
    select number, ticket_id from spaces
    where garage_id = new.id and not open and ticket_id is not null
    order by number desc
  loop
    select number into free_number from spaces
      where garage_id = new.id and open and ticket_id is null
      order by number limit 1 for update;
    exit when free_number is null;
    update spaces set ticket_id = null where garage_id = new.id and number = car.number;
    update spaces set ticket_id = car.ticket_id where garage_id = new.id and number = free_number;
    update tickets set space_number = free_number where id = car.ticket_id;
  end loop;
  return null;
end $$;

create trigger garages_sync_spaces after insert or update of total_spaces on garages
  for each row execute function sync_garage_spaces();

-- spaces for the garages that exist, enough for the cars already inside
insert into spaces (garage_id, number, open)
  select g.id, n, n <= g.total_spaces
  from garages g,
    generate_series(1, greatest(g.total_spaces, (select count(*) from tickets t where t.garage_id = g.id and t.status = 'active'))::int) as n;

alter table tickets add column space_number integer;
-- the cars inside take spaces 1, 2, … in the order they came in
update tickets t set space_number = a.n
  from (select id, row_number() over (partition by garage_id order by entry_time, id) as n from tickets where status = 'active') a
  where t.id = a.id;
update spaces s set ticket_id = t.id from tickets t
  where t.status = 'active' and t.garage_id = s.garage_id and t.space_number = s.number;

alter table tickets add constraint tickets_active_holds_space check (status <> 'active' or space_number is not null);
alter table tickets add constraint tickets_space_fk foreign key (garage_id, space_number) references spaces (garage_id, number);
alter table spaces add constraint spaces_ticket_fk foreign key (ticket_id) references tickets (id);
create unique index tickets_one_active_per_space on tickets (garage_id, space_number) where status = 'active';
