import { OpenAPIHono, type Hook } from '@hono/zod-openapi';
import type { AppEnv } from './env.js';
import { z } from 'zod';
import { ApiError, describeIssues } from '../../shared/errors.js';
import { AppError } from './app-error.js';

/** Turns a failed validation into the one 400 answer, naming each field. */
const validationHook: Hook<unknown, any, any, unknown> = (result) => {
  if (!result.success) {
    const details = describeIssues(result.error.issues);
    const first = details[0];
    throw new AppError('validation_failed', first ? `${first.path}: ${first.message}` : 'Invalid request', details);
  }
};

/** A sub-app for one resource, validating with the shared zod schemas. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

/** A required JSON request body. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { content: { 'application/json': { schema } }, required: true } as const;
}

/** A JSON response. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description } as const;
}

const errorDescriptions: Record<number, string> = {
  400: 'Invalid input',
  401: 'Not signed in',
  403: 'Not allowed for this role',
  404: 'Not found',
  409: 'Conflict with the garage state',
  422: 'Idempotency-Key reused with another request',
  429: 'Too many attempts',
  503: 'Database unreachable',
};

/** The error answers a route may give, by status. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, jsonResponse(ApiError, errorDescriptions[s] ?? 'Error')]));
}

/** The `Idempotency-Key` request header as the OpenAPI document describes it (read with `idempotencyKey`). */
export const IdempotencyHeader = z.object({
  'idempotency-key': z.string().optional().meta({
    description: "Makes retries safe: the same key and body within 24 h replay the first answer. Keys are the sender's own: another user's, or the same user's through another door (app, API, Slack), never match",
  }),
});

/** The `Idempotency-Key` header of a request, validated (1..255 characters) when present. */
export function idempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (header.length < 1 || header.length > 255) {
    throw new AppError('validation_failed', 'Idempotency-Key must be 1 to 255 characters');
  }
  return header;
}


/** The largest id an `integer` (int4) column holds. */
export const MAX_ROW_ID = 2_147_483_647;

/**
 * The id of a row in the path (`/api/users/{id}`): a whole number 1..2147483647, so an id past
 * int4 is a 400 here and never an overflow in PostgreSQL.
 * @example createRoute({ …, request: { params: z.object({ id: rowId('user') }) } })
 */
export function rowId(what: string) {
  const message = `A ${what} id is a whole number from 1 to ${MAX_ROW_ID}`;
  return z.coerce.number().int(message).min(1, message).max(MAX_ROW_ID, message).meta({ example: 12 });
}
