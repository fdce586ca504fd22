import { App } from '@slack/bolt';
import type { Deps } from '../api/deps.js';
import { boltLogger } from './bolt-logger.js';
import { registerCancelReservationButtons } from './commands/cancel-reservation.js';
import { registerDecisionButtons } from './commands/decide.js';
import { registerParkCommand } from './commands/park.js';
import { registerPayButtons } from './commands/pay.js';
import type { SlackReceipts } from './commands/receipt.js';
import { registerAppHome } from './home/app-home.js';
import type { HonoReceiver } from './receiver.js';
import { requireTeam } from './team.js';

/**
 * The Bolt app behind `POST /slack/events`. Built without any call to Slack: `authorize` hands back
 * the configured bot token (slash commands and buttons answer through `response_url` and need none),
 * so Bolt never runs `auth.test`; `fetch` is looked up at each call (tests' msw sees it).
 * `receipts`: how receipts in Slack get the driver's link (the key source and PUBLIC_URL).
 */
export function buildSlackApp(options: { receiver: HonoReceiver; deps: Deps; botToken: string | undefined; teamId: string | undefined; receipts: SlackReceipts }): App {
  const { deps } = options;
  const app = new App({
    receiver: options.receiver,
    authorize: async (source) => ({
      ...(options.botToken ? { botToken: options.botToken } : {}),
      teamId: source.teamId,
      ...(source.enterpriseId ? { enterpriseId: source.enterpriseId } : {}),
    }),
    tokenVerificationEnabled: false,
    ignoreSelf: false, // the one event subscribed, app_home_opened, is a person's: nothing of our own can come back
    convoStore: false, // no per-process state: replicas stay interchangeable
    logger: boltLogger(deps.log),
    clientOptions: {
      fetch: (input, init) => globalThis.fetch(input, init),
      timeout: 10_000,
      retryConfig: { retries: 1 },
      rejectRateLimitedCalls: true,
    },
  });
  app.error(async (error) => {
    // Listeners answer the person themselves. What lands here either came before the ack (the
    // receiver then answers with an apology) or could not be answered at all (an expired
    // response_url, Slack unreachable); the receiver logs it, once, in both cases.
    throw error;
  });
  app.use(requireTeam(options.teamId, deps.log));
  registerParkCommand(app, deps, options.receipts);
  registerPayButtons(app, deps, options.receipts);
  registerDecisionButtons(app, deps);
  registerCancelReservationButtons(app, deps);
  registerAppHome(app, deps);
  return app;
}
