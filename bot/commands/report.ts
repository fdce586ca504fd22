import { loadUserBySlackId } from '../../api/auth/queries.js';
import { AppError } from '../../api/http/app-error.js';
import { dailyReport } from '../../api/reports/daily.js';
import { hasRole } from '../../shared/auth.js';
import { localDate, type LocalDate } from '../../shared/garage-day.js';
import { weekBefore } from '../blocks/format.js';
import { buildDayReport } from '../blocks/report.js';
import type { Reply } from '../blocks/reply.js';
import type { SlackContext } from './context.js';
import { garageTimezone } from './lookup.js';

/**
 * Refuses unless the Slack user is linked to an enabled staff account with the manager or admin
 * role; the refusal says which of those is missing and what to do about it.
 */
export async function requireManager(ctx: SlackContext, what: string): Promise<void> {
  const user = await loadUserBySlackId(ctx.deps.sql, ctx.userId);
  if (!user) {
    throw new AppError(
      'forbidden',
      `Only managers can see ${what}, and your Slack account (${ctx.userId}) is not linked to a ParkOps staff account. Ask an admin to add your Slack user id to your account.`,
    );
  }
  if (user.disabled) throw new AppError('forbidden', `Your ParkOps account (${user.username}) is disabled, so you cannot see ${what}.`);
  if (!hasRole(user.role, 'manager')) {
    throw new AppError('forbidden', `Only managers can see ${what}; your ParkOps account (${user.username}) is an ${user.role}.`);
  }
}

/**
 * `/park report [YYYY-MM-DD]` (managers): a day's figures — the same `dailyReport` that answers
 * GET /api/reports/daily — with the change against the same weekday a week before. Default today.
 */
export async function reportCommand(ctx: SlackContext, date: LocalDate | null): Promise<Reply> {
  await requireManager(ctx, 'reports');
  const { sql, garageId } = ctx.deps;
  const now = ctx.deps.now();
  const day = date ?? localDate(now, await garageTimezone(ctx.deps));
  const before = weekBefore(day);
  const [report, previous] = await Promise.all([dailyReport(sql, garageId, day, day, now), dailyReport(sql, garageId, before, before, now)]);
  return buildDayReport(report, previous, { title: 'Report', visibility: 'ephemeral' });
}
