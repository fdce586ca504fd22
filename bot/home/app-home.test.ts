import { describe, expect, it } from 'vitest';
import { checkAlerts } from '../../api/alert-episodes/evaluate.js';
import type { SlackHarness } from '../test/harness.js';
import { buttonsOf, onlyReply, ticketNumberIn } from '../test/replies.js';
import { slackSuite } from '../test/slack-suite.js';
import { appHomeOpenedBody, homeButtonClickBody } from '../test/slack-requests.js';

/**
 * The app's Home tab: opened by a linked manager, it is published (views.publish) with their
 * garage's occupancy, today's money, the requests that wait with their Approve / Deny, open shifts
 * and open alerts; a click there decides the request and publishes the tab again; anyone else gets
 * a short page saying how to link their account.
 */
const { slack, start } = slackSuite();

const publishes = () => slack.apiCalls.filter((c) => c.method === 'views.publish');
const viewOf = (call: { args: Record<string, unknown> }) => call.args.view as { type: string; blocks: Record<string, unknown>[] };

/** Opens the Home tab as `userId`, to the end. */
async function openHome(h: SlackHarness, userId: string, tab: 'home' | 'messages' = 'home') {
  const res = await h.send(appHomeOpenedBody({ userId, tab }), { contentType: 'application/json' });
  await h.settled();
  return res;
}

/**
 * A garage of 2 spaces in New York at 10:00: maria (manager, U0MANAGER), ana's shift open, a car
 * paid $20.00 (90 min) and a $5.00 refund of it asked by an unlinked Slack user (waits), then 2 cars
 * parked (full) and the minute's alert check run.
 */
async function busyGarage(h: SlackHarness) {
  await h.addUser('maria', 'manager', 'U0MANAGER');
  await h.addUser('ana', 'attendant');
  expect((await h.apiSend('POST', '/api/shifts', 'ana', { openingFloatCents: 10000 })).status).toBe(201);
  const ticket = ticketNumberIn(onlyReply((await h.command('enter ABC 123')).replies));
  h.clock.advance(90 * 60_000);
  await h.command(`exit ${ticket} cash`);
  await h.command(`refund ${ticket} 5.00 wrong rate`, { userId: 'U0ATTEND' });
  await h.command('enter XYZ 1');
  await h.command('enter XYZ 2');
  await checkAlerts({ sql: h.db.sql, now: h.clock.now, alerts: undefined });
}

describe('the Home tab', () => {
  it('a linked manager sees their garage: occupancy, today’s gross / refunds / net, a waiting request with its buttons, open shifts and alerts', async () => {
    const h = await start({ totalSpaces: 2, timezone: 'America/New_York', start: '2026-11-23T15:00:00.000Z' });
    await busyGarage(h);
    expect((await openHome(h, 'U0MANAGER')).status).toBe(200);
    const [call] = publishes();
    expect(call!.args.user_id).toBe('U0MANAGER');
    const view = viewOf(call!);
    expect(view.type).toBe('home');
    const said = JSON.stringify(view.blocks);
    expect(said).toContain('"text":"Garage"'); // the garage's header
    expect(said).toContain('2 of 2 (100%) · 0 free');
    expect(said).toContain('*Gross today*\\n$20.00');
    expect(said).toContain('*Refunds today*\\n$0.00');
    expect(said).toContain('*Net today*\\n$20.00');
    expect(said).toContain('*Refund* of *PS-');
    expect(buttonsOf(view).map((b) => [b.actionId, b.text])).toEqual([
      ['exception_approve', 'Approve'],
      ['exception_deny', 'Deny'],
    ]);
    expect(said).toContain('*ana* #1 since 10:00');
    expect(said).toContain('Garage is full (2 of 2)');
  });

  it('Approve clicked on the Home tab decides the request once and publishes the tab again, saying so', async () => {
    const h = await start({ totalSpaces: 2, timezone: 'America/New_York', start: '2026-11-23T15:00:00.000Z' });
    await busyGarage(h);
    await openHome(h, 'U0MANAGER');
    const [approve] = buttonsOf(viewOf(publishes()[0]!));
    expect((await h.send(homeButtonClickBody({ actionId: approve!.actionId, value: approve!.value, userId: 'U0MANAGER' }))).status).toBe(200);
    await h.settled();
    const again = publishes()[1]!;
    expect(again.args.user_id).toBe('U0MANAGER');
    const said = JSON.stringify(viewOf(again).blocks);
    expect(said).toContain('Approved by maria at');
    expect(said).toContain('*Refunds today*\\n$5.00');
    expect(said).toContain('*Net today*\\n$15.00');
    expect(buttonsOf(viewOf(again))).toEqual([]);
    const [row] = await h.db.sql<{ status: string; decidedBy: string }[]>`select status, decided_by from exceptions`;
    expect(row).toEqual({ status: 'approved', decidedBy: 'slack:U0MANAGER' });
  });

  it.each([
    ['an unlinked Slack user', 'U0NOBODY', 'Your Slack account (U0NOBODY) is not linked to a ParkOps staff account'],
    ['a linked attendant', 'U0SAM', 'Your ParkOps account (sam) is an attendant'],
  ])('%s gets the short page', async (_who, userId, text) => {
    const h = await start();
    await h.addUser('sam', 'attendant', 'U0SAM');
    await openHome(h, userId);
    const [call] = publishes();
    expect(call!.args.user_id).toBe(userId);
    const said = JSON.stringify(viewOf(call!).blocks);
    expect(said).toContain(text);
    expect(said).not.toContain('Net today');
  });

  it('the Messages tab opening publishes nothing', async () => {
    const h = await start();
    await h.addUser('maria', 'manager', 'U0MANAGER');
    expect((await openHome(h, 'U0MANAGER', 'messages')).status).toBe(200);
    expect(publishes()).toEqual([]);
  });
});
