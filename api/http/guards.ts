import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { isStorableText } from '../../shared/strings.js';
import { AppError } from './app-error.js';

/** The largest request body the API reads. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Refuses bodies over 64 KB with 413, before anything reads them. */
export const limitBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new AppError('payload_too_large', `The body is larger than ${MAX_BODY_BYTES / 1024} KB`);
  },
});

/** What the API reads a body as: `application/json`, or any `+json` type, with or without parameters. */
const JSON_TYPE = /^application\/([\w.+-]*\+)?json\s*(;|$)/i;

/**
 * A body sent to the API must be JSON, declared as such: say so plainly (400) instead of reporting
 * missing fields or letting an undeclared body through to the validators. A POST without a body
 * (logout) needs no Content-Type; whether a body is there is read from the bytes themselves, since a
 * request may carry one without Content-Length (chunked) or none without saying so (curl -X POST).
 */
export const requireJsonBody: MiddlewareHandler = async (c, next) => {
  const method = c.req.method;
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    const type = c.req.header('content-type');
    if (type === undefined || !JSON_TYPE.test(type)) {
      // a declared non-JSON type is refused even when empty (the JSON validator would answer 415 to it)
      const bytes = type !== undefined ? 1 : c.req.raw.body === null ? 0 : (await c.req.arrayBuffer()).byteLength;
      if (bytes > 0) {
        throw new AppError('validation_failed', `Send the body as JSON with Content-Type: application/json${type === undefined ? '' : ` (got ${type.slice(0, 100)})`}`);
      }
    }
  }
  await next();
};

/** Where in a JSON value the first string (or key) holding a NUL is: `reason`, `items.2.note`; null when none. */
export function findNul(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path.join('.') || '(body)';
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNul(item, [...path, String(i)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) return [...path, key.replaceAll('\u0000', '\\u0000')].join('.');
      const found = findNul(item, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * No NUL character (U+0000) enters through any door of the API: PostgreSQL text and jsonb cannot
 * hold it, so one would fail in the database as a 500. The shared `Text` schemas refuse it field by
 * field; this refuses it for every route at once — in the path, a query parameter, or anywhere in a
 * JSON body — with a 400 naming where it was.
 */
export const refuseNul: MiddlewareHandler = async (c, next) => {
  const url = new URL(c.req.url);
  if (/%00/.test(url.pathname)) throw new AppError('validation_failed', 'The path must not contain NUL characters (%00)');
  for (const [name, value] of url.searchParams) {
    if (!isStorableText(name) || !isStorableText(value)) {
      throw new AppError('validation_failed', `${name.replaceAll('\u0000', '\\u0000')}: must not contain NUL characters (%00)`);
    }
  }
  const type = c.req.header('content-type');
  if (c.req.raw.body !== null && type !== undefined && JSON_TYPE.test(type)) {
    const text = await c.req.text();
    if (/\\u0000/i.test(text)) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined; // not JSON: the validator says so
      }
      const where = findNul(parsed);
      if (where !== null) throw new AppError('validation_failed', `${where}: must not contain NUL characters (\\u0000)`, [{ path: where, message: 'must not contain NUL characters (\\u0000)' }]);
    }
  }
  await next();
};
