import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { ALERT_KINDS, AlertEpisode, AlertsView, type AlertKind } from '../../../shared/alerts.js';
import { expectAccessible } from '../../test/axe.js';
import { fixture } from '../../test/fixtures.js';
import { server } from '../../test/msw.js';
import { renderWithOutbox, resetAppState, signedIn } from '../../test/render.js';
import { navigate } from '../lib/router.js';
import { AlertsScreen } from './alerts.js';

const episode = (over: Partial<AlertEpisode> & Pick<AlertEpisode, 'id' | 'kind'>): AlertEpisode =>
  AlertEpisode.parse({ garageId: 1, subject: '', openedAt: '2026-11-23T19:05:00.000Z', clearedAt: null, details: {}, muted: false, ...over });

const full = episode({ id: 5, kind: 'garage_full', details: { occupied: 140, totalSpaces: 140, percent: 100 } });
const stale = episode({ id: 4, kind: 'stale_tickets', details: { count: 2, hours: 24, oldestEntry: null }, openedAt: '2026-11-22T13:00:00.000Z', clearedAt: '2026-11-22T15:30:00.000Z' });

/** GET …/alerts answers `view`; each PUT …/alerts/mutes is recorded and answered as the server would (the kind added or taken off `muted`). */
function answerAlerts(view: AlertsView) {
  let now = AlertsView.parse(view);
  const mutes: unknown[] = [];
  server.use(
    http.get('/api/garages/1/alerts', () => HttpResponse.json(now)),
    http.put('/api/garages/1/alerts/mutes', async ({ request }) => {
      const body = (await request.json()) as { kind: AlertKind; muted: boolean };
      mutes.push(body);
      const muted = now.muted.filter((k) => k !== body.kind);
      now = AlertsView.parse({ ...now, muted: body.muted ? [...muted, body.kind] : muted });
      return HttpResponse.json(now);
    }),
  );
  return mutes;
}

beforeEach(() => {
  resetAppState();
  navigate('/alerts', { replace: true });
  // Garage 1 keeps New York time.
  signedIn(fixture.user({ role: 'manager' }));
});

describe('Alerts', () => {
  it('shows the alerts going on now with since when, those that ended, and a mute switch for every kind', async () => {
    answerAlerts({ open: [full], recent: [stale], muted: ['stale_tickets'] });
    renderWithOutbox(<AlertsScreen />);
    const open = await screen.findByTestId('alerts-open');
    expect(within(open).getByTestId('alert-5').textContent).toBe('Garage fullGarage full: 140 of 140 spaces takenSince Nov 23, 2:05 PM');
    expect(screen.getByTestId('alert-4').textContent).toBe('Tickets open too long2 tickets open over 24 hFrom Nov 22, 8:00 AM to Nov 22, 10:30 AM');
    const switches = screen.getAllByRole('switch');
    expect(switches).toHaveLength(ALERT_KINDS.length);
    expect((screen.getByLabelText('Mute “Tickets open too long”') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Mute “Garage full”') as HTMLInputElement).checked).toBe(false);
    await expectAccessible();
  });

  it('says when nothing is going on', async () => {
    answerAlerts({ open: [], recent: [], muted: [] });
    renderWithOutbox(<AlertsScreen />);
    expect((await screen.findByTestId('alerts-none')).textContent).toBe('Nothing to look at: no alert is going on.');
  });

  it('a switch sends {kind, muted} and the screen follows the answer, both ways', async () => {
    const mutes = answerAlerts({ open: [full], recent: [], muted: [] });
    renderWithOutbox(<AlertsScreen />);
    const garageFull = (await screen.findByLabelText('Mute “Garage full”')) as HTMLInputElement;
    fireEvent.click(garageFull);
    await waitFor(() => expect(screen.getByText('Muted: not posted to Slack')).toBeTruthy());
    expect(garageFull.checked).toBe(true);
    fireEvent.click(garageFull);
    await waitFor(() => expect(garageFull.checked).toBe(false));
    expect(mutes).toEqual([
      { kind: 'garage_full', muted: true },
      { kind: 'garage_full', muted: false },
    ]);
  });

  it('a refused mute says why beside its switch and leaves the switch as it was', async () => {
    answerAlerts({ open: [], recent: [], muted: [] });
    server.use(http.put('/api/garages/1/alerts/mutes', () => HttpResponse.json({ code: 'forbidden', message: 'Managers only' }, { status: 403 })));
    renderWithOutbox(<AlertsScreen />);
    const staleSwitch = (await screen.findByLabelText('Mute “Tickets open too long”')) as HTMLInputElement;
    fireEvent.click(staleSwitch);
    expect((await screen.findByRole('alert')).textContent).toBe("Not changed: Your role can't do this. Ask a manager.");
    expect(staleSwitch.checked).toBe(false);
  });
});
