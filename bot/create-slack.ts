import type { ExtraRoutes } from '../api/app.js';
import type { Config } from '../api/config.js';
import type { Deps } from '../api/deps.js';
import type { Logger } from '../api/logger.js';
import { createSlackAlerts, type SlackAlerts } from './alerts/alerts.js';
import { createMessageUpdater } from './alerts/update.js';
import { boltLogger } from './bolt-logger.js';
import { slackDeps } from './commands/context.js';
import { HonoReceiver } from './receiver.js';
import { buildSlackApp } from './slack-app.js';
import { checkSchedule } from './summary/due-day.js';
import { createSummaryClient, createSummaryPoster, type SummaryPoster } from './summary/post.js';
import { startSummaryScheduler, type SummaryScheduler } from './summary/scheduler.js';

/**
 * The Slack settings ParkOps reads (see api/config.ts); with PUBLIC_URL for the drivers' receipt links.
 */
export type SlackConfig = Pick<Config, 'SLACK_SIGNING_SECRET' | 'SLACK_BOT_TOKEN' | 'SLACK_TEAM_ID' | 'SLACK_SUMMARY_CHANNEL' | 'SUMMARY_SCHEDULE'> &
  Partial<Pick<Config, 'SLACK_API_URL' | 'PUBLIC_URL'>>;

/** The Slack side of a server, for the composition root to wire in. */
export type Slack = {
  /** `/slack` (POST /slack/events) when a signing secret is set; none otherwise. */
  routes: ExtraRoutes;
  /** The receiver behind the route, when on (tests wait on its `settled()`). */
  receiver: HonoReceiver | null;
  /** Starts the daily summary of every garage (when a bot token is set); call once the server listens. */
  startSummaries(): SummaryScheduler | null;
  /** Anomalies and requests for approval announced to each garage's managers' channel (else `SLACK_SUMMARY_CHANNEL`), when a bot token is set. */
  alerts: SlackAlerts | null;
  /** Stops the summary schedule and waits for Slack work in flight; call before closing the database. */
  stop(): Promise<void>;
};

/**
 * Builds the Slack adapter from the configuration, each half off (with a log line saying why) when
 * its settings are missing: the route needs `SLACK_SIGNING_SECRET`; the daily summaries and the
 * managers' alerts need `SLACK_BOT_TOKEN`, and go to each garage's managers' channel, else to
 * `SLACK_SUMMARY_CHANNEL` (a garage with neither gets none; the scheduler logs each garage's state).
 * Receipts in Slack carry the driver's link under `PUBLIC_URL` (unset: they say how to turn it on),
 * signed with the server's one key source (`deps.receiptKeys`), as the HTTP app's are.
 * `deps.garageId` is not used: every Slack request and summary finds its own garage. Makes no call to Slack.
 * @example const slack = createSlack({ deps, config, log }); const app = createApp(deps, slack.routes);
 */
export function createSlack(options: { deps: Deps; config: SlackConfig; log: Logger; summaryPoster?: SummaryPoster }): Slack {
  const { deps, config, log } = options;
  let receiver: HonoReceiver | null = null;
  if (config.SLACK_SIGNING_SECRET) {
    receiver = new HonoReceiver({ signingSecret: config.SLACK_SIGNING_SECRET, log, now: deps.now });
    const receipts = { publicUrl: config.PUBLIC_URL };
    buildSlackApp({ receiver, deps, botToken: config.SLACK_BOT_TOKEN, teamId: config.SLACK_TEAM_ID, receipts });
    log.info({ teamCheck: Boolean(config.SLACK_TEAM_ID) }, 'slack commands on at POST /slack/events');
    if (!config.PUBLIC_URL) log.info({}, 'slack receipts carry no link for the driver: set PUBLIC_URL to the address drivers reach ParkOps at');
  } else {
    log.info({}, 'slack commands off: SLACK_SIGNING_SECRET is not set');
  }

  const token = config.SLACK_BOT_TOKEN;
  const fallbackChannel = config.SLACK_SUMMARY_CHANNEL || undefined;
  const given = options.summaryPoster;
  const makeClient = token ? () => createSummaryClient(token, { logger: boltLogger(log), slackApiUrl: config.SLACK_API_URL }) : null;
  const makePoster = given ? () => given : makeClient ? () => createSummaryPoster(makeClient()) : null;
  if (makePoster) checkSchedule(config.SUMMARY_SCHEDULE);
  let scheduler: SummaryScheduler | null = null;
  const alerts = makePoster
    ? createSlackAlerts({ deps, fallbackChannel, post: makePoster(), update: makeClient ? createMessageUpdater(makeClient()) : undefined })
    : null;

  return {
    routes: receiver ? [{ path: '/slack', app: receiver.routes() }] : [],
    receiver,
    alerts,
    startSummaries() {
      if (!makePoster) {
        log.info({}, "daily slack summary and managers' alerts off: set SLACK_BOT_TOKEN to post them");
        return null;
      }
      if (scheduler) return scheduler;
      log.info(
        { schedule: config.SUMMARY_SCHEDULE, fallbackChannel: fallbackChannel ?? null },
        fallbackChannel
          ? "daily slack summary on: each garage's managers' channel, else SLACK_SUMMARY_CHANNEL"
          : "daily slack summary on for garages with a managers' channel (SLACK_SUMMARY_CHANNEL is not set)",
      );
      scheduler = startSummaryScheduler({ deps: slackDeps(deps), schedule: config.SUMMARY_SCHEDULE, fallbackChannel, post: makePoster() });
      return scheduler;
    },
    async stop() {
      await scheduler?.stop();
      await receiver?.stop();
      await alerts?.settled();
    },
  };
}
