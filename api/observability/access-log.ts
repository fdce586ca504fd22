import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../logger.js';

/**
 * One structured line per request with its request id (`X-Request-Id`): at debug level normally,
 * at warn for 5xx answers, so production logs stay quiet until something goes wrong.
 */
export function accessLog(log: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const status = c.res.status;
    // a receipt link's token is a credential: never written to the log
    const line = { reqId: c.get('requestId'), method: c.req.method, path: c.req.path.replace(/^\/r\/[^/]+/, '/r/…'), status, ms: Math.round((performance.now() - started) * 10) / 10 };
    if (status >= 500) log.warn(line, 'request failed');
    else log.debug(line, 'request');
  };
}
