import type { Attribution, Role } from '../../shared/auth.js';
import { expectedCash, type CloseShiftBody, type MovementBody, type Shift } from '../../shared/shifts.js';
import { announceEpisode, clearCashVarianceEpisode, openCashVarianceEpisode } from '../alert-episodes/cash-variance.js';
import { recordAudit } from '../audit/queries.js';
import type { Db } from '../db/types.js';
import type { Deps } from '../deps.js';
import { loadSettings } from '../garage/queries.js';
import { mayUseGarage } from '../garages/scope.js';
import { AppError } from '../http/app-error.js';
import {
  countShiftFigures,
  endShiftRow,
  hasShiftOpenAt,
  insertMovement,
  insertShift,
  listMovements,
  listShifts,
  loadOpenShift,
  loadShift,
  reconcileShiftRow,
  shiftsLeftOpen,
  type ShiftRow,
} from './queries.js';

/**
 * Shifts and cash, the use cases every door calls: open with a float, drops, payouts and float
 * additions, a blind close, a manager's reconciliation, and the server closing a shift left open for
 * 24 hours. Invariant — blind: while a shift is open, nothing its holder (an attendant) can get from
 * these shows the expected cash or the cash figures it is made of.
 */

/** Who asks: their door and identity, role and garages. */
export type ShiftUser = { by: Attribution; userId: number; role: Role; garageIds: readonly number[] };

type ShiftDeps = Pick<Deps, 'sql' | 'now' | 'alerts'>;

/** How long a shift may stay open before the server closes it as unclosed. */
export const SHIFT_MAX_MS = 24 * 3600_000;

/** A shift as `viewer` may see it (blind to its attendant holder while open). */
async function viewShift(sql: Db, row: ShiftRow, viewer: { role: Role } | 'manager'): Promise<Shift> {
  const [figures, movements] = await Promise.all([countShiftFigures(sql, row.id), listMovements(sql, row.id)]);
  const blind = row.status === 'open' && viewer !== 'manager' && viewer.role === 'attendant';
  const expected =
    row.expectedCashCents ??
    expectedCash({ floatCents: row.openingFloatCents, cashTakenCents: figures.cashTakenCents, cashRefundedCents: figures.cashRefundedCents, drops: figures.drops, payouts: figures.payouts, floatAdds: figures.floatAdds });
  return {
    id: row.id,
    garageId: row.garageId,
    userId: row.userId,
    username: row.username,
    status: row.status,
    openedAt: row.openedAt.toISOString(),
    openingFloatCents: row.openingFloatCents,
    closedAt: row.closedAt?.toISOString() ?? null,
    entries: figures.entries,
    exits: figures.exits,
    cardCents: figures.cardCents,
    mobileCents: figures.mobileCents,
    cashTakenCents: blind ? null : figures.cashTakenCents,
    cashRefundedCents: blind ? null : figures.cashRefundedCents,
    voids: figures.voids,
    refunds: figures.refunds,
    lostTickets: figures.lostTickets,
    movements,
    declaredCashCents: row.declaredCashCents,
    expectedCashCents: blind ? null : expected,
    varianceCents: row.varianceCents,
    closeNote: row.closeNote,
    reconciled: row.reconciledAt && row.reconciledBy ? { by: row.reconciledBy, at: row.reconciledAt.toISOString(), note: row.reconcileNote ?? '' } : null,
  };
}

/** A shift the user may see: their own, or any of their garages' when they are a manager; else 404. */
async function shiftFor(sql: Db, id: number, who: ShiftUser, options: { lock?: boolean } = {}): Promise<ShiftRow> {
  const row = await loadShift(sql, id, options);
  const visible = row && mayUseGarage(who, row.garageId) && (row.userId === who.userId || who.role !== 'attendant');
  if (!visible) throw new AppError('not_found', `No shift ${id} of yours`);
  return row;
}

/** POST /api/shifts: opens the caller's shift in the request's garage with its float (one open shift per person and garage). */
export async function openShift(deps: ShiftDeps & { garageId: number }, who: ShiftUser, floatCents: number): Promise<Shift> {
  return deps.sql.begin(async (tx) => {
    const id = await insertShift(tx, { garageId: deps.garageId, userId: who.userId, at: deps.now(), floatCents });
    if (id === null) {
      const open = await loadOpenShift(tx, deps.garageId, who.userId);
      throw new AppError('shift_already_open', `You already have a shift open here since ${open?.openedAt.toISOString()}: close it before opening another`, [{ shiftId: open?.id ?? null }]);
    }
    await recordAudit(tx, { garageId: deps.garageId, ...who.by, action: 'shift.open', subject: String(id), details: { openingFloatCents: floatCents } });
    return viewShift(tx, (await loadShift(tx, id))!, who);
  });
}

/** GET /api/shifts/current: the caller's open shift in the request's garage (blind), or 404 saying how to open one. */
export async function currentShift(deps: ShiftDeps & { garageId: number }, who: ShiftUser): Promise<Shift> {
  const row = await loadOpenShift(deps.sql, deps.garageId, who.userId);
  if (!row) throw new AppError('not_found', 'You have no open shift in this garage: open one with your float (POST /api/shifts)');
  return viewShift(deps.sql, row, who);
}

/** GET /api/shifts/:id */
export async function showShift(deps: ShiftDeps, id: number, who: ShiftUser): Promise<Shift> {
  return viewShift(deps.sql, await shiftFor(deps.sql, id, who), who);
}

/** GET /api/shifts (managers): a garage's shifts, newest first. */
export async function showShifts(deps: ShiftDeps & { garageId: number }, q: { status?: ShiftRow['status'] | undefined; before?: number | undefined; limit: number }) {
  const rows = await listShifts(deps.sql, deps.garageId, q);
  const shifts = await Promise.all(rows.map((r) => viewShift(deps.sql, r, 'manager')));
  return { shifts, nextBefore: shifts.length === q.limit ? shifts.at(-1)!.id : null };
}

/** POST /api/shifts/:id/movements: a drop to the safe, a payout, or a float addition, on an open shift (its holder or a manager). */
export async function addMovement(deps: ShiftDeps, id: number, body: MovementBody, who: ShiftUser): Promise<Shift> {
  return deps.sql.begin(async (tx) => {
    const row = await shiftFor(tx, id, who, { lock: true });
    if (row.status !== 'open') throw new AppError('shift_not_open', `Shift ${id} is ${row.status}: cash can only move on an open shift`);
    await insertMovement(tx, { garageId: row.garageId, shiftId: id, kind: body.kind, amountCents: body.amountCents, reason: body.reason, at: deps.now(), by: who.by.actor });
    await recordAudit(tx, { garageId: row.garageId, ...who.by, action: `shift.${body.kind}`, subject: String(id), details: { amountCents: body.amountCents, reason: body.reason } });
    return viewShift(tx, row, who);
  });
}

/**
 * POST /api/shifts/:id/close: the blind close. Its holder (or a manager) declares the cash counted;
 * only then is the expected cash worked out, stored with the count and shown, with the variance. A
 * variance beyond the garage's threshold opens a cash_variance alert episode in the same transaction
 * (announced to its managers after the commit, once; it ends when a manager reconciles the shift).
 */
export async function closeShift(deps: ShiftDeps, id: number, body: CloseShiftBody, who: ShiftUser): Promise<Shift> {
  const closed = await deps.sql.begin(async (tx) => {
    const row = await shiftFor(tx, id, who, { lock: true });
    if (row.status !== 'open') throw new AppError('shift_not_open', `Shift ${id} is already ${row.status}`);
    const at = deps.now();
    const f = await countShiftFigures(tx, id, at);
    const expected = expectedCash({ floatCents: row.openingFloatCents, cashTakenCents: f.cashTakenCents, cashRefundedCents: f.cashRefundedCents, drops: f.drops, payouts: f.payouts, floatAdds: f.floatAdds });
    const variance = body.declaredCashCents - expected;
    await endShiftRow(tx, id, { status: 'closed', at, by: who.by.actor, declaredCents: body.declaredCashCents, expectedCents: expected, varianceCents: variance, note: body.note ?? null });
    await recordAudit(tx, {
      garageId: row.garageId,
      ...who.by,
      action: 'shift.close',
      subject: String(id),
      details: { declaredCashCents: body.declaredCashCents, expectedCashCents: expected, varianceCents: variance, note: body.note ?? null },
    });
    const ended = (await loadShift(tx, id))!;
    const shift = await viewShift(tx, ended, 'manager');
    const settings = await loadSettings(tx, row.garageId);
    const opened = await openCashVarianceEpisode(tx, { row: ended, figures: shift, thresholdCents: settings?.cashVarianceAlertCents ?? 500, now: at });
    return { shift, opened };
  });
  announceEpisode(deps.alerts, closed);
  return closed.shift;
}

/**
 * POST /api/shifts/:id/reconcile (managers): says what was found about an ended shift's cash; once.
 * Ends its cash_variance alert episode, if one is open, in the same transaction (its Slack message
 * then says so).
 */
export async function reconcileShift(deps: ShiftDeps, id: number, note: string, who: ShiftUser): Promise<Shift> {
  const done = await deps.sql.begin(async (tx) => {
    const row = await shiftFor(tx, id, who, { lock: true });
    const at = deps.now();
    if (!(await reconcileShiftRow(tx, id, { by: who.by.actor, at, note }))) {
      throw new AppError('shift_not_open', row.status === 'open' ? `Shift ${id} is still open: it is reconciled after its close` : `Shift ${id} was already reconciled`);
    }
    await recordAudit(tx, { garageId: row.garageId, ...who.by, action: 'shift.reconcile', subject: String(id), details: { note } });
    const cleared = await clearCashVarianceEpisode(tx, row, at);
    return { shift: await viewShift(tx, (await loadShift(tx, id))!, 'manager'), cleared };
  });
  announceEpisode(deps.alerts, done);
  return done.shift;
}

/**
 * Housekeeping: a shift left open 24 hours is closed by the server as `unclosed` at its 24th hour,
 * with the cash that was expected then and no count, and a cash_variance alert episode opened in the
 * same transaction (announced to the managers after the commit). Each shift is closed by one
 * replica (the update that changes it), which alone announces it.
 */
export async function closeShiftsLeftOpen(deps: ShiftDeps): Promise<number> {
  let closed = 0;
  for (const id of await shiftsLeftOpen(deps.sql, new Date(deps.now().getTime() - SHIFT_MAX_MS))) {
    const unclosed = await deps.sql.begin(async (tx) => {
      const row = await loadShift(tx, id, { lock: true });
      if (!row || row.status !== 'open') return null;
      const at = new Date(row.openedAt.getTime() + SHIFT_MAX_MS);
      const f = await countShiftFigures(tx, id, at);
      const expected = expectedCash({ floatCents: row.openingFloatCents, cashTakenCents: f.cashTakenCents, cashRefundedCents: f.cashRefundedCents, drops: f.drops, payouts: f.payouts, floatAdds: f.floatAdds });
      if (!(await endShiftRow(tx, id, { status: 'unclosed', at, by: 'system', declaredCents: null, expectedCents: expected, varianceCents: null, note: null }))) return null;
      await recordAudit(tx, { garageId: row.garageId, actor: 'system', source: 'system', action: 'shift.unclosed', subject: String(id), details: { expectedCashCents: expected } });
      const ended = (await loadShift(tx, id))!;
      const settings = await loadSettings(tx, row.garageId);
      return { opened: await openCashVarianceEpisode(tx, { row: ended, figures: f, thresholdCents: settings?.cashVarianceAlertCents ?? 500, now: deps.now() }) };
    });
    if (unclosed) {
      closed++;
      announceEpisode(deps.alerts, unclosed);
    }
  }
  return closed;
}

/**
 * The `requireShiftForCash` rule (`required`: the garage's setting): cash taken (or given back) at
 * `at` by `actor` needs a shift of theirs open then in the garage; refused with a sentence saying to open one.
 */
export async function requireShiftForCash(sql: Db, required: boolean, garageId: number, actor: string, at: Date): Promise<void> {
  if (!required) return;
  if (await hasShiftOpenAt(sql, garageId, actor, at)) return;
  throw new AppError('shift_required', `Cash needs an open shift here: open your shift with your float first (no cash was taken or recorded), or take the payment by card or mobile`);
}

