import { describe, expect, it } from 'vitest';
import { buildChannelLinked, buildChannelStatus, garageLine, withGarageLine } from './garage.js';

const all = (x: unknown) => JSON.stringify(x);
const north = { id: 2, name: 'North', timezone: 'America/New_York' };

describe('garageLine', () => {
  it.each([
    ['linked', 'Garage: *North*'],
    ['given', 'Garage: *North*'],
    ['default', 'Garage: *North* (this channel is not linked; `/park link <garage>`)'],
    ['first', 'Garage: *North* (this channel is not linked; `/park link <garage>`)'],
  ] as const)('a garage from %s: %s', (source, line) => {
    expect(garageLine({ name: 'North', source }, '/park')).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: line }] });
  });

  it('escapes the name and uses the command as typed', () => {
    expect(all(garageLine({ name: 'A&B <1>', source: 'first' }, '/park-test'))).toContain('Garage: *A&amp;B &lt;1&gt;* (this channel is not linked; `/park-test link <garage>`)');
  });

  it('goes under the answer, keeping it', () => {
    const reply = withGarageLine({ response_type: 'in_channel', text: 'x', blocks: [{ type: 'divider' }] }, { name: 'North', source: 'linked' }, '/park');
    expect(reply.response_type).toBe('in_channel');
    expect(reply.blocks.map((b) => b.type)).toEqual(['divider', 'context']);
  });
});

describe('buildChannelStatus', () => {
  it('a linked channel: its garage, since when (garage time) and by whom', () => {
    const reply = buildChannelStatus(
      { ...north, source: 'linked' },
      { channelId: 'C0GATE', garageId: 2, linkedBy: 'slack:U0MARIA', linkedAt: new Date('2026-11-23T19:05:00.000Z') },
      '/park',
    );
    expect(reply).toMatchObject({ response_type: 'ephemeral', text: 'This channel is linked to North (garage 2)' });
    expect(all(reply)).toContain('since Mon 23 Nov 14:05, by <@U0MARIA>');
  });

  it.each([
    ['default', 'your default garage'],
    ['first', 'the first garage'],
  ] as const)('an unlinked channel (%s): which garage /park acts on, and how to link it', (source, why) => {
    const reply = buildChannelStatus({ ...north, source }, null, '/park');
    expect(reply.text).toBe('This channel is not linked to a garage; /park here acts on North');
    expect(all(reply)).toContain(`acts on *North* (garage 2), ${why}.`);
    expect(all(reply)).toContain('`/park link <garage>`');
  });
});

describe('buildChannelLinked', () => {
  it('a new link: in the channel, who linked it to what', () => {
    const reply = buildChannelLinked({ garage: north, previous: null, changed: true, userId: 'U0MARIA', command: '/park' });
    expect(reply.response_type).toBe('in_channel');
    expect(all(reply)).toContain('<@U0MARIA> linked this channel to *North* (garage 2): every `/park` here now acts on *North*.');
  });

  it('a moved link names the garage before', () => {
    const reply = buildChannelLinked({ garage: north, previous: { id: 3, name: 'South' }, changed: true, userId: 'U0MARIA', command: '/park' });
    expect(all(reply)).toContain('(it was linked to *South*)');
  });

  it('the same link again: only to the asker, nothing changed', () => {
    const reply = buildChannelLinked({ garage: north, previous: north, changed: false, userId: 'U0MARIA', command: '/park' });
    expect(reply).toMatchObject({ response_type: 'ephemeral', text: 'This channel was already linked to North' });
  });
});
