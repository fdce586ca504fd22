import { createRoute } from '@hono/zod-openapi';
import { addDays, localDate } from '../../shared/garage-day.js';
import { DailyReport, MAX_REPORT_DAYS, ReportQuery } from '../../shared/reports.js';
import type { Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { loadSettings } from '../garage/queries.js';
import { createRouter, errorResponses, jsonResponse } from '../http/openapi.js';
import { reportCsv } from './csv.js';
import { dailyReport } from './daily.js';

const daily = createRoute({
  method: 'get',
  path: '/daily',
  operationId: 'getDailyReport',
  summary: "One day's figures in the garage's timezone (default today), or a range with from and to",
  request: { query: ReportQuery },
  responses: {
    200: {
      description: 'The report (JSON, or CSV with format=csv)',
      content: { 'application/json': { schema: DailyReport }, 'text/csv': { schema: { type: 'string' } } },
    },
    ...errorResponses(400, 401, 403),
  },
});

/** Which local dates a report query asks for, or a 400 saying what is wrong with it. */
export function reportPeriod(q: { date?: string | undefined; from?: string | undefined; to?: string | undefined }, today: string) {
  if (q.date && (q.from || q.to)) throw new AppError('validation_failed', 'Ask for either date, or from and to — not both');
  if (!q.date && Boolean(q.from) !== Boolean(q.to)) throw new AppError('validation_failed', 'A range needs both from and to (YYYY-MM-DD)');
  const from = q.date ?? q.from ?? today;
  const to = q.date ?? q.to ?? today;
  if (to < from) throw new AppError('validation_failed', `to (${to}) is before from (${from})`);
  if (addDays(from, MAX_REPORT_DAYS - 1) < to) throw new AppError('validation_failed', `A report covers at most ${MAX_REPORT_DAYS} days`);
  return { from, to };
}

/** /api/reports */
export function reportRoutes(deps: Deps) {
  /** GET /api/reports/daily?date=YYYY-MM-DD | ?from=&to= [&format=csv] */
  return createRouter().openapi(daily, async (c) => {
    const q = c.req.valid('query');
    const settings = await loadSettings(deps.sql, deps.garageId);
    if (!settings) throw new Error(`garage ${deps.garageId} does not exist`);
    const now = deps.now();
    const { from, to } = reportPeriod(q, localDate(now, settings.timezone));
    const report = await dailyReport(deps.sql, deps.garageId, from, to, now);
    if (q.format === 'csv') {
      c.header('Content-Disposition', `attachment; filename="parkops-${from}${to === from ? '' : `-to-${to}`}.csv"`);
      return c.body(reportCsv(report), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    }
    return c.json(report, 200);
  });
}
