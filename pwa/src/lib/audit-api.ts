import { z } from 'zod';
import { AuditEntry } from '../../../shared/auth.js';
import { addDays, isLocalDate, startOfLocalDay } from '../../../shared/garage-day.js';
import { call, inGarage } from './api.js';

/** A page of the audit log as GET …/audit answers it: newest first, and the `before` of the next (older) page. */
export const AuditPage = z.object({ entries: z.array(AuditEntry), nextBefore: z.number().int().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;

/** How many entries one look at the audit log asks for. */
export const AUDIT_PAGE_SIZE = 50;

/** What the audit screen filters on: an action, a person (`user:7`, `slack:U…`, `system`), and the garage's local dates. */
export type AuditFilters = { action: string; actor: string; from: string; to: string };

/** The query of a set of filters ('' fields left out), dates read on the garage's clock: from the start of `from` to the end of `to`. */
export function auditQuery(filters: AuditFilters, timeZone: string, before?: number): string {
  const q = new URLSearchParams();
  if (filters.action) q.set('action', filters.action);
  if (filters.actor) q.set('actor', filters.actor);
  if (filters.from) q.set('since', startOfLocalDay(filters.from, timeZone).toISOString());
  if (filters.to) q.set('until', startOfLocalDay(addDays(filters.to, 1), timeZone).toISOString());
  if (before !== undefined) q.set('before', String(before));
  q.set('limit', String(AUDIT_PAGE_SIZE));
  return q.toString();
}

/**
 * What is wrong with the dates of a set of filters, by field ('' when nothing): real dates between
 * 2000 and 2100 (a bound at the phone's door), and From no later than To.
 * @example datesProblem({ action: '', actor: '', from: '2026-11-30', to: '2026-11-01' }) // { to: 'To is before From' }
 */
export function datesProblem(filters: AuditFilters): Partial<Record<'from' | 'to', string>> {
  const found: Partial<Record<'from' | 'to', string>> = {};
  const ok = (d: string) => isLocalDate(d) && d >= '2000-01-01' && d <= '2100-12-31';
  if (filters.from && !ok(filters.from)) found.from = 'Enter a date between 2000 and 2100';
  if (filters.to && !ok(filters.to)) found.to = 'Enter a date between 2000 and 2100';
  if (!found.from && !found.to && filters.from && filters.to && filters.to < filters.from) found.to = 'To is before From';
  return found;
}

/** Managers: a page of the audit log of a garage, newest first; `before`: the last page's `nextBefore`. */
export function auditPage(garageId: number, filters: AuditFilters, timeZone: string, before?: number): Promise<AuditPage> {
  return call(AuditPage, inGarage(garageId, `/audit?${auditQuery(filters, timeZone, before)}`));
}
