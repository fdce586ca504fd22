import type { Actor, AuditEntry, AuditSource } from '../../shared/auth.js';
import type { Db } from '../db/types.js';

/** What one audit row records. */
export type AuditRecord = {
  garageId: number | null;
  actor: Actor;
  source: AuditSource;
  action: string;
  subject?: string | null | undefined;
  details?: Record<string, unknown> | undefined;
};

/** Writes an audit row; call it with the transaction that makes the change so both land or neither. */
export async function recordAudit(sql: Db, entry: AuditRecord): Promise<void> {
  await sql`
    insert into audit_log (garage_id, actor, source, action, subject, details)
    values (${entry.garageId}, ${entry.actor}, ${entry.source}, ${entry.action}, ${entry.subject ?? null},
      ${sql.json((entry.details ?? {}) as never)})
  `;
}

/**
 * Audit rows newest first, filtered, with keyset paging on id. The order is the bigint column
 * (`audit_log.id`), not the `id` of the select list, which is text (bigint is sent as text):
 * ordered as text, 9 came before 67 and paging repeated and skipped rows.
 */
export async function listAudit(
  sql: Db,
  q: {
    /** Rows of this garage (unset: of every garage; tests and tools only)… */
    garageId?: number | undefined;
    /** …and, when true, the rows of no garage (staff accounts, sign-ins). */
    withoutGarage?: boolean | undefined;
    actor?: string | undefined; action?: string | undefined; subject?: string | undefined; since?: Date | undefined; until?: Date | undefined; before?: number | undefined; limit: number },
) {
  const rows = await sql<(Omit<AuditEntry, 'at' | 'id'> & { id: string; at: Date })[]>`
    select id::text, at, actor, source, action, subject, details
    from audit_log
    where ${q.garageId === undefined ? sql`true` : sql`(garage_id = ${q.garageId} ${q.withoutGarage ? sql`or garage_id is null` : sql``})`}
      ${q.actor ? sql`and actor = ${q.actor}` : sql``}
      ${q.action ? sql`and action = ${q.action}` : sql``}
      ${q.subject ? sql`and subject = ${q.subject}` : sql``}
      ${q.since ? sql`and at >= ${q.since}` : sql``}
      ${q.until ? sql`and at < ${q.until}` : sql``}
      ${q.before ? sql`and id < ${q.before}` : sql``}
    order by audit_log.id desc
    limit ${q.limit}
  `;
  return rows.map((r) => ({ ...r, id: Number(r.id), at: r.at.toISOString() }));
}
