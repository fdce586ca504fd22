import type { z } from 'zod';
import { FieldIssue } from '../../../shared/errors.js';
import { ApiFailure } from './api.js';
import { describeFailure } from './failure-text.js';

/** Sentences by field path (`validTo`, `plates`); `''`: what is wrong with the whole form. */
export type Issues = Record<string, string>;

/**
 * A refused request's field sentences by path (the server's `details`), and its sentence for the
 * whole form under `''` (`whole`: always, else only when no field is named).
 * @example refusalOf(new ApiFailure(400, 'validation_failed', 'to: in the past', [{ path: 'to', message: 'in the past' }])) // { to: 'in the past' }
 */
export function refusalOf(failure: unknown, { whole = false } = {}): Issues {
  const byPath: Issues = {};
  if (failure instanceof ApiFailure && failure.code === 'validation_failed') {
    for (const d of failure.details) {
      const issue = FieldIssue.safeParse(d);
      if (issue.success) byPath[issue.data.path] ??= issue.data.message;
    }
  }
  if (whole || Object.keys(byPath).length === 0) byPath[''] = failure instanceof ApiFailure ? failure.message : describeFailure(failure);
  return byPath;
}

/** A failed parse of a shared schema as sentences by path (the first issue of each). */
export function issuesOf(error: z.ZodError): Issues {
  const found: Issues = {};
  for (const i of error.issues) found[i.path.join('.')] ??= i.message;
  return found;
}
