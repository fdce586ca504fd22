import { describe, expect, it } from 'vitest';
import { updateGarage } from '../../api/garages/queries.js';
import { loadChannelLink } from '../../api/slack/channel-links.js';
import { updateUser } from '../../api/users/queries.js';
import type { SlackHarness } from '../test/harness.js';
import { onlyReply, said, ticketNumberIn } from '../test/replies.js';
import { slackSuite } from '../test/slack-suite.js';
import { findGarage } from './link.js';

describe('findGarage', () => {
  const garages = [
    { id: 1, name: 'North' },
    { id: 2, name: 'South  Side' },
    { id: 3, name: 'Airport' },
    { id: 4, name: 'Airport' },
    { id: 12, name: '7' },
  ];
  it.each([
    ['an id', '2', { ok: true, garage: garages[1] }],
    ['a name in any case', 'nORTH', { ok: true, garage: garages[0] }],
    ['a name with its spaces typed differently', ' south side ', { ok: true, garage: garages[1] }],
    ['a name that is a number, when no garage has that id', '7', { ok: true, garage: garages[4] }],
    ['an id before a name', '12', { ok: true, garage: garages[4] }],
    ['two garages of one name: not guessed', 'airport', { ok: false, reason: 'several', garages: [garages[2], garages[3]] }],
    ['no such garage', 'Harbour', { ok: false, reason: 'none' }],
    ['an id of none of them', '99', { ok: false, reason: 'none' }],
    ['not an id', '02', { ok: false, reason: 'none' }],
  ] as const)('%s', (_name, words, expected) => {
    expect(findGarage(garages, words)).toEqual(expected);
  });
});

const { start } = slackSuite();

/** Two garages, North (the first) and South, and a manager of both (U0MARIA) whose default is North. */
async function twoGarages(): Promise<{ h: SlackHarness; north: number; south: number }> {
  const h = await start({ totalSpaces: 140, start: '2026-11-23T15:00:00.000Z' });
  const north = h.deps.garageId;
  await updateGarage(h.db.sql, north, { name: 'North' });
  const south = (await h.addGarage('South', { totalSpaces: 7 })).id;
  await h.addUser('maria', 'manager', 'U0MARIA', { garageIds: [north, south] });
  return { h, north, south };
}

describe('/park link <garage>', () => {
  it('a manager links the channel by name (any case): in the channel, audited in that garage, and /park there acts on it', async () => {
    const { h, south } = await twoGarages();
    const reply = onlyReply((await h.command('link south', { userId: 'U0MARIA', channelId: 'C0GATE' })).replies);
    expect(reply.response_type).toBe('in_channel');
    expect(said(reply)).toContain('<@U0MARIA> linked this channel to *South* (garage');
    expect(await loadChannelLink(h.db.sql, 'C0GATE')).toMatchObject({ garageId: south, linkedBy: 'slack:U0MARIA', linkedAt: h.clock.now() });
    const [audit] = await h.audit('slack.channel.link');
    expect(audit).toMatchObject({ actor: 'slack:U0MARIA', source: 'slack', subject: 'C0GATE', details: { channelId: 'C0GATE', previousGarageId: null } });
    const [row] = await h.db.sql<{ garageId: number }[]>`select garage_id from audit_log where action = 'slack.channel.link'`;
    expect(row!.garageId).toBe(south);

    const entered = onlyReply((await h.command('enter LINK1', { channelId: 'C0GATE' })).replies);
    expect(said(entered)).toContain('1/7');
    expect((await h.tickets(south)).map((t) => t.ticketNumber)).toEqual([ticketNumberIn(entered)]);
  });

  it('by id; linking again to the same garage changes nothing; to another garage replaces the link, naming the one before', async () => {
    const { h, north, south } = await twoGarages();
    await h.command(`link ${south}`, { userId: 'U0MARIA', channelId: 'C0GATE' });
    const again = onlyReply((await h.command('link South', { userId: 'U0MARIA', channelId: 'C0GATE' })).replies);
    expect(again).toMatchObject({ response_type: 'ephemeral', text: 'This channel was already linked to South' });
    expect(await h.audit('slack.channel.link')).toHaveLength(1);
    h.clock.advance(60_000);
    const moved = onlyReply((await h.command('link north', { userId: 'U0MARIA', channelId: 'C0GATE' })).replies);
    expect(said(moved)).toContain('linked this channel to *North*');
    expect(said(moved)).toContain('(it was linked to *South*)');
    expect(await loadChannelLink(h.db.sql, 'C0GATE')).toMatchObject({ garageId: north });
    expect((await h.audit('slack.channel.link'))[0]).toMatchObject({ details: { previousGarageId: south } });
  });

  it('an admin may link to any garage, even one not in their own list', async () => {
    const { h, south } = await twoGarages();
    await h.addUser('root1', 'admin', 'U0ROOT');
    expect(onlyReply((await h.command('link South', { userId: 'U0ROOT', channelId: 'C0GATE' })).replies).response_type).toBe('in_channel');
    expect(await loadChannelLink(h.db.sql, 'C0GATE')).toMatchObject({ garageId: south });
  });

  it.each([
    ['an attendant', 'attendant', 'Only managers can link channels to garages; your ParkOps account (sam) is an attendant.'],
    ['a disabled manager', 'disabled', 'Your ParkOps account (sam) is disabled, so you cannot link channels to garages.'],
    ['a Slack user with no staff account', null, 'Only managers can link channels to garages, and your Slack account (U0SAM) is not linked to a ParkOps staff account.'],
  ] as const)('refuses %s, in words, and links nothing', async (_name, kind, message) => {
    const { h } = await twoGarages();
    if (kind === 'attendant') await h.addUser('sam', 'attendant', 'U0SAM');
    if (kind === 'disabled') await updateUser(h.db.sql, (await h.addUser('sam', 'manager', 'U0SAM')).id, { disabled: true });
    const reply = onlyReply((await h.command('link South', { userId: 'U0SAM', channelId: 'C0GATE' })).replies);
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toContain(message);
    expect(await loadChannelLink(h.db.sql, 'C0GATE')).toBeNull();
    expect(await h.audit('slack.channel.link')).toEqual([]);
  });

  it('a manager may not link to a garage they may not use: the same words as for one that does not exist, listing theirs', async () => {
    const { h, north } = await twoGarages();
    await h.addUser('ned', 'manager', 'U0NED', { garageIds: [north] });
    const other = onlyReply((await h.command('link South', { userId: 'U0NED', channelId: 'C0GATE' })).replies);
    const none = onlyReply((await h.command('link Harbour', { userId: 'U0NED', channelId: 'C0GATE' })).replies);
    expect(other.text).toBe(`No garage "South" that you may use. Yours: North (${north}). Name one by its id or name, e.g. \`/park link North\`.`);
    expect(none.text).toBe(String(other.text).replace('"South"', '"Harbour"'));
    expect(await loadChannelLink(h.db.sql, 'C0GATE')).toBeNull();
  });

  it("a manager may not move a channel linked to a garage they may not use (it is that garage's channel)", async () => {
    const { h, north } = await twoGarages();
    await h.command('link South', { userId: 'U0MARIA', channelId: 'C0GATE' });
    await h.addUser('ned', 'manager', 'U0NED', { garageIds: [north] });
    const reply = onlyReply((await h.command('link North', { userId: 'U0NED', channelId: 'C0GATE' })).replies);
    expect(reply.text).toContain("may not use this channel's garage");
    expect(await h.audit('slack.channel.link')).toHaveLength(1);
  });

  it('two garages of one name: asks for the id', async () => {
    const { h, south } = await twoGarages();
    const twin = (await h.addGarage('south')).id;
    const reply = onlyReply((await h.command('link SOUTH', { userId: 'U0MARIA', channelId: 'C0GATE' })).replies); // maria has South only, not the twin
    expect(reply.response_type).toBe('in_channel');
    await h.addUser('root1', 'admin', 'U0ROOT');
    const admin = onlyReply((await h.command('link south', { userId: 'U0ROOT', channelId: 'C0OTHER' })).replies);
    expect(admin.text).toBe(`Several of your garages are named "south": South (${south}), south (${twin}). Link by id, e.g. \`/park link ${south}\`.`);
  });

  it('a name longer than any garage name is refused before anything is read', async () => {
    const { h } = await twoGarages();
    const reply = onlyReply((await h.command(`link ${'x'.repeat(81)}`, { userId: 'U0MARIA', channelId: 'C0GATE' })).replies);
    expect(reply.text).toMatch(/^A garage is named by its id or its name \(at most 80 characters\)/);
  });
});

describe('/park link (alone)', () => {
  it('in an unlinked channel: which garage /park acts on there, and why', async () => {
    const { h, north, south } = await twoGarages();
    await h.addUser('ben', 'attendant', 'U0BEN', { garageIds: [north, south], defaultGarageId: south });
    const ben = onlyReply((await h.command('link', { userId: 'U0BEN', channelId: 'C0GATE' })).replies);
    expect(ben.response_type).toBe('ephemeral');
    expect(said(ben)).toContain(`This channel is not linked to a garage: \`/park\` here acts on *South* (garage ${south}), your default garage.`);
    const stranger = onlyReply((await h.command('link', { userId: 'U0STRANGER', channelId: 'C0GATE' })).replies);
    expect(said(stranger)).toContain(`acts on *North* (garage ${north}), the first garage.`);
  });

  it('in a linked channel: the garage, since when and by whom', async () => {
    const { h, south } = await twoGarages();
    h.clock.set('2026-11-23T19:05:00.000Z');
    await h.command('link South', { userId: 'U0MARIA', channelId: 'C0GATE' });
    const reply = onlyReply((await h.command('link', { channelId: 'C0GATE' })).replies);
    expect(reply).toMatchObject({ response_type: 'ephemeral', text: `This channel is linked to South (garage ${south})` });
    expect(said(reply)).toContain('since Mon 23 Nov 14:05, by <@U0MARIA>');
  });
});
