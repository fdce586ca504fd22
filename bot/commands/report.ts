import { dailyReport } from '../../api/reports/daily.js';
import { resolveReportPeriod } from '../../api/reports/period.js';
import type { LocalDate } from '../../shared/garage-day.js';
import { weekBefore } from '../blocks/format.js';
import { buildDayReport } from '../blocks/report.js';
import type { Reply } from '../blocks/reply.js';
import type { SlackContext } from './context.js';
import { requireSlackAccess } from './access.js';

/**
 * `/park report [YYYY-MM-DD]` (managers): a day's figures of the channel's garage — the same `dailyReport` that answers
 * GET /api/reports/daily — with the change against the same weekday a week before. Default today;
 * the date is bounded as the API's (`resolveReportPeriod`: the garage's first day to tomorrow), and a
 * date outside is answered, only to the asker, with the dates it can have.
 */
export async function reportCommand(ctx: SlackContext, date: LocalDate | null): Promise<Reply> {
  requireSlackAccess(ctx, 'reports.read', 'see reports');
  const { sql, garageId } = ctx.deps;
  const now = ctx.deps.now();
  const { from: day } = await resolveReportPeriod(sql, garageId, { date: date ?? undefined }, now);
  const before = weekBefore(day);
  const [report, previous] = await Promise.all([dailyReport(sql, garageId, day, day, now), dailyReport(sql, garageId, before, before, now)]);
  return buildDayReport(report, previous, { title: 'Report', garage: ctx.garage.name, visibility: 'ephemeral' });
}
