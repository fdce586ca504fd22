import type { Deps } from '../../api/deps.js';
import { AppError } from '../../api/http/app-error.js';
import type { UserRow } from '../../api/users/queries.js';
import type { Attribution } from '../../shared/auth.js';
import { buildError, INTERNAL_ERROR_MESSAGE } from '../blocks/error.js';
import type { RequestGarage } from '../blocks/garage.js';
import type { Reply } from '../blocks/reply.js';

/** The app's dependencies as a Slack request starts with them: no garage yet (its channel decides it). */
export type SlackDeps = Omit<Deps, 'garageId'>;

/** Who asked, from which Slack request, before the garage it acts on is known. */
export type SlackRequest = {
  deps: SlackDeps;
  /** The Slack user, e.g. `U0123ABCD`: the actor in the audit log. */
  userId: string;
  /** Unique per command or click; a retried delivery carries the same one (idempotency). */
  triggerId: string | undefined;
  /** The slash command as typed in this workspace, for examples in answers. */
  command: string;
  /** The conversation it was typed in (`C…`, `G…`, `D…`), as Slack sent it; unchecked. */
  channelId: string | undefined;
};

/**
 * A request with the garage it acts on (resolved once, by `inRequestGarage`): `deps.garageId` is
 * that garage, so every use case called with `ctx.deps` acts on it.
 */
export type SlackContext = Omit<SlackRequest, 'deps'> & {
  deps: Deps;
  garage: RequestGarage;
  /** The ParkOps staff account linked to the Slack user, if any. */
  staff: UserRow | null;
};

/** The app's dependencies without the deployment's garage, for a Slack request to start from. */
export function slackDeps(deps: Deps): SlackDeps {
  const { garageId: _deploymentGarage, ...rest } = deps;
  return rest;
}

/** The Slack user as the audit log records them. */
export function attribution(ctx: Pick<SlackRequest, 'userId'>): Attribution {
  return { actor: `slack:${ctx.userId}`, source: 'slack' };
}

/**
 * The idempotency key of this Slack request: its trigger id, which a re-sent delivery carries
 * again, named by what it does (`enter`, `exit`, `pay`). Keys are scoped to the Slack user, so no
 * other person or door can replay or block it.
 */
export function requestKey(ctx: Pick<SlackRequest, 'triggerId'>, what: string): string | undefined {
  return ctx.triggerId ? `${what}:${ctx.triggerId}` : undefined;
}

/**
 * Turns a failure into the ephemeral answer the person sees: an expected refusal with its own
 * message ("Garage is full — 140/140"), anything else logged and answered with an apology.
 */
export function replyToFailure(ctx: Pick<SlackRequest, 'deps' | 'userId'>, error: unknown, what: string): Reply {
  if (error instanceof AppError) return buildError(error.message);
  ctx.deps.log.error({ err: error, slackUser: ctx.userId, what }, 'slack command failed');
  return buildError(INTERNAL_ERROR_MESSAGE);
}

/** A button click as a request: who clicked, its trigger id, and the conversation it came from. */
export function clickRequest(deps: Deps, body: { user: { id: string }; trigger_id?: string | undefined; channel?: { id: string } | undefined; container?: { channel_id?: string } | undefined }): SlackRequest {
  return {
    deps: slackDeps(deps), // read per request: the composition root wires `deps.alerts` after building the app
    userId: body.user.id,
    triggerId: body.trigger_id,
    command: '/park',
    channelId: body.channel?.id ?? body.container?.channel_id,
  };
}
