import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/axe.js';
import { fixture } from '../../test/fixtures.js';
import { server } from '../../test/msw.js';
import { renderWithOutbox, resetAppState, signedIn } from '../../test/render.js';
import { ticketForCarOut } from '../lib/car-out.js';
import { rememberStats } from '../lib/garage.js';
import { currentPath, navigate } from '../lib/router.js';
import { ParkedScreen } from './parked.js';

beforeEach(() => {
  resetAppState();
  ticketForCarOut.value = null;
  navigate('/parked', { replace: true });
  signedIn(fixture.user({ role: 'manager' }));
  rememberStats(1, fixture.stats({ timezone: 'UTC' }));
});

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

/** Three cars inside, as the server answers (its amounts due worked out now), sent in the order given. */
function answerParked(order: 'oldest' | 'mixed' = 'oldest') {
  const now = new Date();
  const cars = [
    fixture.activeTicket({ id: 1, ticketNumber: 'PS-AAAAAA', licensePlate: 'OLD 30', entryTime: hoursAgo(30) }, now),
    fixture.activeTicket({ id: 2, ticketNumber: 'PS-BBBBBB', licensePlate: 'MID 3', entryTime: hoursAgo(3) }, now),
    fixture.activeTicket({ id: 3, ticketNumber: 'PS-CCCCCC', licensePlate: 'NEW 1', entryTime: hoursAgo(0.5) }, now),
  ];
  const queries: string[] = [];
  server.use(
    http.get('/api/garages/1/tickets', ({ request }) => {
      queries.push(new URL(request.url).search);
      return HttpResponse.json(order === 'oldest' ? cars : [cars[2], cars[0], cars[1]]);
    }),
  );
  return queries;
}

describe('Parked now', () => {
  it('lists the cars inside longest first, with since when, how long and the amount due; over 24 h flagged; a count on top', async () => {
    const queries = answerParked('mixed');
    renderWithOutbox(<ParkedScreen />);
    const list = await screen.findByTestId('parked-list');
    expect(queries).toEqual(['?status=active&order=oldest&limit=100']);
    expect(screen.getByTestId('parked-count').textContent).toBe('3 cars parked · 1 over 24 h');
    const rows = within(list).getAllByRole('button');
    expect(rows.map((r) => r.querySelector('.plate')?.textContent)).toEqual(['OLD 30', 'MID 3', 'NEW 1']);
    expect(rows[0]?.textContent).toMatch(/^OLD 30PS-AAAAAAOver 24 hSince .* · 1 d 6 h 00 minDue now \$300\.00$/);
    expect(rows[1]?.textContent).toMatch(/^MID 3PS-BBBBBBSince .* · 3 h 00 minDue now \$30\.00$/);
    expect(rows[2]?.textContent).toMatch(/^NEW 1PS-CCCCCCSince .* · 30 minDue now \$10\.00$/);
    expect(within(list).getAllByText('Over 24 h')).toHaveLength(1);
    await expectAccessible();
  });

  it('refreshes on demand', async () => {
    const queries = answerParked();
    renderWithOutbox(<ParkedScreen />);
    await screen.findByTestId('parked-list');
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(queries).toHaveLength(2));
  });

  it('a tap on a car opens Car out with its ticket', async () => {
    answerParked();
    renderWithOutbox(<ParkedScreen />);
    fireEvent.click(await screen.findByTestId('parked-PS-BBBBBB'));
    expect(currentPath.value).toBe('/exit');
    expect(ticketForCarOut.value).toBe('PS-BBBBBB');
  });

  it('says when no car is parked, and that the list needs a connection when there is none', async () => {
    server.use(http.get('/api/garages/1/tickets', () => HttpResponse.json([])));
    renderWithOutbox(<ParkedScreen />);
    expect((await screen.findByTestId('parked-count')).textContent).toBe('No cars parked');
    server.use(http.get('/api/garages/1/tickets', () => HttpResponse.error()));
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Parked now needs a connection/);
  });
});
