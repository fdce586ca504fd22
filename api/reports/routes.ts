import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { DailyReport, ReportQuery } from '../../shared/reports.js';
import type { Deps } from '../deps.js';
import { createRouter, errorResponses, jsonResponse } from '../http/openapi.js';
import { ChartsReport } from '../../shared/charts.js';
import { chartsReport } from './charts.js';
import { reportCsv } from './csv.js';
import { dailyReport } from './daily.js';
import { resolveReportPeriod } from './period.js';
import { shiftReport, shiftReportCsv } from './shifts.js';
import { ShiftReport } from '../../shared/shifts.js';
import { ValidationsReport } from '../../shared/validations.js';
import { validationsReport, validationsReportCsv } from './validations.js';
import { bookingsReport, bookingsReportCsv } from './bookings.js';
import { BookingsReport } from '../../shared/reservations.js';
import { loadGarageTimezone } from '../garage/queries.js';
import { garageOf } from '../garages/scope.js';
import { createReadPool } from '../db/read-pool.js';
import { loadGarage } from '../garages/queries.js';
import { AppError } from '../http/app-error.js';
import { pdfPeriodProblem, reportPdf } from './pdf.js';

/** The reports that come as JSON or CSV only (the PDF is the daily report's). */
const CsvReportQuery = ReportQuery.extend({ format: z.enum(['json', 'csv']).default('json') });

const daily = createRoute({
  method: 'get',
  path: '/daily',
  operationId: 'getDailyReport',
  summary: "One day's figures in the garage's timezone (default today), or a range with from and to",
  description: "Dates run from the garage's first day (the day it was set up, or of its earliest ticket) to tomorrow in its timezone; a range covers at most 366 days (a PDF at most 31). Anything else is a 400 that says which dates can be asked for.",
  request: { query: ReportQuery },
  responses: {
    200: {
      description: "The report (JSON; CSV with format=csv; with format=pdf a PDF to print: a summary page for a range, then one page a day with the garage's name, the date, the figures and the cars inside hour by hour)",
      content: {
        'application/json': { schema: DailyReport },
        'text/csv': { schema: { type: 'string' } },
        'application/pdf': { schema: { type: 'string', format: 'binary' } },
      },
    },
    ...errorResponses(400, 401, 403),
  },
});

const shifts = createRoute({
  method: 'get',
  path: '/shifts',
  operationId: 'getShiftReport',
  summary: 'The shifts opened in a day or a range, with their cash, card, mobile, refunds, voids, lost tickets and variance, and per attendant (managers)',
  request: { query: CsvReportQuery },
  responses: {
    200: {
      description: 'The shift report (JSON, or CSV with format=csv)',
      content: { 'application/json': { schema: ShiftReport }, 'text/csv': { schema: { type: 'string' } } },
    },
    ...errorResponses(400, 401, 403),
  },
});

const validations = createRoute({
  method: 'get',
  path: '/validations',
  operationId: 'getValidationsReport',
  summary: "The bill-back: per merchant and code, the exits validated in a day or a range and what they took off (managers)",
  request: { query: CsvReportQuery },
  responses: {
    200: {
      description: 'The report (JSON, or CSV with format=csv)',
      content: { 'application/json': { schema: ValidationsReport }, 'text/csv': { schema: { type: 'string' } } },
    },
    ...errorResponses(400, 401, 403),
  },
});

const bookings = createRoute({
  method: 'get',
  path: '/bookings',
  operationId: 'getBookingsReport',
  summary: 'Permits and reservations in a day or a range: permit and reservation entries, no-shows, cancellations, overstays, prepaid revenue (managers)',
  request: { query: CsvReportQuery },
  responses: {
    200: {
      description: 'The report (JSON, or CSV with format=csv)',
      content: { 'application/json': { schema: BookingsReport }, 'text/csv': { schema: { type: 'string' } } },
    },
    ...errorResponses(400, 401, 403),
  },
});

const charts = createRoute({
  method: 'get',
  path: '/charts',
  operationId: 'getCharts',
  summary: 'Chart series of a day or a range: revenue by day, cars inside hour by hour, stay lengths, payment methods, and a weekday × hour heatmap of the 8 weeks ending on the last day (managers)',
  request: { query: ReportQuery.omit({ format: true }) },
  responses: { 200: jsonResponse(ChartsReport, 'The series'), ...errorResponses(400, 401, 403) },
});

/** A report as a CSV download named `parkops-<name>.csv`. */
function csvFile(c: Context, name: string, csv: string) {
  c.header('Content-Disposition', `attachment; filename="parkops-${name}.csv"`);
  return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
}

/** /api/reports — figures read from the read replica when there is one (`createReadPool`), stored on the primary. */
export function reportRoutes(deps: Deps) {
  const reads = createReadPool(deps.sql, deps.sqlRead, deps.log);
  /** The request's garage, the local dates it asks for, its timezone, and the period as a file name part. */
  const periodOf = async (vars: { garageId?: number | undefined }, q: { date?: string | undefined; from?: string | undefined; to?: string | undefined }) => {
    const garageId = garageOf(vars);
    const { from, to } = await resolveReportPeriod(deps.sql, garageId, q, deps.now());
    const timezone = await loadGarageTimezone(deps.sql, garageId);
    return { garageId, from, to, timezone, name: `${from}${to === from ? '' : `-to-${to}`}` };
  };
  /** GET /api/reports/daily?date=YYYY-MM-DD | ?from=&to= [&format=csv|pdf] */
  return createRouter().openapi(daily, async (c) => {
    const q = c.req.valid('query');
    const now = deps.now();
    const garageId = garageOf(c.var);
    const { from, to } = await resolveReportPeriod(deps.sql, garageId, q, now);
    const tooLong = q.format === 'pdf' ? pdfPeriodProblem(from, to) : null;
    if (tooLong) throw new AppError('validation_failed', tooLong);
    const report = await reads((readFrom) => dailyReport(deps.sql, garageId, from, to, now, { readFrom }));
    if (q.format === 'pdf') {
      const [charts, garage] = await Promise.all([
        reads((readFrom) => chartsReport(deps.sql, garageId, from, to, report.timezone, now, readFrom)),
        loadGarage(deps.sql, garageId),
      ]);
      if (!garage) throw new Error(`garage ${garageId} does not exist`);
      const pdf = await reportPdf({ report, charts, garageName: garage.name, generatedAt: now });
      c.header('Content-Disposition', `attachment; filename="parkops-${from}${to === from ? '' : `-to-${to}`}.pdf"`);
      return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf' });
    }
    return q.format === 'csv' ? csvFile(c, `${from}${to === from ? '' : `-to-${to}`}`, reportCsv(report)) : c.json(report, 200);
  })
  /** GET /api/reports/shifts?date= | ?from=&to= [&format=csv] */
  .openapi(shifts, async (c) => {
    const p = await periodOf(c.var, c.req.valid('query'));
    const report = await reads((readFrom) => shiftReport(readFrom, p.garageId, p.from, p.to, p.timezone));
    return c.req.valid('query').format === 'csv' ? csvFile(c, `shifts-${p.name}`, shiftReportCsv(report)) : c.json(report, 200);
  })
  /** GET /api/reports/validations?date= | ?from=&to= [&format=csv] */
  .openapi(validations, async (c) => {
    const p = await periodOf(c.var, c.req.valid('query'));
    const report = await reads((readFrom) => validationsReport(readFrom, p.garageId, p.from, p.to, p.timezone));
    return c.req.valid('query').format === 'csv' ? csvFile(c, `validations-${p.name}`, validationsReportCsv(report)) : c.json(report, 200);
  })
  /** GET /api/reports/charts?date= | ?from=&to= */
  .openapi(charts, async (c) => {
    const p = await periodOf(c.var, c.req.valid('query'));
    return c.json(await reads((readFrom) => chartsReport(deps.sql, p.garageId, p.from, p.to, p.timezone, deps.now(), readFrom)), 200);
  })
  /** GET /api/reports/bookings?date= | ?from=&to= [&format=csv] */
  .openapi(bookings, async (c) => {
    const p = await periodOf(c.var, c.req.valid('query'));
    const report = await reads((readFrom) => bookingsReport(readFrom, p.garageId, p.from, p.to, p.timezone));
    return c.req.valid('query').format === 'csv' ? csvFile(c, `bookings-${p.name}`, bookingsReportCsv(report)) : c.json(report, 200);
  });
}
