import { describe, expect, it } from 'vitest';
import type { SlackHarness } from '../test/harness.js';
import { slackSuite } from '../test/slack-suite.js';
import { onlyReply, said } from '../test/replies.js';

/** `/park rates`: the channel garage's rate board, for any staff member, only to the asker. */
const { start } = slackSuite();
let h: SlackHarness;

const plan = {
  hourlyRate: 800,
  vehicleRates: { Truck: 1500 },
  graceMinutes: 10,
  dailyMaxCents: 4000,
  bands: [{ name: 'Night', from: '22:00', to: '06:00', hourlyRate: 200 }],
  specials: [
    { name: 'Early bird', entryFrom: '06:00', entryTo: '09:00', exitBy: '19:00', weekdays: [1, 2, 3, 4, 5], priceCents: 1200 },
    { name: 'Weekend', entryFrom: '08:00', entryTo: '12:00', exitBy: '20:00', weekdays: [6, 7], priceCents: 900 },
  ],
  events: [
    { name: 'Concert', from: '2026-12-12T22:00:00.000Z', to: '2026-12-13T04:00:00.000Z', priceCents: 2500 },
    { name: 'Last year’s fair', from: '2025-11-01T14:00:00.000Z', to: '2025-11-01T22:00:00.000Z', priceCents: 1500 },
  ],
};

describe('/park rates', () => {
  it('after a plan is PUT: its rates, bands, grace, daily max, specials (weekdays in words), coming events and version', async () => {
    h = await start({ timezone: 'America/New_York', start: '2026-11-23T15:00:00.000Z' });
    await h.addUser('maria', 'manager');
    await h.addUser('ana', 'attendant', 'U0ANA');
    const put = await h.apiSend('PUT', `/api/garages/${h.deps.garageId}/rate-plan`, 'maria', plan);
    expect(put.status).toBe(200);
    const reply = onlyReply((await h.command('rates', { userId: 'U0ANA' })).replies);
    expect(reply.response_type).toBe('ephemeral');
    for (const part of [
      'rate plan version 1, since ', // saved at the database's clock
      '*Default rate* $8.00/h; Truck $15.00/h',
      'a stay of up to 10 min is free',
      '$40.00 per 24 h from entry',
      'Night: hours starting 22:00–06:00 at $2.00/h',
      'Early bird: in 06:00–09:00, out by 19:00, Mon–Fri: $12.00',
      'Weekend: in 08:00–12:00, out by 20:00, Sat, Sun: $9.00',
      'Concert: cars in Sat 12 Dec 17:00 – Sat 12 Dec 23:00 pay $25.00 for their first 24 h',
      'America/New_York',
    ]) {
      expect(said(reply)).toContain(part);
    }
    expect(said(reply)).not.toContain('fair'); // a past event is left out
    expect(said(reply)).toContain('Garage: *'); // names the garage it is for
  });

  it('before any plan: the garage’s plain tariff, version 0', async () => {
    h = await start();
    await h.addUser('ana', 'attendant', 'U0ANA');
    const reply = onlyReply((await h.command('rates', { userId: 'U0ANA' })).replies);
    for (const part of ['no rate plan saved yet', '*Default rate* $10.00/h', '*Grace* none', '*Daily maximum* none']) expect(said(reply)).toContain(part);
    expect(said(reply)).not.toContain('Specials');
  });

  it('a Slack user with no staff account is told how to get one', async () => {
    h = await start();
    const reply = onlyReply((await h.command('rates', { userId: 'U0NOBODY' })).replies);
    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    expect(reply.text).toContain('Only attendants can see the rates');
    expect(reply.text).toContain('not linked to a ParkOps staff account');
  });
});
