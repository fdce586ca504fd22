import { describe, expect, it } from 'vitest';
import { linkSlackChannel } from '../../api/slack/link-channel.js';
import { Shift } from '../../shared/shifts.js';
import type { SlackHarness } from '../test/harness.js';
import { onlyReply, said, ticketNumberIn } from '../test/replies.js';
import { slackSuite } from '../test/slack-suite.js';

const { start } = slackSuite();

/**
 * ana (Slack U0ANA) opens her shift with $133.70 at 10:00 New York time, takes $20.00 cash and
 * $30.00 by card through Slack, drops $5.25 and pays out $1.50: $146.95 is expected in her drawer.
 */
async function anasShift(h: SlackHarness, as: 'attendant' | 'manager' = 'attendant') {
  await h.addUser('ana', as, 'U0ANA');
  const opened = await h.apiSend('POST', '/api/shifts', 'ana', { openingFloatCents: 13_370 });
  expect(opened.status).toBe(201);
  const id = Shift.parse(opened.json).id;
  const a = ticketNumberIn(onlyReply((await h.command('enter SHIFT1', { userId: 'U0ANA' })).replies));
  const b = ticketNumberIn(onlyReply((await h.command('enter SHIFT2', { userId: 'U0ANA' })).replies));
  h.clock.advance(90 * 60_000);
  await h.command(`exit ${a} cash`, { userId: 'U0ANA' }); // 90 min: $20.00
  h.clock.advance(60 * 60_000);
  await h.command(`exit ${b} credit card`, { userId: 'U0ANA' }); // 150 min: $30.00
  await h.apiSend('POST', `/api/shifts/${id}/movements`, 'ana', { kind: 'drop', amountCents: 525, reason: 'To the safe' });
  await h.apiSend('POST', `/api/shifts/${id}/movements`, 'ana', { kind: 'payout', amountCents: 150, reason: 'Window cleaner' });
  return id;
}

/** The cash figures a manager sees of a shift (so the blind checks below are about real numbers). */
async function cashOf(h: SlackHarness, id: number) {
  await h.addUser('maria', 'manager');
  return Shift.parse((await h.apiGet(`/api/shifts/${id}`, 'maria')).json);
}

describe('/park shift', () => {
  it('shows your open shift: since when (garage time), float, cars, card and mobile, drops and payouts — only to you', async () => {
    const h = await start({ timezone: 'America/New_York', start: '2026-11-23T15:00:00.000Z' });
    await anasShift(h);
    const reply = onlyReply((await h.command('shift', { userId: 'U0ANA' })).replies);
    expect(reply.response_type).toBe('ephemeral');
    for (const part of ['open since Mon 23 Nov 10:00', '*Opening float*\\n$133.70', '*Cars*\\n2 in · 2 out', '*Card*\\n$30.00', '*Mobile*\\n$0.00', '*Drops · payouts*\\n$5.25 · $1.50', 'Counted at the close', 'Garage']) {
      expect(said(reply)).toContain(part);
    }
  });

  it('never shows the expected cash, nor the cash taken it is made of, before the close', async () => {
    const h = await start({ timezone: 'America/New_York', start: '2026-11-23T15:00:00.000Z' });
    const id = await anasShift(h);
    const seen = await cashOf(h, id);
    expect(seen).toMatchObject({ cashTakenCents: 2000, expectedCashCents: 14_695 }); // what must stay hidden
    const reply = said(onlyReply((await h.command('shift', { userId: 'U0ANA' })).replies));
    for (const hidden of ['146.95', '14695', '$20.00', '2000']) expect(reply).not.toContain(hidden);
  });

  it('is blind for a manager holding the shift too', async () => {
    const h = await start({ timezone: 'America/New_York', start: '2026-11-23T15:00:00.000Z' });
    await anasShift(h, 'manager');
    const reply = said(onlyReply((await h.command('shift', { userId: 'U0ANA' })).replies));
    expect(reply).toContain('$133.70');
    for (const hidden of ['146.95', '$20.00']) expect(reply).not.toContain(hidden);
  });

  it('once the shift is closed it is not shown: you are told you have none, and how to open one', async () => {
    const h = await start({ timezone: 'America/New_York', start: '2026-11-23T15:00:00.000Z' });
    const id = await anasShift(h);
    expect((await h.apiSend('POST', `/api/shifts/${id}/close`, 'ana', { declaredCashCents: 14_600 })).status).toBe(200);
    const reply = onlyReply((await h.command('shift', { userId: 'U0ANA' })).replies);
    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    expect(reply.text).toContain('You have no open shift at Garage. Open one in the ParkOps app: Shift › Open shift');
    expect(said(reply)).not.toContain('146.95');
  });

  it("shows the shift of the channel's garage: one open elsewhere is not this garage's", async () => {
    const h = await start({ timezone: 'America/New_York', start: '2026-11-23T15:00:00.000Z' });
    const south = (await h.addGarage('South')).id;
    await linkSlackChannel(h.deps, { channelId: 'C0SOUTH', garageId: south }, { actor: 'system', source: 'system' });
    await h.addUser('ana', 'attendant', 'U0ANA', { garageIds: [h.deps.garageId, south], defaultGarageId: h.deps.garageId });
    expect((await h.apiSend('POST', '/api/shifts', 'ana', { openingFloatCents: 5_000 })).status).toBe(201);
    expect(onlyReply((await h.command('shift', { userId: 'U0ANA', channelId: 'C0SOUTH' })).replies).text).toContain('no open shift at South');
    expect(said(onlyReply((await h.command('shift', { userId: 'U0ANA' })).replies))).toContain('$50.00');
  });

  it('refuses, in words, a Slack user with no staff account (a shift is a staff account’s)', async () => {
    const h = await start();
    const reply = onlyReply((await h.command('shift', { userId: 'U0STRANGER' })).replies);
    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    expect(reply.text).toContain('your Slack account (U0STRANGER) is not linked to one');
  });
});
