import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
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

/** A body sent to the API must be JSON; say so plainly instead of reporting missing fields. */
export const requireJsonBody: MiddlewareHandler = async (c, next) => {
  const method = c.req.method;
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    const type = c.req.header('content-type');
    const hasBody = c.req.header('content-length') !== '0' && c.req.raw.body !== null;
    if (hasBody && type !== undefined && !/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
      throw new AppError('validation_failed', `Send JSON with Content-Type: application/json (got ${type})`);
    }
  }
  await next();
};
