import { describe, expect, it } from 'vitest';
import { reportDiscard, resolveDiscardedPayment } from '../../api/discards/use-cases.js';
import { refusedCashExit } from '../../api/test/discards.js';
import type { SlackHarness } from '../test/harness.js';
import { onlyReply, said } from '../test/replies.js';
import { slackSuite } from '../test/slack-suite.js';

const { start } = slackSuite();

/** Three items handed over from a phone: two paid exits waiting, one already resolved, one entry (no money). */
async function handedOver(h: SlackHarness) {
  const ana = await h.addUser('ana', 'attendant');
  const boss = await h.addUser('maria', 'manager', 'U0MANAGER');
  const by = { userId: ana.id, by: { actor: `user:${ana.id}` as const, source: 'pwa' as const } };
  await reportDiscard(h.deps, refusedCashExit('a', { amountCents: 6000, happenedAt: '2026-11-23T14:40:00.000Z' }), by);
  await reportDiscard(h.deps, refusedCashExit('b', { amountCents: 2550, ticketNumber: 'PS-7K3QXM', licensePlate: 'XYZ 9' }), by);
  const done = await reportDiscard(h.deps, refusedCashExit('c', { amountCents: 999 }), by);
  await resolveDiscardedPayment(h.deps, done.discard.id, 'Counted in the drawer', { userId: boss.id, by: { actor: `user:${boss.id}`, source: 'api' } });
  await reportDiscard(h.deps, refusedCashExit('d', { kind: 'entry', paymentMethod: null, amountCents: null }), by);
}

describe('/park payments', () => {
  it('a manager sees the paid exits waiting for a manager, with amounts, who and why; not resolved ones or entries', async () => {
    const h = await start({ timezone: 'America/New_York' });
    await handedOver(h);
    const reply = onlyReply((await h.command('payments', { userId: 'U0MANAGER' })).replies);
    expect(reply).toMatchObject({ response_type: 'ephemeral', text: '2 payments to resolve ($85.50)' });
    for (const part of ['$60.00 (Cash)', 'OFF-3F9A1C · ABC 123', '$25.50 (Cash)', 'PS-7K3QXM · XYZ 9', 'by ana at', '9:40']) expect(said(reply)).toContain(part);
    expect(said(reply)).not.toContain('$9.99');
  });

  it('refuses someone who is not a manager, in words', async () => {
    const h = await start();
    await h.addUser('sam', 'attendant', 'U0ATTEND');
    const reply = onlyReply((await h.command('payments', { userId: 'U0ATTEND' })).replies);
    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    expect(said(reply)).toContain('Only managers can see payments to resolve');
  });

  it('says when nothing waits', async () => {
    const h = await start();
    await h.addUser('maria', 'manager', 'U0MANAGER');
    expect(onlyReply((await h.command('payments', { userId: 'U0MANAGER' })).replies)).toMatchObject({ text: 'No payments to resolve.' });
  });
});
