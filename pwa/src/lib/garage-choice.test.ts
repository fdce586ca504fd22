import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fixture } from '../../test/fixtures.js';
import { resetAppState, signedIn } from '../../test/render.js';
import { chooseGarage, currentGarageId, garageChoices, pickGarage, rememberGarage } from './garage-choice.js';
import { currentUser } from './session.js';

beforeEach(resetAppState);

describe('chooseGarage', () => {
  it.each([
    [[1], undefined, 1],
    [[1], 2, 1],
    [[1, 2], undefined, null],
    [[1, 2], 2, 2],
    [[1, 3], 2, null],
    [[], undefined, null],
  ])('garages %j, remembered %s -> %s', (ids, remembered, chosen) => expect(chooseGarage(ids, remembered)).toBe(chosen));
});

describe('the garage on screen', () => {
  it('is remembered per user on this phone', () => {
    signedIn(fixture.user({ id: 7, garageIds: [1, 2] }));
    expect(currentGarageId.value).toBeNull();
    pickGarage(2);
    expect(currentGarageId.value).toBe(2);

    currentUser.value = fixture.user({ id: 8, username: 'ben', garageIds: [1, 2] });
    expect(currentGarageId.value).toBeNull();
    pickGarage(1);
    expect(JSON.parse(localStorage.getItem('parkops.garageChoices') ?? 'null')).toEqual({ '7': 2, '8': 1 });

    currentUser.value = fixture.user({ id: 7, garageIds: [1, 2] });
    expect(currentGarageId.value).toBe(2);
  });

  it('survives a restart of the app', async () => {
    signedIn(fixture.user({ id: 7, garageIds: [1, 2] }), []);
    localStorage.setItem('parkops.user', JSON.stringify(currentUser.value));
    rememberGarage(fixture.garage({ id: 1 }));
    rememberGarage(fixture.garage({ id: 2, name: 'Harbor Deck' }));
    pickGarage(2);

    vi.resetModules();
    const restarted = await import('./garage-choice.js');
    expect(restarted.currentGarageId.value).toBe(2);
    expect(restarted.currentGarage.value?.name).toBe('Harbor Deck');
  });

  it('is never a garage the user may not use', () => {
    signedIn(fixture.user({ garageIds: [1, 2] }));
    expect(() => pickGarage(3)).toThrow(/not one this user may use/);
    expect(garageChoices.value).toEqual({});
  });
});

describe('a phone last used by the app before several garages', () => {
  it("keeps its signed-in user, working in the one garage that app kept, and that garage's figures", async () => {
    const { garageIds: _ids, defaultGarageId: _default, ...olderUser } = fixture.user({ id: 7 });
    localStorage.setItem('parkops.user', JSON.stringify(olderUser));
    localStorage.setItem('parkops.garage', JSON.stringify(fixture.garage({ id: 4, name: 'Harbor Deck' })));
    localStorage.setItem('parkops.stats', JSON.stringify({ stats: fixture.stats({ hourlyRate: 700 }), at: '2026-11-23T14:05:00.000Z' }));

    vi.resetModules();
    const session = await import('./session.js');
    const choice = await import('./garage-choice.js');
    const figures = await import('./garage.js');
    expect(session.currentUser.value).toMatchObject({ id: 7, garageIds: [4], defaultGarageId: 4 });
    expect(choice.currentGarageId.value).toBe(4);
    expect(choice.currentGarage.value?.name).toBe('Harbor Deck');
    expect(figures.garageTariff.value?.hourlyRate).toBe(700);
  });
});

