import { localDate, type LocalDate } from '../../shared/garage-day.js';
import { decideReportPeriod, reportBounds } from '../../shared/reports.js';
import type { Db } from '../db/types.js';
import { AppError } from '../http/app-error.js';
import { loadReportBounds } from './queries.js';

/**
 * Which local dates a report asks for (GET /api/reports/daily, `/park report`), decided by
 * `decideReportPeriod` within the garage's bounds (its first day .. tomorrow); a validation_failed
 * AppError (400, or Slack's ephemeral answer) with a sentence saying which dates it can have.
 */
export async function resolveReportPeriod(
  sql: Db,
  garageId: number,
  q: { date?: LocalDate | undefined; from?: LocalDate | undefined; to?: LocalDate | undefined },
  now: Date,
): Promise<{ from: LocalDate; to: LocalDate }> {
  const garage = await loadReportBounds(sql, garageId);
  if (!garage) throw new Error(`garage ${garageId} does not exist`);
  const period = decideReportPeriod(q, localDate(now, garage.timezone), reportBounds(garage, now, garage.timezone));
  if (!period.ok) throw new AppError('validation_failed', period.message);
  return { from: period.from, to: period.to };
}
