import { afterAll, afterEach, beforeAll } from 'vitest';
import { fakeSlack } from './fake-slack.js';
import { slackHarness, type SlackHarness } from './harness.js';

/**
 * The setup every Slack test file shares: msw listening (unhandled requests fail the test) before
 * any App or WebClient is built, and after each test the harnesses it started closed and the
 * fake Slack's records cleared. `start` builds a harness (see slackHarness) that is closed for you (closing it
 * early in a test is fine).
 */
export function slackSuite() {
  const slack = fakeSlack();
  const open: SlackHarness[] = [];
  beforeAll(() => slack.server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => slack.server.close());
  afterEach(async () => {
    for (const h of open.splice(0)) await h.close();
    slack.reset();
  });
  const start = async (options?: Parameters<typeof slackHarness>[1]) => {
    const h = await slackHarness(slack, options);
    let closing: Promise<void> | undefined;
    const once: SlackHarness = { ...h, close: () => (closing ??= h.close()) }; // a test may close it early
    open.push(once);
    return once;
  };
  return { slack, start };
}
