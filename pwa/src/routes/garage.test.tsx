import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Garage } from '../../../shared/garages.js';
import { apiError, fixture } from '../../test/fixtures.js';
import { server } from '../../test/msw.js';
import { renderWithOutbox, resetAppState } from '../../test/render.js';
import { currentGarage, rememberGarage } from '../lib/garage-choice.js';
import { currentUser } from '../lib/session.js';
import { readGarageForm, splitLatLon, toGarageForm } from './garage-form.js';
import { GarageScreen } from './garage.js';

const admin = () => (currentUser.value = fixture.user({ id: 1, username: 'admin', role: 'admin' }));
const manager = () => (currentUser.value = fixture.user({ id: 2, username: 'mia', role: 'manager' }));

beforeEach(resetAppState);

const field = (label: string) => screen.getByLabelText<HTMLInputElement>(label);
const type = (label: string, value: string) => fireEvent.input(field(label), { target: { value } });
const listing = (...garages: Garage[]) => http.get('/api/garages', () => HttpResponse.json(garages));
const FEED_URL = 'http://localhost:5001/api/public/occupancy/1';

describe('Garage (admins)', () => {
  it('publishes the garage with its name, address and location, sending only what changed, and says so by the Save button', async () => {
    admin();
    let sent: unknown;
    server.use(
      listing(fixture.garage({ name: 'Garage', address: null })),
      http.patch('/api/garages/:id', async ({ params, request }) => {
        sent = { id: params.id, body: await request.json() };
        return HttpResponse.json(fixture.garage({ name: 'Main Street', address: '1 Main St', lat: 40.7128, lon: -74.006, publicFeed: true }));
      }),
    );
    renderWithOutbox(<GarageScreen />);
    await waitFor(() => expect(field('Name').value).toBe('Garage'));
    expect(screen.queryByLabelText('Public feed address')).toBeNull();

    type('Name', '  Main Street ');
    type('Address (optional)', '1 Main St');
    type('Latitude', '40.7128');
    type('Longitude', '-74.006');
    fireEvent.click(field('Publish free spaces in the public feed'));
    const save = screen.getByRole('button', { name: 'Save garage' });
    fireEvent.click(save);

    const said = await screen.findByText(/^Saved\. The public feed lists Main Street from now on/);
    expect(said.getAttribute('role')).toBe('status');
    expect(save.nextElementSibling).toBe(said);
    expect(sent).toEqual({ id: '1', body: { name: 'Main Street', address: '1 Main St', lat: 40.7128, lon: -74.006, publicFeed: true } });
    expect(field('Public feed address').value).toBe(FEED_URL);
    // The header's name (and the copy kept for offline starts) follow the save.
    expect(currentGarage.value?.name).toBe('Main Street');
    expect(JSON.parse(localStorage.getItem('parkops.garages') ?? 'null')).toMatchObject([{ name: 'Main Street', publicFeed: true }]);
  });

  it('checks each field on the phone with the shared rules, says in words what is wrong, focuses the first, and sends nothing', async () => {
    admin();
    server.use(listing(fixture.garage()));
    renderWithOutbox(<GarageScreen />);
    await waitFor(() => expect(field('Name').value).toBe('Main Street'));
    type('Name', 'x'.repeat(81));
    type('Address (optional)', 'y'.repeat(201));
    type('Latitude', '91');
    fireEvent.click(screen.getByRole('button', { name: 'Save garage' }));

    expect(await screen.findByText('A garage name is at most 80 characters; this one has 81')).toBeTruthy();
    expect(screen.getByText('An address is at most 200 characters; this one has 201')).toBeTruthy();
    expect(screen.getByText('Enter the longitude too, or leave both empty for no location')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/Nothing was saved; your changes are still in the form/);
    expect(field('Name').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field('Name'));

    type('Name', '   ');
    type('Address (optional)', '');
    type('Longitude', 'east');
    fireEvent.click(screen.getByRole('button', { name: 'Save garage' }));
    expect(await screen.findByText('A garage needs a name')).toBeTruthy();
    expect(screen.getByText('Latitude is between -90 and 90')).toBeTruthy();
    expect(screen.getByText('Enter the longitude in degrees, e.g. -74.006 (west is negative)')).toBeTruthy();
    expect(field('Address (optional)').getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByText(/Too big|Too small|expected/)).toBeNull();
  });

  it('fills latitude and longitude from one "lat, lon" pasted from a map app, and removes the location when both are emptied', async () => {
    admin();
    const sent: unknown[] = [];
    server.use(
      listing(fixture.garage({ lat: 52.52, lon: 13.405 })),
      http.patch('/api/garages/:id', async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        sent.push(body);
        return HttpResponse.json(fixture.garage({ lat: (body.lat as number | null) ?? null, lon: (body.lon as number | null) ?? null }));
      }),
    );
    renderWithOutbox(<GarageScreen />);
    await waitFor(() => expect(field('Latitude').value).toBe('52.52'));
    expect(screen.getByRole('link', { name: 'Check the saved location on the map' }).getAttribute('href')).toContain('mlat=52.52&mlon=13.405');

    type('Latitude', '40.7128, -74.006');
    expect(field('Latitude').value).toBe('40.7128');
    expect(field('Longitude').value).toBe('-74.006');
    fireEvent.click(screen.getByRole('button', { name: 'Save garage' }));
    await screen.findByText(/^Saved\./);

    type('Latitude', '');
    type('Longitude', '');
    fireEvent.click(screen.getByRole('button', { name: 'Save garage' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent).toEqual([
      { lat: 40.7128, lon: -74.006 },
      { lat: null, lon: null },
    ]);
    await waitFor(() => expect(screen.queryByRole('link', { name: /on the map/ })).toBeNull());
  });

  it('marks a field the server refused in the phone words and keeps the changes', async () => {
    admin();
    server.use(
      listing(fixture.garage()),
      http.patch('/api/garages/:id', () =>
        HttpResponse.json(apiError('validation_failed', 'name: Too big: expected string to have <=80 characters', [{ path: 'name', message: 'Too big: expected string to have <=80 characters' }]), {
          status: 400,
        }),
      ),
    );
    renderWithOutbox(<GarageScreen />);
    await waitFor(() => expect(field('Name').value).toBe('Main Street'));
    type('Name', 'Main Street North');
    fireEvent.click(screen.getByRole('button', { name: 'Save garage' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The server refused the fields marked above. Nothing was saved; your changes are still in the form.');
    expect(screen.getByText('A garage name is 1 to 80 characters')).toBeTruthy();
    expect(screen.queryByText(/Too big|expected/)).toBeNull();
    expect(field('Name').value).toBe('Main Street North');
    expect(currentGarage.value?.name).toBe('Main Street');
  });

  it('says "Nothing changed" and sends nothing when the form is as saved', async () => {
    admin();
    server.use(listing(fixture.garage({ lat: 40.7128, lon: -74.006 })));
    renderWithOutbox(<GarageScreen />);
    await waitFor(() => expect(field('Name').value).toBe('Main Street'));
    type('Latitude', ' 40.7128 ');
    fireEvent.click(screen.getByRole('button', { name: 'Save garage' }));
    expect((await screen.findByRole('status')).textContent).toBe('Nothing changed.');
  });

  it('copies the feed address of a published garage', async () => {
    admin();
    let copied = '';
    const spy = vi.spyOn(navigator.clipboard, 'writeText').mockImplementation(async (text: string) => void (copied = text));
    try {
      server.use(listing(fixture.garage({ publicFeed: true })));
      renderWithOutbox(<GarageScreen />);
      fireEvent.click(await screen.findByRole('button', { name: 'Copy the feed address' }));
      expect(await screen.findByText('Copied.')).toBeTruthy();
      expect(copied).toBe(FEED_URL);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('Garage (managers)', () => {
  it('shows the profile and the feed address read-only, and says who may change it', async () => {
    manager();
    server.use(listing(fixture.garage({ name: 'Harbor Deck', address: '9 Pier Rd', lat: 40.7, lon: -74, publicFeed: true })));
    renderWithOutbox(<GarageScreen />);
    expect((await screen.findByTestId('profile-name')).textContent).toBe('Harbor Deck');
    expect(screen.getByText('9 Pier Rd')).toBeTruthy();
    expect(screen.getByText('Free spaces are published')).toBeTruthy();
    expect(field('Public feed address').value).toBe(FEED_URL);
    expect(field('Public feed address').readOnly).toBe(true);
    expect(screen.getByText(/Only an admin can change/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save garage' })).toBeNull();
    expect(screen.queryByLabelText('Name')).toBeNull();
  });

  it('offline, shows the profile the phone last saw and says so', async () => {
    manager();
    rememberGarage(fixture.garage({ name: 'Harbor Deck' }));
    server.use(http.get('/api/garages', () => HttpResponse.error()));
    renderWithOutbox(<GarageScreen />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Can't reach the server.*Showing the profile as this phone last saw it\.$/);
    expect(screen.getByTestId('profile-name').textContent).toBe('Harbor Deck');
    expect(screen.getByText('Not published')).toBeTruthy();
  });
});

describe('readGarageForm', () => {
  const before = fixture.garage({ name: 'Main Street', address: null, lat: null, lon: null, publicFeed: false });
  const form = toGarageForm(before);

  it.each([
    [{}, {}],
    [{ name: ' Harbor Deck ' }, { name: 'Harbor Deck' }],
    [{ address: ' 9 Pier Rd ' }, { address: '9 Pier Rd' }],
    [{ lat: '40.7128', lon: '-74.006' }, { lat: 40.7128, lon: -74.006 }],
    [{ lat: '\u221233.87', lon: '+151.21' }, { lat: -33.87, lon: 151.21 }],
    [{ publicFeed: true }, { publicFeed: true }],
  ])('%j -> update %j', (change, update) => expect(readGarageForm({ ...form, ...change }, before)).toEqual({ update }));

  it('sends both coordinates when one changes, and null for an emptied address', () => {
    const placed = fixture.garage({ address: '1 Main St', lat: 40.7128, lon: -74.006 });
    expect(readGarageForm({ ...toGarageForm(placed), lon: '-74.1', address: '  ' }, placed)).toEqual({ update: { address: null, lat: 40.7128, lon: -74.1 } });
  });

  it.each([
    [{ name: '' }, ['name']],
    [{ lat: '40.7' }, ['lon']],
    [{ lon: '-74' }, ['lat']],
    [{ lat: '52,52', lon: '13' }, ['lat']],
    [{ lat: '0', lon: '181' }, ['lon']],
    [{ lat: '-90.5', lon: '0' }, ['lat']],
  ])('%j -> an issue with %j', (change, fields) => {
    const read = readGarageForm({ ...form, ...change }, before);
    expect('issues' in read && Object.keys(read.issues)).toEqual(fields);
  });
});

describe('splitLatLon', () => {
  it.each([
    ['40.7128, -74.006', { lat: '40.7128', lon: '-74.006' }],
    [' 52.520008,  13.404954 ', { lat: '52.520008', lon: '13.404954' }],
    ['52,52', null],
    ['40.7128', null],
    ['Main St, Springfield', null],
  ])('%j -> %j', (text, pair) => expect(splitLatLon(text)).toEqual(pair));
});
