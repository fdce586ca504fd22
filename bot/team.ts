import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { z } from 'zod';
import type { Logger } from '../api/logger.js';

const TeamFields = z.object({
  team_id: z.string().optional(),
  team: z.object({ id: z.string().optional() }).nullish(),
  user: z.object({ team_id: z.string().optional() }).nullish(),
});

/** The workspace a request comes from: `team_id` of a command, `team.id` (or the user's) of an action. */
export function teamOf(body: unknown): string | undefined {
  const fields = TeamFields.safeParse(body);
  if (!fields.success) return undefined;
  const { team_id, team, user } = fields.data;
  return team_id || team?.id || user?.team_id || undefined;
}

/** The answer a person from another workspace gets. */
export const OTHER_WORKSPACE_MESSAGE = 'This ParkOps is connected to another Slack workspace, so it does not take requests from yours.';

/**
 * Bolt middleware: with `SLACK_TEAM_ID` set, a request from any other workspace is acknowledged
 * with a plain refusal and goes no further.
 */
export function requireTeam(teamId: string | undefined, log: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const team = teamOf(args.body);
    if (!teamId || team === teamId) {
      await args.next();
      return;
    }
    log.warn({ team, expected: teamId }, 'slack request from another workspace refused');
    if ('command' in args) await args.ack({ response_type: 'ephemeral', text: OTHER_WORKSPACE_MESSAGE });
    else if ('ack' in args && args.ack) await args.ack();
  };
}
