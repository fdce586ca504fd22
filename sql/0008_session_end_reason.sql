-- Why a session ended, so a 401 can say it in words ("your password was changed") and an app that
-- lost its session mid-action can tell the attendant why: signed_out (logout, on this or another
-- device), password_reset, disabled. Sessions that end by idling keep a null reason (their
-- last_seen_at says it); sessions ended before this migration read as signed_out.
alter table sessions add column end_reason text
  check (end_reason in ('signed_out', 'password_reset', 'disabled'));
