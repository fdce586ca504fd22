import type { Merchant, MerchantBody, ValidationCode, ValidationCodeBody, ValidationCodeUpdate, ValidationKind } from '../../shared/validations.js';
import { parseCents } from '../cents.js';
import type { Db } from '../db/types.js';

type CodeRow = Omit<ValidationCode, 'validFrom' | 'validTo' | 'createdAt' | 'value'> & { validFrom: Date; validTo: Date; createdAt: Date; value: string };

const codeColumns = (sql: Db) => sql`
  c.id, c.merchant_id, m.name as merchant_name, c.code, c.kind, c.value, c.valid_from, c.valid_to, c.max_uses, c.uses, c.created_at, c.created_by
`;

const toCode = (r: CodeRow): ValidationCode => ({
  ...r,
  value: parseCents(r.value),
  validFrom: r.validFrom.toISOString(),
  validTo: r.validTo.toISOString(),
  createdAt: r.createdAt.toISOString(),
});

/** A new merchant of a garage; null when the garage already has one of that name. */
export async function insertMerchant(sql: Db, garageId: number, m: MerchantBody, by: string): Promise<Merchant | null> {
  const [row] = await sql<{ id: number; name: string; contact: string | null; createdAt: Date }[]>`
    insert into merchants (garage_id, name, contact, created_by) values (${garageId}, ${m.name}, ${m.contact}, ${by})
    on conflict (garage_id, name) do nothing
    returning id, name, contact, created_at
  `;
  return row ? { ...row, createdAt: row.createdAt.toISOString(), codes: [] } : null;
}

/** A garage's merchants by name, each with its codes (newest first). */
export async function listMerchants(sql: Db, garageId: number): Promise<Merchant[]> {
  const [merchants, codes] = await Promise.all([
    sql<{ id: number; name: string; contact: string | null; createdAt: Date }[]>`
      select id, name, contact, created_at from merchants where garage_id = ${garageId} order by name limit 500
    `,
    sql<CodeRow[]>`
      select ${codeColumns(sql)} from validation_codes c join merchants m on m.id = c.merchant_id
      where c.garage_id = ${garageId} order by c.id desc limit 5000
    `,
  ]);
  return merchants.map((m) => ({ ...m, createdAt: m.createdAt.toISOString(), codes: codes.filter((c) => c.merchantId === m.id).map(toCode) }));
}

/** A new code of a merchant of this garage: the code, `merchant_missing`, or `code_taken` when the garage has one so written. */
export async function insertCode(sql: Db, garageId: number, merchantId: number, c: ValidationCodeBody, by: string): Promise<ValidationCode | 'merchant_missing' | 'code_taken'> {
  const [row] = await sql<CodeRow[]>`
    with inserted as (
      insert into validation_codes (garage_id, merchant_id, code, kind, value, valid_from, valid_to, max_uses, created_by)
      select ${garageId}, m.id, ${c.code}, ${c.kind}, ${c.value}, ${c.validFrom}, ${c.validTo}, ${c.maxUses}, ${by}
      from merchants m where m.id = ${merchantId} and m.garage_id = ${garageId}
      on conflict (garage_id, code) do nothing
      returning *
    )
    select ${codeColumns(sql)} from inserted c join merchants m on m.id = c.merchant_id
  `;
  if (row) return toCode(row);
  const [merchant] = await sql`select 1 from merchants where id = ${merchantId} and garage_id = ${garageId}`;
  return merchant ? 'code_taken' : 'merchant_missing';
}

/** Ends a code early or changes its uses; null when the garage has no such code, `below_uses` when maxUses is under the uses so far. */
export async function updateCode(sql: Db, garageId: number, merchantId: number, code: string, u: ValidationCodeUpdate): Promise<ValidationCode | 'below_uses' | 'ends_before_start' | null> {
  const [current] = await sql<{ uses: number; validFrom: Date }[]>`
    select uses, valid_from from validation_codes where garage_id = ${garageId} and merchant_id = ${merchantId} and code = ${code} for update
  `;
  if (!current) return null;
  if (u.maxUses !== undefined && u.maxUses !== null && u.maxUses < current.uses) return 'below_uses';
  if (u.validTo !== undefined && Date.parse(u.validTo) <= current.validFrom.getTime()) return 'ends_before_start';
  const [row] = await sql<CodeRow[]>`
    with changed as (
      update validation_codes set
        valid_to = coalesce(${u.validTo ?? null}::timestamptz, valid_to),
        max_uses = case when ${u.maxUses !== undefined} then ${u.maxUses ?? null}::integer else max_uses end
      where garage_id = ${garageId} and code = ${code}
      returning *
    )
    select ${codeColumns(sql)} from changed c join merchants m on m.id = c.merchant_id
  `;
  return row ? toCode(row) : null;
}

/** A code as it stands (for a quote, and to say why a code was refused). */
export type CodeState = { id: number; merchant: string; kind: ValidationKind; value: number; validFrom: Date; validTo: Date; maxUses: number | null; uses: number };

/** A code of this garage by its text, or null. */
export async function loadCode(sql: Db, garageId: number, code: string): Promise<CodeState | null> {
  const [row] = await sql<(Omit<CodeState, 'value'> & { value: string })[]>`
    select c.id, m.name as merchant, c.kind, c.value, c.valid_from, c.valid_to, c.max_uses, c.uses
    from validation_codes c join merchants m on m.id = c.merchant_id
    where c.garage_id = ${garageId} and c.code = ${code}
  `;
  return row ? { ...row, value: parseCents(row.value) } : null;
}

/**
 * Takes one use of a code valid at `at` — under the code row's lock, so of exits racing for its last
 * use exactly one gets it. Null when the code is unknown, not valid then, or has no use left.
 */
export async function claimCodeUse(sql: Db, garageId: number, code: string, at: Date): Promise<CodeState | null> {
  const [row] = await sql<(Omit<CodeState, 'value' | 'merchant'> & { value: string; merchantId: number })[]>`
    update validation_codes set uses = uses + 1
    where garage_id = ${garageId} and code = ${code} and valid_from <= ${at} and ${at} < valid_to
      and (max_uses is null or uses < max_uses)
    returning id, merchant_id, kind, value, valid_from, valid_to, max_uses, uses
  `;
  if (!row) return null;
  const [m] = await sql<{ name: string }[]>`select name from merchants where id = ${row.merchantId}`;
  return { id: row.id, merchant: m!.name, kind: row.kind, value: parseCents(row.value), validFrom: row.validFrom, validTo: row.validTo, maxUses: row.maxUses, uses: row.uses };
}

/** Records what a code took off a paid exit (one use per ticket). */
export async function insertCodeUse(sql: Db, u: { garageId: number; codeId: number; ticketId: number; discountCents: number; at: Date }): Promise<void> {
  await sql`
    insert into validation_uses (garage_id, code_id, ticket_id, discount_cents, used_at)
    values (${u.garageId}, ${u.codeId}, ${u.ticketId}, ${u.discountCents}, ${u.at})
  `;
}

/** Per merchant and code: the validated exits in [start, end) and what they took off. */
export async function countCodeUses(sql: Db, garageId: number, start: Date, end: Date) {
  const rows = await sql<{ merchantId: number; name: string; contact: string | null; code: string; uses: number; discountCents: string }[]>`
    select m.id as merchant_id, m.name, m.contact, c.code, count(*)::int as uses, sum(u.discount_cents)::text as discount_cents
    from validation_uses u join validation_codes c on c.id = u.code_id join merchants m on m.id = c.merchant_id
    where u.garage_id = ${garageId} and u.used_at >= ${start} and u.used_at < ${end}
    group by m.id, m.name, m.contact, c.code
    order by m.name, c.code
  `;
  return rows.map((r) => ({ ...r, discountCents: parseCents(r.discountCents) }));
}
