/**
 * A session that ends mid-action (here: an admin resets the password) keeps the action, says why on
 * the sign-in screen, and shows the action's result after signing in again; and signing in or out
 * offline says plainly that the phone is offline.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { User } from '../shared/auth.js';
import { apiAs } from './api.js';
import { expectNoAxeViolations, openPhone, openSignedOut, signIn } from './browser.js';

const baseUrl = inject('baseUrl');
let phone: Awaited<ReturnType<typeof openPhone>>;
let admin: Awaited<ReturnType<typeof apiAs>>;
let sam: User;
let password = 'sam-password-0';

beforeAll(async () => {
  admin = await apiAs(baseUrl, 'admin', inject('adminPassword'));
  sam = User.parse(await admin.call('POST', '/api/users', { username: 'sam', password, role: 'attendant' }));
  phone = await openPhone();
});
afterAll(async () => phone?.close());

/** An admin gives sam a new password elsewhere, which ends sam's session on the phone. */
async function resetPassword(): Promise<void> {
  password = `sam-password-${Number(password.slice(-1)) + 1}`;
  await admin.call('PATCH', `/api/users/${sam.id}`, { password });
}

async function signInAgain(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in to ParkOps' }).waitFor();
  await page.getByText('Your password was changed, which ended your session.', { exact: false }).waitFor();
  await expectNoAxeViolations(page, 'sign in after the session ended');
  await page.getByLabel('Username').fill('sam');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('a session that ends mid-action', () => {
  it('Issue: the sign-in screen says why, and after signing in the ticket card shows the number', async () => {
    const { page } = phone;
    await signIn(page, baseUrl, 'sam', password);
    await page.getByRole('link', { name: 'Car in' }).click();
    await page.getByRole('textbox', { name: /plate$/i }).fill('SESS 1');
    await resetPassword();
    await page.getByRole('button', { name: 'Issue ticket' }).click();
    await signInAgain(page);
    const number = (await page.getByTestId('ticket-number').textContent())?.trim();
    expect(number).toMatch(/^PS-/);
    expect((await admin.ticketsByPlate('SESS 1')).map((t) => t.ticketNumber)).toEqual([number]);
  });

  it('a payment: after signing in the receipt shows, and the car was checked out once', async () => {
    const { page } = phone;
    await signIn(page, baseUrl, 'sam', password);
    await page.getByRole('link', { name: 'Car in' }).click();
    await page.getByRole('textbox', { name: /plate$/i }).fill('SESS 2');
    await page.getByRole('button', { name: 'Issue ticket' }).click();
    const number = (await page.getByTestId('ticket-number').textContent())?.trim() ?? '';
    await page.getByRole('link', { name: 'Car out' }).click();
    await page.getByRole('textbox', { name: 'Ticket number' }).fill(number);
    await page.getByRole('button', { name: 'Find ticket' }).click();
    await page.getByTestId('amount-due').waitFor();
    await resetPassword();
    await page.getByRole('button', { name: 'Cash', exact: true }).click();
    await signInAgain(page);
    await page.getByTestId('amount-paid').waitFor({ timeout: 15_000 });
    const [paid] = await admin.ticketsByPlate('SESS 2');
    expect(paid).toMatchObject({ ticketNumber: number, status: 'completed', paymentMethod: 'Cash' });
  });
});

describe('offline at the door', () => {
  it('the sign-in screen says the phone is offline, and why signing in fails', async () => {
    const { page, context } = phone;
    await openSignedOut(page, baseUrl);
    await context.setOffline(true);
    try {
      await page.getByText(/This phone is offline: signing in needs the server/).waitFor();
      await expectNoAxeViolations(page, 'sign in, offline');
      await page.getByLabel('Username').fill('sam');
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      expect(await page.getByRole('alert').textContent()).toMatch(/^Not signed in: this phone is offline/);
    } finally {
      await context.setOffline(false);
    }
  });

  it('sign-out offline says it needs the server; the message is gone once back online, on every screen', async () => {
    const { page, context } = phone;
    await signIn(page, baseUrl, 'sam', password);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
    await context.setOffline(true);
    try {
      await page.getByTestId('offline-banner').waitFor();
      await page.getByRole('button', { name: /Sign out/ }).click();
      expect(await page.getByRole('alert').textContent()).toMatch(/offline.*sign out/i);
      await expectNoAxeViolations(page, 'sign-out refused offline');
    } finally {
      await context.setOffline(false);
    }
    await page.getByTestId('offline-banner').waitFor({ state: 'detached', timeout: 20_000 });
    for (const tab of ['Car in', 'Car out', 'Dashboard']) {
      await page.getByRole('link', { name: tab }).click();
      expect(await page.getByRole('alert').count(), tab).toBe(0);
    }
    await page.getByRole('button', { name: /Sign out/ }).click();
    await page.getByLabel('Username').waitFor();
  });
});
