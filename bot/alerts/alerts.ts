import type { Alerts } from '../../api/alerts.js';
import type { Deps } from '../../api/deps.js';
import { loadGarageOfDiscard } from '../../api/slack/managers-channels.js';
import { buildPaymentNeedsManager } from '../blocks/discard.js';
import type { SummaryPoster } from '../summary/post.js';
import { managersChannelOf } from '../managers-channel.js';

/** Slack's side of `Alerts`, with a way to wait for posts still on their way (shutdown, tests). */
export type SlackAlerts = Alerts & { settled(): Promise<void> };

/**
 * Announces anomalies to the managers' channel of the garage they happened in (its
 * `slackManagersChannel`, else `fallbackChannel`, SLACK_SUMMARY_CHANNEL; a garage with neither
 * gets none, and the log says so). Each alert is posted once, after its change committed, with the
 * poster's bounded retries; a post that still fails is logged with what it was about (the record
 * stays in PostgreSQL, listed in the app and the API), never thrown at the request.
 */
export function createSlackAlerts(input: { deps: Pick<Deps, 'sql' | 'log'>; fallbackChannel: string | undefined; post: SummaryPoster }): SlackAlerts {
  const { deps, fallbackChannel, post } = input;
  const inFlight = new Set<Promise<void>>();
  const track = (work: () => Promise<void>) => {
    const job = work().finally(() => inFlight.delete(job));
    inFlight.add(job);
  };
  return {
    paymentNeedsManager(discard) {
      const about = { alert: 'payment_needs_manager', subject: String(discard.id) };
      track(async () => {
        let channel: string | null = null;
        try {
          const garage = await loadGarageOfDiscard(deps.sql, discard.id);
          if (!garage) throw new Error(`discard ${discard.id} has no garage`);
          channel = managersChannelOf(garage, fallbackChannel);
          if (!channel) {
            deps.log.warn({ ...about, garageId: garage.id }, "slack alert not posted: the garage has no managers' channel and SLACK_SUMMARY_CHANNEL is not set");
            return;
          }
          const message = buildPaymentNeedsManager(discard, garage.timezone, garage.name);
          await post({ channel, text: message.text, blocks: message.blocks });
        } catch (error) {
          deps.log.error({ err: error, ...about, channel }, 'slack alert could not be posted');
        }
      });
    },
    async settled() {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
  };
}
