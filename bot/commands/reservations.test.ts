import { describe, expect, it } from 'vitest';
import { Reservation } from '../../shared/reservations.js';
import { CANCEL_RESERVATION_ACTION } from '../blocks/reservations.js';
import type { SlackHarness } from '../test/harness.js';
import { onlyReply, said } from '../test/replies.js';
import { slackSuite } from '../test/slack-suite.js';

const { start } = slackSuite();
let h: SlackHarness;

/** The clock starts at 10:00 in New York (15:00 UTC), Monday 23 Nov 2026. */
const begin = async (options: { totalSpaces?: number } = {}) => {
  h = await start({ timezone: 'America/New_York', start: '2026-11-23T15:00:00.000Z', ...options });
  await h.addUser('ana', 'attendant', 'U0ANA');
  await h.addUser('maria', 'manager');
  return h;
};
const asAna = { userId: 'U0ANA' };
const reservations = async () => {
  const { status, json } = await h.apiGet(`/api/garages/${h.deps.garageId}/reservations`, 'maria');
  expect(status).toBe(200);
  return Reservation.array().parse(json);
};

describe('/park reserve', () => {
  it('books through the booking use case and says so in the channel: number, plate, local window, prepaid, holder', async () => {
    await begin();
    const reply = onlyReply((await h.command('reserve abc 123 13:00-18:00 prepaid 20 for Ms Lee', asAna)).replies);
    expect(reply.response_type).toBe('in_channel');
    const [booked] = await reservations();
    expect(booked).toMatchObject({
      licensePlate: 'ABC 123',
      holder: 'Ms Lee',
      from: '2026-11-23T18:00:00.000Z',
      to: '2026-11-23T23:00:00.000Z',
      prepaidCents: 2000,
      status: 'confirmed',
      createdBy: 'slack:U0ANA',
    });
    for (const part of [`Reservation #${booked!.id}`, 'ABC 123', 'Mon 23 Nov 13:00–18:00', 'prepaid $20.00', 'Ms Lee', `cancel-reservation ${booked!.id}`]) expect(said(reply)).toContain(part);
    const [audit] = await h.audit('reservation.create');
    expect(audit).toMatchObject({ actor: 'slack:U0ANA', source: 'slack', subject: `reservation:${booked!.id}` });
  });

  it('reads a date, and an end before the start as the next day, on the garage clock', async () => {
    await begin();
    const reply = onlyReply((await h.command('reserve XY 9 2026-11-24 22:00-06:00', asAna)).replies);
    expect(said(reply)).toContain('Tue 24 Nov 22:00–Wed 25 Nov 06:00');
    expect(said(reply)).toContain('not prepaid');
    expect(await reservations()).toMatchObject([{ from: '2026-11-25T03:00:00.000Z', to: '2026-11-25T11:00:00.000Z', prepaidCents: 0 }]);
  });

  it('refuses, in words, a booking when no space can be held (garage_full), and writes nothing', async () => {
    await begin({ totalSpaces: 2 });
    await h.command('enter CAR1');
    await h.command('enter CAR2');
    const reply = onlyReply((await h.command('reserve ABC 123 13:00-18:00', asAna)).replies);
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toMatch(/^No space can be held for ABC 123: every space is taken or held/);
    expect(await reservations()).toEqual([]);
  });

  it.each([
    ['a window already over', 'reserve ABC 1 06:00-08:00', /The window ends at 2026-11-23 08:00, which is over/],
    ['a window beyond the lead time', 'reserve ABC 1 2027-01-20 08:00-18:00', /Reservations open 168 hours ahead/],
    ['unreadable words', 'reserve ABC 1 8am-6pm', /When\?/],
  ])('refuses %s in words, booking nothing', async (_name, text, message) => {
    await begin();
    const reply = onlyReply((await h.command(text, asAna)).replies);
    expect(reply).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(message) });
    expect(await reservations()).toEqual([]);
  });

  it('refuses a second booking of the same plate that overlaps the first, naming it', async () => {
    await begin();
    await h.command('reserve ABC 1 13:00-18:00', asAna);
    const [first] = await reservations();
    const reply = onlyReply((await h.command('reserve abc-1 17:00-20:00', asAna)).replies);
    expect(reply.text).toBe(`ABC 1 already has reservation ${first!.id} from 2026-11-23 13:00 to 2026-11-23 18:00`);
    expect(await reservations()).toHaveLength(1);
  });

  it('refuses a Slack user with no staff account, saying how to get one', async () => {
    await begin();
    const reply = onlyReply((await h.command('reserve ABC 1 13:00-18:00', { userId: 'U0NOBODY' })).replies);
    expect(reply.text).toMatch(/Only attendants can book spaces, and your Slack account \(U0NOBODY\) is not linked/);
    expect(await reservations()).toEqual([]);
  });
});

describe('/park reservations and cancelling', () => {
  /** Three bookings today (one then cancelled) and one tomorrow. */
  const book = async () => {
    await h.command('reserve AAA 1 12:00-14:00 prepaid 15', asAna);
    await h.command('reserve BBB 2 20:00-02:00', asAna);
    await h.command('reserve CCC 3 16:00-17:00', asAna);
    await h.command('reserve DDD 4 2026-11-24 09:00-10:00', asAna);
    const all = await reservations();
    const byPlate = (plate: string) => all.find((r) => r.licensePlate === plate)!;
    expect((await h.apiSend('POST', `/api/garages/${h.deps.garageId}/reservations/${byPlate('CCC 3').id}/cancel`, 'maria')).status).toBe(200);
    return byPlate;
  };

  it("lists today's reservations, with what became of each, and Cancel on the waiting ones only", async () => {
    await begin();
    const byPlate = await book();
    const reply = onlyReply((await h.command('reservations', asAna)).replies);
    expect(reply.response_type).toBe('ephemeral');
    for (const part of ['AAA 1 · 12:00–14:00 · prepaid $15.00', 'BBB 2 · 20:00–Tue 24 Nov 02:00 · not prepaid', 'CCC 3', 'cancelled', 'waiting for its car']) expect(said(reply)).toContain(part);
    expect(said(reply)).not.toContain('DDD 4'); // tomorrow's
    const buttons = accessoryButtons(reply);
    expect(buttons.map((b) => JSON.parse(b.value).reservationId).sort()).toEqual([byPlate('AAA 1').id, byPlate('BBB 2').id].sort());
  });

  it('a click on Cancel cancels through the use case and shows the list again; a second click changes nothing, in words', async () => {
    await begin();
    const byPlate = await book();
    const list = onlyReply((await h.command('reservations', asAna)).replies);
    const target = accessoryButtons(list).find((b) => JSON.parse(b.value).reservationId === byPlate('AAA 1').id)!;
    const clicked = onlyReply((await h.click(CANCEL_RESERVATION_ACTION, target.value, asAna)).replies);
    expect(clicked.replace_original).toBe(true);
    expect(said(clicked)).toContain(`You cancelled reservation #${byPlate('AAA 1').id} AAA 1, Mon 23 Nov 12:00–14:00: its space is free again.`);
    expect(accessoryButtons(clicked).map((b) => JSON.parse(b.value).reservationId)).toEqual([byPlate('BBB 2').id]);
    expect((await reservations()).find((r) => r.licensePlate === 'AAA 1')).toMatchObject({ status: 'cancelled' });
    expect(await h.audit('reservation.cancel')).toEqual(expect.arrayContaining([expect.objectContaining({ actor: 'slack:U0ANA', subject: `reservation:${byPlate('AAA 1').id}` })]));

    const again = onlyReply((await h.click(CANCEL_RESERVATION_ACTION, target.value, asAna)).replies);
    expect(said(again)).toContain(`Reservation ${byPlate('AAA 1').id} is cancelled, not waiting: nothing to cancel. Your click changed nothing.`);
  });

  it("a click from someone who may not use reservations is refused only to them, and the list stays", async () => {
    await begin();
    const byPlate = await book();
    const list = onlyReply((await h.command('reservations', asAna)).replies);
    const target = accessoryButtons(list)[0]!;
    const refused = onlyReply((await h.click(CANCEL_RESERVATION_ACTION, target.value, { userId: 'U0NOBODY' })).replies);
    expect(refused).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(refused.text).toMatch(/Only attendants can cancel reservations/);
    expect((await reservations()).find((r) => r.id === byPlate('AAA 1').id)).toMatchObject({ status: 'confirmed' });
  });

  it('a button naming a garage the clicker may not use changes nothing', async () => {
    await begin();
    const south = (await h.addGarage('South')).id;
    await h.addUser('sam', 'attendant', 'U0SAM', { garageIds: [south], defaultGarageId: south });
    await book();
    const target = accessoryButtons(onlyReply((await h.command('reservations', asAna)).replies))[0]!;
    const refused = onlyReply((await h.click(CANCEL_RESERVATION_ACTION, target.value, { userId: 'U0SAM' })).replies);
    expect(refused).toMatchObject({ replace_original: false, text: expect.stringContaining("Your ParkOps account (sam) may not use this reservation's garage.") });
    expect((await reservations()).filter((r) => r.status === 'confirmed')).toHaveLength(3);
  });

  it('/park cancel-reservation <id> cancels it in the channel; an unknown id is refused in words', async () => {
    await begin();
    const byPlate = await book();
    const reply = onlyReply((await h.command(`cancel-reservation ${byPlate('BBB 2').id}`, asAna)).replies);
    expect(reply.response_type).toBe('in_channel');
    expect(reply.text).toBe(`Reservation #${byPlate('BBB 2').id} BBB 2, Mon 23 Nov 20:00–Tue 24 Nov 02:00 is cancelled: its space is free again.`);
    expect((await reservations()).find((r) => r.licensePlate === 'BBB 2')).toMatchObject({ status: 'cancelled' });
    const unknown = onlyReply((await h.command('cancel-reservation 999999', asAna)).replies);
    expect(unknown).toMatchObject({ response_type: 'ephemeral', text: 'No reservation 999999 in this garage' });
  });

  it('says when there are none today', async () => {
    await begin();
    const reply = onlyReply((await h.command('reservations', asAna)).replies);
    expect(reply.text).toBe('No reservations today at Garage.');
  });
});

/** The buttons beside the sections of a list (a section's accessory). */
function accessoryButtons(reply: Record<string, unknown>): { actionId: string; value: string; text: string }[] {
  const blocks = (reply.blocks ?? []) as { accessory?: { type: string; action_id: string; value: string; text: { text: string } } }[];
  return blocks.flatMap((b) => (b.accessory?.type === 'button' ? [{ actionId: b.accessory.action_id, value: b.accessory.value, text: b.accessory.text.text }] : []));
}
