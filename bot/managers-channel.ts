import type { ManagedGarage } from '../api/slack/managers-channels.js';

/**
 * Where a garage's managers hear from ParkOps (its daily summary and alerts): its own managers'
 * channel, else the deployment's `SLACK_SUMMARY_CHANNEL`; null: nowhere.
 * @example managersChannelOf({ slackManagersChannel: null }, 'C0MANAGERS') // 'C0MANAGERS'
 */
export function managersChannelOf(garage: Pick<ManagedGarage, 'slackManagersChannel'>, fallbackChannel: string | undefined): string | null {
  return garage.slackManagersChannel ?? (fallbackChannel || null);
}
