import type { GarageException } from '../shared/corrections.js';
import type { Discard } from '../shared/discards.js';
import type { AlertEpisode } from '../shared/alerts.js';

/**
 * What managers hear about without asking (Slack, when it is connected). Called after the change
 * has committed; an implementation never throws into the request (it logs its own failures) and
 * nothing depends on it having been heard: the record is in PostgreSQL either way.
 */
export type Alerts = {
  /** A paid exit was discarded on a phone: money was taken that a manager must account for. */
  paymentNeedsManager(discard: Discard): void;
  /** A void, refund or lost-ticket fee waiver waits for a manager's approval (Slack: Approve / Deny). */
  exceptionRequested?(exception: GarageException): void;
  /** A request was approved, denied or expired (Slack: its message is replaced by the decision). */
  exceptionDecided?(exception: GarageException): void;
  /**
   * An alert's episode began (a garage at 95% or full, tickets open too long, a shift with many voids and refunds, a summary not posted
   * for an hour, a public-feed garage unchanged for 6 hours, a shift closed with a cash variance beyond the garage's threshold or left open
   * 24 hours (unclosed) — opened by its close, ended by its reconciliation).
   */
  alertRaised?(episode: AlertEpisode): void;
  /** That episode ended (its message says so). */
  alertCleared?(episode: AlertEpisode): void;
};
