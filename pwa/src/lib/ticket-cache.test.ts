import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/fixtures.js';
import { memoryStore } from './local-store.js';
import { createTicketCache } from './ticket-cache.js';

describe('the ticket cache', () => {
  it('recalls an active ticket the server sent, as it was sent', async () => {
    const tickets = createTicketCache(memoryStore(), () => 1);
    const ticket = fixture.activeTicket();
    await tickets.remember(1, ticket);
    expect(await tickets.recall(1, 'PS-7K3QXM')).toEqual(ticket);
    expect(await tickets.recall(1, 'PS-000001')).toBeNull();
  });

  it('forgets a ticket once the server says it is paid', async () => {
    const store = memoryStore();
    const tickets = createTicketCache(store, () => 1);
    await tickets.remember(1, fixture.activeTicket());
    await tickets.remember(1, fixture.completedTicket());
    expect(await tickets.recall(1, 'PS-7K3QXM')).toBeNull();
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
    const tickets = createTicketCache(memoryStore([], [stored()]), () => 1);
    expect(await tickets.recall(1, 'PS-7K3QXM')).toBeNull();
  });

  it("keeps each garage's tickets apart: a lookup in one garage never finds a ticket seen in another", async () => {
    const tickets = createTicketCache(memoryStore(), () => 1);
    await tickets.remember(1, fixture.activeTicket({ ticketNumber: 'PS-AAAAAA' }));
    expect(await tickets.recall(2, 'PS-AAAAAA')).toBeNull();
    expect(await tickets.recall(1, 'PS-AAAAAA')).toMatchObject({ ticketNumber: 'PS-AAAAAA' });
  });

  it('a copy kept before several garages (no garage) belongs to the default garage only', async () => {
    const older = fixture.activeTicket();
    const tickets = createTicketCache(memoryStore([], [older]), () => 2);
    expect(await tickets.recall(2, 'PS-7K3QXM')).toEqual(older);
    expect(await tickets.recall(1, 'PS-7K3QXM')).toBeNull();
    expect(await createTicketCache(memoryStore([], [older]), () => null).recall(2, 'PS-7K3QXM')).toBeNull();
  });
});
