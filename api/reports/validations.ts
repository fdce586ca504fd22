import { stringify } from 'csv-stringify/sync';
import { localDayRange, type LocalDate } from '../../shared/garage-day.js';
import type { ValidationsReport } from '../../shared/validations.js';
import type { Db } from '../db/types.js';
import { countCodeUses } from '../validations/queries.js';

/**
 * The bill-back of local dates `from`..`to`: per merchant (and per code) the paid exits it validated
 * and what its validations took off the fees — what to invoice each merchant.
 */
export async function validationsReport(sql: Db, garageId: number, from: LocalDate, to: LocalDate, timeZone: string): Promise<ValidationsReport> {
  const { start, end } = localDayRange(from, to, timeZone);
  const rows = await countCodeUses(sql, garageId, start, end);
  const merchants = new Map<number, ValidationsReport['merchants'][number]>();
  for (const r of rows) {
    const m = merchants.get(r.merchantId) ?? { merchantId: r.merchantId, name: r.name, contact: r.contact, uses: 0, discountCents: 0, codes: [] };
    m.uses += r.uses;
    m.discountCents += r.discountCents;
    m.codes.push({ code: r.code, uses: r.uses, discountCents: r.discountCents });
    merchants.set(r.merchantId, m);
  }
  const list = [...merchants.values()];
  return {
    from,
    to,
    timezone: timeZone,
    merchants: list,
    totalUses: list.reduce((n, m) => n + m.uses, 0),
    totalDiscountCents: list.reduce((n, m) => n + m.discountCents, 0),
  };
}

/** The bill-back as CSV: one row per merchant and code, money in cents (names quoted as CSV needs). */
export function validationsReportCsv(report: ValidationsReport): string {
  const rows = report.merchants.flatMap((m) => m.codes.map((c) => [report.from, report.to, m.name, m.contact ?? '', c.code, c.uses, c.discountCents]));
  return stringify([['from', 'to', 'merchant', 'contact', 'code', 'uses', 'discount_cents'], ...rows], { record_delimiter: '\r\n' });
}
