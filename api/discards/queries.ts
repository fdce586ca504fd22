import type { Discard, DiscardBody, DiscardStatus } from '../../shared/discards.js';
import { parseCents } from '../cents.js';
import type { Db } from '../db/types.js';

/** A discard as stored, with the names of who discarded and who resolved it. */
type DiscardRow = {
  id: number;
  key: string;
  kind: 'entry' | 'exit';
  ticketNumber: string | null;
  licensePlate: string | null;
  vehicleType: Discard['vehicleType'];
  paymentMethod: Discard['paymentMethod'];
  amountCents: number | null;
  happenedAt: Date;
  refusalCode: string;
  refusalMessage: string;
  reason: string;
  discardedBy: number;
  discardedByName: string;
  discardedAt: Date;
  status: DiscardStatus;
  resolvedBy: number | null;
  resolvedByName: string | null;
  resolvedAt: Date | null;
  resolutionNote: string | null;
};

const selectDiscards = (sql: Db) => sql`
  select d.id, d.key, d.kind, d.ticket_number, d.license_plate, d.vehicle_type, d.payment_method, d.amount_cents,
    d.happened_at, d.refusal_code, d.refusal_message, d.reason, d.discarded_by, u.username as discarded_by_name,
    d.discarded_at, d.status, d.resolved_by, r.username as resolved_by_name, d.resolved_at, d.resolution_note
  from discards d
  join users u on u.id = d.discarded_by
  left join users r on r.id = d.resolved_by
`;

/** A stored discard as the API shows it. */
function toDiscard(row: DiscardRow): Discard {
  return {
    id: row.id,
    key: row.key,
    kind: row.kind,
    ticketNumber: row.ticketNumber,
    licensePlate: row.licensePlate,
    vehicleType: row.vehicleType,
    paymentMethod: row.paymentMethod,
    amountCents: row.amountCents,
    happenedAt: row.happenedAt.toISOString(),
    refusal: { code: row.refusalCode, message: row.refusalMessage },
    reason: row.reason,
    discardedBy: { id: row.discardedBy, username: row.discardedByName },
    discardedAt: row.discardedAt.toISOString(),
    status: row.status,
    resolution:
      row.resolvedBy !== null && row.resolvedAt && row.resolutionNote !== null
        ? { by: { id: row.resolvedBy, username: row.resolvedByName ?? '' }, at: row.resolvedAt.toISOString(), note: row.resolutionNote }
        : null,
  };
}

/** Records a discard; null when this person already reported this key (see `loadDiscardByKey`). */
export async function insertDiscard(
  sql: Db,
  d: DiscardBody & { garageId: number; discardedBy: number; discardedAt: Date; status: DiscardStatus },
): Promise<number | null> {
  const [row] = await sql<{ id: number }[]>`
    insert into discards (
      garage_id, key, kind, ticket_number, license_plate, vehicle_type, payment_method, amount_cents, happened_at,
      refusal_code, refusal_message, reason, discarded_by, discarded_at, status
    ) values (
      ${d.garageId}, ${d.key}, ${d.kind}, ${d.ticketNumber}, ${d.licensePlate}, ${d.vehicleType}, ${d.paymentMethod},
      ${d.amountCents}, ${new Date(d.happenedAt)}, ${d.refusal.code}, ${d.refusal.message}, ${d.reason},
      ${d.discardedBy}, ${d.discardedAt}, ${d.status}
    )
    on conflict (garage_id, discarded_by, key) do nothing
    returning id
  `;
  return row?.id ?? null;
}

/** One discard of a garage by id. */
export async function loadDiscard(sql: Db, garageId: number, id: number): Promise<Discard | null> {
  const [row] = await sql<DiscardRow[]>`${selectDiscards(sql)} where d.garage_id = ${garageId} and d.id = ${id}`;
  return row ? toDiscard(row) : null;
}

/** The discard a person already reported under a key. */
export async function loadDiscardByKey(sql: Db, garageId: number, discardedBy: number, key: string): Promise<Discard | null> {
  const [row] = await sql<DiscardRow[]>`
    ${selectDiscards(sql)} where d.garage_id = ${garageId} and d.discarded_by = ${discardedBy} and d.key = ${key}
  `;
  return row ? toDiscard(row) : null;
}

/** A page of a garage's discards, newest first (keyset: ids below `before`). */
export async function listDiscards(
  sql: Db,
  garageId: number,
  q: { status?: DiscardStatus | undefined; before?: number | undefined; limit: number },
): Promise<Discard[]> {
  const rows = await sql<DiscardRow[]>`
    ${selectDiscards(sql)}
    where d.garage_id = ${garageId}
      ${q.status ? sql`and d.status = ${q.status}` : sql``}
      ${q.before ? sql`and d.id < ${q.before}` : sql``}
    order by d.id desc
    limit ${q.limit}
  `;
  return rows.map(toDiscard);
}

/** Marks a discard that needs a manager resolved; false when it was not (any more) waiting for one. */
export async function resolveDiscard(sql: Db, garageId: number, id: number, r: { by: number; at: Date; note: string }): Promise<boolean> {
  const rows = await sql`
    update discards set status = 'resolved', resolved_by = ${r.by}, resolved_at = ${r.at}, resolution_note = ${r.note}
    where garage_id = ${garageId} and id = ${id} and status = 'needs_manager'
  `;
  return rows.count === 1;
}

/** The paid exits still waiting for a manager in a garage: how many, and the money they took. */
export async function countPaymentsToResolve(sql: Db, garageId: number): Promise<{ count: number; amountCents: number }> {
  const [row] = await sql<{ count: number; amountCents: string }[]>`
    select count(*)::int as count, coalesce(sum(amount_cents), 0)::text as amount_cents
    from discards where garage_id = ${garageId} and status = 'needs_manager'
  `;
  return { count: row!.count, amountCents: parseCents(row!.amountCents) };
}
