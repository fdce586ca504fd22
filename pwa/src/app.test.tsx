import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiError, fixture } from '../test/fixtures.js';
import { server } from '../test/msw.js';
import { resetAppState } from '../test/render.js';
import { App } from './app.js';
import { memoryStore } from './lib/local-store.js';
import { createOutbox, type Outbox } from './lib/outbox.js';
import { currentGarage, rememberGarage } from './lib/garage-choice.js';
import { navigate } from './lib/router.js';
import { checkSession, currentUser } from './lib/session.js';

beforeEach(() => {
  resetAppState();
  history.replaceState(null, '', '/');
  navigate('/', { replace: true });
  server.use(
    http.get('/api/garages/1/stats', () => HttpResponse.json(fixture.stats())),
    http.get('/api/garages/1/activities', () => HttpResponse.json([])),
    http.get('/api/garages', () => HttpResponse.json([fixture.garage()])),
    // A manager's tab bar asks how many requests wait for a decision.
    http.get('/api/garages/1/exceptions', () => HttpResponse.json({ exceptions: [], nextBefore: null })),
  );
});

let outbox: Outbox | undefined;
afterEach(() => outbox?.stop());

const app = () => {
  outbox = createOutbox(memoryStore());
  return render(<App outbox={outbox} />);
};

/** The 401 the server answers once a session has ended, with its reason (see SessionEndReason). */
const sessionEnded = (reason: string, message: string) => HttpResponse.json(apiError('unauthorized', message, [{ reason }]), { status: 401 });

async function signInAs(username: string) {
  fireEvent.input(await screen.findByLabelText('Username'), { target: { value: username } });
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'new password 1' } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('App', () => {
  it('shows the sign-in screen when the server says no one is signed in', async () => {
    currentUser.value = fixture.user();
    server.use(http.get('/api/auth/me', () => HttpResponse.json(apiError('unauthorized', 'Sign in first'), { status: 401 })));
    await checkSession();
    app();
    expect(screen.getByRole('heading', { name: 'Sign in to ParkOps' })).toBeTruthy();
  });

  it('offline at start, the last signed-in user keeps working', async () => {
    currentUser.value = fixture.user({ username: 'ana' });
    server.use(http.get('/api/auth/me', () => HttpResponse.error()));
    await checkSession();
    app();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
  });

  it('attendants get dashboard, car in and car out; no settings', async () => {
    currentUser.value = fixture.user({ role: 'attendant' });
    app();
    const links = screen.getAllByRole('link').map((a) => a.textContent);
    // The dashboard's own links to the Shift screen (its words follow once the server says) and Reservations, then the tabs.
    expect(links).toEqual(['Skip to content', 'Shift', 'Reservations', 'Dashboard', 'Car in', 'Car out']);
    navigate('/settings');
    expect(await screen.findByText('Only managers can change the garage settings. Ask a manager.')).toBeTruthy();
  });

  it('managers also get settings; the tabs move between screens without reloading', async () => {
    currentUser.value = fixture.user({ role: 'manager' });
    server.use(http.get('/api/garages/1/settings', () => HttpResponse.json(fixture.settings())));
    app();
    fireEvent.click(screen.getByRole('link', { name: 'Settings' }));
    expect(location.pathname).toBe('/settings');
    expect(await screen.findByRole('heading', { name: 'Garage settings' })).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'Car in' }));
    expect(screen.getByRole('heading', { name: 'Car in' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Car in · ParkOps'));
    expect(screen.getByRole('link', { name: 'Car in' }).getAttribute('aria-current')).toBe('page');
  });
});

describe('a session that ends mid-action', () => {
  it('says why on the sign-in screen, keeps the entry, and shows its ticket card after signing in again', async () => {
    currentUser.value = fixture.user({ username: 'ana' });
    navigate('/entry');
    let tries = 0;
    server.use(
      http.post('/api/garages/1/tickets', () =>
        ++tries === 1
          ? sessionEnded('password_reset', 'Your password was changed, which ended your session. Sign in with the new password.')
          : HttpResponse.json(fixture.activeTicket({ ticketNumber: 'PS-4D2ZK9', licensePlate: 'ABC 123' }), { status: 201 }),
      ),
      http.post('/api/auth/login', () => HttpResponse.json({ token: 't', user: fixture.user({ username: 'ana' }) })),
    );
    app();
    fireEvent.input(screen.getByLabelText(/plate$/i), { target: { value: 'abc 123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Issue ticket' }));

    expect(await screen.findByRole('heading', { name: 'Sign in to ParkOps' })).toBeTruthy();
    expect(screen.getByText(/Your password was changed, which ended your session/)).toBeTruthy();
    expect(screen.getByText(/1 waiting to send/)).toBeTruthy();
    await signInAs('ana');
    expect((await screen.findByTestId('ticket-number')).textContent).toBe('PS-4D2ZK9');
    expect(tries).toBe(2);
    expect(screen.queryByText(/ended your session/)).toBeNull();
  });

  it('keeps a payment taken as the session ended, and shows its receipt after signing in again', async () => {
    currentUser.value = fixture.user({ username: 'ana' });
    navigate('/exit');
    const entryTime = new Date(Date.now() - 90 * 60_000).toISOString();
    let tries = 0;
    server.use(
      http.get('/api/garages/1/tickets/:n', () => HttpResponse.json(fixture.activeTicket({ entryTime }, new Date()))),
      http.put('/api/garages/1/tickets/:n/exit', () =>
        ++tries === 1 ? sessionEnded('idle', 'Your session ended after 12 hours without use. Sign in again.') : HttpResponse.json(fixture.completedTicket({ entryTime, paymentMethod: 'Cash' })),
      ),
      http.post('/api/auth/login', () => HttpResponse.json({ token: 't', user: fixture.user({ username: 'ana' }) })),
    );
    app();
    fireEvent.input(screen.getByLabelText('Ticket number'), { target: { value: 'PS-7K3QXM' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find ticket' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cash' }));

    expect(await screen.findByText('Your session ended after 12 hours without use. Sign in again.')).toBeTruthy();
    await signInAs('ana');
    expect((await screen.findByTestId('amount-paid')).textContent).toBe('$20.00');
    expect(screen.getByRole('heading', { name: 'Receipt' })).toBeTruthy();
    expect(tries).toBe(2);
  });

  it('at start, says why a session kept on the phone has ended', async () => {
    currentUser.value = fixture.user({ username: 'ana' });
    server.use(http.get('/api/auth/me', () => sessionEnded('signed_out', 'Your session was signed out (on this device or another one). Sign in again.')));
    await checkSession();
    app();
    expect(screen.getByRole('heading', { name: 'Sign in to ParkOps' })).toBeTruthy();
    expect(screen.getByText('Your session was signed out (on this device or another one). Sign in again.')).toBeTruthy();
  });
});

describe('the next action in reach', () => {
  it('the Car in tab gives the empty form again after a ticket was issued, with the plate field focused', async () => {
    currentUser.value = fixture.user();
    navigate('/entry');
    server.use(http.post('/api/garages/1/tickets', () => HttpResponse.json(fixture.activeTicket({ ticketNumber: 'PS-4D2ZK9' }), { status: 201 })));
    app();
    fireEvent.input(screen.getByLabelText(/plate$/i), { target: { value: 'abc 123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Issue ticket' }));
    await screen.findByTestId('ticket-number');
    fireEvent.click(screen.getByRole('link', { name: 'Car in' }));
    const plate = await screen.findByLabelText<HTMLInputElement>(/plate$/i);
    expect(plate.value).toBe('');
    await waitFor(() => expect(document.activeElement).toBe(plate));
  });

  it('Car out opens with the ticket field focused', async () => {
    currentUser.value = fixture.user();
    app();
    fireEvent.click(screen.getByRole('link', { name: 'Car out' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Ticket number')));
  });

  it('Back from "Amount due" goes back to the lookup, with the number kept', async () => {
    currentUser.value = fixture.user();
    navigate('/entry');
    server.use(http.get('/api/garages/1/tickets/:n', () => HttpResponse.json(fixture.activeTicket({ entryTime: new Date(Date.now() - 30 * 60_000).toISOString() }, new Date()))));
    app();
    fireEvent.click(screen.getByRole('link', { name: 'Car out' }));
    fireEvent.input(screen.getByLabelText('Ticket number'), { target: { value: 'PS-7K3QXM' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find ticket' }));
    await screen.findByTestId('amount-due');
    await act(async () => {
      history.back();
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(await screen.findByRole('heading', { name: 'Car out' })).toBeTruthy();
    expect(location.pathname).toBe('/exit');
    expect(screen.getByLabelText<HTMLInputElement>('Ticket number').value).toBe('PS-7K3QXM');
  });

  it('every screen opens at its top', async () => {
    currentUser.value = fixture.user();
    app();
    window.scrollTo(0, 500);
    const seen: number[] = [];
    const original = window.scrollTo.bind(window);
    window.scrollTo = ((x: number, y: number) => {
      seen.push(y);
      original(x, y);
    }) as typeof window.scrollTo;
    try {
      fireEvent.click(screen.getByRole('link', { name: 'Car in' }));
      expect(seen).toContain(0);
    } finally {
      window.scrollTo = original;
    }
  });
});

describe('signing out', () => {
  it('offline, says sign-out needs the server, and the message goes once the phone is back online', async () => {
    currentUser.value = fixture.user({ username: 'ana' });
    server.use(http.post('/api/auth/logout', () => HttpResponse.error()));
    app();
    await act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    fireEvent.click(screen.getByRole('button', { name: /Sign out/ }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/offline.*sign out/i);
    expect(currentUser.value?.username).toBe('ana');
    await act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('the sign-out message does not follow to other screens', async () => {
    currentUser.value = fixture.user({ username: 'ana' });
    server.use(http.post('/api/auth/logout', () => HttpResponse.error()));
    app();
    fireEvent.click(screen.getByRole('button', { name: /Sign out/ }));
    await screen.findByRole('alert');
    fireEvent.click(screen.getByRole('link', { name: 'Car in' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('managers', () => {
  it('find "Payments to resolve" from Settings; attendants never load it', async () => {
    currentUser.value = fixture.user({ role: 'manager' });
    server.use(
      http.get('/api/garages/1/settings', () => HttpResponse.json(fixture.settings())),
      http.get('/api/garages/1/discards', () => HttpResponse.json(fixture.discardPage([]))),
    );
    app();
    fireEvent.click(screen.getByRole('link', { name: 'Settings' }));
    fireEvent.click(await screen.findByRole('link', { name: /Payments to resolve/ }));
    expect(location.pathname).toBe('/payments');
    expect(await screen.findByRole('heading', { name: 'Payments to resolve' })).toBeTruthy();
    expect(await screen.findByText(/Nothing to resolve/)).toBeTruthy();
  });

  it('get an Approvals tab saying how many requests wait; the screen loads when opened', async () => {
    currentUser.value = fixture.user({ role: 'manager' });
    const waiting = [fixture.exception({ id: 1 }), fixture.exception({ id: 2, ticketNumber: 'PS-B7Q2WX' })];
    server.use(http.get('/api/garages/1/exceptions', () => HttpResponse.json({ exceptions: waiting, nextBefore: null })));
    app();
    expect((await screen.findByTestId('approvals-badge')).textContent).toBe('2 waiting');
    fireEvent.click(screen.getByRole('link', { name: 'Approvals 2 waiting' }));
    expect(location.pathname).toBe('/approvals');
    expect(await screen.findByRole('heading', { name: 'Approvals' })).toBeTruthy();
    expect(await screen.findAllByTestId('approval')).toHaveLength(2);
  });

  it('attendants have no Approvals tab, and are told approvals are for managers', async () => {
    currentUser.value = fixture.user({ role: 'attendant' });
    navigate('/approvals');
    app();
    expect(await screen.findByText(/Only managers approve voids, refunds and lost-ticket fee waivers/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Approvals/ })).toBeNull();
  });

  it('attendants are told the payments are for managers', async () => {
    currentUser.value = fixture.user({ role: 'attendant' });
    navigate('/payments');
    app();
    expect(await screen.findByText(/Only managers resolve payments/)).toBeTruthy();
  });
});

describe('Reservations and monthly parkers', () => {
  it('an attendant opens Reservations from the dashboard without reloading; the screen loads when opened', async () => {
    currentUser.value = fixture.user({ role: 'attendant' });
    server.use(http.get('/api/garages/1/reservations', () => HttpResponse.json([fixture.reservation({ from: new Date(Date.now() + 3_600_000).toISOString(), to: new Date(Date.now() + 3 * 3_600_000).toISOString() })])));
    app();
    fireEvent.click(await screen.findByRole('link', { name: /^Reservations/ }));
    expect(location.pathname).toBe('/reservations');
    expect(await screen.findByRole('heading', { name: 'Reservations' })).toBeTruthy();
    expect((await screen.findByTestId('reservation-31')).textContent).toContain('Confirmed — space held');
  });

  it('managers find Monthly parkers in Settings; attendants are told permits are for managers', async () => {
    currentUser.value = fixture.user({ role: 'manager' });
    server.use(
      http.get('/api/garages/1/settings', () => HttpResponse.json(fixture.settings())),
      http.get('/api/garages/1/permits', () => HttpResponse.json([fixture.permit()])),
    );
    app();
    fireEvent.click(screen.getByRole('link', { name: 'Settings' }));
    fireEvent.click(await screen.findByRole('link', { name: /Monthly parkers/ }));
    expect(location.pathname).toBe('/permits');
    expect((await screen.findByTestId('permit-8')).textContent).toContain('Acme Corp');
  });

  it('attendants are told permits are for managers', async () => {
    currentUser.value = fixture.user({ role: 'attendant' });
    navigate('/permits');
    app();
    expect(await screen.findByText(/Only managers manage monthly parkers' permits/)).toBeTruthy();
  });
});

describe("the garage's name", () => {
  it('is in the header once signed in, fetched from the server, whole in its title', async () => {
    const long = 'Downtown Municipal Parking Structure at Fifth Avenue and Main Street, Level P2';
    server.use(
      http.get('/api/garages', () => HttpResponse.json([fixture.garage({ name: long })])),
      http.post('/api/auth/login', () => HttpResponse.json({ token: 't', user: fixture.user({ username: 'ana' }) })),
    );
    app();
    await signInAs('ana');
    await waitFor(() => expect(screen.getByTestId('garage-name').textContent).toBe(long));
    const name = screen.getByTestId('garage-name');
    expect(name.getAttribute('title')).toBe(long);
    expect(name.closest('header')).toBeTruthy();
    expect(screen.getByRole('banner').textContent).toContain('Signed in as ana');
    expect(currentGarage.value?.name).toBe(long);
  });

  it('offline at start, the name the phone last saw stays in the header', async () => {
    rememberGarage(fixture.garage({ name: 'Harbor Deck' }));
    currentUser.value = fixture.user({ username: 'ana' });
    let asked = 0;
    server.use(
      http.get('/api/auth/me', () => HttpResponse.error()),
      http.get('/api/garages', () => {
        asked++;
        return HttpResponse.error();
      }),
    );
    await checkSession();
    app();
    expect((await screen.findByTestId('garage-name')).textContent).toBe('Harbor Deck');
    // The app asked, got no answer, and kept the name it had.
    await waitFor(() => expect(asked).toBe(1));
    await new Promise((r) => setTimeout(r, 100));
    expect(screen.getByTestId('garage-name').textContent).toBe('Harbor Deck');
    expect(JSON.parse(localStorage.getItem('parkops.garages') ?? 'null')).toMatchObject([{ name: 'Harbor Deck' }]);
  });

  it('admins reach the garage profile from Settings and edit it; managers read it; attendants are told who may', async () => {
    currentUser.value = fixture.user({ role: 'admin', username: 'admin' });
    server.use(http.get('/api/garages/1/settings', () => HttpResponse.json(fixture.settings())));
    const { unmount } = app();
    fireEvent.click(screen.getByRole('link', { name: 'Settings' }));
    fireEvent.click(await screen.findByRole('link', { name: /Garage profile/ }));
    expect(location.pathname).toBe('/garage');
    expect(await screen.findByLabelText('Publish free spaces in the public feed')).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Garage · ParkOps'));
    unmount();
    outbox?.stop();

    currentUser.value = fixture.user({ role: 'manager' });
    app();
    expect((await screen.findByTestId('profile-name')).textContent).toBe('Main Street');
    expect(screen.queryByRole('button', { name: 'Save garage' })).toBeNull();
    outbox?.stop();

    currentUser.value = fixture.user({ role: 'attendant' });
    expect(await screen.findByText(/Only managers and admins see the garage's profile/)).toBeTruthy();
  });
});
