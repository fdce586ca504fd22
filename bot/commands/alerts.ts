import { loadGarageAlerts } from '../../api/alert-episodes/queries.js';
import { muteAlertKind } from '../../api/alert-episodes/use-cases.js';
import type { AlertKind } from '../../shared/alerts.js';
import { ALERT_KIND_NAMES, buildAlertsList } from '../blocks/alert.js';
import type { Reply } from '../blocks/reply.js';
import { requireSlackAccess } from './access.js';
import { attribution, type SlackContext } from './context.js';

/**
 * `/park alerts [mute|unmute <kind>]` (managers): the channel's garage's open alerts and muted kinds,
 * only for the asker (GET /api/garages/:id/alerts); with `mute` / `unmute`, first changes that kind
 * through the same use case as PUT …/alerts/mutes (`muteAlertKind`: audited as the Slack user).
 */
export async function alertsCommand(ctx: SlackContext, mute?: { kind: AlertKind; muted: boolean }): Promise<Reply> {
  requireSlackAccess(ctx, 'alerts.manage', mute ? 'mute or unmute alerts' : "see the garage's alerts");
  const { sql, garageId } = ctx.deps;
  const view = mute ? await muteAlertKind(ctx.deps, garageId, mute, attribution(ctx)) : await loadGarageAlerts(sql, garageId);
  const notice = mute
    ? mute.muted
      ? `Muted "${ALERT_KIND_NAMES[mute.kind]}" at ${ctx.garage.name}: still recorded, no longer posted.`
      : `Unmuted "${ALERT_KIND_NAMES[mute.kind]}" at ${ctx.garage.name}: posted again from its next episode.`
    : undefined;
  return buildAlertsList(view, ctx.garage, ctx.deps.now(), { command: ctx.command, ...(notice ? { notice } : {}) });
}
