import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedLog } from './test/captured-log.js';
import { fakeSlack } from './test/fake-slack.js';
import { slackHarness, type SlackHarness } from './test/harness.js';
import { responseUrl, slashCommandBody, triggerId } from './test/slack-requests.js';

/**
 * Property tests: random signed slash commands and interactive payloads through the real route on
 * the real database. Every one is answered below 500, the server keeps going, and the garage
 * still adds up afterwards.
 */
const slack = fakeSlack();
const captured = capturedLog();
let h: SlackHarness;
beforeAll(async () => {
  slack.server.listen({ onUnhandledRequest: 'error' });
  h = await slackHarness(slack, { totalSpaces: 8, log: captured.log });
  await h.addUser('fuzzmgr', 'manager', 'U0FUZZMGR'); // clicks on Approve / Deny that count
});
afterAll(async () => {
  await h.close();
  slack.server.close();
});

const word = fc.oneof(
  fc.constantFrom('enter', 'exit', 'find', 'stats', 'report', 'payments', 'link', 'help', 'EXIT', 'cash', 'Credit', 'card', 'suv', 'PS-000000', 'ps-o1l1i0', '2026-11-23', '2026-02-30'),
  fc.constantFrom('void', 'refund', 'waive', 'approvals', 'lost', 'duplicate', 'wrong', 'plate', 'wrong_plate', 'other', 'goodwill', '5.00', '$5', '$0.01', '99999999.99'),
  fc.stringMatching(/^[A-Z0-9-]{1,12}$/),
  fc.string({ maxLength: 15 }),
);
const text = fc.array(word, { maxLength: 5 }).map((w) => w.join(' '));

describe('fuzz: Slack', () => {
  it('random /park commands, with fields missing or odd, never get a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.subarray(['user_id', 'team_id', 'trigger_id', 'command', 'channel_id']), fc.option(fc.string({ maxLength: 12 })), async (t, drop, userId) => {
        const { body } = slashCommandBody({ text: t, ...(userId !== null ? { userId } : {}) });
        const form = new URLSearchParams(body);
        for (const field of drop) form.delete(field);
        const res = await h.send(form.toString());
        expect(res.status, JSON.stringify({ t, drop, userId })).toBeLessThan(500);
        await h.settled();
      }),
      { numRuns: 120 },
    );
  });

  it('random interactive payloads (any JSON, any action) never get a 5xx', async () => {
    const action = fc.record({
      type: fc.constantFrom('button', 'static_select', 'x'),
      action_id: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('pay_cash', 'pay_mobile', 'pay_credit_card', 'pay_', 'exception_approve', 'exception_deny')),
      value: fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom('PS-000000|Cash', 'PS-000000:Mobile', '{}', '{"exceptionId":1,"garageId":1}', '{"exceptionId":2147483648,"garageId":1}', '{"exceptionId":1,"garageId":1,"list":true}'),
      ),
    });
    const payload = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 40 }),
      fc.record({
        type: fc.constantFrom('block_actions', 'view_submission', 'shortcut', 'nonsense'),
        user: fc.record({ id: fc.oneof(fc.constantFrom('U0ATTEND', 'U0FUZZMGR'), fc.string({ maxLength: 10 })) }),
        team: fc.record({ id: fc.constantFrom('T0PARKOPS', 'T0OTHER') }),
        response_url: fc.constant(responseUrl('actions')),
        trigger_id: fc.constant(triggerId()),
        actions: fc.array(action, { maxLength: 2 }),
      }).map((p) => JSON.stringify(p)),
    );
    await fc.assert(
      fc.asyncProperty(payload, async (p) => {
        const res = await h.send(new URLSearchParams({ payload: p }).toString());
        expect(res.status, p).toBeLessThan(500);
        await h.settled();
      }),
      { numRuns: 120 },
    );
  });

  it('random bodies with no valid signature are refused with 401 before anything reads them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), fc.string({ maxLength: 80 }), async (body, signature) => {
        const res = await h.app.request('/slack/events', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(h.clock.seconds()), 'x-slack-signature': signature },
          body,
        });
        expect(res.status).toBe(401);
      }),
      { numRuns: 100 },
    );
  });

  it('afterwards: occupied = active tickets <= spaces, and every completed ticket was paid what its breakdown says', async () => {
    const [row] = await h.db.sql<{ active: number; spaces: number; mismatched: number }[]>`
      select (select count(*)::int from tickets where status = 'active') as active,
             (select total_spaces from garages limit 1) as spaces,
             (select count(*)::int from tickets where status = 'completed' and amount_paid <> (fee_breakdown->>'totalCents')::int) as mismatched`;
    expect(row!.active).toBeLessThanOrEqual(row!.spaces);
    expect(row!.mismatched).toBe(0);
  });

  it('and nothing failed unexpectedly on the way (no error logged)', () => {
    const errors = captured.lines.filter((l) => l.level >= 50);
    expect(errors.map((l) => `${l.msg} ${JSON.stringify(l.err ?? '')}`.slice(0, 300))).toEqual([]);
  });
});
