import { describe, expect, it } from 'vitest';
import type { SlackHarness } from '../test/harness.js';
import { slackSuite } from '../test/slack-suite.js';
import { onlyReply, said, ticketNumberIn } from '../test/replies.js';
import { slashCommandBody } from '../test/slack-requests.js';

const { slack, start } = slackSuite();
let h: SlackHarness;

describe('/park enter', () => {
  it('issues a ticket and shows it in the channel: number, plate, type, local time, occupancy', async () => {
    h = await start({ totalSpaces: 140, timezone: 'America/New_York', start: '2026-11-23T19:05:00.000Z' });
    const { res, replies } = await h.command('enter abc 123 suv', { userId: 'U0ALICE' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(''); // the ack carries nothing; the answer goes to response_url
    const reply = onlyReply(replies);
    expect(reply.response_type).toBe('in_channel');
    const number = ticketNumberIn(reply);
    for (const part of ['ABC 123', 'SUV', 'Mon 23 Nov 14:05', '1/140']) expect(said(reply)).toContain(part);

    const [ticket] = await h.tickets();
    expect(ticket).toMatchObject({ ticketNumber: number, licensePlate: 'ABC 123', vehicleType: 'SUV', status: 'active', hourlyRate: 1000 });
    expect(ticket!.entryTime.toISOString()).toBe('2026-11-23T19:05:00.000Z');
    const [audit] = await h.audit('ticket.enter');
    expect(audit).toMatchObject({ actor: 'slack:U0ALICE', source: 'slack', subject: number });
  });

  it('the ticket is the one the HTTP API (and so the PWA) sees', async () => {
    h = await start();
    await h.addUser('attendant1', 'attendant');
    const number = ticketNumberIn(onlyReply((await h.command('enter KL 44 van')).replies));
    const { status, json } = await h.apiGet(`/api/tickets/${number}`, 'attendant1');
    expect(status).toBe(200);
    expect(json).toMatchObject({ ticketNumber: number, licensePlate: 'KL 44', vehicleType: 'Van', status: 'active', amountDue: 1000 });
  });

  it('refuses when the garage is full, ephemerally, in words a person reads', async () => {
    h = await start({ totalSpaces: 2 });
    await h.command('enter CAR1');
    await h.command('enter CAR2');
    const reply = onlyReply((await h.command('enter CAR3')).replies);
    expect(reply).toMatchObject({ response_type: 'ephemeral', text: 'Garage is full — 2/2' });
    expect((await h.tickets()).map((t) => t.licensePlate).sort()).toEqual(['CAR1', 'CAR2']);
  });

  it('refuses a plate that is already parked, naming its ticket', async () => {
    h = await start();
    const first = ticketNumberIn(onlyReply((await h.command('enter XYZ 1')).replies));
    const reply = onlyReply((await h.command('enter xyz-1')).replies);
    expect(reply).toMatchObject({ response_type: 'ephemeral', text: `XYZ-1 is already parked on ticket ${first}` });
    expect(await h.tickets()).toHaveLength(1);
  });

  it.each([
    ['enter', 'Which plate?'],
    ['enter A', 'is not a licence plate'],
  ])('"/park %s" says what to type and makes nothing', async (text, message) => {
    h = await start();
    const reply = onlyReply((await h.command(text)).replies);
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toContain(message);
    expect(await h.tickets()).toEqual([]);
  });

  it('a re-sent command (same trigger id, Slack retry header) makes one ticket, and says so', async () => {
    h = await start();
    const req = slashCommandBody({ text: 'enter RETRY1' });
    const first = await h.send(req.body);
    const again = await h.send(req.body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    await h.settled();
    expect([first.status, again.status]).toEqual([200, 200]);
    const replies = slack.sentTo(req.responseUrl);
    expect(replies).toHaveLength(2);
    const tickets = await h.tickets();
    expect(tickets).toHaveLength(1);
    expect(replies.map(ticketNumberIn)).toEqual([tickets[0]!.ticketNumber, tickets[0]!.ticketNumber]);
    expect(replies.map((r) => r.response_type).sort()).toEqual(['ephemeral', 'in_channel']);
    expect(said(replies.find((r) => r.response_type === 'ephemeral'))).toContain('no second ticket was made');
    expect(await h.audit('ticket.enter')).toHaveLength(1);
  });

  it('two deliveries of one command at the same moment still make one ticket', async () => {
    h = await start();
    const req = slashCommandBody({ text: 'enter TWIN1' });
    await Promise.all([h.send(req.body), h.send(req.body, { headers: { 'x-slack-retry-num': '1' } })]);
    await h.settled();
    expect(await h.tickets()).toHaveLength(1);
    expect(slack.sentTo(req.responseUrl).map(ticketNumberIn)).toHaveLength(2);
  });

  it('the same words typed again (a new command) are refused as already parked, not a second ticket', async () => {
    h = await start();
    await h.command('enter AGAIN1');
    const reply = onlyReply((await h.command('enter AGAIN1')).replies);
    expect(reply.text).toMatch(/^AGAIN1 is already parked on ticket PS-/);
    expect(await h.tickets()).toHaveLength(1);
  });
});
