/**
 * Several garages on a phone: an attendant who works in two garages picks one after signing in,
 * issues a ticket there, and it is counted in that garage only; the header's name changes garage.
 *
 * This file runs its own server (same build, its own database): a second garage makes every admin
 * pick a garage after signing in, which the other files' admin sign-ins do not expect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GarageStats } from '../shared/garage.js';
import { Garage } from '../shared/garages.js';
import { Ticket } from '../shared/tickets.js';
import { apiAs } from './api.js';
import { expectNoAxeViolations, openPhone, openSignedOut, PHONE } from './browser.js';
import { startOwnServer } from './own-server.js';

let baseUrl = '';
let stopServer: (() => Promise<void>) | undefined;
let phone: Awaited<ReturnType<typeof openPhone>>;
let admin: Awaited<ReturnType<typeof apiAs>>;
let mainStreet: Garage;
let harborDeck: Garage;

const statsOf = async (garage: Garage) => GarageStats.parse(await admin.call('GET', `/api/garages/${garage.id}/stats`));
const parkedIn = async (garage: Garage, plate: string) =>
  z.array(Ticket).parse(await admin.call('GET', `/api/garages/${garage.id}/tickets?plate=${encodeURIComponent(plate)}&status=active`));

beforeAll(async () => {
  const own = await startOwnServer();
  ({ baseUrl, stop: stopServer } = own);
  admin = await apiAs(baseUrl, 'admin', own.adminPassword);
  [mainStreet] = z.array(Garage).min(1).parse(await admin.call('GET', '/api/garages')) as [Garage];
  mainStreet = Garage.parse(await admin.call('PATCH', `/api/garages/${mainStreet.id}`, { name: 'E2E Main Street' }));
  harborDeck = Garage.parse(
    await admin.call('POST', '/api/garages', { name: 'E2E Harbor Deck', address: '9 Pier Rd', totalSpaces: 30, hourlyRate: 500, timezone: 'UTC' }),
  );
  await admin.call('POST', '/api/users', {
    username: 'hugo',
    password: 'hugo-attendant-1',
    role: 'attendant',
    garageIds: [mainStreet.id, harborDeck.id],
    defaultGarageId: mainStreet.id,
  });
  phone = await openPhone();
});
afterAll(async () => {
  await phone?.close();
  await stopServer?.();
});

describe('several garages on a phone', () => {
  it('an attendant of two garages picks one after signing in, issues a ticket there, and only that garage counts it', async () => {
    const { page } = phone;
    await page.setViewportSize(PHONE);
    const mainBefore = await statsOf(mainStreet);
    const harborBefore = await statsOf(harborDeck);

    await openSignedOut(page, baseUrl);
    await page.getByLabel('Username').fill('hugo');
    await page.getByLabel('Password').fill('hugo-attendant-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Choose a garage' }).waitFor();
    await page.getByRole('button', { name: /^E2E Harbor Deck/ }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'garage picker');

    await page.getByRole('button', { name: /^E2E Harbor Deck/ }).click();
    await page.getByTestId('available').filter({ hasText: String(harborBefore.availableSpaces) }).waitFor();
    await page.getByTestId('garage-name').filter({ hasText: /^E2E Harbor Deck$/ }).waitFor();
    await expectNoAxeViolations(page, 'dashboard of the picked garage');
    // The name is now the way to change garage, and the header stays one line.
    expect((await page.getByRole('banner').boundingBox())?.height).toBeLessThanOrEqual(48);

    await page.getByRole('link', { name: 'Car in' }).click();
    await page.getByLabel('License plate').fill('HBR 1');
    await page.getByRole('button', { name: 'Issue ticket' }).click();
    const ticketNumber = (await page.getByTestId('ticket-number').textContent())?.trim() ?? '';
    expect(ticketNumber).toMatch(/^PS-/);
    await page.getByTestId('pending-chip').filter({ hasText: /^All sent/ }).waitFor({ timeout: 20_000 });

    expect((await parkedIn(harborDeck, 'HBR 1')).map((t) => t.ticketNumber)).toEqual([ticketNumber]);
    expect(await parkedIn(mainStreet, 'HBR 1')).toEqual([]);
    const harborAfter = await statsOf(harborDeck);
    const mainAfter = await statsOf(mainStreet);
    expect(harborAfter.occupiedSpaces).toBe(harborBefore.occupiedSpaces + 1);
    expect(harborAfter.vehiclesEnteredToday).toBe(harborBefore.vehiclesEnteredToday + 1);
    expect(mainAfter.occupiedSpaces).toBe(mainBefore.occupiedSpaces);
    expect(mainAfter.vehiclesEnteredToday).toBe(mainBefore.vehiclesEnteredToday);

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByTestId('available').filter({ hasText: String(harborAfter.availableSpaces) }).waitFor();
  });

  it('the header name changes garage; the choice stays after a reload', async () => {
    const { page } = phone;
    await page.getByRole('link', { name: /change garage/ }).click();
    await page.getByRole('heading', { name: 'Choose a garage' }).waitFor();
    expect(await page.getByRole('button', { name: /^E2E Harbor Deck/ }).getAttribute('aria-current')).toBe('true');
    await page.getByRole('button', { name: /^E2E Main Street/ }).click();
    const main = await statsOf(mainStreet);
    await page.getByTestId('available').filter({ hasText: String(main.availableSpaces) }).waitFor();
    await page.getByTestId('garage-name').filter({ hasText: /^E2E Main Street$/ }).waitFor();

    // Harbor Deck's ticket is not Main Street's: its number is unknown here.
    await page.getByRole('link', { name: 'Car out' }).click();
    const [harborTicket] = await parkedIn(harborDeck, 'HBR 1');
    await page.getByLabel('Ticket number').fill(harborTicket!.ticketNumber);
    await page.getByRole('button', { name: 'Find ticket' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByTestId('amount-due').count()).toBe(0);

    await page.reload();
    await page.getByTestId('garage-name').filter({ hasText: /^E2E Main Street$/ }).waitFor();
    expect(await page.getByRole('heading', { name: 'Choose a garage' }).count()).toBe(0);
  });
});
