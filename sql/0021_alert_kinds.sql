-- Two more kinds of alert episode (see shared/alerts.ts, alertsDue):
-- - summary_unposted: a garage's daily summary still not posted an hour after it became due;
-- - feed_stale: a garage in the public feed whose cars inside have not changed for 6 hours while open.
-- Both keep the invariants of 0020: one open episode per garage, kind and subject; muted kinds recorded.

alter table alert_episodes drop constraint alert_episodes_kind_check;
alter table alert_episodes add constraint alert_episodes_kind_check
  check (kind in ('occupancy_high', 'garage_full', 'stale_tickets', 'shift_corrections', 'summary_unposted', 'feed_stale'));
