import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, fixture } from '../test/fixtures.js';
import { server } from '../test/msw.js';
import { resetAppState } from '../test/render.js';
import { App } from './app.js';
import { memoryStore } from './lib/local-store.js';
import { createOutbox } from './lib/outbox.js';
import { navigate } from './lib/router.js';
import { checkSession, currentUser } from './lib/session.js';

beforeEach(() => {
  resetAppState();
  history.replaceState(null, '', '/');
  navigate('/', { replace: true });
  server.use(
    http.get('/api/garage/stats', () => HttpResponse.json(fixture.stats())),
    http.get('/api/activities', () => HttpResponse.json([])),
  );
});

const app = () => render(<App outbox={createOutbox(memoryStore())} />);

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
    expect(links).toEqual(['Skip to content', 'Dashboard', 'Car in', 'Car out']);
    navigate('/settings');
    expect(await screen.findByText('Only managers can change the garage settings. Ask a manager.')).toBeTruthy();
  });

  it('managers also get settings; the tabs move between screens without reloading', async () => {
    currentUser.value = fixture.user({ role: 'manager' });
    server.use(http.get('/api/garage/settings', () => HttpResponse.json(fixture.settings())));
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
