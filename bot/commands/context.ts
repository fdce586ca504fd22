import type { Deps } from '../../api/deps.js';
import { AppError } from '../../api/http/app-error.js';
import type { Attribution } from '../../shared/auth.js';
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
 * The idempotency key of this Slack request: its trigger id, which a re-sent delivery carries
 * again, named by what it does (`enter`, `exit`, `pay`). Keys are scoped to the Slack user, so no
 * other person or door can replay or block it.
 */
export function requestKey(ctx: SlackContext, what: string): string | undefined {
  return ctx.triggerId ? `${what}:${ctx.triggerId}` : undefined;
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
