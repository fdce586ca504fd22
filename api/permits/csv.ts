import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { PERMIT_CSV_COLUMNS, PermitBody, type Permit } from '../../shared/permits.js';
import type { FieldIssue } from '../../shared/errors.js';
import { describeIssues } from '../../shared/errors.js';

/** The most permits one import adds (the body is at most 64 KB anyway). */
export const MAX_IMPORT_ROWS = 500;

/** Permits as CSV, the columns of PERMIT_CSV_COLUMNS (plates separated by semicolons): what an import reads back. */
export function permitsCsv(permits: Permit[]): string {
  const rows = permits.map((p) => [p.holder, p.plates.join('; '), p.validFrom, p.validTo, p.status, p.note ?? '']);
  return stringify([[...PERMIT_CSV_COLUMNS], ...rows], { record_delimiter: '\r\n' });
}

/**
 * Reads a permits CSV (a header row naming at least holder, plates, valid_from, valid_to; plates
 * separated by semicolons, as a plate may hold a space): every row as a permit, or every problem with its line number —
 * an import adds all rows or none.
 */
export function readPermitsCsv(text: string): { ok: true; permits: PermitBody[] } | { ok: false; issues: FieldIssue[] } {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    return { ok: false, issues: [{ path: 'csv', message: `Not readable as CSV: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  if (records.length === 0) return { ok: false, issues: [{ path: 'csv', message: 'No permits in it: a header row, then one row per permit' }] };
  if (records.length > MAX_IMPORT_ROWS) return { ok: false, issues: [{ path: 'csv', message: `At most ${MAX_IMPORT_ROWS} permits per import; split the file` }] };
  const missing = ['holder', 'plates', 'valid_from', 'valid_to'].filter((c) => !(c in records[0]!));
  if (missing.length > 0) return { ok: false, issues: [{ path: 'csv', message: `The header needs the columns ${missing.join(', ')} (it has ${Object.keys(records[0]!).join(', ')})` }] };
  const permits: PermitBody[] = [];
  const issues: FieldIssue[] = [];
  records.forEach((r, i) => {
    const parsed = PermitBody.safeParse({
      holder: r.holder,
      plates: (r.plates ?? '').split(';').map((p) => p.trim()).filter(Boolean),
      validFrom: r.valid_from,
      validTo: r.valid_to,
      note: r.note ? r.note : null,
    });
    if (parsed.success) permits.push(parsed.data);
    else for (const issue of describeIssues(parsed.error.issues)) issues.push({ path: `line ${i + 2}: ${issue.path}`, message: issue.message });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, permits };
}
