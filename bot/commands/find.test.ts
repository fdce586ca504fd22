import { describe, expect, it } from 'vitest';
import { garageStats } from '../../api/garage/stats.js';
import { exitVehicle } from '../../api/tickets/exit.js';
import { byTicketNumber } from '../../api/tickets/lookup.js';
import type { SlackHarness } from '../test/harness.js';
import { slackSuite } from '../test/slack-suite.js';
import { onlyReply, said, ticketNumberIn } from '../test/replies.js';

const { slack, start } = slackSuite();
let h: SlackHarness;

describe('/park find', () => {
  it.each([
    ['by plate, typed another way', () => 'find abc-123'],
    ['by ticket number, lower case with O for 0', (n: string) => `find ${n.toLowerCase().replace(/0/g, 'o')}`],
  ])('%s: the ticket, time parked and amount due, to the asker', async (_name, text) => {
    h = await start({ timezone: 'America/New_York', start: '2026-11-23T19:05:00.000Z' });
    const number = ticketNumberIn(onlyReply((await h.command('enter ABC 123')).replies));
    h.clock.advance(125 * 60_000);
    const reply = onlyReply((await h.command(text(number))).replies);
    expect(reply.response_type).toBe('ephemeral');
    for (const part of [number, 'ABC 123 is parked', 'Mon 23 Nov 14:05', '2 h 05 min', '$30.00', '3 h × $10.00/h = $30.00']) expect(said(reply)).toContain(part);
  });

  it('a plate whose car has left: its latest ticket, what it paid', async () => {
    h = await start();
    const number = ticketNumberIn(onlyReply((await h.command('enter GONE1')).replies));
    h.clock.advance(30 * 60_000);
    await h.command(`exit ${number} cash`);
    const reply = onlyReply((await h.command('find gone1')).replies);
    for (const part of [number, 'GONE1 has left', '$10.00 (Cash)', '30 min']) expect(said(reply)).toContain(part);
  });

  it.each([
    ['/park find', (n: string) => `find ${n}`],
    ["/park exit's quote", (n: string) => `exit ${n}`],
  ])('%s counts as the server seeing the car still parked: an exit dated before that is refused', async (_name, text) => {
    h = await start({ timezone: 'America/New_York', start: '2026-11-23T14:00:00.000Z' });
    const number = ticketNumberIn(onlyReply((await h.command('enter SEEN1')).replies));
    h.clock.advance(5 * 3600_000);
    await h.command(text(number)); // 14:00 in New York
    h.clock.advance(10 * 60_000);
    const by = { actor: 'system' as const, source: 'system' as const };
    const exit = (minutesAfterEntry: number) =>
      exitVehicle(h.deps, { target: byTicketNumber(number), paymentMethod: 'Cash', exitTime: new Date(Date.parse('2026-11-23T14:00:00.000Z') + minutesAfterEntry * 60_000) }, by);
    await expect(exit(60)).rejects.toThrow(`Ticket ${number} was still parked at 2026-11-23 14:00 (America/New_York), so it cannot have left at 2026-11-23 10:00`);
    expect((await exit(5 * 60 + 1)).ticket).toMatchObject({ status: 'completed', amountPaid: 6000 });
  });

  it.each([
    ['find NOBODY1', 'No ticket for plate NOBODY1.'],
    ['find PS-0000ZZ', 'No ticket PS-0000ZZ.'],
    ['find', 'Find what?'],
  ])('"%s" -> an ephemeral "%s"', async (text, message) => {
    h = await start();
    const reply = onlyReply((await h.command(text)).replies);
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toContain(message);
  });
});

describe('/park stats', () => {
  it("shows the dashboard's figures to the asker: occupancy, free spaces, revenue and vehicles today, average stay", async () => {
    h = await start({ totalSpaces: 10 });
    const a = ticketNumberIn(onlyReply((await h.command('enter ST1')).replies));
    await h.command('enter ST2');
    await h.command('enter ST3');
    h.clock.advance(150 * 60_000);
    await h.command(`exit ${a} cash`);
    const reply = onlyReply((await h.command('stats')).replies);
    const stats = await garageStats(h.deps.sql, h.deps.garageId, h.deps.now());
    expect(stats).toMatchObject({ occupiedSpaces: 2, availableSpaces: 8, todayRevenue: 3000, vehiclesEnteredToday: 3, vehiclesProcessedToday: 1, averageStayMinutes: 150 });
    expect(reply.response_type).toBe('ephemeral');
    for (const part of ['8 spaces free', '2/10 (20%)', '$30.00', '*Vehicles in today*\\n3', '*Vehicles out today*\\n1', '2 h 30 min']) expect(said(reply)).toContain(part);
  });
});
