import type { Attribution } from '../../shared/auth.js';
import type { Discard, DiscardBody, DiscardStatus } from '../../shared/discards.js';
import { recordAudit } from '../audit/queries.js';
import type { Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { insertDiscard, loadDiscard, loadDiscardByKey, resolveDiscard } from './queries.js';

/** Who does it: the staff account, and the attribution for the audit. */
type Staff = { userId: number; by: Attribution };

/**
 * What a discard becomes: an exit where money was taken must be accounted for by a manager
 * (`needs_manager`); anything else is kept as a record of what was given up (`recorded`).
 */
export function discardStatus(body: Pick<DiscardBody, 'kind' | 'paymentMethod'>): DiscardStatus {
  return body.kind === 'exit' && body.paymentMethod !== null ? 'needs_manager' : 'recorded';
}

/**
 * Records what an attendant discards from the phone after the server refused it — who, what, the
 * amount taken, what the server said and why — with its audit row, in one transaction. Reporting
 * the same phone item again (its key) gives the record made the first time, so a retry never makes
 * two. Invariant: money taken at the gate never disappears without a record. A paid exit is
 * announced to managers (`deps.alerts`) once, after the record has committed.
 */
export async function reportDiscard(
  deps: Pick<Deps, 'sql' | 'garageId' | 'now' | 'alerts'>,
  body: DiscardBody,
  staff: Staff,
): Promise<{ discard: Discard; replayed: boolean }> {
  const status = discardStatus(body);
  const done = await deps.sql.begin(async (tx) => {
    const id = await insertDiscard(tx, { ...body, garageId: deps.garageId, discardedBy: staff.userId, discardedAt: deps.now(), status });
    if (id === null) {
      const earlier = await loadDiscardByKey(tx, deps.garageId, staff.userId, body.key);
      if (!earlier) throw new Error(`discard ${body.key} conflicted but cannot be read`);
      return { discard: earlier, replayed: true };
    }
    await recordAudit(tx, {
      garageId: deps.garageId,
      ...staff.by,
      action: 'outbox.discard',
      subject: body.ticketNumber ?? body.key,
      details: {
        discardId: id,
        kind: body.kind,
        status,
        licensePlate: body.licensePlate,
        paymentMethod: body.paymentMethod,
        amountCents: body.amountCents,
        happenedAt: body.happenedAt,
        refusal: body.refusal.code,
        reason: body.reason,
      },
    });
    const discard = await loadDiscard(tx, deps.garageId, id);
    if (!discard) throw new Error(`discard ${id} was just inserted but cannot be read`);
    return { discard, replayed: false };
  });
  if (!done.replayed && done.discard.status === 'needs_manager') deps.alerts?.paymentNeedsManager(done.discard);
  return done;
}

/**
 * A manager says what became of the money of a discarded paid exit. Exactly one resolution however
 * many managers click at once: the update only takes a record still waiting for one.
 */
export async function resolveDiscardedPayment(
  deps: Pick<Deps, 'sql' | 'garageId' | 'now'>,
  id: number,
  note: string,
  staff: Staff,
): Promise<Discard> {
  return deps.sql.begin(async (tx) => {
    const at = deps.now();
    if (!(await resolveDiscard(tx, deps.garageId, id, { by: staff.userId, at, note }))) {
      const current = await loadDiscard(tx, deps.garageId, id);
      if (!current) throw new AppError('not_found', `No discarded item #${id}`);
      if (current.status === 'resolved') {
        throw new AppError('already_resolved', `Discarded item #${id} was already resolved by ${current.resolution?.by.username} at ${current.resolution?.at}`);
      }
      throw new AppError('already_resolved', `Discarded item #${id} needs no resolution: no money was taken`);
    }
    await recordAudit(tx, { garageId: deps.garageId, ...staff.by, action: 'outbox.discard.resolve', subject: String(id), details: { note } });
    const resolved = await loadDiscard(tx, deps.garageId, id);
    if (!resolved) throw new Error(`discard ${id} was just resolved but cannot be read`);
    return resolved;
  });
}
