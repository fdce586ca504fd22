import type { AlertMuteBody, AlertsView } from '../../shared/alerts.js';
import type { Attribution } from '../../shared/auth.js';
import { recordAudit } from '../audit/queries.js';
import type { Deps } from '../deps.js';
import { loadGarageAlerts, setMute } from './queries.js';

/**
 * PUT /api/garages/:id/alerts/mutes and `/park alerts mute|unmute`: mutes (or unmutes) one kind of
 * alert for a garage and records who did it in the audit log ('alert.mute' / 'alert.unmute'), in one
 * transaction; the garage's alerts after the change. A muted kind is still recorded, not announced.
 * @example await muteAlertKind(deps, 1, { kind: 'stale_tickets', muted: true }, { actor: 'slack:U0MIA', source: 'slack' })
 */
export async function muteAlertKind(deps: Pick<Deps, 'sql' | 'now'>, garageId: number, body: AlertMuteBody, by: Attribution): Promise<AlertsView> {
  await deps.sql.begin(async (tx) => {
    await setMute(tx, garageId, body.kind, body.muted, by.actor, deps.now());
    await recordAudit(tx, { garageId, ...by, action: body.muted ? 'alert.mute' : 'alert.unmute', subject: body.kind, details: {} });
  });
  return loadGarageAlerts(deps.sql, garageId);
}
