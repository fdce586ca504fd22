import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError, ErrorCode } from '../../shared/errors.js';
import { AppError } from './app-error.js';
import { unavailableError, type DatabaseCircuit } from './circuit.js';
import type { Logger } from '../logger.js';

/** Answers with the one error shape. */
export function sendError(c: Context, error: AppError): Response {
  const body: ApiError = { message: error.message, code: error.code };
  if (error.details) body.details = error.details;
  for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
  return c.json(body, error.status as ContentfulStatusCode);
}

const httpExceptionCodes: Partial<Record<number, ErrorCode>> = {
  400: 'validation_failed',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  429: 'rate_limited',
};

/** Connection-level failures (database down, restarting, unreachable), as postgres.js and Node report them. */
const UNAVAILABLE = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN',
  'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT', '57P01', '57P02', '57P03', '53300',
]);

/** True when an error means "the database cannot be reached right now", not a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (UNAVAILABLE.has(code) || code.startsWith('08'));
}

/**
 * The app's one error handler: expected failures as 4xx, the database out of reach as 503 (and
 * told to the circuit, so the next requests are answered at once), anything else logged and answered 500.
 */
export function errorHandler(log: Logger, circuit?: DatabaseCircuit): ErrorHandler {
  return (error, c) => {
    if (error instanceof AppError) return sendError(c, error);
    if (error instanceof HTTPException && httpExceptionCodes[error.status]) {
      const message = error.status === 400 && /JSON/i.test(error.message) ? 'The body is not valid JSON' : error.message;
      return sendError(c, new AppError(httpExceptionCodes[error.status]!, message || 'Bad request'));
    }
    if (isDatabaseUnavailable(error)) {
      log.warn({ err: error, reqId: c.get('requestId'), method: c.req.method, path: c.req.path }, 'database unavailable');
      circuit?.failed(error);
      return sendError(c, unavailableError());
    }
    log.error({ err: error, reqId: c.get('requestId'), method: c.req.method, path: c.req.path }, 'unhandled error');
    return sendError(c, new AppError('internal', 'Something went wrong on our side; it has been logged. Try again.'));
  };
}

/** Unknown `/api` paths: 404 in the one error shape. */
export const apiNotFound: NotFoundHandler = (c) =>
  sendError(c, new AppError('not_found', `No such API endpoint: ${c.req.method} ${c.req.path}`));
