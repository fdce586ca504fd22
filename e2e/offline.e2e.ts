import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { apiAs } from './api.js';
import { expectNoAxeViolations, openPhone, signIn } from './browser.js';

const baseUrl = inject('baseUrl');
let phone: Awaited<ReturnType<typeof openPhone>>;
beforeAll(async () => (phone = await openPhone()));
afterAll(async () => phone?.close());

it('keeps working offline: entries are kept on the phone, survive a reload, and reach the server exactly once', async () => {
  const { page, context } = phone;
  const admin = await apiAs(baseUrl, 'admin', inject('adminPassword'));
  await signIn(page, baseUrl, 'admin', inject('adminPassword'));
  // The service worker must be in charge before the network goes away.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });

  await page.getByRole('link', { name: 'Car in' }).click();
  await context.setOffline(true);
  await page.getByTestId('offline-banner').waitFor();
  const before = Date.now();
  await page.getByLabel('License plate').fill('OFF 1');
  await page.getByRole('button', { name: 'Issue ticket' }).click();
  const ref = (await page.getByTestId('provisional-ref').textContent())?.trim();
  expect(ref).toMatch(/^OFF-[0-9A-F]{6}$/);
  await page.getByText('Recorded offline on this phone').waitFor();
  expect(await page.getByTestId('pending-chip').textContent()).toBe('1 waiting to send');
  await expectNoAxeViolations(page, 'provisional ticket card, offline');

  // Reload with no network: the service worker opens the app, the outbox is still there.
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  expect(await page.getByTestId('pending-chip').textContent()).toBe('1 waiting to send');
  await expectNoAxeViolations(page, 'dashboard, offline');

  // A second car, recorded offline after the reload; its card stays on screen.
  await page.getByRole('link', { name: 'Car in' }).click();
  await page.getByLabel('License plate').fill('OFF 2');
  await page.getByText('Van', { exact: true }).click();
  await page.getByRole('button', { name: 'Issue ticket' }).click();
  await page.getByTestId('provisional-ref').waitFor();
  expect(await page.getByTestId('pending-chip').textContent()).toBe('2 waiting to send');
  expect(await admin.ticketsByPlate('OFF 1')).toEqual([]);

  await context.setOffline(false);
  await page.getByTestId('ticket-number').waitFor({ timeout: 20_000 });
  expect(await page.getByTestId('pending-chip').textContent()).toMatch(/^All sent · \d{1,2}:\d\d\s(AM|PM)$/);
  const shown = (await page.getByTestId('ticket-number').textContent())?.trim();

  const one = await admin.ticketsByPlate('OFF 1');
  const two = await admin.ticketsByPlate('OFF 2');
  expect(one).toHaveLength(1);
  expect(two).toHaveLength(1);
  expect(two[0]).toMatchObject({ ticketNumber: shown, vehicleType: 'Van', status: 'active' });
  // Dated when it happened on the phone, not when it synced.
  expect(Math.abs(Date.parse(one[0]!.entryTime) - before)).toBeLessThan(10_000);

  // Reloading and bringing the app to the front again sends nothing twice.
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  expect(await page.getByTestId('pending-chip').textContent()).toMatch(/^All sent/);
  expect(await admin.ticketsByPlate('OFF 1')).toHaveLength(1);
  expect(await admin.ticketsByPlate('OFF 2')).toHaveLength(1);
});

it('checks a car out offline: an estimate from the phone’s copy, payment recorded, completed once on reconnect', async () => {
  const { page, context } = phone;
  const admin = await apiAs(baseUrl, 'admin', inject('adminPassword'));
  await signIn(page, baseUrl, 'admin', inject('adminPassword'));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
  await page.getByRole('link', { name: 'Car in' }).click();
  await page.getByLabel('License plate').fill('GONE 5');
  await page.getByRole('button', { name: 'Issue ticket' }).click();
  const ticketNumber = (await page.getByTestId('ticket-number').textContent())?.trim() ?? '';
  // Whatever rate other tests left: the ticket carries its own, and one hour is due.
  const rate = (await admin.ticketsByPlate('GONE 5'))[0]!.hourlyRate;
  const oneHour = `$${(rate / 100).toFixed(2)}`;

  await context.setOffline(true);
  await page.getByRole('link', { name: 'Car out' }).click();
  await page.getByLabel('Ticket number').fill(ticketNumber);
  await page.getByRole('button', { name: 'Find ticket' }).click();
  expect(await page.getByTestId('amount-due').textContent()).toContain(oneHour);
  await page.getByText(/Offline: estimated from this phone's copy/).waitFor();
  await page.getByRole('button', { name: 'Cash' }).click();
  await page.getByText(`${oneHour} (estimate)`).waitFor();
  await expectNoAxeViolations(page, 'offline receipt');
  expect((await admin.ticketsByPlate('GONE 5'))[0]?.status).toBe('active');

  await context.setOffline(false);
  await page.getByTestId('amount-paid').waitFor({ timeout: 20_000 });
  expect(await page.getByTestId('amount-paid').textContent()).toBe(oneHour);
  const [done] = await admin.ticketsByPlate('GONE 5');
  expect(done).toMatchObject({ ticketNumber, status: 'completed', paymentMethod: 'Cash', amountPaid: rate });
  const exits = (await admin.call('GET', '/api/activities?limit=100')) as { type: string; ticketNumber: string }[];
  expect(exits.filter((a) => a.type === 'exit' && a.ticketNumber === ticketNumber)).toHaveLength(1);
});

it('checks out offline a car that came in offline, by its OFF- reference: once on the server, completed, with the times recorded offline', async () => {
  const { page, context } = phone;
  const admin = await apiAs(baseUrl, 'admin', inject('adminPassword'));
  await signIn(page, baseUrl, 'admin', inject('adminPassword'));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
  // The dashboard's figures carry the tariff the phone estimates with while offline.
  await page.getByTestId('available').waitFor();

  await page.getByRole('link', { name: 'Car in' }).click();
  await context.setOffline(true);
  await page.getByTestId('offline-banner').waitFor();
  const enteredAt = Date.now();
  await page.getByLabel('License plate').fill('SHORT 9');
  await page.getByRole('button', { name: 'Issue ticket' }).click();
  const ref = (await page.getByTestId('provisional-ref').textContent())?.trim() ?? '';
  expect(ref).toMatch(/^OFF-[0-9A-F]{6}$/);

  await page.getByRole('link', { name: 'Car out' }).click();
  await page.getByRole('button', { name: new RegExp(`^${ref} · SHORT 9`) }).waitFor();
  await expectNoAxeViolations(page, 'car out with an offline car listed');
  await page.getByLabel('Ticket number').fill(ref.toLowerCase());
  await page.getByRole('button', { name: 'Find ticket' }).click();
  const estimate = (await page.getByTestId('amount-due').textContent())?.replace('Estimated amount due', '').trim() ?? '';
  expect(estimate).toMatch(/^\$\d+\.\d\d$/);
  await page.getByText('Estimate until synced').waitFor();
  await expectNoAxeViolations(page, 'estimate for an OFF- reference');
  const exitedAt = Date.now();
  await page.getByRole('button', { name: 'Cash' }).click();
  await page.getByText(`${estimate} (estimate)`).waitFor();
  await page.getByText(`${ref} (provisional reference)`).waitFor();
  await expectNoAxeViolations(page, 'offline receipt for an OFF- reference');
  expect(await page.getByTestId('pending-chip').textContent()).toBe('2 waiting to send');

  // Reload with no network: both are still on the phone; nothing reached the server.
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  expect(await page.getByTestId('pending-chip').textContent()).toBe('2 waiting to send');
  expect(await admin.ticketsByPlate('SHORT 9')).toEqual([]);
  await page.waitForTimeout(2000);

  const onlineAt = Date.now();
  await context.setOffline(false);
  await page.getByTestId('pending-chip').filter({ hasText: /^All sent/ }).waitFor({ timeout: 20_000 });

  const tickets = await admin.ticketsByPlate('SHORT 9');
  expect(tickets).toHaveLength(1);
  const [done] = tickets;
  expect(done).toMatchObject({ status: 'completed', paymentMethod: 'Cash' });
  expect(Math.abs(Date.parse(done!.entryTime) - enteredAt)).toBeLessThan(10_000);
  expect(Math.abs(Date.parse(done!.exitTime ?? '') - exitedAt)).toBeLessThan(10_000);
  // Dated when it happened on the phone, not when it synced.
  expect(Date.parse(done!.exitTime ?? '')).toBeLessThan(onlineAt - 1500);
  const activity = (await admin.call('GET', '/api/activities?limit=100')) as { type: string; ticketNumber: string }[];
  expect(activity.filter((a) => a.ticketNumber === done!.ticketNumber).map((a) => a.type).sort()).toEqual(['entry', 'exit']);

  // Reloading sends nothing twice, and the car is no longer listed as in.
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  await page.getByRole('link', { name: 'Car out' }).click();
  await page.getByLabel('Ticket number').waitFor();
  expect(await page.getByRole('heading', { name: 'Came in offline on this phone' }).count()).toBe(0);
  expect(await admin.ticketsByPlate('SHORT 9')).toHaveLength(1);
});
