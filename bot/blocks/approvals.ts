import type { GarageException } from '../../shared/corrections.js';
import { asked, decisionButtons, reasonWords, type ExceptionGarage } from './exception.js';
import { formatWhen } from './format.js';
import { personOf } from './person.js';
import { context, escapeText, header, section, type Reply } from './reply.js';

/** How many requests one `/park approvals` answer lists (each with its buttons; Slack allows 50 blocks). */
export const LISTED_REQUESTS = 10;

/**
 * `/park approvals`: a garage's requests that wait, each with Approve / Deny (only the asker sees
 * it); `notice` says first what a click just did, `more` that more wait than are shown.
 */
export function buildExceptionList(
  waiting: GarageException[],
  garage: ExceptionGarage,
  now: Date,
  options: { notice?: string; more?: boolean; replaceOriginal?: boolean } = {},
): Reply {
  const when = (instant: string) => formatWhen(instant, now, garage.timezone);
  const top = [...(options.notice ? [section(options.notice)] : [])];
  const replace = options.replaceOriginal ? { replace_original: true } : {};
  if (waiting.length === 0) {
    return {
      response_type: 'ephemeral',
      ...replace,
      text: `No requests wait for a manager at ${garage.name}.`,
      blocks: [...top, section(`No requests wait for a manager at *${escapeText(garage.name)}*.`)],
    };
  }
  const items = waiting.flatMap((e) => [
    section(
      `*#${e.id}* ${asked(e)}\n${escapeText(reasonWords(e.reason))}${e.note ? `: _${escapeText(e.note)}_` : ''} · asked by ${personOf(e.requestedBy, e.requestedByName)} at ${when(e.requestedAt)} · until ${when(e.expiresAt)}`,
    ),
    decisionButtons(e, { list: true }),
  ]);
  return {
    response_type: 'ephemeral',
    ...replace,
    text: `${waiting.length}${options.more ? '+' : ''} requests wait for a manager at ${garage.name}`,
    blocks: [
      header(`Requests waiting — ${garage.name}`),
      ...top,
      ...items,
      context(`${options.more ? 'The newest shown; more wait (the app lists them all). ' : ''}The first decision counts, wherever it is made.`),
    ],
  };
}
