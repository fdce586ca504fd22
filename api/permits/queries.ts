import type { Permit, PermitBody, PermitUpdate } from '../../shared/permits.js';
import type { Db } from '../db/types.js';

type PermitRow = Omit<Permit, 'validFrom' | 'validTo' | 'createdAt'> & { validFrom: Date; validTo: Date; createdAt: Date };

const permitColumns = (sql: Db) => sql`
  p.id, p.holder, p.plates, p.valid_from, p.valid_to, p.status, p.note, p.created_at, p.created_by,
  (select ticket_number from tickets k where k.permit_id = p.id and k.status = 'active' limit 1) as inside
`;

const toPermit = (r: PermitRow): Permit => ({ ...r, validFrom: r.validFrom.toISOString(), validTo: r.validTo.toISOString(), createdAt: r.createdAt.toISOString() });

/** Adds permits to a garage (one statement: all of them or none). */
export async function insertPermits(sql: Db, garageId: number, permits: PermitBody[], by: string): Promise<Permit[]> {
  if (permits.length === 0) return [];
  const rows = permits.map((p) => ({ garage_id: garageId, holder: p.holder, plates: p.plates, valid_from: p.validFrom, valid_to: p.validTo, note: p.note, created_by: by }));
  const inserted = await sql<PermitRow[]>`
    with p as (
      insert into permits ${sql(rows)}
      returning *
    )
    select ${permitColumns(sql)} from p order by p.id
  `;
  return inserted.map(toPermit);
}

/** Changes a permit of this garage; null when it has none of that id. */
/** (`at`: when; a permit suspended or cancelled covers stays until then.) */
export async function updatePermit(sql: Db, garageId: number, id: number, u: PermitUpdate, at: Date): Promise<Permit | null> {
  const has = (key: keyof PermitUpdate) => u[key] !== undefined;
  const [row] = await sql<PermitRow[]>`
    with p as (
      update permits set
        holder = coalesce(${u.holder ?? null}::text, holder),
        plates = coalesce(${u.plates ?? null}::text[], plates),
        valid_to = coalesce(${u.validTo ?? null}::timestamptz, valid_to),
        status = coalesce(${u.status ?? null}::text, status),
        note = case when ${has('note')} then ${u.note ?? null}::text else note end,
        updated_at = ${at}
      where id = ${id} and garage_id = ${garageId}
      returning *
    )
    select ${permitColumns(sql)} from p
  `;
  return row ? toPermit(row) : null;
}

/** A permit of this garage by id. */
export async function loadPermit(sql: Db, garageId: number, id: number): Promise<Permit | null> {
  const [row] = await sql<PermitRow[]>`select ${permitColumns(sql)} from permits p where p.id = ${id} and p.garage_id = ${garageId}`;
  return row ? toPermit(row) : null;
}

/** A garage's permits (by status, or holding a plate), by holder; at most `limit`. */
export async function listPermits(sql: Db, garageId: number, q: { status?: Permit['status'] | undefined; plate?: string | undefined; limit: number }): Promise<Permit[]> {
  const rows = await sql<PermitRow[]>`
    select ${permitColumns(sql)} from permits p
    where p.garage_id = ${garageId}
      ${q.status ? sql`and p.status = ${q.status}` : sql``}
      ${q.plate ? sql`and p.plates @> array[${q.plate}]::text[]` : sql``}
    order by p.holder, p.id
    limit ${q.limit}
  `;
  return rows.map(toPermit);
}

/** The permit a plate would come in on at `at` (active and valid then), if any — what an entry card says. */
export async function permitOfPlate(sql: Db, garageId: number, plate: string, at: Date): Promise<Permit | null> {
  const [row] = await sql<PermitRow[]>`
    select ${permitColumns(sql)} from permits p
    where p.garage_id = ${garageId} and p.plates @> array[${plate}]::text[] and p.status = 'active' and p.valid_from <= ${at} and ${at} < p.valid_to
    order by p.valid_to desc limit 1
  `;
  return row ? toPermit(row) : null;
}
