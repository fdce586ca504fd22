import { ApiFailure } from './api.js';
import { refusalOf, type Issues } from './refusal-fields.js';

/**
 * A refused request's sentences by field, each in the server's words: when it names one field, its
 * whole message without the `path: ` it starts with (that is the full sentence: "there is no garage
 * 9", not "unknown garage"); else each field's own message. `''`: a refusal of the whole form.
 * @example fieldRefusals(new ApiFailure(400, 'validation_failed', 'slackUserId: A Slack user id looks like U0123ABCD', [{ path: 'slackUserId', message: 'A Slack user id looks like U0123ABCD' }])) // { slackUserId: 'A Slack user id looks like U0123ABCD' }
 */
export function fieldRefusals(failure: unknown): Issues {
  const byPath = refusalOf(failure);
  const fields = Object.keys(byPath).filter((p) => p !== '');
  if (fields.length === 1 && failure instanceof ApiFailure) {
    const path = fields[0]!;
    const text = failure.message.startsWith(`${path}: `) ? failure.message.slice(path.length + 2) : failure.message;
    byPath[path] = text.charAt(0).toUpperCase() + text.slice(1);
  }
  return byPath;
}
