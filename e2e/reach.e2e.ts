/**
 * The next action in reach: on a 360×640 phone (and landscape, 375, 412 and 1280 wide) every control
 * the next tap needs is on screen without scrolling, online and offline, and axe finds nothing.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PAYMENT_METHODS } from '../shared/tickets.js';
import { apiAs } from './api.js';
import { expectInReach, expectNoAxeViolations, openPhone, PHONE, signIn } from './browser.js';

const baseUrl = inject('baseUrl');
let phone: Awaited<ReturnType<typeof openPhone>>;

beforeAll(async () => {
  const admin = await apiAs(baseUrl, 'admin', inject('adminPassword'));
  await admin.call('POST', '/api/users', { username: 'rita', password: 'rita-attendant-1', role: 'attendant' });
  phone = await openPhone();
});
afterAll(async () => phone?.close());

const plateField = (page: Page) => page.getByRole('textbox', { name: /plate$/i });
const ticketField = (page: Page) => page.getByRole('textbox', { name: 'Ticket number' });
const nextCar = (page: Page) => page.getByRole('button', { name: 'Next car' });

/** Car in with the plate field + one tap, each control checked in reach first; gives the number or reference shown. */
async function carIn(page: Page, plate: string, { offline = false } = {}): Promise<string> {
  await page.getByRole('link', { name: 'Car in' }).click();
  await expectInReach(page, plateField(page), 'the plate field');
  await expectInReach(page, page.getByRole('button', { name: 'Issue ticket' }), 'Issue ticket');
  await plateField(page).fill(plate);
  await page.getByRole('button', { name: 'Issue ticket' }).click();
  const shown = page.getByTestId(offline ? 'provisional-ref' : 'ticket-number');
  await shown.waitFor();
  await expectInReach(page, nextCar(page), 'Next car on the ticket card');
  return (await shown.textContent())?.trim() ?? '';
}

/** Car out with the ticket field + Find + a payment, each control checked in reach first. */
async function carOut(page: Page, ticket: string, method: (typeof PAYMENT_METHODS)[number] = 'Cash'): Promise<void> {
  await page.getByRole('link', { name: 'Car out' }).click();
  await expectInReach(page, ticketField(page), 'the ticket field');
  await expectInReach(page, page.getByRole('button', { name: 'Find ticket' }), 'Find ticket');
  await ticketField(page).fill(ticket);
  await page.getByRole('button', { name: 'Find ticket' }).click();
  await page.getByRole('heading', { name: 'Amount due' }).waitFor();
  for (const m of PAYMENT_METHODS) await expectInReach(page, page.getByRole('button', { name: m, exact: true }), `the ${m} button`);
  await page.getByRole('button', { name: method, exact: true }).click();
  await page.getByRole('heading', { name: 'Receipt' }).waitFor();
  await expectInReach(page, nextCar(page), 'Next car on the receipt');
}

describe('on a 360×640 phone', () => {
  it('online: entry is plate + 1 tap and exit is number + 2 taps, each control in reach, and the tabs start each screen over', async () => {
    const { page } = phone;
    await signIn(page, baseUrl, 'rita', 'rita-attendant-1');
    const ticket = await carIn(page, 'REACH 1');
    expect(ticket).toMatch(/^PS-/);
    expect(await page.locator('.ticket-card time').textContent()).toMatch(/\d{1,2}:\d\d\s(AM|PM)$/);
    await expectNoAxeViolations(page, 'ticket card');

    // The Car in tab gives the form again, ready for the next plate.
    await page.getByRole('link', { name: 'Car in' }).click();
    await expectInReach(page, plateField(page), 'the plate field after the Car in tab');
    expect(await plateField(page).inputValue()).toBe('');
    expect(await plateField(page).evaluate((el) => el === document.activeElement)).toBe(true);
    await expect(page.getByText('License plate', { exact: true }).count()).resolves.toBe(1);

    await carOut(page, ticket);
    await expectNoAxeViolations(page, 'receipt');
    await nextCar(page).click();
    await expectInReach(page, ticketField(page), 'the ticket field after Next car');
    expect(await ticketField(page).evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('Car out focuses the ticket field, and Back from "Amount due" returns to the lookup', async () => {
    const { page } = phone;
    await signIn(page, baseUrl, 'rita', 'rita-attendant-1');
    const ticket = await carIn(page, 'BACK 1');
    await page.getByRole('link', { name: 'Car out' }).click();
    expect(await ticketField(page).evaluate((el) => el === document.activeElement)).toBe(true);
    await ticketField(page).fill(ticket);
    await page.getByRole('button', { name: 'Find ticket' }).click();
    await page.getByRole('heading', { name: 'Amount due' }).waitFor();
    await expectNoAxeViolations(page, 'amount due');
    await page.goBack();
    await page.getByRole('heading', { name: 'Car out' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/exit');
    expect(await ticketField(page).inputValue()).toBe(ticket);
    await expectInReach(page, ticketField(page), 'the ticket field after Back');
  });

  it('every screen opens at its top', async () => {
    const { page } = phone;
    await signIn(page, baseUrl, 'admin', inject('adminPassword'));
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Save settings' }).scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByTestId('available').waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Hourly rate ($)').waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });

  it('a 60-character ticket number never widens the page or pushes the tab bar off screen', async () => {
    const { page } = phone;
    await signIn(page, baseUrl, 'rita', 'rita-attendant-1');
    await page.getByRole('link', { name: 'Car out' }).click();
    const long = 'PS7K3QXM'.repeat(8).slice(0, 60);
    await ticketField(page).pressSequentially(long);
    expect((await ticketField(page).inputValue()).length).toBeLessThanOrEqual(16);
    // Pasted by script past the field's limit: the page still keeps its width.
    await ticketField(page).evaluate((el, v) => {
      (el as HTMLInputElement).value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, long);
    await page.getByRole('button', { name: 'Find ticket' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const tabs = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
    expect(tabs && tabs.x >= 0 && tabs.x + tabs.width <= PHONE.width && tabs.y + tabs.height <= PHONE.height).toBe(true);
    await page.getByRole('link', { name: 'Dashboard' }).click({ trial: true, timeout: 2000 });
  });

  it('offline: the banner and the sync chip never push the next control out of reach', async () => {
    const { page, context } = phone;
    await signIn(page, baseUrl, 'rita', 'rita-attendant-1');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
    await page.getByTestId('available').waitFor();
    const known = await carIn(page, 'KNOWN 1');

    await context.setOffline(true);
    try {
      await page.getByTestId('offline-banner').waitFor();
      const ref = await carIn(page, 'OFF R1', { offline: true });
      await expectNoAxeViolations(page, 'provisional ticket card, offline');
      await carIn(page, 'OFF R2', { offline: true });
      expect(await page.getByTestId('pending-chip').textContent()).toBe('2 waiting to send');

      await carOut(page, known);
      await page.getByText(/\(estimate\)$/).waitFor();
      await expectNoAxeViolations(page, 'receipt, offline');
      await carOut(page, ref);
      expect(await page.getByTestId('pending-chip').textContent()).toBe('4 waiting to send');
    } finally {
      await context.setOffline(false);
    }
    await page.getByTestId('pending-chip').filter({ hasText: /^All sent · \d{1,2}:\d\d\s(AM|PM)$/ }).waitFor({ timeout: 20_000 });
  });
});

describe.each([
  ['landscape', 640, 360],
  ['375 wide', 375, 667],
  ['412 wide', 412, 915],
  ['1280 wide', 1280, 800],
])('%s (%i×%i)', (_name, width, height) => {
  it('entry, exit and the next car are in reach without scrolling', async () => {
    const { page } = phone;
    await page.setViewportSize({ width, height });
    try {
      await signIn(page, baseUrl, 'rita', 'rita-attendant-1');
      const ticket = await carIn(page, `W ${width}`);
      await carOut(page, ticket, 'Mobile');
      await expectNoAxeViolations(page, `receipt at ${width}×${height}`);
    } finally {
      await page.setViewportSize(PHONE);
    }
  });
});
