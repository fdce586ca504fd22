import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fixture } from '../../test/fixtures.js';
import { expectAccessible } from '../../test/axe.js';
import { server } from '../../test/msw.js';
import { renderWithOutbox, resetAppState, signedIn } from '../../test/render.js';
import { ActivePlates } from '../../../shared/tickets.js';
import { refreshActivePlates } from '../lib/active-plates.js';
import { rememberStats } from '../lib/garage.js';
import { memoryStore, type OutboxItem } from '../lib/local-store.js';
import { networkUp } from '../lib/network.js';
import { rememberPlateModel } from '../lib/plate-model.js';
import { EntryScreen } from './entry.js';
import { ExitScreen } from './exit.js';

/** The camera and the reader, faked: only their seams (lib/plate-capture, lib/plate-reader). The real ones run in e2e/plates and bench/plates. */
const fake = vi.hoisted(() => ({ candidates: [] as string[], stopped: 0, cameraFails: false }));
vi.mock('../lib/plate-capture.js', () => ({
  GUIDE_BOX: { left: 0.1, top: 0.35, width: 0.8, height: 0.3 },
  openRearCamera: async () => {
    if (fake.cameraFails) throw new Error('Permission denied');
    return { getTracks: () => [{ stop: () => fake.stopped++ }] };
  },
  captureGuideBox: () => document.createElement('canvas'),
}));
vi.mock('../lib/plate-reader.js', () => ({
  loadPlateReader: async () => ({ read: async () => ({ candidates: fake.candidates, ms: 800 }) }),
}));

beforeEach(() => {
  resetAppState();
  signedIn();
  rememberStats(1, fixture.stats({ timezone: 'UTC' }));
  rememberPlateModel(29_900_000);
  Object.assign(fake, { candidates: [], stopped: 0, cameraFails: false });
  setCamera(true);
  // The test DOM plays no video and takes no fake stream: the camera's picture is the fake's business.
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
  vi.spyOn(HTMLMediaElement.prototype, 'srcObject', 'set').mockImplementation(() => undefined);
});

/** Whether the browser offers a camera at all (happy-dom has none). */
function setCamera(present: boolean) {
  Object.defineProperty(navigator, 'mediaDevices', { value: present ? { getUserMedia: () => Promise.reject(new Error('not here')) } : undefined, configurable: true });
}

const plateField = () => screen.getByLabelText<HTMLInputElement>('License plate');
const readPlate = async () => {
  const button = await screen.findByRole('button', { name: 'Read plate' });
  await waitFor(() => expect(button).toHaveProperty('disabled', false));
  fireEvent.click(button);
};

describe('Car in with the plate camera', () => {
  it('has no camera button until the plate reader is on the phone, nor on a phone without a camera', () => {
    rememberPlateModel(null);
    const { unmount } = renderWithOutbox(<EntryScreen />);
    expect(screen.queryByRole('button', { name: 'Read the plate with the camera' })).toBeNull();
    unmount();
    rememberPlateModel(29_900_000);
    setCamera(false);
    renderWithOutbox(<EntryScreen />);
    expect(screen.queryByRole('button', { name: 'Read the plate with the camera' })).toBeNull();
    expect(plateField()).toBeTruthy();
  });

  it('without the reader, a phone with a camera offers its set-up under Car in (a link to the Plate camera screen); with it, the button instead', () => {
    rememberPlateModel(null);
    const { unmount } = renderWithOutbox(<EntryScreen />);
    expect(screen.getByRole('link', { name: 'Read plates with the camera' }).getAttribute('href')).toBe('/plate-reader');
    unmount();
    setCamera(false);
    const other = renderWithOutbox(<EntryScreen />);
    expect(screen.queryByRole('link', { name: 'Read plates with the camera' })).toBeNull();
    other.unmount();
    setCamera(true);
    rememberPlateModel(29_900_000);
    renderWithOutbox(<EntryScreen />);
    expect(screen.queryByRole('link', { name: 'Read plates with the camera' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Read the plate with the camera' })).toBeTruthy();
  });

  it('puts the plate read in the field for the attendant to check, and issues nothing by itself', async () => {
    fake.candidates = ['KTR482', 'OREGON'];
    renderWithOutbox(<EntryScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Read the plate with the camera' }));
    expect(await screen.findByRole('region', { name: 'Plate camera' })).toBeTruthy();
    await expectAccessible();
    await readPlate();

    await waitFor(() => expect(plateField().value).toBe('KTR482'));
    expect(screen.getByText('Read by the camera: KTR482. Check it against the car before issuing.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Plate camera' })).toBeNull();
    await waitFor(() => expect(fake.stopped).toBe(1));
    expect(screen.queryByRole('heading', { name: 'Ticket issued' })).toBeNull();
    expect(document.activeElement).toBe(plateField());
  });

  it('says when nothing was read in the box, and keeps the camera open', async () => {
    renderWithOutbox(<EntryScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Read the plate with the camera' }));
    await readPlate();
    expect((await screen.findByText(/^No plate found in the box/)).textContent).toContain('Fill the yellow box');
    expect(screen.getByRole('region', { name: 'Plate camera' })).toBeTruthy();
    expect(plateField().value).toBe('');
  });

  it('says when the camera cannot start, and typing still works', async () => {
    fake.cameraFails = true;
    renderWithOutbox(<EntryScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Read the plate with the camera' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The camera could not start (Permission denied). Type the plate instead.');
    fireEvent.input(plateField(), { target: { value: 'abc 123' } });
    expect(plateField().value).toBe('ABC 123');
  });
});

const base = { createdAt: new Date(Date.now() - 60 * 60_000).toISOString(), attempts: 1, error: null, garageId: 1 };
function entered(key: string, licensePlate: string, ticketNumber: string | null): OutboxItem {
  return {
    ...base,
    key,
    kind: 'entry',
    state: ticketNumber ? 'sent' : 'pending',
    sentAt: ticketNumber ? base.createdAt : null,
    body: { licensePlate, vehicleType: 'Car', entryTime: base.createdAt },
    ticket: ticketNumber ? fixture.activeTicket({ ticketNumber, licensePlate }) : null,
  };
}

describe('Car out with the plate camera', () => {
  const parked = [
    entered('a1000000-0000-4000-8000-000000000001', 'BOS 123', 'PS-7K3QXM'),
    entered('a2000000-0000-4000-8000-000000000002', 'XYZ 987', 'PS-4D2ZK9'),
    entered('a3000000-0000-4000-8000-000000000003', 'B05 128', 'PS-9H3WQM'),
    entered('3f9a1c00-0000-4000-8000-000000000004', 'KLM 777', null),
  ];

  /** The garage's list as the server answers it (cars as [ticket number, plate]). */
  const activePlates = (cars: [string, string][], asOf = '2026-11-23T10:42:00.000Z') =>
    ActivePlates.parse({ asOf, cars: cars.map(([ticketNumber, licensePlate]) => ({ ticketNumber, licensePlate })) });
  /** The server's answer to GET …/tickets/active-plates of garage `garageId`; how many times it was asked. */
  function serveActivePlates(answer: ActivePlates | 'offline', garageId = 1) {
    const asked = { times: 0 };
    server.use(
      http.get(`/api/garages/${garageId}/tickets/active-plates`, () => {
        asked.times++;
        return answer === 'offline' ? HttpResponse.error() : HttpResponse.json(answer);
      }),
    );
    return asked;
  }

  /**
   * Car out on a phone whose outbox holds `parked` (read from its storage, as at app start; the car
   * that came in offline stays unsent), the server's list of parked cars being `list` (none unless said).
   */
  async function renderCarOut(list: ActivePlates | 'offline' | 'not asked' = activePlates([])) {
    server.use(http.post('/api/garages/1/tickets', () => HttpResponse.error()));
    if (list !== 'not asked') serveActivePlates(list);
    const { outbox } = renderWithOutbox(<ExitScreen />, memoryStore(parked));
    await outbox.start();
    fireEvent.click(await screen.findByRole('button', { name: 'Find by plate with the camera' }));
    await readPlate();
  }

  it('proposes the parked cars whose plates match the read, look-alikes as equal, and one tap looks the ticket up', async () => {
    fake.candidates = ['8O5I23'];
    let asked: string | undefined;
    server.use(
      http.get('/api/garages/1/tickets/:n', ({ params }) => {
        asked = String(params.n);
        return HttpResponse.json(fixture.activeTicket({ ticketNumber: 'PS-7K3QXM', licensePlate: 'BOS 123', entryTime: new Date(Date.now() - 90 * 60_000).toISOString() }, new Date()));
      }),
    );
    await renderCarOut();

    expect((await screen.findByRole('heading', { name: 'Plate read: 8O5I23' })).textContent).toBe('Plate read: 8O5I23');
    const proposals = screen.getAllByRole('button', { name: /^PS-/ }).map((b) => b.textContent);
    expect(proposals).toEqual(['PS-7K3QXM · BOS 123 · same but for look-alikes (O/0, I/1, Z/2, B/8, S/5)', 'PS-9H3WQM · B05 128 · 1 character differs']);
    await expectAccessible();
    expect(asked).toBeUndefined();

    fireEvent.click(screen.getByRole('button', { name: /^PS-7K3QXM/ }));
    expect((await screen.findByTestId('amount-due')).textContent).toContain('$20.00');
    expect(asked).toBe('PS-7K3QXM');
  });

  it('proposes a car that came in offline by its OFF- reference', async () => {
    fake.candidates = ['KLM777'];
    await renderCarOut();
    const [proposal] = await screen.findAllByRole('button', { name: /^OFF-/ });
    expect(proposal!.textContent).toBe('OFF-3F9A1C · KLM 777 · same plate');
  });

  it('says when no parked car known on the phone matches', async () => {
    fake.candidates = ['WWW000'];
    await renderCarOut();
    expect((await screen.findByText(/^No car parked here that this phone knows/)).textContent).toContain('Type the ticket number');
  });

  it("proposes a car another phone let in (only in the garage's list), says as of when, and one tap looks it up", async () => {
    fake.candidates = ['QRS456'];
    server.use(
      http.get('/api/garages/1/tickets/:n', ({ params }) =>
        params.n === 'PS-AB12CD'
          ? HttpResponse.json(fixture.activeTicket({ ticketNumber: 'PS-AB12CD', licensePlate: 'QRS 456', entryTime: new Date(Date.now() - 90 * 60_000).toISOString() }, new Date()))
          : HttpResponse.json({ code: 'not_found', message: 'No ticket' }, { status: 404 }),
      ),
    );
    await renderCarOut(activePlates([['PS-AB12CD', 'QRS 456'], ['PS-7K3QXM', 'BOS 123']]));

    const [proposal] = await screen.findAllByRole('button', { name: /^PS-AB12CD/ });
    expect(proposal!.textContent).toBe('PS-AB12CD · QRS 456 · same plate');
    expect(screen.getByText('Parked cars as of 10:42 AM')).toBeTruthy();
    await expectAccessible();
    fireEvent.click(proposal!);
    expect((await screen.findByTestId('amount-due')).textContent).toContain('$20.00');
  });

  it('lists a car once when both the outbox and the garage list have it', async () => {
    fake.candidates = ['BOS123'];
    await renderCarOut(activePlates([['PS-7K3QXM', 'BOS 123']]));
    await screen.findByText('Parked cars as of 10:42 AM');
    expect(screen.getAllByRole('button', { name: /^PS-7K3QXM/ })).toHaveLength(1);
  });

  it('offline, matches against the list kept from the last refresh, and does not ask the server', async () => {
    serveActivePlates(activePlates([['PS-AB12CD', 'QRS 456']], '2026-11-23T09:15:00.000Z'));
    await refreshActivePlates(1);
    networkUp.value = false;
    fake.candidates = ['QR5456'];
    await renderCarOut('not asked');

    const [proposal] = await screen.findAllByRole('button', { name: /^PS-AB12CD/ });
    expect(proposal!.textContent).toBe('PS-AB12CD · QRS 456 · same but for look-alikes (O/0, I/1, Z/2, B/8, S/5)');
    expect(screen.getByText('Offline: parked cars as of 9:15 AM')).toBeTruthy();
  });

  it('when the refresh fails, says so and uses the list kept on the phone', async () => {
    serveActivePlates(activePlates([['PS-AB12CD', 'QRS 456']], '2026-11-23T09:15:00.000Z'));
    await refreshActivePlates(1);
    fake.candidates = ['QRS456'];
    await renderCarOut('offline');

    expect(await screen.findByText('Could not refresh (no connection): using the list from 9:15 AM')).toBeTruthy();
    expect((await screen.findAllByRole('button', { name: /^PS-AB12CD/ }))[0]!.textContent).toBe('PS-AB12CD · QRS 456 · same plate');
  });

  it("never proposes a car of another garage's list", async () => {
    serveActivePlates(activePlates([['PS-AB12CD', 'QRS 456']]), 2);
    await refreshActivePlates(2);
    fake.candidates = ['QRS456'];
    await renderCarOut(activePlates([]));

    expect(await screen.findByText(/^No car parked here that this phone knows/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^PS-AB12CD/ })).toBeNull();
  });
});
