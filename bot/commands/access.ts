import { AppError } from '../../api/http/app-error.js';
import { decideAccess, type Action } from '../../shared/auth.js';
import type { SlackContext } from './context.js';

const roleNames = { attendant: 'attendants', manager: 'managers', admin: 'admins' } as const;

/**
 * Refuses unless the Slack user's linked staff account may do `action` — the one permission rule
 * (`decideAccess`, shared/auth.ts) that the HTTP access table asks too. The refusal says what is
 * missing and what to do about it; `doing` says what was asked in the sentence ("see reports").
 */
export function requireSlackAccess(ctx: Pick<SlackContext, 'staff' | 'userId'>, action: Action, doing: string): void {
  const user = ctx.staff;
  const decision = decideAccess(user, action);
  if (decision.ok) return;
  const who = roleNames[decision.needed];
  switch (decision.reason) {
    case 'no_account':
      throw new AppError(
        'forbidden',
        `Only ${who} can ${doing}, and your Slack account (${ctx.userId}) is not linked to a ParkOps staff account. Ask an admin to add your Slack user id to your account.`,
      );
    case 'disabled':
      throw new AppError('forbidden', `Your ParkOps account (${user?.username}) is disabled, so you cannot ${doing}.`);
    case 'role':
      throw new AppError('forbidden', `Only ${who} can ${doing}; your ParkOps account (${user?.username}) is an ${decision.role}.`);
  }
}
