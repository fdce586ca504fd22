import { ApiFailure, NetworkFailure } from './api.js';
import { describeFailure } from './failure-text.js';

/** What the Shift screen says offline: shifts are never queued on the phone. */
export const SHIFT_NEEDS_CONNECTION = 'Opening and closing a shift needs a connection.';

/** What to tell a person when a shift action failed: offline in plain words, else the usual sentence. */
export function describeShiftFailure(failure: unknown): string {
  if (failure instanceof NetworkFailure) return `${SHIFT_NEEDS_CONNECTION} Nothing was saved; try again when the phone has a signal.`;
  if (failure instanceof ApiFailure && failure.code === 'shift_not_open') return `${failure.message}. Reload the shift to see where it stands.`;
  return describeFailure(failure);
}
