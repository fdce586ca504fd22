import type { Deps } from '../../api/deps.js';
import { AppError } from '../../api/http/app-error.js';
import type { Attribution } from '../../api/tickets/use-cases.js';
import { buildError, INTERNAL_ERROR_MESSAGE } from '../blocks/error.js';
import type { Reply } from '../blocks/reply.js';

/** Who asked, from which Slack request: what every command needs besides its arguments. */
export type SlackContext = {
  deps: Deps;
  /** The Slack user, e.g. `U0123ABCD`: the actor in the audit log. */
  userId: string;
  /** Unique per command or click; a retried delivery carries the same one (idempotency). */
  triggerId: string | undefined;
  /** The slash command as typed in this workspace, for examples in answers. */
  command: string;
};

/** The Slack user as the audit log records them. */
export function attribution(ctx: SlackContext): Attribution {
  return { actor: `slack:${ctx.userId}`, source: 'slack' };
}

/**
 * Turns a failure into the ephemeral answer the person sees: an expected refusal with its own
 * message ("Garage is full — 140/140"), anything else logged and answered with an apology.
 */
export function replyToFailure(ctx: SlackContext, error: unknown, what: string): Reply {
  if (error instanceof AppError) return buildError(error.message);
  ctx.deps.log.error({ err: error, slackUser: ctx.userId, what }, 'slack command failed');
  return buildError(INTERNAL_ERROR_MESSAGE);
}
