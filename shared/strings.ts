import { z } from 'zod';

/** True when a string can be stored as PostgreSQL text, which cannot hold the NUL character (U+0000). */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000');
}

/**
 * A string input, bounded at the door: at most `max` characters and no NUL. Every string a client
 * sends (a body field, a query filter) is one of these, so none can reach PostgreSQL and fail there.
 * @example Text(100, 'actor').parse('user:1') // 'user:1'
 */
export function Text(max: number, name = 'This text') {
  return z
    .string()
    .max(max, `${name} is at most ${max} characters`)
    .refine(isStorableText, `${name} must not contain NUL characters (\\u0000)`);
}
