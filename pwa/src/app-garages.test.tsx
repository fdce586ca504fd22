import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture } from '../test/fixtures.js';
import { server } from '../test/msw.js';
import { resetAppState, signedIn } from '../test/render.js';
import { App } from './app.js';
import { garageChoices, pickGarage } from './lib/garage-choice.js';
import { memoryStore } from './lib/local-store.js';
import { createOutbox, type Outbox } from './lib/outbox.js';
import { navigate } from './lib/router.js';

/** Two garages of one operator, each with its own figures. */
const mainStreet = fixture.garage({ id: 1, name: 'Main Street', totalSpaces: 140 });
const harborDeck = fixture.garage({ id: 2, name: 'Harbor Deck', address: '9 Pier Rd', totalSpaces: 60, timezone: 'UTC' });
const spaces: Record<string, number> = { '1': 117, '2': 42 };

/** An attendant who works in both garages. */
const ana = fixture.user({ id: 7, username: 'ana', garageIds: [1, 2], defaultGarageId: 1 });

/** The server of the two garages; it logs every garage path it is asked for. */
function twoGarages(asked: string[]) {
  return [
    http.get('/api/garages', () => HttpResponse.json([mainStreet, harborDeck])),
    http.get('/api/garages/:garageId/stats', ({ params }) => {
      asked.push(`stats ${String(params.garageId)}`);
      return HttpResponse.json(fixture.stats({ availableSpaces: spaces[String(params.garageId)] }));
    }),
    http.get('/api/garages/:garageId/activities', ({ params }) => {
      asked.push(`activities ${String(params.garageId)}`);
      return HttpResponse.json([]);
    }),
  ];
}

let outbox: Outbox | undefined;
let asked: string[];
beforeEach(() => {
  resetAppState();
  history.replaceState(null, '', '/');
  navigate('/', { replace: true });
  asked = [];
  server.use(...twoGarages(asked));
});
afterEach(() => outbox?.stop());

const app = () => {
  outbox = createOutbox(memoryStore());
  return render(<App outbox={outbox} />);
};

async function signInAs(user: typeof ana) {
  server.use(http.post('/api/auth/login', () => HttpResponse.json({ token: 't', user })));
  fireEvent.input(await screen.findByLabelText('Username'), { target: { value: user.username } });
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'a password 1' } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

const headerLink = () => within(screen.getByRole('banner')).queryByRole('link', { name: /change garage/ });

describe('several garages: the picker', () => {
  it('after sign-in, someone with two garages picks one by name (no tabs until then), and works in it', async () => {
    app();
    await signInAs(ana);
    expect(await screen.findByRole('heading', { name: 'Choose a garage' })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('button', { name: /^Main Street/ })).toBeTruthy());
    expect(screen.getByRole('button', { name: /^Harbor Deck/ }).textContent).toContain('9 Pier Rd');
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
    await waitFor(() => expect(document.title).toBe('Choose a garage · ParkOps'));
    expect(asked).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: /^Harbor Deck/ }));
    expect((await screen.findByTestId('available')).textContent).toBe('42');
    expect(asked).toEqual(['stats 2', 'activities 2']);
    expect(screen.getByTestId('garage-name').textContent).toBe('Harbor Deck');
    expect(headerLink()?.getAttribute('href')).toBe('/garages');
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
  });

  it('someone with one garage never sees the picker, and its name is not a link', async () => {
    app();
    await signInAs(fixture.user({ garageIds: [2], defaultGarageId: 2 }));
    expect((await screen.findByTestId('available')).textContent).toBe('42');
    expect(screen.queryByRole('heading', { name: 'Choose a garage' })).toBeNull();
    await waitFor(() => expect(screen.getByTestId('garage-name').textContent).toBe('Harbor Deck'));
    expect(headerLink()).toBeNull();
    expect(asked.every((a) => a.endsWith(' 2'))).toBe(true);
  });

  it('the choice is remembered for that user: the next sign-in goes straight to it', async () => {
    const first = app();
    await signInAs(ana);
    fireEvent.click(await screen.findByRole('button', { name: /^Harbor Deck/ }));
    await screen.findByTestId('available');
    expect(JSON.parse(localStorage.getItem('parkops.garageChoices') ?? 'null')).toEqual({ '7': 2 });
    first.unmount();
    outbox?.stop();

    resetAppState();
    garageChoices.value = { '7': 2 };
    app();
    await signInAs(ana);
    expect((await screen.findByTestId('available')).textContent).toBe('42');
    expect(screen.queryByRole('heading', { name: 'Choose a garage' })).toBeNull();
  });

  it('a remembered garage the user may no longer use falls back to the picker', async () => {
    garageChoices.value = { '7': 2 };
    server.use(http.get('/api/garages', () => HttpResponse.json([mainStreet, fixture.garage({ id: 3, name: 'Airport P3' })])));
    app();
    await signInAs(fixture.user({ id: 7, garageIds: [1, 3], defaultGarageId: 1 }));
    expect(await screen.findByRole('heading', { name: 'Choose a garage' })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('button', { name: /^Airport P3/ })).toBeTruthy());
    expect(screen.queryByRole('button', { name: /^Harbor Deck/ })).toBeNull();
  });

  it('the header name opens the picker; another pick starts every screen over on its dashboard', async () => {
    signedIn(ana, [mainStreet, harborDeck]);
    pickGarage(2);
    navigate('/entry');
    server.use(http.post('/api/garages/:garageId/tickets', () => HttpResponse.json(fixture.activeTicket({ ticketNumber: 'PS-4D2ZK9' }), { status: 201 })));
    app();
    fireEvent.input(screen.getByLabelText(/plate$/i), { target: { value: 'abc 123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Issue ticket' }));
    await screen.findByTestId('ticket-number');

    fireEvent.click(headerLink()!);
    expect(location.pathname).toBe('/garages');
    expect(screen.getByRole('button', { name: /^Harbor Deck/ }).getAttribute('aria-current')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: /^Main Street/ }));
    expect(location.pathname).toBe('/');
    expect((await screen.findByTestId('available')).textContent).toBe('117');
    expect(screen.getByTestId('garage-name').textContent).toBe('Main Street');
    fireEvent.click(screen.getByRole('link', { name: 'Car in' }));
    expect(screen.queryByTestId('ticket-number')).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>(/plate$/i).value).toBe('');
  });
});

describe('several garages: calls and outboxes', () => {
  it('every call goes to the scoped path of the garage on screen: entries, lookups, exits', async () => {
    const seen: string[] = [];
    signedIn(ana, [mainStreet, harborDeck]);
    pickGarage(2);
    navigate('/entry');
    server.use(
      http.post('/api/garages/:garageId/tickets', ({ params }) => {
        seen.push(`POST /api/garages/${String(params.garageId)}/tickets`);
        return HttpResponse.json(fixture.activeTicket({ ticketNumber: 'PS-4D2ZK9' }), { status: 201 });
      }),
      http.get('/api/garages/:garageId/tickets/:n', ({ params }) => {
        seen.push(`GET /api/garages/${String(params.garageId)}/tickets/${String(params.n)}`);
        return HttpResponse.json(fixture.activeTicket({ ticketNumber: 'PS-4D2ZK9', entryTime: new Date(Date.now() - 30 * 60_000).toISOString() }, new Date()));
      }),
      http.put('/api/garages/:garageId/tickets/:n/exit', ({ params }) => {
        seen.push(`PUT /api/garages/${String(params.garageId)}/tickets/${String(params.n)}/exit`);
        return HttpResponse.json(fixture.completedTicket({ ticketNumber: 'PS-4D2ZK9' }));
      }),
    );
    app();
    fireEvent.input(screen.getByLabelText(/plate$/i), { target: { value: 'abc 123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Issue ticket' }));
    await screen.findByTestId('ticket-number');
    fireEvent.click(screen.getByRole('link', { name: 'Car out' }));
    fireEvent.input(screen.getByLabelText('Ticket number'), { target: { value: 'PS-4D2ZK9' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find ticket' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cash' }));
    await screen.findByRole('heading', { name: 'Receipt' });
    expect(seen).toEqual(['POST /api/garages/2/tickets', 'GET /api/garages/2/tickets/PS-4D2ZK9', 'PUT /api/garages/2/tickets/PS-4D2ZK9/exit']);
  });

  it('an entry queued offline in one garage (not the default) is sent to that garage after switching to another, which neither counts nor lists it', async () => {
    signedIn(ana, [mainStreet, harborDeck]);
    pickGarage(2);
    navigate('/entry');
    server.use(http.post('/api/garages/:garageId/tickets', () => HttpResponse.error()));
    app();
    fireEvent.input(screen.getByLabelText(/plate$/i), { target: { value: 'off 1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Issue ticket' }));
    await screen.findByRole('heading', { name: 'Ticket issued' });
    expect(screen.getByTestId('pending-chip').textContent).toBe('1 waiting to send');
    fireEvent.click(screen.getByRole('link', { name: 'Car out' }));
    expect(screen.getByRole('heading', { name: 'Came in offline on this phone' })).toBeTruthy();

    fireEvent.click(headerLink()!);
    fireEvent.click(screen.getByRole('button', { name: /^Main Street/ }));
    await screen.findByTestId('available');
    // Main Street's chip and offline cars are Main Street's; the dashboard lists the item, named with its garage.
    expect(screen.queryByTestId('pending-chip')).toBeNull();
    expect(screen.getByText('1 waiting to be sent')).toBeTruthy();
    expect(screen.getByText(/^Harbor Deck: Entry OFF 1 \(Car\)/)).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'Car out' }));
    expect(screen.queryByRole('heading', { name: 'Came in offline on this phone' })).toBeNull();

    const sentTo: string[] = [];
    server.use(
      http.post('/api/garages/:garageId/tickets', ({ params }) => {
        sentTo.push(String(params.garageId));
        return HttpResponse.json(fixture.activeTicket({ ticketNumber: 'PS-OFF001', licensePlate: 'OFF 1' }), { status: 201 });
      }),
    );
    await act(() => outbox!.drain());
    expect(sentTo).toEqual(['2']);
    expect(outbox!.pending.value).toHaveLength(0);
  });
});
