import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { Garage } from '../../../shared/garages.js';
import { expectAccessible } from '../../test/axe.js';
import { fixture } from '../../test/fixtures.js';
import { server } from '../../test/msw.js';
import { renderWithOutbox, resetAppState, signedIn } from '../../test/render.js';
import { currentGarageId, pickableGarages, pickGarage } from '../lib/garage-choice.js';
import { navigate } from '../lib/router.js';
import { GaragesAdminScreen } from './garages-admin.js';

const mainStreet = fixture.garage({ id: 1, name: 'Main Street', totalSpaces: 140, timezone: 'America/New_York' });
const admin = fixture.user({ id: 1, username: 'admin', role: 'admin', garageIds: [1] });

beforeEach(() => {
  resetAppState();
  navigate('/all-garages', { replace: true });
  signedIn(admin, [mainStreet]);
  pickGarage(1);
});

describe('Garages (admins)', () => {
  it('lists every garage with its spaces, rate and timezone', async () => {
    server.use(http.get('/api/garages', () => HttpResponse.json([mainStreet, fixture.garage({ id: 2, name: 'Harbor Deck', totalSpaces: 80, hourlyRate: 450, timezone: 'America/Chicago', address: null })])));
    renderWithOutbox(<GaragesAdminScreen />);
    const harbor = await screen.findByTestId('garage-row-2');
    expect(harbor.textContent).toContain('80 spaces · $4.50/h · America/Chicago');
    expect(screen.getByTestId('garage-row-1').textContent).toContain('140 spaces · $10.00/h · America/New_York · 1 Main St, Springfield');
    await expectAccessible();
  });

  it('adds a garage: the body POST takes, then it is in the list and in the garage picker', async () => {
    let sent: unknown;
    let created: Garage | null = null;
    server.use(
      http.get('/api/garages', () => HttpResponse.json(created ? [mainStreet, created] : [mainStreet])),
      http.post('/api/garages', async ({ request }) => {
        sent = await request.json();
        created = Garage.parse({ id: 2, address: null, lat: null, lon: null, publicFeed: false, slackManagersChannel: null, ...(sent as object) });
        return HttpResponse.json(created, { status: 201 });
      }),
      // Admins may use every garage: the server now says so for this admin too.
      http.get('/api/auth/me', () => HttpResponse.json(fixture.user({ ...admin, garageIds: [1, 2] }))),
    );
    renderWithOutbox(<GaragesAdminScreen />);
    await screen.findByTestId('garage-row-1');
    const form = screen.getByRole('form', { name: 'Add a garage' });
    fireEvent.input(within(form).getByLabelText('Name'), { target: { value: ' Harbor Deck ' } });
    fireEvent.input(within(form).getByLabelText('Spaces'), { target: { value: '80' } });
    fireEvent.input(within(form).getByLabelText('Hourly rate ($)'), { target: { value: '4.50' } });
    expect((within(form).getByLabelText('Timezone') as HTMLInputElement).value).toBe('America/New_York');
    fireEvent.click(within(form).getByRole('button', { name: 'Add garage' }));
    expect((await screen.findByText(/^Added Harbor Deck\./)).getAttribute('role')).toBe('status');
    expect(sent).toEqual({ name: 'Harbor Deck', address: null, totalSpaces: 80, hourlyRate: 450, timezone: 'America/New_York', slackManagersChannel: null });
    expect(screen.getByTestId('garage-row-2').textContent).toContain('Harbor Deck');
    await waitFor(() => expect(pickableGarages.value.map((g) => g.name)).toEqual(['Main Street', 'Harbor Deck']));
    expect((within(form).getByLabelText('Name') as HTMLInputElement).value).toBe('');
  });

  it('an admin who had one garage (never picked: the only one) stays in it after adding a second, rather than being sent to the picker', async () => {
    resetAppState();
    signedIn(admin, [mainStreet]); // no pickGarage: the only garage is on screen by itself
    expect(currentGarageId.value).toBe(1);
    let created: Garage | null = null;
    server.use(
      http.get('/api/garages', () => HttpResponse.json(created ? [mainStreet, created] : [mainStreet])),
      http.post('/api/garages', async ({ request }) => {
        created = Garage.parse({ id: 2, address: null, lat: null, lon: null, publicFeed: false, slackManagersChannel: null, ...((await request.json()) as object) });
        return HttpResponse.json(created, { status: 201 });
      }),
      http.get('/api/auth/me', () => HttpResponse.json(fixture.user({ ...admin, garageIds: [1, 2] }))),
    );
    renderWithOutbox(<GaragesAdminScreen />);
    await screen.findByTestId('garage-row-1');
    const form = screen.getByRole('form', { name: 'Add a garage' });
    fireEvent.input(within(form).getByLabelText('Name'), { target: { value: 'Harbor Deck' } });
    fireEvent.input(within(form).getByLabelText('Spaces'), { target: { value: '80' } });
    fireEvent.input(within(form).getByLabelText('Hourly rate ($)'), { target: { value: '4.50' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add garage' }));
    await screen.findByText(/^Added Harbor Deck\./);
    await waitFor(() => expect(pickableGarages.value.map((g) => g.name)).toEqual(['Main Street', 'Harbor Deck']));
    expect(currentGarageId.value).toBe(1);
  });

  it('checks a new garage on the phone with the shared rules, sending nothing', async () => {
    let posts = 0;
    server.use(
      http.get('/api/garages', () => HttpResponse.json([mainStreet])),
      http.post('/api/garages', () => {
        posts += 1;
        return HttpResponse.json(mainStreet, { status: 201 });
      }),
    );
    renderWithOutbox(<GaragesAdminScreen />);
    await screen.findByTestId('garage-row-1');
    const form = screen.getByRole('form', { name: 'Add a garage' });
    fireEvent.input(within(form).getByLabelText('Spaces'), { target: { value: 'many' } });
    fireEvent.input(within(form).getByLabelText('Timezone'), { target: { value: 'Mars/Olympus' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add garage' }));
    expect(await within(form).findByText('A garage needs a name')).toBeTruthy();
    expect(within(form).getByText('Enter the number of spaces, e.g. 140')).toBeTruthy();
    expect(within(form).getByText('Enter the rate in dollars, e.g. 4.50')).toBeTruthy();
    expect(within(form).getByText('Unknown timezone; use an IANA name such as America/New_York')).toBeTruthy();
    expect(posts).toBe(0);
    await expectAccessible();
  });

  it('edits a garage, sending only what changed; a refusal is said under its field', async () => {
    const patches: unknown[] = [];
    server.use(
      http.get('/api/garages', () => HttpResponse.json([mainStreet])),
      http.patch('/api/garages/:id', async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        patches.push(body);
        if ('slackManagersChannel' in body)
          return HttpResponse.json(
            { code: 'validation_failed', message: 'slackManagersChannel: That channel is archived', details: [{ path: 'slackManagersChannel', message: 'archived' }] },
            { status: 400 },
          );
        return HttpResponse.json(Garage.parse({ ...mainStreet, ...body }));
      }),
    );
    renderWithOutbox(<GaragesAdminScreen />);
    const row = await screen.findByTestId('garage-row-1');
    fireEvent.click(within(row).getByRole('button', { name: 'Edit Main Street…' }));
    fireEvent.input(within(row).getByLabelText('Spaces'), { target: { value: '150' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Save Main Street' }));
    expect(await within(row).findByText('Saved Main Street.')).toBeTruthy();
    expect(row.textContent).toContain('150 spaces');
    fireEvent.input(within(row).getByLabelText("Managers' Slack channel (optional)"), { target: { value: 'C0ARCHIVED' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Save Main Street' }));
    expect(await within(row).findByText('That channel is archived')).toBeTruthy();
    expect(patches).toEqual([{ totalSpaces: 150 }, { slackManagersChannel: 'C0ARCHIVED' }]);
    await expectAccessible();
  });
});
