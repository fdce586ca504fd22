import { ApiFailure, NetworkFailure } from './api.js';

/** What to say about a typed plate that is not one (the phone's own words, US spelling). */
export const PLATE_PROBLEM = 'A license plate is 2 to 10 letters and digits (spaces and dashes are ignored).';

/** What to tell a person about an error the server answered with: what went wrong and what to do. */
export function describeRefusal(refusal: { code: string; message: string }): string {
  switch (refusal.code) {
    case 'unauthorized':
      return 'Your session has ended. Sign in again; what you typed is kept.';
    case 'forbidden':
      return "Your role can't do this. Ask a manager.";
    case 'garage_full':
      return `${refusal.message}. No car can enter until one leaves.`;
    case 'rate_limited':
      return `${refusal.message} Wait a little, then try again.`;
    case 'internal':
    case 'unavailable':
      return `${refusal.message} If it keeps happening, tell a manager.`;
    default:
      return refusal.message;
  }
}

/** What to tell a person about a failed request: what went wrong and what to do now. */
export function describeFailure(error: unknown): string {
  if (error instanceof NetworkFailure) return "Can't reach the server. Check the signal (Wi-Fi or mobile data) and try again.";
  if (error instanceof ApiFailure) return describeRefusal(error);
  return `Something went wrong on this phone: ${error instanceof Error ? error.message : String(error)}. Reload the app.`;
}

/** True for the refusal of cash from someone with no open shift (the garage's `requireShiftForCash`): the Shift screen is the way out. */
export function needsOpenShift(refusal: { code: string } | null | undefined): boolean {
  return refusal?.code === 'shift_required';
}

/**
 * What to do about a refused outbox item that needed an open shift. An exit is checked at the time
 * it was taken, so a shift opened now does not cover it; a refund or waiver is checked when it is sent.
 */
export function openShiftAdvice(kind: string): string {
  return kind === 'exit'
    ? 'A shift opened now covers cash from now on, not this payment: if Retry is refused again, hand it to a manager.'
    : 'Open your shift, then Retry.';
}
