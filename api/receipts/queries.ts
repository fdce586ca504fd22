import type { FeeBreakdown, PaymentMethod, VehicleType } from '../../shared/tickets.js';
import { parseCents } from '../cents.js';
import type { Db } from '../db/types.js';

/**
 * The installation's receipt key when RECEIPT_LINK_SECRET is not set: the one stored, or `fresh`
 * stored now by the first server that asks (replicas racing agree on whichever row landed).
 */
export async function loadReceiptKey(sql: Db, fresh: Uint8Array): Promise<Buffer> {
  await sql`insert into receipt_link_keys (id, key) values (1, ${Buffer.from(fresh)}) on conflict (id) do nothing`;
  const [row] = await sql<{ key: Buffer }[]>`select key from receipt_link_keys where id = 1`;
  if (!row) throw new Error('receipt_link_keys has no key right after inserting one');
  return row.key;
}

/** A live link of a ticket: its salt (from which, with the key, its token is derived). */
export type LiveLink = { id: number; salt: Buffer; tokenHash: Buffer; createdAt: Date };

/** The live (unrevoked) link of a ticket, if it has one. */
export async function loadLiveLink(sql: Db, ticketId: number): Promise<LiveLink | null> {
  const [row] = await sql<LiveLink[]>`
    select id, salt, token_hash, created_at from receipt_links
    where ticket_id = ${ticketId} and revoked_at is null
  `;
  return row ?? null;
}

/** Records a new link of a ticket; null when another request gave it a live one meanwhile (one live link per ticket). */
export async function insertReceiptLink(
  sql: Db,
  link: { garageId: number; ticketId: number; salt: Uint8Array; tokenHash: Buffer; createdAt: Date; createdBy: string },
): Promise<LiveLink | null> {
  const [row] = await sql<LiveLink[]>`
    insert into receipt_links (garage_id, ticket_id, salt, token_hash, created_at, created_by)
    values (${link.garageId}, ${link.ticketId}, ${Buffer.from(link.salt)}, ${link.tokenHash}, ${link.createdAt}, ${link.createdBy})
    on conflict (ticket_id) where revoked_at is null do nothing
    returning id, salt, token_hash, created_at
  `;
  return row ?? null;
}

/** Revokes every live link of a ticket; answers how many there were. */
export async function revokeReceiptLinks(sql: Db, ticketId: number, revoked: { at: Date; by: string }): Promise<number> {
  const rows = await sql`
    update receipt_links set revoked_at = ${revoked.at}, revoked_by = ${revoked.by}
    where ticket_id = ${ticketId} and revoked_at is null
    returning id
  `;
  return rows.length;
}

/** What a receipt page shows: the garage, the paid ticket, and the money given back since. */
export type LinkedReceipt = {
  garageName: string;
  timezone: string;
  ticketNumber: string;
  licensePlate: string;
  vehicleType: VehicleType;
  entryTime: Date;
  exitTime: Date;
  durationMinutes: number;
  amountPaid: number;
  paymentMethod: PaymentMethod;
  lostTicket: boolean;
  feeBreakdown: FeeBreakdown | null;
  refunds: { cents: number; method: PaymentMethod; at: string }[];
};

type StoredReceipt = Omit<LinkedReceipt, 'amountPaid'> & { amountPaid: string };

/**
 * The receipt a live link shows, by the sha256 of its token, in one query; null when no live link
 * has that hash (unknown or revoked) or its ticket is not a paid one.
 */
export async function loadReceiptByTokenHash(sql: Db, hash: Buffer): Promise<LinkedReceipt | null> {
  const [row] = await sql<StoredReceipt[]>`
    select g.name as garage_name, g.timezone, t.ticket_number, t.license_plate, t.vehicle_type,
      t.entry_time, t.exit_time, t.duration_minutes, t.amount_paid, t.payment_method, t.lost_ticket, t.fee_breakdown,
      coalesce((
        select json_agg(json_build_object(
          'cents', r.amount_cents, 'method', r.method,
          'at', to_char(r.refunded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
        ) order by r.refunded_at, r.id)
        from refunds r where r.ticket_id = t.id
      ), '[]'::json) as refunds
    from receipt_links l
    join tickets t on t.id = l.ticket_id and t.garage_id = l.garage_id
    join garages g on g.id = l.garage_id
    where l.token_hash = ${hash} and l.revoked_at is null and t.status = 'completed'
  `;
  return row ? { ...row, amountPaid: parseCents(row.amountPaid) } : null;
}
