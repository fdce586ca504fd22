import { z } from 'zod';

/** The error codes a client can switch on, with the HTTP status each one is answered with. */
export const errorStatus = {
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  garage_full: 409,
  vehicle_already_parked: 409,
  ticket_already_completed: 409,
  already_exists: 409,
  already_resolved: 409,
  ticket_not_active: 409,
  ticket_not_completed: 409,
  refund_exceeds_paid: 409,
  already_decided: 409,
  request_expired: 409,
  shift_already_open: 409,
  shift_not_open: 409,
  shift_required: 409,
  validation_refused: 409,
  payload_too_large: 413,
  idempotency_conflict: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

/** One of the error codes of `errorStatus`. */
export type ErrorCode = keyof typeof errorStatus;

/** The one shape of every non-2xx answer: `{ message, code, details? }`. */
export const ApiError = z
  .object({
    message: z.string().meta({ description: 'What went wrong, for a person to read', example: 'Garage is full — 140/140' }),
    code: z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]),
    details: z.array(z.unknown()).optional(),
  })
  .meta({ description: 'Error answer' });
export type ApiError = z.infer<typeof ApiError>;

/** One entry of `details` for a validation failure: which field, and what is wrong with it. */
export const FieldIssue = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof FieldIssue>;

/** Turns zod's issues into `{ path, message }` pairs a person can act on. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
}
