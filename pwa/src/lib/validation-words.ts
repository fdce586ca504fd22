import { formatCents } from '../../../shared/format.js';
import type { ValidationCode, ValidationKind } from '../../../shared/validations.js';

/**
 * What a validation code gives, in words.
 * @example validationWords('percent', 50) // '50% off'
 */
export function validationWords(kind: ValidationKind, value: number): string {
  switch (kind) {
    case 'minutes':
      return value % 60 === 0 ? `${value / 60} h free` : `${value} min free`;
    case 'amount':
      return `${formatCents(value)} off`;
    case 'percent':
      return `${value}% off`;
    case 'flat':
      return `the stay costs at most ${formatCents(value)}`;
  }
}

/**
 * Whether a code can be used at `now`: not yet, usable, ended, or used up.
 * @example codeState(code, new Date()) // 'usable'
 */
export function codeState(code: Pick<ValidationCode, 'validFrom' | 'validTo' | 'maxUses' | 'uses'>, now: Date): 'not_yet' | 'usable' | 'ended' | 'used_up' {
  if (Date.parse(code.validTo) <= now.getTime()) return 'ended';
  if (code.maxUses !== null && code.uses >= code.maxUses) return 'used_up';
  if (Date.parse(code.validFrom) > now.getTime()) return 'not_yet';
  return 'usable';
}

/** A code's uses in words. @example usesWords(3, 100) // '3 of 100 uses' */
export function usesWords(uses: number, maxUses: number | null): string {
  return maxUses === null ? `${uses} ${uses === 1 ? 'use' : 'uses'} (no limit)` : `${uses} of ${maxUses} uses`;
}
