import type { ExtraRoutes } from '../api/app.js';
import type { Config } from '../api/config.js';
import type { Deps } from '../api/deps.js';
import type { Logger } from '../api/logger.js';
import { createSlackAlerts, type SlackAlerts } from './alerts/alerts.js';
import { boltLogger } from './bolt-logger.js';
import { HonoReceiver } from './receiver.js';
import { buildSlackApp } from './slack-app.js';
import { checkSchedule } from './summary/due-day.js';
import { createSummaryClient, createSummaryPoster, type SummaryPoster } from './summary/post.js';
import { startSummaryScheduler, type SummaryScheduler } from './summary/scheduler.js';

/** The Slack settings ParkOps reads (see api/config.ts). */
export type SlackConfig = Pick<Config, 'SLACK_SIGNING_SECRET' | 'SLACK_BOT_TOKEN' | 'SLACK_TEAM_ID' | 'SLACK_SUMMARY_CHANNEL' | 'SUMMARY_SCHEDULE'> & Partial<Pick<Config, 'SLACK_API_URL'>>;

/** The Slack side of a server, for the composition root to wire in. */
export type Slack = {
  /** `/slack` (POST /slack/events) when a signing secret is set; none otherwise. */
  routes: ExtraRoutes;
  /** The receiver behind the route, when on (tests wait on its `settled()`). */
  receiver: HonoReceiver | null;
  /** Starts the daily summary (when a bot token and a channel are set); call once the server listens. */
  startSummaries(): SummaryScheduler | null;
  /** Anomalies announced to the managers' channel (`SLACK_SUMMARY_CHANNEL`), when a bot token and a channel are set. */
  alerts: SlackAlerts | null;
  /** Stops the summary schedule and waits for Slack work in flight; call before closing the database. */
  stop(): Promise<void>;
};

/**
 * Builds the Slack adapter from the configuration, each half off (with a log line saying why) when
 * its settings are missing: the route needs `SLACK_SIGNING_SECRET`; the daily summary and the
 * managers' alerts need `SLACK_BOT_TOKEN` and `SLACK_SUMMARY_CHANNEL`. Makes no call to Slack.
 * @example const slack = createSlack({ deps, config, log }); const app = createApp(deps, slack.routes);
 */
export function createSlack(options: { deps: Deps; config: SlackConfig; log: Logger; summaryPoster?: SummaryPoster }): Slack {
  const { deps, config, log } = options;
  let receiver: HonoReceiver | null = null;
  if (config.SLACK_SIGNING_SECRET) {
    receiver = new HonoReceiver({ signingSecret: config.SLACK_SIGNING_SECRET, log, now: deps.now });
    buildSlackApp({ receiver, deps, botToken: config.SLACK_BOT_TOKEN, teamId: config.SLACK_TEAM_ID });
    log.info({ teamCheck: Boolean(config.SLACK_TEAM_ID) }, 'slack commands on at POST /slack/events');
  } else {
    log.info({}, 'slack commands off: SLACK_SIGNING_SECRET is not set');
  }

  const token = config.SLACK_BOT_TOKEN;
  const channel = config.SLACK_SUMMARY_CHANNEL;
  const given = options.summaryPoster;
  const makePoster = given ? () => given : token ? () => createSummaryPoster(createSummaryClient(token, { logger: boltLogger(log), slackApiUrl: config.SLACK_API_URL })) : null;
  if (channel && makePoster) checkSchedule(config.SUMMARY_SCHEDULE);
  let scheduler: SummaryScheduler | null = null;
  const alerts = channel && makePoster ? createSlackAlerts({ deps, channel, post: makePoster() }) : null;

  return {
    routes: receiver ? [{ path: '/slack', app: receiver.routes() }] : [],
    receiver,
    alerts,
    startSummaries() {
      if (!channel || !makePoster) {
        log.info({}, 'daily slack summary off: set SLACK_BOT_TOKEN and SLACK_SUMMARY_CHANNEL to post it');
        return null;
      }
      if (scheduler) return scheduler;
      scheduler = startSummaryScheduler({ deps, schedule: config.SUMMARY_SCHEDULE, channel, post: makePoster() });
      return scheduler;
    },
    async stop() {
      await scheduler?.stop();
      await receiver?.stop();
      await alerts?.settled();
    },
  };
}
