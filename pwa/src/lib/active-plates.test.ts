import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { ActivePlates } from '../../../shared/tickets.js';
import { server } from '../../test/msw.js';
import { knownActivePlates, listWords, refreshActivePlates, refreshFailureWords, type KeptPlates, type ListStatus } from './active-plates.js';
import { ApiFailure, NetworkFailure } from './api.js';

const list = (asOf: string, cars: [string, string][]) => ActivePlates.parse({ asOf, cars: cars.map(([ticketNumber, licensePlate]) => ({ ticketNumber, licensePlate })) });
const serve = (garageId: number, answer: ActivePlates) => server.use(http.get(`/api/garages/${garageId}/tickets/active-plates`, () => HttpResponse.json(answer)));

describe('refreshActivePlates / knownActivePlates', () => {
  it("keeps each garage's list under its own garage, and reads back only that garage's", async () => {
    serve(1, list('2026-11-23T10:42:00.000Z', [['PS-AAAAAA', 'AAA 111']]));
    serve(2, list('2026-11-23T10:45:00.000Z', [['PS-BBBBBB', 'BBB 222']]));
    expect(knownActivePlates(1)).toBeNull();
    expect(await refreshActivePlates(1)).toEqual({ plates: { asOf: '2026-11-23T10:42:00.000Z', cars: [{ ticketNumber: 'PS-AAAAAA', licensePlate: 'AAA 111' }] }, kept: true });
    await refreshActivePlates(2);
    expect(knownActivePlates(1)).toEqual({ asOf: '2026-11-23T10:42:00.000Z', cars: [{ ticketNumber: 'PS-AAAAAA', licensePlate: 'AAA 111' }] });
    expect(knownActivePlates(2)?.cars).toEqual([{ ticketNumber: 'PS-BBBBBB', licensePlate: 'BBB 222' }]);
    expect(knownActivePlates(3)).toBeNull();
  });

  it('a new list replaces the one kept, emptied garage included', async () => {
    serve(1, list('2026-11-23T10:42:00.000Z', [['PS-AAAAAA', 'AAA 111']]));
    await refreshActivePlates(1);
    serve(1, list('2026-11-23T11:00:00.000Z', []));
    await refreshActivePlates(1);
    expect(knownActivePlates(1)).toEqual({ asOf: '2026-11-23T11:00:00.000Z', cars: [] });
  });

  it('a failed refresh throws and leaves the kept list as it was', async () => {
    serve(1, list('2026-11-23T10:42:00.000Z', [['PS-AAAAAA', 'AAA 111']]));
    await refreshActivePlates(1);
    server.use(http.get('/api/garages/1/tickets/active-plates', () => HttpResponse.error()));
    await expect(refreshActivePlates(1)).rejects.toBeInstanceOf(NetworkFailure);
    expect(knownActivePlates(1)?.asOf).toBe('2026-11-23T10:42:00.000Z');
  });

  it('a list the phone cannot keep (storage full) is still given, the old one dropped, and says so', async () => {
    serve(1, list('2026-11-23T10:42:00.000Z', [['PS-AAAAAA', 'AAA 111']]));
    await refreshActivePlates(1);
    serve(1, list('2026-11-23T11:00:00.000Z', [['PS-BBBBBB', 'BBB 222']]));
    const full = vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new Error('QuotaExceededError');
    });
    try {
      const r = await refreshActivePlates(1);
      expect(r).toMatchObject({ kept: false, plates: { asOf: '2026-11-23T11:00:00.000Z' } });
      expect(r.kept ? '' : r.problem).toBe('The list could not be kept on this phone (QuotaExceededError)');
    } finally {
      full.mockRestore();
    }
    expect(knownActivePlates(1)).toBeNull();
  });

  it('something kept that is not a list is read as none', () => {
    localStorage.setItem('parkops.activePlates.1', JSON.stringify({ asOf: 'yesterday', cars: 'many' }));
    expect(knownActivePlates(1)).toBeNull();
  });
});

describe('listWords', () => {
  const kept: KeptPlates = { asOf: '2026-11-23T10:42:00.000Z', cars: [] };
  const at = (iso: string) => iso.slice(11, 16);
  it.each<[ListStatus, KeptPlates | null, string]>([
    [{ state: 'refreshing' }, kept, 'Parked cars as of 10:42; getting the latest…'],
    [{ state: 'refreshing' }, null, "Getting the garage's parked cars…"],
    [{ state: 'fresh', notKept: null }, kept, 'Parked cars as of 10:42'],
    [{ state: 'fresh', notKept: 'The list could not be kept on this phone (full)' }, kept, 'Parked cars as of 10:42. The list could not be kept on this phone (full)'],
    [{ state: 'failed', reason: 'no connection' }, kept, 'Could not refresh (no connection): using the list from 10:42'],
    [{ state: 'failed', reason: 'no connection' }, null, "Could not get the garage's parked cars (no connection): only the cars this phone let in"],
    [{ state: 'offline' }, kept, 'Offline: parked cars as of 10:42'],
    [{ state: 'offline' }, null, "Offline, with no list of the garage's parked cars yet: only the cars this phone let in"],
  ])('%j with %j', (status, k, words) => expect(listWords(status, k, at)).toBe(words));
});

describe('refreshFailureWords', () => {
  it.each([
    [new NetworkFailure('No connection to the server (Failed to fetch)'), 'no connection'],
    [new ApiFailure(404, 'not_found', 'No garage 9 that you may use'), 'No garage 9 that you may use'],
    [new Error('boom'), 'boom'],
  ])('%s', (error, words) => expect(refreshFailureWords(error)).toBe(words));
});
