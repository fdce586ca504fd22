import { describe, expect, it } from 'vitest';
import type { SlackHarness } from '../test/harness.js';
import { onlyReply, payButtons, said, ticketNumberIn } from '../test/replies.js';
import { slackSuite } from '../test/slack-suite.js';

/**
 * Monthly parkers and booked cars at the Slack door: the entry card and `find` say which they are,
 * and a prepaid booked car's quote and receipt say that only the balance is collected.
 */
const { start } = slackSuite();
let h: SlackHarness;

/** 07:00 in New York (12:00 UTC), Monday 23 Nov 2026, with a manager to set things up through the HTTP API. */
const begin = async () => {
  h = await start({ timezone: 'America/New_York', start: '2026-11-23T12:00:00.000Z' });
  await h.addUser('maria', 'manager');
  return h;
};
const post = async (what: string, body: unknown) => {
  const { status, json } = await h.apiSend('POST', `/api/garages/${h.deps.garageId}/${what}`, 'maria', body);
  expect(status).toBe(201);
  return json as { id: number };
};

describe('a monthly parker', () => {
  it('the entry card and find say "Monthly parker — Acme Corp until 31 Dec"', async () => {
    await begin();
    await post('permits', { holder: 'Acme Corp', plates: ['ACME 1'], validFrom: '2026-11-01T04:00:00.000Z', validTo: '2027-01-01T05:00:00.000Z' });
    const card = onlyReply((await h.command('enter acme 1')).replies);
    expect(card.response_type).toBe('in_channel');
    expect(said(card)).toContain('Monthly parker — Acme Corp until 31 Dec');
    expect(card.text).toContain('— Monthly parker — Acme Corp until 31 Dec');
    const found = onlyReply((await h.command('find ACME 1')).replies);
    expect(said(found)).toContain('Monthly parker — Acme Corp until 31 Dec');
    expect(said(found)).toContain('$0.00');
  });

  it('a transient car’s card says neither', async () => {
    await begin();
    const card = onlyReply((await h.command('enter PLAIN 1')).replies);
    expect(said(card)).not.toContain('Monthly parker');
    expect(said(card)).not.toContain('Reserved');
  });
});

describe('a booked car', () => {
  it('the card says "Reserved 08:00–18:00, prepaid $20.00"; the quote and receipt say only the balance is collected', async () => {
    await begin();
    await post('reservations', { plate: 'RES 1', from: '2026-11-23T13:00:00.000Z', to: '2026-11-23T23:00:00.000Z', prepaidCents: 2000 });
    h.clock.set('2026-11-23T13:05:00.000Z');
    const card = onlyReply((await h.command('enter res 1')).replies);
    expect(said(card)).toContain('Reserved 08:00–18:00, prepaid $20.00');
    const number = ticketNumberIn(card);
    expect(said(onlyReply((await h.command(`find ${number}`)).replies))).toContain('Reserved 08:00–18:00, prepaid $20.00');

    h.clock.set('2026-11-23T23:30:00.000Z'); // half an hour past the window: one hour of overstay
    const quote = onlyReply((await h.command(`exit ${number}`)).replies);
    expect(said(quote)).toContain('*$10.00* due');
    expect(said(quote)).toContain('Prepaid $20.00 with the booking: collect only the balance, $10.00.');
    const receipt = onlyReply((await h.click(payButtons(quote)[0]!.actionId, payButtons(quote)[0]!.value)).replies);
    expect(said(receipt)).toContain('*Paid $10.00*');
    expect(said(receipt)).toContain('Prepaid $20.00 with the booking; $10.00 collected at the exit (the balance).');
  });

  it('a booking made from Slack is honoured at the gate and shown on the card', async () => {
    await begin();
    await h.addUser('ana', 'attendant', 'U0ANA');
    await h.command('reserve SLK 7 08:00-18:00 prepaid 20', { userId: 'U0ANA' });
    h.clock.set('2026-11-23T13:00:00.000Z');
    const card = onlyReply((await h.command('enter SLK 7')).replies);
    expect(said(card)).toContain('Reserved 08:00–18:00, prepaid $20.00');
  });
});
