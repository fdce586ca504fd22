import { cashVarianceDue, type AlertEpisode, type EndedShift } from '../../shared/alerts.js';
import type { Alerts } from '../alerts.js';
import type { Db } from '../db/types.js';
import type { ShiftFigures, ShiftRow } from '../shifts/queries.js';
import { clearEpisodeOf, openEpisode } from './queries.js';

/**
 * The cash_variance episode of a shift that needs a manager (unclosed, or a variance beyond its
 * garage's threshold), kept by the shift's own use cases: opened in the close's transaction (a
 * person's close, or the server's close as unclosed) and cleared in the reconciliation's, each
 * announced after the commit by the call whose write made it. The minute's check (`checkAlerts`)
 * decides with the same rule (`cashVarianceDue`) and only finds them already open or cleared; it
 * would open one a close missed (a shift closed before this kind existed, in its last 7 days).
 */

/** The figures of a shift's window that its cash_variance message shows besides the count. */
export function shiftWindowFigures(f: Pick<ShiftFigures, 'exits' | 'voids' | 'refunds' | 'lostTickets'> & { cashTakenCents: number | null }) {
  return { cashTakenCents: f.cashTakenCents, exits: f.exits, voids: f.voids, refunds: f.refunds, lostTickets: f.lostTickets };
}

/** An ended shift as the cash_variance rule reads it; null for a shift still open. */
export function endedShiftOf(row: ShiftRow): EndedShift | null {
  if (row.status === 'open' || !row.closedAt) return null;
  return {
    id: row.id,
    username: row.username,
    status: row.status,
    openedAt: row.openedAt.toISOString(),
    closedAt: row.closedAt.toISOString(),
    openingFloatCents: row.openingFloatCents,
    declaredCashCents: row.declaredCashCents,
    expectedCashCents: row.expectedCashCents,
    varianceCents: row.varianceCents,
    reconciled: row.reconciledAt !== null,
  };
}

/**
 * In the close's transaction: opens the shift's cash_variance episode when `cashVarianceDue` says
 * it is due, with the shift's window figures; the episode when this call opened it (to announce
 * after the commit), else null (not needed, or already open).
 */
export async function openCashVarianceEpisode(
  tx: Db,
  s: { row: ShiftRow; figures: Parameters<typeof shiftWindowFigures>[0]; thresholdCents: number; now: Date },
): Promise<AlertEpisode | null> {
  const ended = endedShiftOf(s.row);
  const due = ended && cashVarianceDue(ended, s.thresholdCents, s.now, false);
  if (!due) return null;
  return openEpisode(tx, { garageId: s.row.garageId, ...due, details: { ...due.details, ...shiftWindowFigures(s.figures) }, at: s.now });
}

/** In the reconciliation's transaction: ends the shift's open cash_variance episode; the episode when this call ended it, else null. */
export async function clearCashVarianceEpisode(tx: Db, shift: { garageId: number; id: number }, at: Date): Promise<AlertEpisode | null> {
  return clearEpisodeOf(tx, { garageId: shift.garageId, kind: 'cash_variance', subject: String(shift.id) }, at);
}

/** After the commit: tells the managers an episode this call opened or cleared (a muted kind is recorded, not told). */
export function announceEpisode(alerts: Alerts | undefined, change: { opened?: AlertEpisode | null; cleared?: AlertEpisode | null }): void {
  if (change.opened && !change.opened.muted) alerts?.alertRaised?.(change.opened);
  if (change.cleared && !change.cleared.muted) alerts?.alertCleared?.(change.cleared);
}
