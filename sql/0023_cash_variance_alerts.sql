-- A shift that needs a manager becomes an alert episode (see shared/alerts.ts, cashVarianceDue):
-- - cash_variance, subject = the shift id: a shift closed with a cash variance beyond its garage's
--   cash_variance_alert_cents, or closed by the server as unclosed, until a manager reconciles it.
--   The close opens it in its own transaction; the reconciliation clears it in its own.
-- Shifts that ended 7 days ago or more start none (so an upgrade does not announce every old
-- unreconciled shift at once). The invariants of 0020 hold: one open episode per garage, kind and
-- subject; a muted kind is recorded, not announced.

alter table alert_episodes drop constraint alert_episodes_kind_check;
alter table alert_episodes add constraint alert_episodes_kind_check
  check (kind in ('occupancy_high', 'garage_full', 'stale_tickets', 'shift_corrections', 'summary_unposted', 'feed_stale', 'cash_variance'));

-- the minute's check reads the shifts still waiting for a manager, not every shift ever closed
create index shifts_unreconciled on shifts (closed_at) where status <> 'open' and reconciled_at is null;
