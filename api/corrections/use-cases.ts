import type { Attribution, Role } from '../../shared/auth.js';
import {
  decideApproval,
  type CorrectBody,
  type CorrectionOutcome,
  type ExceptionType,
  type GarageException,
  type Refund,
  type RefundBody,
  type VoidBody,
} from '../../shared/corrections.js';
import { quoteLostTicket, quoteTicketFee } from '../../shared/fee.js';
import { formatCents } from '../../shared/format.js';
import { localDateTime } from '../../shared/garage-day.js';
import type { PaymentMethod, Ticket } from '../../shared/tickets.js';
import type { Alerts } from '../alerts.js';
import { recordAudit } from '../audit/queries.js';
import type { Sql, TransactionSql } from '../db/types.js';
import type { Deps } from '../deps.js';
import { loadSettings } from '../garage/queries.js';
import { mayUseGarage } from '../garages/scope.js';
import { AppError } from '../http/app-error.js';
import { laterWrites, runIdempotent, writeLater, type Later } from '../idempotency/run.js';
import { completeStay } from '../tickets/exit.js';
import { requireShiftForCash } from '../shifts/use-cases.js';
import { byTicketNumber, ticketNotFound } from '../tickets/lookup.js';
import { activeTicketOfPlate, lockTicketForExit, voidTicketRow, type GarageAtExit, type TicketRow } from '../tickets/queries.js';
import { stayOf, toTicket } from '../tickets/ticket-view.js';
import {
  actorNames,
  decideExceptionRow,
  expireDueExceptions,
  insertCorrection,
  insertException,
  insertRefund,
  listExceptions,
  loadException,
  updateTicketIdentity,
  type ExceptionRequest,
  type ExceptionRow,
} from './queries.js';

/**
 * Corrections and exceptions — voids, corrections, refunds and lost-ticket fee waivers — the use
 * cases every door calls (HTTP, Slack, the phone through HTTP). Each runs in one transaction with
 * its audit row. Whether a request is carried out at once or waits for a manager is decided by the
 * garage's approval policy (`decideApproval`); a waiting request (an exception) changes nothing
 * until a manager approves it, and is decided exactly once (`decideException`).
 */

/** Who asks: their door and identity (audit, idempotency) and the role the approval policy weighs. */
export type Requester = { by: Attribution; role: Role };

/** What these use cases need: the database, the request's garage, the clock, and the Slack alerts. */
export type CorrectionDeps = Pick<Deps, 'sql' | 'garageId' | 'now' | 'alerts'>;

type Replayable<T> = T & { replayed: boolean };

/** A locked ticket of the garage, with its garage's timezone and lost-ticket rule, or the not-found refusal. */
async function lockTicket(tx: TransactionSql, garageId: number, ticketNumber: string) {
  const locked = await lockTicketForExit(tx, garageId, ticketNumber);
  if (!locked) throw ticketNotFound(byTicketNumber(ticketNumber), false);
  return locked;
}

function refuseUnlessActive(ticket: TicketRow, timeZone: string, what: string): void {
  if (ticket.status === 'active') return;
  const when = ticket.exitTime ? ` at ${localDateTime(ticket.exitTime, timeZone)}` : '';
  throw new AppError('ticket_not_active', `Ticket ${ticket.ticketNumber} is ${ticket.status === 'voided' ? 'voided' : 'paid'}${when}: only a car still inside can be ${what}`, [
    { ticketNumber: ticket.ticketNumber, status: ticket.status },
  ]);
}

/** How long a request waits for a manager, from the garage's policy. */
async function approvalPolicy(tx: TransactionSql, garageId: number) {
  const settings = await loadSettings(tx, garageId);
  if (!settings) throw new Error(`garage ${garageId} does not exist`);
  return settings.approval;
}

/** Files a request for a manager (or finds the one of its kind already waiting), audited. */
async function fileException(
  tx: TransactionSql,
  deps: CorrectionDeps,
  e: { type: ExceptionType; ticket: TicketRow; amountCents: number; reason: string; note: string | null; request: ExceptionRequest; who: Requester; timeoutMinutes: number },
  later: Later,
): Promise<{ exception: ExceptionRow; created: boolean }> {
  const now = deps.now();
  const filed = await insertException(tx, {
    garageId: deps.garageId,
    type: e.type,
    ticketId: e.ticket.id,
    amountCents: e.amountCents,
    reason: e.reason,
    note: e.note,
    request: e.request,
    by: e.who.by.actor,
    via: e.who.by.source,
    at: now,
    expiresAt: new Date(now.getTime() + e.timeoutMinutes * 60_000),
  });
  if (filed.created) {
    await writeLater(
      recordAudit(tx, {
        garageId: deps.garageId,
        ...e.who.by,
        action: 'exception.request',
        subject: String(filed.exception.id),
        details: { type: e.type, ticketNumber: e.ticket.ticketNumber, amountCents: e.amountCents, reason: e.reason, note: e.note },
      }),
      later,
    );
  }
  return filed;
}

/** An exception as the API shows it, with the names of who asked and who decided. */
export async function viewExceptions(sql: Sql | TransactionSql, rows: readonly ExceptionRow[], now: Date): Promise<GarageException[]> {
  const names = await actorNames(sql, rows.flatMap((r) => [r.requestedBy, ...(r.decidedBy ? [r.decidedBy] : [])]));
  return rows.map((r) => {
    // a pending request past its expiry is expired, whether or not housekeeping has marked it yet
    const expired = r.status === 'pending' && r.expiresAt <= now;
    return {
      id: r.id,
      garageId: r.garageId,
      type: r.type,
      ticketNumber: r.ticketNumber,
      licensePlate: r.licensePlate,
      amountCents: r.amountCents,
      reason: r.reason,
      note: r.note,
      requestedBy: r.requestedBy,
      requestedByName: names.get(r.requestedBy) ?? r.requestedBy,
      requestedAt: r.requestedAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      status: expired ? 'expired' : r.status,
      decidedBy: expired ? 'system' : r.decidedBy,
      decidedByName: expired ? 'system' : r.decidedBy ? (names.get(r.decidedBy) ?? r.decidedBy) : null,
      decidedAt: expired ? r.expiresAt.toISOString() : (r.decidedAt?.toISOString() ?? null),
      decisionNote: r.decisionNote,
    };
  });
}

async function viewException(sql: Sql | TransactionSql, row: ExceptionRow, now: Date): Promise<GarageException> {
  const [view] = await viewExceptions(sql, [row], now);
  return view!;
}

/** Tells Slack about a request that now waits (after the commit; Slack never holds a transaction). */
function announce(alerts: Alerts | undefined, outcome: CorrectionOutcome & { created?: boolean }) {
  if (outcome.outcome === 'pending' && outcome.created) alerts?.exceptionRequested?.(outcome.exception);
}

type Filed = { outcome: 'pending'; exception: GarageException; created: boolean };
type Done = { outcome: 'done'; ticket: Ticket; refund: Refund | null; approvedBy: string };

/** The void itself: the ticket leaves occupancy uncharged, with who and why; audited. */
async function carryOutVoid(
  tx: TransactionSql,
  deps: CorrectionDeps,
  ticket: TicketRow,
  v: { reason: string; note: string | null; requestedBy: Attribution; approvedBy: string; approval: string; exceptionId: number | null },
  later: Later,
): Promise<Done> {
  const now = deps.now();
  const forgiven = quoteTicketFee(stayOf(ticket), now).totalCents;
  const voided = await voidTicketRow(tx, ticket.id, { at: now < ticket.entryTime ? ticket.entryTime : now, by: v.requestedBy.actor, reason: v.reason, note: v.note });
  await writeLater(
    recordAudit(tx, {
      garageId: deps.garageId,
      ...v.requestedBy,
      action: 'ticket.void',
      subject: ticket.ticketNumber,
      details: { reason: v.reason, note: v.note, amountDueForgiven: forgiven, approvedBy: v.approvedBy, approval: v.approval, exceptionId: v.exceptionId },
    }),
    later,
  );
  return { outcome: 'done', ticket: toTicket(voided, now), refund: null, approvedBy: v.approvedBy };
}

/**
 * POST /api/tickets/:n/void, `/park void`: an active ticket entered by mistake is voided — at once
 * when the requester may (a manager, or an attendant when the amount due is under the garage's
 * limit), else filed for a manager. Idempotent with a key.
 */
export async function requestVoid(deps: CorrectionDeps, ticketNumber: string, body: VoidBody, who: Requester, key?: string): Promise<Replayable<CorrectionOutcome>> {
  const input = { ticketNumber, reason: body.reason, note: body.note ?? null };
  const { result, replayed } = await runIdempotent(
    deps.sql,
    deps.garageId,
    key === undefined ? undefined : { by: who.by, key, operation: 'ticket.void', input },
    deps.now(),
    async (tx, later): Promise<Done | Filed> => {
      const { ticket, timezone } = await lockTicket(tx, deps.garageId, ticketNumber);
      refuseUnlessActive(ticket, timezone, 'voided');
      const policy = await approvalPolicy(tx, deps.garageId);
      const amountCents = quoteTicketFee(stayOf(ticket), deps.now()).totalCents;
      const decision = decideApproval(who.role, 'void', amountCents, policy);
      if (decision.alone) {
        return carryOutVoid(tx, deps, ticket, { ...input, requestedBy: who.by, approvedBy: who.by.actor, approval: decision.why, exceptionId: null }, later);
      }
      const request: ExceptionRequest = { type: 'void', reason: body.reason, note: input.note };
      const filed = await fileException(tx, deps, { type: 'void', ticket, amountCents, reason: body.reason, note: input.note, request, who, timeoutMinutes: policy.timeoutMinutes }, later);
      return { outcome: 'pending', exception: await viewException(tx, filed.exception, deps.now()), created: filed.created };
    },
  );
  if (!replayed) announce(deps.alerts, result);
  return { ...withoutCreated(result), replayed };
}

/** The refund itself: within what the ticket paid (checked in the statement that records it); audited. */
async function carryOutRefund(
  tx: TransactionSql,
  deps: CorrectionDeps,
  ticket: TicketRow,
  garage: GarageAtExit,
  r: { amountCents: number; reason: RefundBody['reason']; note: string | null; method: PaymentMethod; requestedBy: Attribution; approvedBy: string; approval: string; exceptionId: number | null },
  later: Later,
): Promise<Done> {
  const now = deps.now();
  if (r.method === 'Cash') await requireShiftForCash(tx, garage.requireShiftForCash, deps.garageId, r.requestedBy.actor, now);
  const refund = await insertRefund(tx, {
    garageId: deps.garageId,
    ticketId: ticket.id,
    amountCents: r.amountCents,
    method: r.method,
    reason: r.reason,
    note: r.note,
    at: now,
    by: r.requestedBy.actor,
    approvedBy: r.approvedBy,
    exceptionId: r.exceptionId,
  });
  if (!refund) throw refundTooLarge(ticket, r.amountCents);
  await writeLater(
    recordAudit(tx, {
      garageId: deps.garageId,
      ...r.requestedBy,
      action: 'ticket.refund',
      subject: ticket.ticketNumber,
      details: { refundId: refund.id, amountCents: r.amountCents, method: r.method, reason: r.reason, note: r.note, approvedBy: r.approvedBy, approval: r.approval, exceptionId: r.exceptionId },
    }),
    later,
  );
  const after = { ...ticket, refundedCents: ticket.refundedCents + r.amountCents };
  return { outcome: 'done', ticket: toTicket(after, now), refund, approvedBy: r.approvedBy };
}

function refundTooLarge(ticket: TicketRow, amountCents: number): AppError {
  const paid = ticket.amountPaid ?? 0;
  const left = paid - ticket.refundedCents;
  return new AppError(
    'refund_exceeds_paid',
    `Ticket ${ticket.ticketNumber} paid ${formatCents(paid)}${ticket.refundedCents > 0 ? ` and ${formatCents(ticket.refundedCents)} was refunded already` : ''}: at most ${formatCents(left)} can be refunded, not ${formatCents(amountCents)}`,
    [{ ticketNumber: ticket.ticketNumber, paidCents: paid, refundedCents: ticket.refundedCents, refundableCents: left }],
  );
}

/**
 * POST /api/tickets/:n/refunds, `/park refund`: money back on a completed ticket, full or partial,
 * never more than it paid in total (however many refunds race) — at once when the requester may, else
 * filed for a manager. With a key, a retry is the same refund, never a second one.
 */
export async function requestRefund(deps: CorrectionDeps, ticketNumber: string, body: RefundBody, who: Requester, key?: string): Promise<Replayable<CorrectionOutcome>> {
  const input = { ticketNumber, amountCents: body.amountCents, reason: body.reason, note: body.note ?? null, method: body.method ?? null };
  const { result, replayed } = await runIdempotent(
    deps.sql,
    deps.garageId,
    key === undefined ? undefined : { by: who.by, key, operation: 'ticket.refund', input },
    deps.now(),
    async (tx, later): Promise<Done | Filed> => {
      const { ticket, timezone, garage } = await lockTicket(tx, deps.garageId, ticketNumber);
      if (ticket.status !== 'completed') {
        throw new AppError('ticket_not_completed', `Ticket ${ticket.ticketNumber} is ${ticket.status === 'active' ? 'still parked' : `voided at ${localDateTime(ticket.exitTime!, timezone)}`}: only a paid ticket can be refunded`, [
          { ticketNumber: ticket.ticketNumber, status: ticket.status },
        ]);
      }
      if (body.amountCents > (ticket.amountPaid ?? 0) - ticket.refundedCents) throw refundTooLarge(ticket, body.amountCents);
      const method = body.method ?? ticket.paymentMethod!;
      const policy = await approvalPolicy(tx, deps.garageId);
      const decision = decideApproval(who.role, 'refund', body.amountCents, policy);
      if (decision.alone) {
        return carryOutRefund(tx, deps, ticket, garage, { ...body, note: input.note, method, requestedBy: who.by, approvedBy: who.by.actor, approval: decision.why, exceptionId: null }, later);
      }
      const request: ExceptionRequest = { type: 'refund', amountCents: body.amountCents, reason: body.reason, note: input.note, method };
      const filed = await fileException(tx, deps, { type: 'refund', ticket, amountCents: body.amountCents, reason: body.reason, note: input.note, request, who, timeoutMinutes: policy.timeoutMinutes }, later);
      return { outcome: 'pending', exception: await viewException(tx, filed.exception, deps.now()), created: filed.created };
    },
  );
  if (!replayed) announce(deps.alerts, result);
  return { ...withoutCreated(result), replayed };
}

/**
 * POST /api/tickets/:n/lost-ticket-waiver, `/park exit … lost waive`: a lost ticket checked out
 * with the lost-ticket extra waived (only the stay charged) — at once when the requester may, else
 * filed for a manager, and the car is checked out when it is approved, at the time it was asked.
 */
export async function requestLostTicketWaiver(
  deps: CorrectionDeps,
  ticketNumber: string,
  body: { paymentMethod: PaymentMethod },
  who: Requester,
  key?: string,
): Promise<Replayable<CorrectionOutcome>> {
  const input = { ticketNumber, paymentMethod: body.paymentMethod };
  const { result, replayed } = await runIdempotent(
    deps.sql,
    deps.garageId,
    key === undefined ? undefined : { by: who.by, key, operation: 'ticket.lost_ticket_waiver', input },
    deps.now(),
    async (tx, later): Promise<Done | Filed> => {
      const { ticket, timezone, garage } = await lockTicket(tx, deps.garageId, ticketNumber);
      refuseUnlessActive(ticket, timezone, 'checked out');
      const now = deps.now();
      const quote = quoteLostTicket(stayOf(ticket), now, garage.lostTicket, false);
      const policy = await approvalPolicy(tx, deps.garageId);
      const decision = decideApproval(who.role, 'lost_ticket_waiver', quote.lostTicket.feeCents, policy);
      if (decision.alone) {
        const done = await completeStay(tx, deps, { target: byTicketNumber(ticketNumber), paymentMethod: body.paymentMethod, waiver: { approvedBy: who.by.actor, exceptionId: null } }, who.by, later);
        return { outcome: 'done', ticket: done, refund: null, approvedBy: who.by.actor };
      }
      const request: ExceptionRequest = { type: 'lost_ticket_waiver', paymentMethod: body.paymentMethod, exitTime: now.toISOString() };
      const filed = await fileException(
        tx,
        deps,
        { type: 'lost_ticket_waiver', ticket, amountCents: quote.lostTicket.feeCents, reason: 'lost_ticket', note: null, request, who, timeoutMinutes: policy.timeoutMinutes },
        later,
      );
      return { outcome: 'pending', exception: await viewException(tx, filed.exception, now), created: filed.created };
    },
  );
  if (!replayed) announce(deps.alerts, result);
  return { ...withoutCreated(result), replayed };
}

function withoutCreated(result: Done | Filed): CorrectionOutcome {
  if (result.outcome === 'done') return result;
  return { outcome: 'pending', exception: result.exception };
}

/**
 * PATCH /api/tickets/:n: a plate or vehicle type typed wrong at the gate, on an active ticket. No
 * money moves, so anyone who may use tickets may do it; the one-active-ticket-per-plate rule still
 * holds (409 when the new plate is parked on another ticket). Recorded with before and after.
 */
export async function correctTicket(deps: CorrectionDeps, ticketNumber: string, body: CorrectBody, who: Requester): Promise<Ticket> {
  return deps.sql.begin(async (tx) => {
    const { ticket, timezone } = await lockTicket(tx, deps.garageId, ticketNumber);
    refuseUnlessActive(ticket, timezone, 'corrected');
    const before = { licensePlate: ticket.licensePlate, vehicleType: ticket.vehicleType };
    const after = { licensePlate: body.licensePlate?.display ?? ticket.licensePlate, vehicleType: body.vehicleType ?? ticket.vehicleType };
    try {
      await tx.savepoint((sp) => updateTicketIdentity(sp, ticket.id, { licensePlate: body.licensePlate?.display, plateNormalized: body.licensePlate?.normalized, vehicleType: body.vehicleType }));
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error;
      const inside = await activeTicketOfPlate(tx, deps.garageId, body.licensePlate!.normalized);
      throw new AppError('vehicle_already_parked', `${body.licensePlate!.display} is already parked on ticket ${inside ?? 'another ticket'}`, [
        { ticketNumber: inside },
      ]);
    }
    const now = deps.now();
    await Promise.all([
      insertCorrection(tx, { garageId: deps.garageId, ticketId: ticket.id, at: now, by: who.by.actor, before, after }),
      recordAudit(tx, { garageId: deps.garageId, ...who.by, action: 'ticket.correct', subject: ticket.ticketNumber, details: { before, after } }),
    ]);
    return toTicket({ ...ticket, ...after }, now);
  });
}

/** Who decides: their identity (audit), and the garages they may use (an exception of another is 404). */
export type Decider = { by: Attribution; garageIds: readonly number[] };

/**
 * POST /api/exceptions/:id/approve | deny, Slack's Approve / Deny buttons: the first decision wins.
 * The exception row is locked and decided in one transaction with its effect (the void, refund or
 * checkout) and its audit row, so however many clicks, people or servers race, exactly one decision
 * is recorded and carried out; the others get `already_decided` with who decided what. An expired
 * request is marked so and refused (`request_expired`); an approval whose effect can no longer be
 * carried out (the car left meanwhile, the ticket refunded by other means) is refused and stays
 * pending, for a manager to deny.
 */
export async function decideException(
  deps: Omit<CorrectionDeps, 'garageId'>,
  id: number,
  decision: { approve: boolean; note: string | null },
  who: Decider,
): Promise<GarageException> {
  const now = deps.now();
  const outcome = await deps.sql.begin(async (tx) => {
    const e = await loadException(tx, id, { lock: true });
    if (!e || !mayUseGarage(who, e.garageId)) throw new AppError('not_found', `No request ${id}`);
    if (e.status !== 'pending') return { refusal: 'already_decided' as const, e };
    if (e.expiresAt <= now) {
      await decideExceptionRow(tx, id, { status: 'expired', by: 'system', at: e.expiresAt, note: null });
      await recordAudit(tx, { garageId: e.garageId, actor: 'system', source: 'system', action: 'exception.expire', subject: String(id) });
      return { refusal: 'expired' as const, e: (await loadException(tx, id))! };
    }
    const garageDeps = { ...deps, garageId: e.garageId };
    const { later, settle } = laterWrites();
    if (decision.approve) {
      const requestedBy: Attribution = { actor: e.requestedBy as Attribution['actor'], source: e.requestedVia as Attribution['source'] };
      const { ticket, timezone, garage } = await lockTicket(tx, e.garageId, e.ticketNumber);
      const r = e.request;
      const approval = { approvedBy: who.by.actor, approval: 'manager', exceptionId: e.id };
      if (r.type === 'void') {
        refuseUnlessActive(ticket, timezone, 'voided');
        await carryOutVoid(tx, garageDeps, ticket, { reason: r.reason, note: r.note, requestedBy, ...approval }, later);
      } else if (r.type === 'refund') {
        if (ticket.status !== 'completed') throw new AppError('ticket_not_completed', `Ticket ${ticket.ticketNumber} is no longer a paid ticket: deny this request`);
        await carryOutRefund(tx, garageDeps, ticket, garage, { amountCents: r.amountCents, reason: r.reason, note: r.note, method: r.method, requestedBy, ...approval }, later);
      } else {
        const exitTime = new Date(r.exitTime);
        const at = { ...garageDeps, now: () => exitTime };
        await completeStay(tx, at, { target: byTicketNumber(e.ticketNumber), paymentMethod: r.paymentMethod, waiver: { approvedBy: who.by.actor, exceptionId: e.id } }, requestedBy, later);
      }
    }
    await decideExceptionRow(tx, id, { status: decision.approve ? 'approved' : 'denied', by: who.by.actor, at: now, note: decision.note });
    await settle(
      recordAudit(tx, {
        garageId: e.garageId,
        ...who.by,
        action: decision.approve ? 'exception.approve' : 'exception.deny',
        subject: String(id),
        details: { type: e.type, ticketNumber: e.ticketNumber, amountCents: e.amountCents, note: decision.note },
      }),
    );
    return { refusal: null, e: (await loadException(tx, id))! };
  });
  const view = await viewException(deps.sql, outcome.e, now);
  if (outcome.refusal === 'already_decided') {
    throw new AppError('already_decided', `This request was already ${view.status} by ${view.decidedByName} at ${view.decidedAt}`, [{ exception: view }]);
  }
  deps.alerts?.exceptionDecided?.(view);
  if (outcome.refusal === 'expired') throw new AppError('request_expired', `This request expired at ${view.expiresAt} without a decision; ask again`, [{ exception: view }]);
  return view;
}

/** GET /api/exceptions: a garage's requests, newest first (a pending one past its expiry shows as expired). */
export async function showExceptions(deps: Pick<CorrectionDeps, 'sql' | 'garageId' | 'now'>, q: { status?: GarageException['status'] | undefined; before?: number | undefined; limit: number }) {
  const now = deps.now();
  const views = await viewExceptions(deps.sql, await listExceptions(deps.sql, deps.garageId, q, now), now);
  return { exceptions: views, nextBefore: views.length === q.limit ? views.at(-1)!.id : null };
}

/** One exception by id, if the user may use its garage. */
export async function showException(deps: Pick<CorrectionDeps, 'sql' | 'now'>, id: number, who: { garageIds: readonly number[] }): Promise<GarageException> {
  const e = await loadException(deps.sql, id);
  if (!e || !mayUseGarage(who, e.garageId)) throw new AppError('not_found', `No request ${id}`);
  return viewException(deps.sql, e, deps.now());
}

/** Housekeeping: marks requests past their expiry as expired (audited), and tells Slack, so their buttons say so. */
export async function expireExceptions(deps: Pick<CorrectionDeps, 'sql' | 'now' | 'alerts'>): Promise<number> {
  const now = deps.now();
  const expired = await deps.sql.begin(async (tx) => {
    const ids = await expireDueExceptions(tx, now);
    for (const id of ids) await recordAudit(tx, { garageId: (await loadException(tx, id))!.garageId, actor: 'system', source: 'system', action: 'exception.expire', subject: String(id) });
    return ids;
  });
  for (const id of expired) {
    const e = await loadException(deps.sql, id);
    if (e) deps.alerts?.exceptionDecided?.(await viewException(deps.sql, e, now));
  }
  return expired.length;
}

