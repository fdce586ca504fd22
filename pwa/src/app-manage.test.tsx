import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AlertsView } from '../../shared/alerts.js';
import { expectAccessible } from '../test/axe.js';
import { fixture } from '../test/fixtures.js';
import { server } from '../test/msw.js';
import { resetAppState } from '../test/render.js';
import { App } from './app.js';
import { memoryStore } from './lib/local-store.js';
import { createOutbox, type Outbox } from './lib/outbox.js';
import { navigate } from './lib/router.js';
import { currentUser } from './lib/session.js';

/** Every request a screen of the menu makes, so a test can tell none was made for someone not allowed. */
let manageAsked: string[] = [];
beforeEach(() => {
  resetAppState();
  history.replaceState(null, '', '/');
  navigate('/', { replace: true });
  manageAsked = [];
  const note = ({ request }: { request: Request }) => void manageAsked.push(new URL(request.url).pathname);
  server.use(
    http.get('/api/garages/1/stats', () => HttpResponse.json(fixture.stats())),
    http.get('/api/garages/1/activities', () => HttpResponse.json([])),
    http.get('/api/garages', () => HttpResponse.json([fixture.garage()])),
    http.get('/api/garages/1/exceptions', () => HttpResponse.json({ exceptions: [], nextBefore: null })),
    http.get('/api/garages/1/audit', (info) => {
      note(info);
      return HttpResponse.json({ entries: [], nextBefore: null });
    }),
    http.get('/api/garages/1/alerts', (info) => {
      note(info);
      return HttpResponse.json(AlertsView.parse({ open: [], recent: [], muted: [] }));
    }),
    http.get('/api/users', (info) => {
      note(info);
      return HttpResponse.json([fixture.user({ id: 1, username: 'admin', role: 'admin' })]);
    }),
  );
});

let outbox: Outbox | undefined;
afterEach(() => outbox?.stop());

const app = () => {
  outbox = createOutbox(memoryStore());
  return render(<App outbox={outbox} />);
};

/** Opens the header's Menu and gives back the names of its links. */
async function openMenu(): Promise<string[]> {
  fireEvent.click(await screen.findByRole('button', { name: 'Menu' }));
  const menu = screen.getByRole('navigation', { name: 'Manage' });
  return within(menu)
    .getAllByRole('link')
    .map((a) => a.textContent ?? '');
}

describe('the Menu: the plate camera, and the managers’ and admins’ screens', () => {
  it('attendants have no Menu; the screens tell them who to ask, and nothing is fetched', async () => {
    currentUser.value = fixture.user({ role: 'attendant' });
    app();
    await screen.findByRole('navigation', { name: 'Main' });
    expect(screen.queryByRole('button', { name: 'Menu' })).toBeNull();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getAllByRole('link').map((a) => a.textContent)).toEqual(['Dashboard', 'Car in', 'Car out']);
    navigate('/audit');
    expect(await screen.findByText('Only managers see who did what in the garage. Ask a manager.')).toBeTruthy();
    navigate('/alerts');
    expect(await screen.findByText("Only managers see and mute the garage's alerts. Ask a manager.")).toBeTruthy();
    navigate('/staff');
    expect(await screen.findByText('Only admins add and change staff accounts. Ask an admin.')).toBeTruthy();
    navigate('/all-garages');
    expect(await screen.findByText('Only admins add and change garages. Ask an admin.')).toBeTruthy();
    expect(manageAsked).toEqual([]);
  });

  it('managers: Reports, Parked now, Alerts and Audit, not Staff or Garages; a pick opens the screen and closes the Menu', async () => {
    currentUser.value = fixture.user({ role: 'manager' });
    app();
    expect(await openMenu()).toEqual(['Plate camera', 'Reports', 'Parked now', 'Alerts', 'Audit']);
    expect(screen.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')).toBe('true');
    await expectAccessible();
    // The five tabs stay five (they fit a 360 px phone).
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getAllByRole('link')).toHaveLength(5);
    fireEvent.click(within(screen.getByRole('navigation', { name: 'Manage' })).getByRole('link', { name: 'Audit' }));
    expect(location.pathname).toBe('/audit');
    expect(await screen.findByTestId('audit-empty')).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Audit · ParkOps'));
    expect(screen.queryByRole('navigation', { name: 'Manage' })).toBeNull();
    await openMenu();
    fireEvent.click(screen.getByRole('link', { name: 'Alerts' }));
    expect(await screen.findByTestId('alerts-none')).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Alerts · ParkOps'));
    navigate('/staff');
    expect(await screen.findByText('Only admins add and change staff accounts. Ask an admin.')).toBeTruthy();
    expect(manageAsked).toEqual(['/api/garages/1/audit', '/api/garages/1/alerts']);
  });

  it('admins also have Staff and Garages; Escape closes the Menu', async () => {
    currentUser.value = fixture.user({ id: 1, username: 'admin', role: 'admin' });
    app();
    expect(await openMenu()).toEqual(['Plate camera', 'Reports', 'Parked now', 'Alerts', 'Audit', 'Staff', 'Garages']);
    fireEvent.keyDown(screen.getByRole('link', { name: 'Staff' }), { key: 'Escape' });
    expect(screen.queryByRole('navigation', { name: 'Manage' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Menu' }));
    await openMenu();
    fireEvent.click(screen.getByRole('link', { name: 'Staff' }));
    expect(await screen.findByTestId('staff-admin')).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Staff · ParkOps'));
    await openMenu();
    fireEvent.click(screen.getByRole('link', { name: 'Garages' }));
    expect(await screen.findByTestId('garage-row-1')).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Garages · ParkOps'));
  });
});
