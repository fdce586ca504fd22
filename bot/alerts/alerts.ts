import { loadEpisodeMessage, loadGarageAlerts, saveEpisodeMessage } from '../../api/alert-episodes/queries.js';
import type { Alerts } from '../../api/alerts.js';
import { viewExceptions } from '../../api/corrections/use-cases.js';
import { loadException, saveExceptionMessage } from '../../api/corrections/queries.js';
import type { Deps } from '../../api/deps.js';
import { loadManagedGarage } from '../../api/slack/managed-garage.js';
import { loadGarageOfDiscard, type ManagedGarage } from '../../api/slack/managers-channels.js';
import type { AlertEpisode } from '../../shared/alerts.js';
import type { GarageException } from '../../shared/corrections.js';
import { buildAlertCleared, buildAlertRaised } from '../blocks/alert.js';
import { buildPaymentNeedsManager } from '../blocks/discard.js';
import { buildExceptionDecided, buildExceptionRequest, buildOutcomeForRequester } from '../blocks/exception.js';
import { slackUserOf } from '../blocks/person.js';
import type { SummaryPoster } from '../summary/post.js';
import { managersChannelOf } from '../managers-channel.js';
import { namedByStaff, namedRequest } from '../staff-names.js';
import type { MessageUpdater } from './update.js';

/** Slack's side of `Alerts`, with a way to wait for posts still on their way (shutdown, tests). */
export type SlackAlerts = Alerts & Required<Pick<Alerts, 'exceptionRequested' | 'exceptionDecided' | 'alertRaised' | 'alertCleared'>> & { settled(): Promise<void> };

const NO_CHANNEL = "slack alert not posted: the garage has no managers' channel and SLACK_SUMMARY_CHANNEL is not set";

/**
 * Announces to the managers' channel of the garage it happened in (its `slackManagersChannel`, else
 * `fallbackChannel`, SLACK_SUMMARY_CHANNEL; a garage with neither gets none, and the log says so):
 * paid exits discarded on phones; alert episodes (a garage at 95% or full, tickets open too long,
 * a shift with many voids and refunds, a daily summary unposted for an hour, a public feed that
 * has not changed for 6 hours, a shift's cash variance or unclosed shift until it is reconciled),
 * posted once when they start, their channel and `ts` saved,
 * and that message replaced (`update`) by "Ended at …" when they end; and requests that wait for a
 * manager — posted with Approve / Deny, their channel and `ts` saved, and replaced (`update`) by the decision when they are decided, from
 * any door, or expire; a requester who asked from Slack is told the outcome in a direct message.
 * Each alert is sent once, after its change committed, with the client's bounded retries; one that
 * still fails is logged with what it was about (the record stays in PostgreSQL, listed in the app
 * and the API, and its buttons still decide correctly), never thrown at the request.
 */
export function createSlackAlerts(input: {
  deps: Pick<Deps, 'sql' | 'log' | 'now'>;
  fallbackChannel: string | undefined;
  post: SummaryPoster;
  update?: MessageUpdater | undefined;
}): SlackAlerts {
  const { deps, fallbackChannel, post, update } = input;
  const inFlight = new Set<Promise<void>>();
  const track = (about: Record<string, unknown>, work: (state: { channel: string | null }) => Promise<void>) => {
    const state = { channel: null as string | null };
    const job = work(state)
      .catch((error: unknown) => deps.log.error({ err: error, ...about, channel: state.channel }, 'slack alert could not be posted'))
      .finally(() => inFlight.delete(job));
    inFlight.add(job);
  };

  /** The garage of an alert and its managers' channel; null (logged) when it has none. */
  const channelOf = async (garageId: number, about: Record<string, unknown>): Promise<{ garage: ManagedGarage; channel: string } | null> => {
    const garage = await loadManagedGarage(deps.sql, garageId);
    if (!garage) throw new Error(`garage ${garageId} does not exist`);
    const channel = managersChannelOf(garage, fallbackChannel);
    if (!channel) deps.log.warn({ ...about, garageId }, NO_CHANNEL);
    return channel ? { garage, channel } : null;
  };

  /** Replaces a request's message, where one was saved, by its decision. */
  const showDecision = async (e: GarageException, garage: ManagedGarage, where: { slackChannel: string | null; slackTs: string | null }) => {
    if (!where.slackChannel || !where.slackTs) return;
    if (!update) {
      deps.log.warn({ alert: 'exception_decided', subject: String(e.id) }, 'slack request message not replaced: SLACK_BOT_TOKEN is not set');
      return;
    }
    const message = buildExceptionDecided(e, garage);
    await update({ channel: where.slackChannel, ts: where.slackTs, text: message.text, blocks: message.blocks });
  };

  /** Replaces an episode's message by its end; without a way to replace it (no bot token for `chat.update`), posts the end. */
  const showEnd = async (e: AlertEpisode, garage: ManagedGarage, where: { channel: string; ts: string }) => {
    const message = buildAlertCleared(e, garage);
    if (update) await update({ channel: where.channel, ts: where.ts, text: message.text, blocks: message.blocks });
    else await post({ channel: where.channel, text: message.text, blocks: message.blocks });
  };

  return {
    paymentNeedsManager(discard) {
      const about = { alert: 'payment_needs_manager', subject: String(discard.id) };
      track(about, async (state) => {
        const garage = await loadGarageOfDiscard(deps.sql, discard.id);
        if (!garage) throw new Error(`discard ${discard.id} has no garage`);
        state.channel = managersChannelOf(garage, fallbackChannel);
        if (!state.channel) {
          deps.log.warn({ ...about, garageId: garage.id }, NO_CHANNEL);
          return;
        }
        const message = buildPaymentNeedsManager(discard, garage.timezone, garage.name);
        await post({ channel: state.channel, text: message.text, blocks: message.blocks });
      });
    },

    /**
     * Posts the request with its buttons and saves where. Decided before it was saved (another
     * server, the app, at once)? That decision's alert found no message to replace, so the
     * message is replaced here: whichever saw the other's write last replaces it.
     */
    exceptionRequested(asked) {
      const about = { alert: 'exception_requested', subject: String(asked.id) };
      track(about, async (state) => {
        const found = await channelOf(asked.garageId, about);
        if (!found) return;
        state.channel = found.channel;
        const e = await namedRequest(deps.sql, asked);
        const message = buildExceptionRequest(e, found.garage);
        const { ts } = await post({ channel: found.channel, text: message.text, blocks: message.blocks });
        await saveExceptionMessage(deps.sql, e.id, { channel: found.channel, ts });
        const row = await loadException(deps.sql, e.id);
        if (!row || row.status === 'pending') return;
        const [view] = await namedByStaff(deps.sql, await viewExceptions(deps.sql, [row], deps.now()));
        await showDecision(view!, found.garage, { slackChannel: found.channel, slackTs: ts });
      });
    },

    /** Replaces the request's message by its decision, and tells a requester who asked from Slack (a direct message). */
    exceptionDecided(decided) {
      const subject = String(decided.id);
      const garageAndNames = () => Promise.all([loadManagedGarage(deps.sql, decided.garageId), namedRequest(deps.sql, decided)] as const);
      track({ alert: 'exception_decided', subject }, async (state) => {
        const [row, [garage, e]] = await Promise.all([loadException(deps.sql, decided.id), garageAndNames()]);
        if (!row || !garage) throw new Error(`request ${decided.id} or its garage does not exist`);
        state.channel = row.slackChannel;
        await showDecision(e, garage, row);
      });
      const requester = slackUserOf(decided.requestedBy);
      if (!requester) return; // asked in the app: it shows them the outcome
      track({ alert: 'exception_outcome', subject }, async (state) => {
        state.channel = requester;
        const [garage, e] = await garageAndNames();
        if (!garage) throw new Error(`garage ${decided.garageId} does not exist`);
        const message = buildOutcomeForRequester(e, garage);
        await post({ channel: requester, text: message.text, blocks: message.blocks });
      });
    },

    /**
     * An episode began: posted to its garage's managers, where saved. Cleared before it was saved
     * (another server, a slow post)? That end found no message to replace and was posted on its own;
     * this message is then replaced by the end too, so it never reads as still going on.
     */
    alertRaised(episode) {
      const about = { alert: 'alert_raised', kind: episode.kind, subject: String(episode.id) };
      track(about, async (state) => {
        const found = await channelOf(episode.garageId, about);
        if (!found) return;
        state.channel = found.channel;
        const message = buildAlertRaised(episode, found.garage);
        const { ts } = await post({ channel: found.channel, text: message.text, blocks: message.blocks });
        await saveEpisodeMessage(deps.sql, episode.id, found.channel, ts);
        const { recent } = await loadGarageAlerts(deps.sql, episode.garageId);
        const ended = recent.find((e) => e.id === episode.id);
        if (ended) await showEnd(ended, found.garage, { channel: found.channel, ts });
      });
    },

    /** An episode ended: its message (where one was saved) now says so and when; without one, the end is posted. */
    alertCleared(episode) {
      const about = { alert: 'alert_cleared', kind: episode.kind, subject: String(episode.id) };
      track(about, async (state) => {
        const where = await loadEpisodeMessage(deps.sql, episode.id);
        if (where) {
          state.channel = where.channel;
          const garage = await loadManagedGarage(deps.sql, episode.garageId);
          if (!garage) throw new Error(`garage ${episode.garageId} does not exist`);
          await showEnd(episode, garage, where);
          return;
        }
        const found = await channelOf(episode.garageId, about);
        if (!found) return;
        state.channel = found.channel;
        const message = buildAlertCleared(episode, found.garage);
        await post({ channel: found.channel, text: message.text, blocks: message.blocks });
      });
    },

    async settled() {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
  };
}
