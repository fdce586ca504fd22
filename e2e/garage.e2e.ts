/**
 * The garage's profile from the app: an admin publishes the garage and the public feed lists it; its
 * name is always in the header, a long one cut short without pushing the next tap out of reach.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { Garage, PublicOccupancy } from '../shared/garages.js';
import { apiAs } from './api.js';
import { expectInReach, expectNoAxeViolations, openPhone, PHONE, signIn } from './browser.js';

const baseUrl = inject('baseUrl');
let phone: Awaited<ReturnType<typeof openPhone>>;
let admin: Awaited<ReturnType<typeof apiAs>>;
let garage: Garage;

/** The garage set as a test needs it, through the API. */
const setGarage = async (change: Record<string, unknown>) => Garage.parse(await admin.call('PATCH', `/api/garages/${garage.id}`, change));

/** The public feed as anyone reads it: no session, no cookie. */
async function publicFeed(): Promise<PublicOccupancy[]> {
  const r = await fetch(`${baseUrl}/api/public/occupancy`);
  expect(r.status).toBe(200);
  return z.array(PublicOccupancy).parse(await r.json());
}

/** The feed as it is once its snapshot (at most a second old) has caught up with `ready`. */
async function publicFeedWhen(ready: (feed: PublicOccupancy[]) => boolean): Promise<PublicOccupancy[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const feed = await publicFeed();
    if (ready(feed) || Date.now() > deadline) return feed;
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  admin = await apiAs(baseUrl, 'admin', inject('adminPassword'));
  [garage] = z.array(Garage).min(1).parse(await admin.call('GET', '/api/garages')) as [Garage];
  await admin.call('POST', '/api/users', { username: 'gus', password: 'gus-attendant-1', role: 'attendant' });
  await admin.call('POST', '/api/users', { username: 'mona', password: 'mona-manager-1', role: 'manager' });
  phone = await openPhone();
});
afterAll(async () => phone?.close());

describe('the garage profile', () => {
  it('an admin publishes the garage from the app, and the public feed then lists it', async () => {
    await setGarage({ name: 'Garage', address: null, lat: null, lon: null, publicFeed: false });
    expect((await publicFeedWhen((feed) => !feed.some((g) => g.id === String(garage.id)))).map((g) => g.id)).not.toContain(String(garage.id));

    const { page } = phone;
    await signIn(page, baseUrl, 'admin', inject('adminPassword'));
    await page.getByTestId('garage-name').filter({ hasText: /^Garage$/ }).waitFor();
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: /Garage profile/ }).click();
    await page.getByRole('heading', { name: 'Garage', exact: true }).waitFor();
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Garage');
    await expectNoAxeViolations(page, 'garage profile (admin)');

    // A slip first: said in words by the field, nothing saved.
    await page.getByLabel('Latitude').fill('40.7128');
    await page.getByRole('button', { name: 'Save garage' }).click();
    await page.getByText('Enter the longitude too, or leave both empty for no location').waitFor();
    await expectInReach(page, page.getByText('Nothing was saved', { exact: false }), '"Nothing was saved"', { scrolled: true });
    await expectNoAxeViolations(page, 'garage profile with an error');

    await page.getByLabel('Name', { exact: true }).fill('E2E Main Street');
    await page.getByLabel('Address (optional)').fill('1 Main St, Springfield');
    // As a map app copies a place: one paste fills both.
    await page.getByLabel('Latitude').fill('40.7128, -74.006');
    expect(await page.getByLabel('Longitude').inputValue()).toBe('-74.006');
    await page.getByLabel('Publish free spaces in the public feed').check();
    await page.getByRole('button', { name: 'Save garage' }).click();
    await expectInReach(page, page.getByText('Saved. The public feed lists E2E Main Street', { exact: false }), '"Saved"', { scrolled: true });

    const url = `${baseUrl}/api/public/occupancy/${garage.id}`;
    expect(await page.getByLabel('Public feed address').inputValue()).toBe(url);
    await page.getByTestId('garage-name').filter({ hasText: /^E2E Main Street$/ }).waitFor();
    await expectNoAxeViolations(page, 'garage profile, published');

    const feed = await publicFeedWhen((f) => f.some((g) => g.id === String(garage.id)));
    expect(feed.find((g) => g.id === String(garage.id))).toMatchObject({
      name: 'E2E Main Street',
      address: '1 Main St, Springfield',
      lat: 40.7128,
      lon: -74.006,
      capacity: garage.totalSpaces,
      realtime_opening_status: 'OPEN',
    });
    // The address the admin hands to the city answers too, without a session.
    const one = await fetch(url);
    expect(one.status).toBe(200);
    expect(PublicOccupancy.parse(await one.json()).name).toBe('E2E Main Street');
  });

  it('a manager sees the profile read-only', async () => {
    await setGarage({ name: 'Harbor Deck', publicFeed: true });
    const { page } = phone;
    await signIn(page, baseUrl, 'mona', 'mona-manager-1');
    await page.goto(`${baseUrl}/garage`);
    await page.getByTestId('profile-name').filter({ hasText: 'Harbor Deck' }).waitFor();
    expect(await page.getByRole('button', { name: 'Save garage' }).count()).toBe(0);
    expect(await page.getByLabel('Public feed address').inputValue()).toBe(`${baseUrl}/api/public/occupancy/${garage.id}`);
    await expectNoAxeViolations(page, 'garage profile (manager)');
  });

  it('at 360×640 the name is in the header, a long one cut with an ellipsis, and the next tap stays in reach', async () => {
    const long = 'Downtown Municipal Parking Structure at Fifth Avenue and Main Street, Level P2';
    await setGarage({ name: long });
    const { page } = phone;
    await page.setViewportSize(PHONE);
    await signIn(page, baseUrl, 'gus', 'gus-attendant-1');

    // A car in first, so the header also carries the sync chip ("All sent · …").
    await page.getByRole('link', { name: 'Car in' }).click();
    const plate = page.getByRole('textbox', { name: /plate$/i });
    await expectInReach(page, plate, 'the plate field');
    await expectInReach(page, page.getByRole('button', { name: 'Issue ticket' }), 'Issue ticket');
    await plate.fill('NAME 1');
    await page.getByRole('button', { name: 'Issue ticket' }).click();
    await page.getByTestId('ticket-number').waitFor();
    await page.getByTestId('pending-chip').filter({ hasText: /^All sent/ }).waitFor({ timeout: 20_000 });

    const name = page.getByTestId('garage-name');
    await name.filter({ hasText: long }).waitFor();
    expect(await name.getAttribute('title')).toBe(long);
    const shown = await name.evaluate((el) => ({
      cut: el.scrollWidth > el.clientWidth,
      overflow: getComputedStyle(el).textOverflow,
      width: el.getBoundingClientRect().width,
    }));
    expect(shown).toMatchObject({ cut: true, overflow: 'ellipsis' });
    // Enough of it to read at a glance, never squeezed away by the chip and Sign out.
    expect(shown.width).toBeGreaterThanOrEqual(60);
    const box = await name.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width && box.y >= 0).toBe(true);
    // The header stays one line high, so nothing below it moves down.
    const header = await page.getByRole('banner').boundingBox();
    expect(header?.height).toBeLessThanOrEqual(48);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await expectInReach(page, page.getByRole('button', { name: 'Next car' }), 'Next car on the ticket card');
    await page.getByRole('link', { name: 'Car out' }).click();
    await expectInReach(page, page.getByRole('textbox', { name: 'Ticket number' }), 'the ticket field');
    await expectInReach(page, page.getByRole('button', { name: 'Find ticket' }), 'Find ticket');
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByTestId('available').waitFor();
    await expectNoAxeViolations(page, 'dashboard with a long garage name');
  });
});
