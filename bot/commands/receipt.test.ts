import { describe, expect, it } from 'vitest';
import { linkSlackChannel } from '../../api/slack/link-channel.js';
import { exitVehicle } from '../../api/tickets/exit.js';
import { byTicketNumber } from '../../api/tickets/lookup.js';
import { ReceiptLink } from '../../shared/receipt-links.js';
import { capturedLog } from '../test/captured-log.js';
import type { SlackHarness } from '../test/harness.js';
import { onlyReply, payButtons, said, ticketNumberIn } from '../test/replies.js';
import { slackSuite } from '../test/slack-suite.js';

/**
 * `/park receipt PS-…` and the exit receipt's line: the driver's receipt link, minted by the use
 * case of POST /api/tickets/:n/receipt-link, as an address under PUBLIC_URL; `/park receipt
 * revoke PS-…` for managers.
 */
const { start } = slackSuite();

const PUBLIC_URL = 'https://parkops.example.com';
const withPublicUrl = { config: { PUBLIC_URL } };
const system = { actor: 'system' as const, source: 'system' as const };

/** The receipt link a reply gives, as its path; fails when it gives none. */
function linkPathIn(reply: unknown): string {
  const match = /<https:\/\/parkops\.example\.com(\/r\/[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{16})>/.exec(said(reply));
  if (!match) throw new Error(`no receipt link in ${said(reply)}`);
  return match[1]!;
}

/** maria (manager, U0MANAGER) and sam (attendant, U0SAM); U0ATTEND has no staff account. */
async function staff(h: SlackHarness) {
  await h.addUser('maria', 'manager', 'U0MANAGER');
  await h.addUser('sam', 'attendant', 'U0SAM');
}

/** Parks a car for 90 minutes; its ticket number. */
async function parked(h: SlackHarness, plate: string, channelId?: string): Promise<string> {
  const number = ticketNumberIn(onlyReply((await h.command(`enter ${plate}`, channelId ? { channelId } : {})).replies));
  h.clock.advance(90 * 60_000);
  return number;
}

/** Parks a car and checks it out in cash through the use case, not Slack (so no link is made yet); its ticket number. */
async function paidElsewhere(h: SlackHarness, plate: string): Promise<string> {
  const number = await parked(h, plate);
  await exitVehicle(h.deps, { target: byTicketNumber(number), paymentMethod: 'Cash' }, system);
  return number;
}

/** What the receipt page of a link path answers. */
async function page(h: SlackHarness, path: string) {
  const res = await h.app.request(path);
  return { status: res.status, body: await res.text() };
}

describe('/park receipt', () => {
  it("a paid ticket: the driver's link, only to the asker, that opens the receipt — the same link as the HTTP route's, audited as the Slack user", async () => {
    const h = await start(withPublicUrl);
    await staff(h);
    const number = await paidElsewhere(h, 'ABC 123');
    const reply = onlyReply((await h.command(`receipt ${number.toLowerCase()}`, { userId: 'U0SAM' })).replies);
    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    const path = linkPathIn(reply);
    expect(await page(h, path)).toMatchObject({ status: 200, body: expect.stringContaining(number) });

    const http = await h.apiSend('POST', `/api/tickets/${number}/receipt-link`, 'maria');
    expect(http.status).toBe(200);
    expect(ReceiptLink.parse(http.json).path).toBe(path);
    expect(await h.audit('receipt_link.create')).toEqual([expect.objectContaining({ actor: 'slack:U0SAM', source: 'slack', subject: number })]);

    // asked again: the same link, no new one
    expect(linkPathIn(onlyReply((await h.command(`receipt ${number}`, { userId: 'U0ATTEND' })).replies))).toBe(path);
    expect(await h.audit('receipt_link.create')).toHaveLength(1);
  });

  it('a car still parked is refused in words, and no link is made', async () => {
    const h = await start(withPublicUrl);
    const number = await parked(h, 'ABC 123');
    const reply = onlyReply((await h.command(`receipt ${number}`)).replies);
    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    expect(reply.text).toBe(`${number} is still parked: its receipt comes after it is paid (\`/park exit ${number} <payment method>\`).`);
    expect(await h.audit('receipt_link.create')).toEqual([]);
  });

  it("a voided ticket keeps the use case's words: it has no receipt", async () => {
    const h = await start(withPublicUrl);
    await staff(h);
    const number = await parked(h, 'ABC 123');
    await h.command(`void ${number} duplicate`, { userId: 'U0MANAGER' });
    expect(onlyReply((await h.command(`receipt ${number}`)).replies).text).toBe(`Ticket ${number} was voided and never charged: it has no receipt to link to.`);
  });

  it("another garage's ticket gets the same answer as a ticket never issued", async () => {
    const h = await start(withPublicUrl);
    const south = (await h.addGarage('South')).id;
    await linkSlackChannel(h.deps, { channelId: 'C0SOUTH', garageId: south }, system);
    const theirs = await parked(h, 'SOUTH1', 'C0SOUTH');
    await h.command(`exit ${theirs} cash`, { channelId: 'C0SOUTH' });
    const other = onlyReply((await h.command(`receipt ${theirs}`)).replies);
    const unknown = onlyReply((await h.command('receipt PS-0000ZZ')).replies);
    expect(other.text).toBe(`No ticket ${theirs}.`);
    expect(said(other).replaceAll(theirs, 'PS-?')).toBe(said(unknown).replaceAll('PS-0000ZZ', 'PS-?'));
    // in its own garage's channel it is there
    expect(linkPathIn(onlyReply((await h.command(`receipt ${theirs}`, { channelId: 'C0SOUTH' })).replies))).toMatch(/^\/r\//);
  });

  it("without PUBLIC_URL: says so plainly, gives no relative address, and makes no link", async () => {
    const h = await start();
    const number = await paidElsewhere(h, 'ABC 123');
    const reply = onlyReply((await h.command(`receipt ${number}`)).replies);
    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    expect(reply.text).toContain('set PUBLIC_URL');
    expect(said(reply)).not.toContain('/r/');
    expect(await h.audit('receipt_link.create')).toEqual([]);
  });

  it.each([
    ['receipt', 'The receipt link of which ticket? Try `/park receipt PS-7K3QXM`'],
    ['receipt ABC 1234', '"ABC 1234" is not a ticket number'],
  ])('"%s" is refused with what to type', async (text, words) => {
    const h = await start(withPublicUrl);
    const reply = onlyReply((await h.command(text)).replies);
    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    expect(reply.text).toContain(words);
  });
});

describe('/park receipt revoke', () => {
  it("a manager's revoke: the link's page is gone, audited as the Slack user; asking again makes a new link", async () => {
    const h = await start(withPublicUrl);
    await staff(h);
    const number = await paidElsewhere(h, 'ABC 123');
    const path = linkPathIn(onlyReply((await h.command(`receipt ${number}`)).replies));
    const reply = onlyReply((await h.command(`receipt revoke ${number}`, { userId: 'U0MANAGER' })).replies);
    expect(reply).toMatchObject({ response_type: 'ephemeral', text: `Revoked the receipt link of ${number}: it no longer shows the receipt.` });
    expect((await page(h, path)).status).toBe(404);
    expect(await h.audit('receipt_link.revoke')).toEqual([expect.objectContaining({ actor: 'slack:U0MANAGER', source: 'slack', subject: number })]);

    const again = linkPathIn(onlyReply((await h.command(`receipt ${number}`)).replies));
    expect(again).not.toBe(path);
    expect((await page(h, again)).status).toBe(200);
    expect(onlyReply((await h.command(`receipt ${number} revoke`, { userId: 'U0MANAGER' })).replies).text).toContain('Revoked');
    expect(onlyReply((await h.command(`receipt revoke ${number}`, { userId: 'U0MANAGER' })).replies).text).toBe(`${number} had no live receipt link: nothing was revoked.`);
  });

  it.each([
    ['an attendant', 'U0SAM', "Only managers can revoke a receipt's link; your ParkOps account (sam) is an attendant."],
    ['a Slack user without a staff account', 'U0ATTEND', "Only managers can revoke a receipt's link, and your Slack account (U0ATTEND) is not linked to a ParkOps staff account."],
  ])('%s is refused in words, and the link keeps working', async (_who, userId, words) => {
    const h = await start(withPublicUrl);
    await staff(h);
    const number = await paidElsewhere(h, 'ABC 123');
    const path = linkPathIn(onlyReply((await h.command(`receipt ${number}`)).replies));
    const reply = onlyReply((await h.command(`receipt revoke ${number}`, { userId })).replies);
    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    expect(reply.text).toContain(words);
    expect((await page(h, path)).status).toBe(200);
    expect(await h.audit('receipt_link.revoke')).toEqual([]);
  });

  it('an unknown ticket: the same words as everywhere', async () => {
    const h = await start(withPublicUrl);
    await staff(h);
    expect(onlyReply((await h.command('receipt revoke PS-0000ZZ', { userId: 'U0MANAGER' })).replies).text).toBe('No ticket PS-0000ZZ.');
  });
});

describe("the exit receipt's link for the driver", () => {
  it('`/park exit … cash`: the receipt carries the link, minted after the exit, the same as `/park receipt` gives', async () => {
    const h = await start(withPublicUrl);
    const number = await parked(h, 'ABC 123');
    const receipt = onlyReply((await h.command(`exit ${number} cash`, { userId: 'U0ATTEND' })).replies);
    expect(receipt.response_type).toBe('in_channel');
    expect(said(receipt)).toContain('Paid $20.00');
    const path = linkPathIn(receipt);
    expect(await page(h, path)).toMatchObject({ status: 200, body: expect.stringContaining(number) });
    expect(linkPathIn(onlyReply((await h.command(`receipt ${number}`)).replies))).toBe(path);
    expect(await h.audit('receipt_link.create')).toEqual([expect.objectContaining({ actor: 'slack:U0ATTEND', source: 'slack', subject: number })]);
  });

  it("a quote's payment button: the receipt that replaces the quote carries the link", async () => {
    const h = await start(withPublicUrl);
    const number = await parked(h, 'ABC 123');
    const quote = onlyReply((await h.command(`exit ${number}`)).replies);
    const cash = payButtons(quote).find((b) => b.text === 'Cash')!;
    const receipt = onlyReply((await h.click(cash.actionId, cash.value)).replies);
    expect(receipt).toMatchObject({ replace_original: true });
    expect(said(receipt)).toContain('Paid $20.00');
    expect((await page(h, linkPathIn(receipt))).status).toBe(200);
  });

  it('a re-sent exit replays the receipt with the same link', async () => {
    const h = await start(withPublicUrl);
    const number = await parked(h, 'ABC 123');
    const first = onlyReply((await h.command(`exit ${number} cash`, { triggerId: 'T-EXIT-1' })).replies);
    const again = onlyReply((await h.command(`exit ${number} cash`, { triggerId: 'T-EXIT-1' })).replies);
    expect(again.response_type).toBe('ephemeral');
    expect(linkPathIn(again)).toBe(linkPathIn(first));
  });

  it('without PUBLIC_URL the receipt says how to give drivers a link', async () => {
    const h = await start();
    const number = await parked(h, 'ABC 123');
    const receipt = onlyReply((await h.command(`exit ${number} cash`)).replies);
    expect(said(receipt)).toContain('Paid $20.00');
    expect(said(receipt)).toContain('set PUBLIC_URL');
    expect(said(receipt)).not.toContain('/r/');
  });

  it('a link that cannot be made costs not the receipt: it says how to get the link, and the failure is logged', async () => {
    const captured = capturedLog();
    const h = await start({ ...withPublicUrl, log: captured.log });
    const number = await parked(h, 'ABC 123');
    await h.db.sql`alter table receipt_links rename to receipt_links_away`; // the mint fails after the exit committed
    const receipt = onlyReply((await h.command(`exit ${number} cash`)).replies);
    await h.db.sql`alter table receipt_links_away rename to receipt_links`;
    expect(receipt.response_type).toBe('in_channel');
    expect(said(receipt)).toContain('Paid $20.00');
    expect(said(receipt)).toContain(`Receipt link: it could not be made just now; \`/park receipt ${number}\` gives it.`);
    expect((await h.tickets()).find((t) => t.ticketNumber === number)).toMatchObject({ status: 'completed' });
    expect(captured.lines).toContainEqual(expect.objectContaining({ level: 50, msg: expect.stringContaining('receipt link after a slack exit failed'), ticketNumber: number }));
    expect(linkPathIn(onlyReply((await h.command(`receipt ${number}`)).replies))).toMatch(/^\/r\//);
  });
});
