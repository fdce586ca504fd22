import type { Alerts } from '../../api/alerts.js';
import type { Deps } from '../../api/deps.js';
import { loadGarageTimezone } from '../../api/garage/queries.js';
import { buildPaymentNeedsManager } from '../blocks/discard.js';
import type { SummaryPoster } from '../summary/post.js';

/** Slack's side of `Alerts`, with a way to wait for posts still on their way (shutdown, tests). */
export type SlackAlerts = Alerts & { settled(): Promise<void> };

/**
 * Announces anomalies to the managers' channel. Each alert is posted once, after its change
 * committed, with the poster's bounded retries; a post that still fails is logged with what it was
 * about (the record stays in PostgreSQL, listed in the app and the API), never thrown at the request.
 */
export function createSlackAlerts(input: { deps: Pick<Deps, 'sql' | 'garageId' | 'log'>; channel: string; post: SummaryPoster }): SlackAlerts {
  const { deps, channel, post } = input;
  const inFlight = new Set<Promise<void>>();
  const send = (what: string, subject: string, work: () => Promise<void>) => {
    const job = work()
      .catch((error: unknown) => deps.log.error({ err: error, alert: what, subject, channel }, 'slack alert could not be posted'))
      .finally(() => inFlight.delete(job));
    inFlight.add(job);
  };
  return {
    paymentNeedsManager(discard) {
      send('payment_needs_manager', String(discard.id), async () => {
        const timeZone = await loadGarageTimezone(deps.sql, deps.garageId);
        const message = buildPaymentNeedsManager(discard, timeZone);
        await post({ channel, text: message.text, blocks: message.blocks });
      });
    },
    async settled() {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
  };
}
