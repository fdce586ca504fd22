import type { FeeBreakdown } from '../../shared/fee.js';
import { localDateTime } from '../../shared/garage-day.js';
import { applyValidation } from '../../shared/pricing.js';
import type { Db } from '../db/types.js';
import { AppError } from '../http/app-error.js';
import { claimCodeUse, insertCodeUse, loadCode, type CodeState } from './queries.js';

/** Why a code cannot be used at `at`, in words an attendant can act on; null when it can. */
export function refusalOf(code: string, state: CodeState | null, at: Date, timeZone: string): string | null {
  if (!state) return `${code} is not a validation code of this garage: check the code, or charge without it`;
  if (at < state.validFrom) return `${code} (${state.merchant}) is valid from ${localDateTime(state.validFrom, timeZone)}: charge without it`;
  if (at >= state.validTo) return `${code} (${state.merchant}) expired at ${localDateTime(state.validTo, timeZone)}: charge without it`;
  if (state.maxUses !== null && state.uses >= state.maxUses) return `${code} (${state.merchant}) has no uses left (${state.uses} of ${state.maxUses}): charge without it`;
  return null;
}

const refused = (message: string, code: string) => new AppError('validation_refused', message, [{ validationCode: code }]);

/**
 * A validation on a quote: the fee with the code applied as it would be at `at`, without using it up
 * (409 validation_refused, with the reason, when it could not be used).
 */
export async function previewValidation(sql: Db, garageId: number, code: string, at: Date, timeZone: string, fee: FeeBreakdown, priceShorter: (minutes: number) => number): Promise<FeeBreakdown> {
  const state = await loadCode(sql, garageId, code);
  const why = refusalOf(code, state, at, timeZone);
  if (why || !state) throw refused(why!, code);
  return applyValidation(fee, { code, merchant: state.merchant, kind: state.kind, value: state.value }, priceShorter);
}

/**
 * A validation at a paid exit, inside its transaction: takes one use of the code (exactly one of
 * exits racing for its last use gets it; a retried exit replays through its idempotency key and never
 * takes a second), applies it to the fee, and returns the fee with a `record` step to run once the
 * ticket is completed. A code that cannot be used refuses the exit (409 validation_refused) and
 * nothing is written.
 */
export async function redeemValidation(
  tx: Db,
  garageId: number,
  code: string,
  at: Date,
  timeZone: string,
  fee: FeeBreakdown,
  priceShorter: (minutes: number) => number,
): Promise<{ fee: FeeBreakdown; record: (ticketId: number) => Promise<void> }> {
  const claimed = await claimCodeUse(tx, garageId, code, at);
  if (!claimed) throw refused(refusalOf(code, await loadCode(tx, garageId, code), at, timeZone) ?? `${code} could not be used: try again`, code);
  const validated = applyValidation(fee, { code, merchant: claimed.merchant, kind: claimed.kind, value: claimed.value }, priceShorter);
  return {
    fee: validated,
    record: (ticketId) => insertCodeUse(tx, { garageId, codeId: claimed.id, ticketId, discountCents: validated.validation!.discountCents, at }),
  };
}
