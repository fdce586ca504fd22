import type { Discard } from '../shared/discards.js';

/**
 * What managers hear about without asking (Slack, when it is connected). Called after the change
 * has committed; an implementation never throws into the request (it logs its own failures) and
 * nothing depends on it having been heard: the record is in PostgreSQL either way.
 */
export type Alerts = {
  /** A paid exit was discarded on a phone: money was taken that a manager must account for. */
  paymentNeedsManager(discard: Discard): void;
};
