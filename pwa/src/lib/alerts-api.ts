import { AlertsView, type AlertMuteBody } from '../../../shared/alerts.js';
import { call, inGarage } from './api.js';

/** A garage's alerts (managers), every answer checked against the shared schema; loaded with the Alerts screen only. */
export const alertsApi = {
  /** The episodes going on now, the last ones that ended, and the kinds muted. */
  view: (garageId: number) => call(AlertsView, inGarage(garageId, '/alerts')),
  /** Mutes or unmutes one kind for the garage (still recorded, not posted to Slack); the alerts after. */
  mute: (garageId: number, body: AlertMuteBody) => call(AlertsView, inGarage(garageId, '/alerts/mutes'), { method: 'PUT', body }),
};
