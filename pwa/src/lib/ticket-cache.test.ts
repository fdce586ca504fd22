import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/fixtures.js';
import { memoryStore } from './local-store.js';
import { createTicketCache } from './ticket-cache.js';

describe('the ticket cache', () => {
  it('recalls an active ticket the server sent, as it was sent', async () => {
    const tickets = createTicketCache(memoryStore());
    const ticket = fixture.activeTicket();
    await tickets.remember(ticket);
    expect(await tickets.recall('PS-7K3QXM')).toEqual(ticket);
    expect(await tickets.recall('PS-000001')).toBeNull();
  });

  it('forgets a ticket once the server says it is paid', async () => {
    const store = memoryStore();
    const tickets = createTicketCache(store);
    await tickets.remember(fixture.activeTicket());
    await tickets.remember(fixture.completedTicket());
    expect(await tickets.recall('PS-7K3QXM')).toBeNull();
    expect(await store.getTicket('PS-7K3QXM')).toBeUndefined();
  });

  it.each([
    ['kept by an older version of the app (no tariff)', () => {
      const { tariff: _, ...old } = fixture.activeTicket();
      return old;
    }],
    ['damaged', () => ({ ticketNumber: 'PS-7K3QXM', entryTime: 'yesterday' })],
    ['a paid ticket', () => fixture.completedTicket()],
  ])('treats a copy %s as unknown, never as a ticket to price', async (_case, stored) => {
    const tickets = createTicketCache(memoryStore([], [stored()]));
    expect(await tickets.recall('PS-7K3QXM')).toBeNull();
  });
});
