import { act, fireEvent, screen, waitFor } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiError, fixture } from '../../test/fixtures.js';
import { server } from '../../test/msw.js';
import { renderWithOutbox, resetAppState } from '../../test/render.js';
import { currentUser } from '../lib/session.js';
import { SignInScreen } from './sign-in.js';

beforeEach(resetAppState);
afterEach(() => {
  fireEvent(window, new Event('online'));
});

function fill(username: string, password: string) {
  fireEvent.input(screen.getByLabelText('Username'), { target: { value: username } });
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('Sign in', () => {
  it('signs in with the session cookie and remembers who is signed in (never the token)', async () => {
    let body: unknown;
    server.use(
      http.post('/api/auth/login', async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ token: 'secret-token', user: fixture.user({ username: 'ana' }) });
      }),
    );
    let signedIn = false;
    renderWithOutbox(<SignInScreen onSignedIn={() => (signedIn = true)} />);
    fill('ana', 'correct horse');
    await waitFor(() => expect(signedIn).toBe(true));
    expect(body).toEqual({ username: 'ana', password: 'correct horse' });
    expect(currentUser.value?.username).toBe('ana');
    expect(JSON.stringify({ ...localStorage })).not.toContain('secret-token');
  });

  it('says the username or password is wrong and keeps the username', async () => {
    server.use(http.post('/api/auth/login', () => HttpResponse.json(apiError('unauthorized', 'Wrong username or password'), { status: 401 })));
    renderWithOutbox(<SignInScreen />);
    fill('ana', 'nope');
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong username or password. Check both and try again.');
    expect(screen.getByLabelText<HTMLInputElement>('Username').value).toBe('ana');
    expect(currentUser.value).toBeNull();
  });

  it('after too many tries, says to wait', async () => {
    server.use(http.post('/api/auth/login', () => HttpResponse.json(apiError('rate_limited', 'Too many failed sign-ins for ana.'), { status: 429 })));
    renderWithOutbox(<SignInScreen />);
    fill('ana', 'nope');
    expect((await screen.findByRole('alert')).textContent).toBe('Too many failed sign-ins for ana. Wait a little, then try again.');
  });

  it('asks for both fields before sending', async () => {
    renderWithOutbox(<SignInScreen />);
    fill('', '');
    expect((await screen.findByRole('alert')).textContent).toBe('Enter your username and password.');
  });

  it('offline, says so before anything is typed, and says why signing in failed', async () => {
    server.use(http.post('/api/auth/login', () => HttpResponse.error()));
    renderWithOutbox(<SignInScreen />);
    await act(() => {
      fireEvent(window, new Event('offline'));
    });
    expect(screen.getByText(/This phone is offline: signing in needs the server/)).toBeTruthy();
    fill('ana', 'correct horse');
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Not signed in: this phone is offline/);
    expect(screen.getByLabelText<HTMLInputElement>('Username').value).toBe('ana');
  });
});
