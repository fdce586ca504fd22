import { describe, expect, it } from 'vitest';
import { insertCode, insertMerchant, loadCode } from '../../api/validations/queries.js';
import { ValidationCodeBody } from '../../shared/validations.js';
import type { SlackHarness } from '../test/harness.js';
import { slackSuite } from '../test/slack-suite.js';
import { onlyReply, payButtons, said, ticketNumberIn } from '../test/replies.js';

/** Merchants' validation codes from Slack: `/park exit … cash CINEMA5`, and on the quote's buttons. */
const { start } = slackSuite();
let h: SlackHarness;

/** Parks a car at the harness's clock and moves the clock on by `minutes`; gives its ticket number. */
async function parked(plate: string, minutes: number): Promise<string> {
  const number = ticketNumberIn(onlyReply((await h.command(`enter ${plate}`)).replies));
  h.clock.advance(minutes * 60_000);
  return number;
}

const ticket = async (number: string) => (await h.tickets()).find((t) => t.ticketNumber === number)!;

/** The cinema next door with a $5.00 code, `maxUses` uses (as a manager adds it in the app). */
async function cinemaCode(code = 'CINEMA5', maxUses: number | null = null) {
  const merchant = await insertMerchant(h.deps.sql, h.deps.garageId, { name: 'Cinema', contact: null }, 'test');
  const body = ValidationCodeBody.parse({ code, kind: 'amount', value: 500, validFrom: '2026-11-01T00:00:00.000Z', validTo: '2027-01-01T00:00:00.000Z', maxUses });
  expect(await insertCode(h.deps.sql, h.deps.garageId, merchant!.id, body, 'test')).toMatchObject({ code });
}
const usesOf = async (code: string) => (await loadCode(h.deps.sql, h.deps.garageId, code))?.uses;

describe('/park exit <ticket|plate> <method> <code>', () => {
  it('charges the validated amount, takes one use, and the receipt shows the validation line in words', async () => {
    h = await start({ timezone: 'America/New_York', start: '2026-11-23T19:05:00.000Z' });
    await cinemaCode();
    const number = await parked('VAL 1', 90); // 2 h = $20.00
    const reply = onlyReply((await h.command(`exit ${number} cash cinema5`)).replies);
    expect(reply.response_type).toBe('in_channel');
    for (const part of ['Paid $15.00', 'Regular rate: 2 h from 14:05 × $10.00: $20.00', 'Validated by Cinema (CINEMA5): −$5.00', 'Total: $15.00']) {
      expect(said(reply)).toContain(part);
    }
    expect(await ticket(number)).toMatchObject({ status: 'completed', amountPaid: 1500, paymentMethod: 'Cash' });
    expect(await usesOf('CINEMA5')).toBe(1);
  });

  it.each([
    ['unknown', 'NOPE42', 'NOPE42 is not a validation code of this garage: check the code, or charge without it. Nothing was charged: the car is still checked in.'],
    ['with no uses left', 'CINEMA5', 'CINEMA5 (Cinema) has no uses left (1 of 1): charge without it. Nothing was charged: the car is still checked in.'],
  ])('a code %s is refused in words, only to the asker; nothing is charged and the ticket stays active', async (_name, code, message) => {
    h = await start();
    await cinemaCode('CINEMA5', 1);
    await h.command(`exit ${await parked('USED 1', 30)} cash CINEMA5`); // takes the one use
    const number = await parked('VAL 2', 60);
    const reply = onlyReply((await h.command(`exit ${number} credit ${code}`)).replies);
    expect(reply).toMatchObject({ response_type: 'ephemeral', text: message });
    expect(await ticket(number)).toMatchObject({ status: 'active', amountPaid: null });
    expect(await usesOf('CINEMA5')).toBe(1);
    expect(await h.audit('ticket.exit')).toHaveLength(1); // the first car's alone
  });
});

describe('/park exit <ticket|plate> code <code>: the quote, validated', () => {
  it('shows the validated amount with its lines; its buttons carry the code, and a click charges that amount', async () => {
    h = await start({ timezone: 'America/New_York', start: '2026-11-23T19:05:00.000Z' });
    await cinemaCode();
    const number = await parked('QVAL 1', 181); // 4 h = $40.00
    const quote = onlyReply((await h.command(`exit ${number} code cinema5`)).replies);
    expect(quote.response_type).toBe('ephemeral');
    expect(quote.text).toBe(`${number} (QVAL 1): $35.00 due — choose how it is paid`);
    expect(said(quote)).toContain('Validated by Cinema (CINEMA5): −$5.00');
    const buttons = payButtons(quote);
    for (const b of buttons) expect(JSON.parse(b.value)).toMatchObject({ ticketNumber: number, validationCode: 'CINEMA5' });
    expect(await usesOf('CINEMA5')).toBe(0); // a quote takes no use

    const receipt = onlyReply((await h.click(buttons[1]!.actionId, buttons[1]!.value)).replies);
    expect(receipt).toMatchObject({ replace_original: true });
    expect(said(receipt)).toContain('Paid $35.00');
    expect(said(receipt)).toContain('Validated by Cinema (CINEMA5): −$5.00');
    expect(await ticket(number)).toMatchObject({ status: 'completed', amountPaid: 3500, paymentMethod: 'Credit Card' });
    expect(await usesOf('CINEMA5')).toBe(1);
  });

  it('an unknown code is refused at the quote, in words; nothing is charged', async () => {
    h = await start();
    const number = await parked('QVAL 2', 30);
    const reply = onlyReply((await h.command(`exit ${number} code NOPE42`)).replies);
    expect(reply).toMatchObject({ response_type: 'ephemeral', text: 'NOPE42 is not a validation code of this garage: check the code, or charge without it' });
    expect(payButtons(reply)).toEqual([]);
    expect(await ticket(number)).toMatchObject({ status: 'active' });
  });

  it('a click after the code’s last use was taken elsewhere is refused in words, and the ticket stays active', async () => {
    h = await start();
    await cinemaCode('LAST1', 1);
    const number = await parked('QVAL 3', 30);
    const [cash] = payButtons(onlyReply((await h.command(`exit ${number} code LAST1`)).replies));
    await h.command(`exit ${await parked('OTHER 1', 10)} mobile LAST1`);
    const reply = onlyReply((await h.click(cash!.actionId, cash!.value)).replies);
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toContain('LAST1 (Cinema) has no uses left (1 of 1)');
    expect(reply.text).toContain('Nothing was charged');
    expect(await ticket(number)).toMatchObject({ status: 'active' });
  });
});
