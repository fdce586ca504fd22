import { describe, expect, it } from 'vitest';
import { checkAlerts } from '../../api/alert-episodes/evaluate.js';
import { onlyReply, said } from '../test/replies.js';
import { slackSuite } from '../test/slack-suite.js';

/** `/park alerts`: a garage's open alerts and muted kinds, for its managers; mute and unmute, audited as the Slack user. */
const { start } = slackSuite();

describe('/park alerts', () => {
  it('lists the open alerts of the channel’s garage, only for the manager who asked', async () => {
    const h = await start({ totalSpaces: 1, timezone: 'America/New_York', start: '2026-11-23T15:00:00.000Z' });
    await h.addUser('maria', 'manager', 'U0MANAGER');
    await h.command('enter ABC 123');
    await checkAlerts({ sql: h.db.sql, now: h.clock.now, alerts: undefined });
    const reply = onlyReply((await h.command('alerts', { userId: 'U0MANAGER' })).replies);
    expect(reply).toMatchObject({ response_type: 'ephemeral', text: '2 alerts open at Garage; muted: none' });
    expect(said(reply)).toContain('Garage is full (1 of 1) · since 10:00');
    expect(said(reply)).toContain('Garage is 100% full — 1 of 1 spaces taken');
  });

  it('mute and unmute a kind by a word: the same rows and audit as PUT …/alerts/mutes, by the Slack user', async () => {
    const h = await start();
    await h.addUser('maria', 'manager', 'U0MANAGER');
    const muted = onlyReply((await h.command('alerts mute stale', { userId: 'U0MANAGER' })).replies);
    expect(muted.text).toBe('Muted "tickets open too long" at Garage: still recorded, no longer posted. 0 alerts open at Garage; muted: tickets open too long');
    const api = await h.apiGet(`/api/garages/${h.deps.garageId}/alerts`, 'maria');
    expect(api.json).toMatchObject({ muted: ['stale_tickets'] });
    const unmuted = onlyReply((await h.command('alerts unmute stale_tickets', { userId: 'U0MANAGER' })).replies);
    expect(unmuted.text).toContain('Unmuted "tickets open too long" at Garage');
    expect(unmuted.text).toContain('muted: none');
    const audit = (await h.audit()).filter((a) => a.action.startsWith('alert.'));
    expect(audit.map((a) => [a.action, a.subject, a.actor, a.source])).toEqual([
      ['alert.unmute', 'stale_tickets', 'slack:U0MANAGER', 'slack'],
      ['alert.mute', 'stale_tickets', 'slack:U0MANAGER', 'slack'],
    ]);
  });

  it.each([
    ['an unlinked Slack user', 'U0ATTEND', 'is not linked to a ParkOps staff account'],
    ['an attendant', 'U0SAM', 'Only managers can mute or unmute alerts'],
  ])('%s is refused, and nothing is muted', async (_who, userId, message) => {
    const h = await start();
    await h.addUser('sam', 'attendant', 'U0SAM');
    const reply = onlyReply((await h.command('alerts mute full', { userId })).replies);
    expect(reply.response_type).toBe('ephemeral');
    expect(said(reply)).toContain(message);
    const [row] = await h.db.sql<{ n: number }[]>`select count(*)::int as n from alert_mutes`;
    expect(row!.n).toBe(0);
  });

  it('an unknown kind is answered with the kinds there are', async () => {
    const h = await start();
    const reply = onlyReply((await h.command('alerts mute everything', { userId: 'U0MANAGER' })).replies);
    expect(said(reply)).toContain('\\"everything\\" is not a kind of alert');
  });
});
