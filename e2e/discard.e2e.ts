/**
 * Money never vanishes: an offline entry and its cash exit, both refused, are discarded with a
 * reason that the server records (the paid exit for a manager), and a manager resolves it.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { DiscardPage } from '../shared/discards.js';
import { apiAs } from './api.js';
import { expectNoAxeViolations, openPhone, signIn } from './browser.js';

const baseUrl = inject('baseUrl');
let phone: Awaited<ReturnType<typeof openPhone>>;
let admin: Awaited<ReturnType<typeof apiAs>>;

beforeAll(async () => {
  admin = await apiAs(baseUrl, 'admin', inject('adminPassword'));
  await admin.call('POST', '/api/users', { username: 'dora', password: 'dora-attendant-1', role: 'attendant' });
  phone = await openPhone();
});
afterAll(async () => phone?.close());

it('discarding a refused offline entry records it and hands its paid exit to a manager, who resolves it', async () => {
  const { page, context } = phone;
  await signIn(page, baseUrl, 'dora', 'dora-attendant-1');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
  await page.getByTestId('available').waitFor();

  await context.setOffline(true);
  let ref = '';
  let estimate = '';
  try {
    await page.getByRole('link', { name: 'Car in' }).click();
    await page.getByRole('textbox', { name: /plate$/i }).fill('DUP 1');
    await page.getByRole('button', { name: 'Issue ticket' }).click();
    ref = (await page.getByTestId('provisional-ref').textContent())?.trim() ?? '';
    await page.getByRole('link', { name: 'Car out' }).click();
    await page.getByRole('textbox', { name: 'Ticket number' }).fill(ref);
    await page.getByRole('button', { name: 'Find ticket' }).click();
    estimate = (await page.getByTestId('amount-due').textContent())?.replace('Estimated amount due', '').trim() ?? '';
    await page.getByRole('button', { name: 'Cash', exact: true }).click();
    await page.getByText(`${estimate} (estimate)`).waitFor();
    // Meanwhile the same car was let in at another gate: the server will refuse this phone's entry.
    await admin.call('POST', '/api/tickets', { licensePlate: 'DUP 1' });
  } finally {
    await context.setOffline(false);
  }

  await page.getByTestId('pending-chip').filter({ hasText: /2 need you$/ }).waitFor({ timeout: 20_000 });
  await page.getByRole('link', { name: 'Dashboard' }).click();
  const rows = page.getByTestId('refused-item');
  await rows.nth(1).waitFor();
  await expectNoAxeViolations(page, 'dashboard with refused items');
  const exitRow = rows.filter({ hasText: /^Exit / });
  expect(await exitRow.getByRole('button', { name: 'Discard' }).count()).toBe(0);
  expect(await exitRow.getByRole('button', { name: 'Hand to a manager' }).count()).toBe(1);

  const entryRow = rows.filter({ hasText: /^Entry DUP 1/ });
  await entryRow.getByRole('button', { name: 'Discard' }).click();
  await entryRow.getByText(/Its exit \(Cash, \$[\d.]+\) is reported too and handed to a manager/).waitFor();
  await expectNoAxeViolations(page, 'discard form');
  await entryRow.getByLabel(/^Why/).fill('Already let in at gate 2; driver refunded at the booth');
  await entryRow.getByRole('button', { name: 'Discard and record' }).click();
  await rows.first().waitFor({ state: 'detached' });

  const recorded = DiscardPage.parse(await admin.call('GET', '/api/discards?limit=10')).discards.filter((d) => d.licensePlate === 'DUP 1');
  expect(recorded.map((d) => [d.kind, d.status, d.discardedBy.username]).sort()).toEqual([
    ['entry', 'recorded', 'dora'],
    ['exit', 'needs_manager', 'dora'],
  ]);
  const paid = recorded.find((d) => d.kind === 'exit')!;
  expect(paid).toMatchObject({ paymentMethod: 'Cash', ticketNumber: ref, reason: 'Already let in at gate 2; driver refunded at the booth' });
  expect(`$${((paid.amountCents ?? 0) / 100).toFixed(2)}`).toBe(estimate);

  // A manager finds it under Settings, and says what became of the money.
  await signIn(page, baseUrl, 'admin', inject('adminPassword'));
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: /Payments to resolve/ }).click();
  const row = page.getByTestId('payment-to-resolve').filter({ hasText: ref });
  await row.waitFor();
  await expectNoAxeViolations(page, 'payments to resolve');
  await row.getByLabel(/What became of the money/).fill('Refund confirmed with the booth log');
  await row.getByRole('button', { name: 'Resolve' }).click();
  await row.waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: `Resolved: ${ref}` }).waitFor();
  const after = DiscardPage.parse(await admin.call('GET', '/api/discards?status=resolved&limit=10')).discards.find((d) => d.id === paid.id);
  expect(after).toMatchObject({ status: 'resolved', resolution: { by: { username: 'admin' }, note: 'Refund confirmed with the booth log' } });
});
