import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GarageSettings, GarageStats } from '../shared/garage.js';
import { apiAs } from './api.js';
import { expectInReach, expectNoAxeViolations, openPhone, openSignedOut, signIn } from './browser.js';

const baseUrl = inject('baseUrl');
const dollars = (cents: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);
let phone: Awaited<ReturnType<typeof openPhone>>;
let admin: Awaited<ReturnType<typeof apiAs>>;

beforeAll(async () => {
  admin = await apiAs(baseUrl, 'admin', inject('adminPassword'));
  await admin.call('POST', '/api/users', { username: 'nina', password: 'nina-attendant-1', role: 'attendant' });
  phone = await openPhone();
});
afterAll(async () => phone?.close());

describe('a new attendant on a phone', () => {
  it('signs in, issues a ticket, checks the car out with payment, and the dashboard shows both', async () => {
    const { page } = phone;
    await openSignedOut(page, baseUrl);
    await page.getByRole('heading', { name: 'Sign in to ParkOps' }).waitFor();
    await expectNoAxeViolations(page, 'sign in');

    await page.getByLabel('Username').fill('nina');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Wrong username or password').waitFor();
    expect(await page.getByLabel('Username').inputValue()).toBe('nina');
    await expectNoAxeViolations(page, 'sign in with an error');

    const before = GarageStats.parse(await admin.call('GET', '/api/garage/stats'));
    await page.getByLabel('Password').fill('nina-attendant-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('available').waitFor();
    expect(await page.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'dashboard');

    // Car in
    await page.getByRole('link', { name: 'Car in' }).click();
    await page.getByRole('heading', { name: 'Car in' }).waitFor();
    await expectNoAxeViolations(page, 'entry');
    await page.getByLabel('License plate').pressSequentially('e2e 101');
    expect(await page.getByLabel('License plate').inputValue()).toBe('E2E 101');
    await page.getByText('SUV', { exact: true }).click();
    await page.getByRole('button', { name: 'Issue ticket' }).click();
    const numberText = await page.getByTestId('ticket-number').textContent();
    const ticketNumber = numberText?.trim() ?? '';
    expect(ticketNumber).toMatch(/^PS-[0-9A-HJKMNP-TV-Z]{6}$/);
    await page.locator('[data-testid="qr"] svg').waitFor();
    await expectNoAxeViolations(page, 'ticket card');
    const [onServer] = await admin.ticketsByPlate('E2E 101');
    expect(onServer).toMatchObject({ ticketNumber, vehicleType: 'SUV', status: 'active', licensePlate: 'E2E 101' });
    const oneHour = dollars(onServer!.hourlyRate);

    // Car out
    await page.getByRole('link', { name: 'Car out' }).click();
    await page.getByRole('heading', { name: 'Car out' }).waitFor();
    await expectNoAxeViolations(page, 'exit');
    await page.getByLabel('Ticket number').fill(ticketNumber.toLowerCase());
    await page.getByRole('button', { name: 'Find ticket' }).click();
    await page.getByTestId('amount-due').waitFor();
    expect(await page.getByTestId('amount-due').textContent()).toContain(oneHour);
    await expectNoAxeViolations(page, 'amount due');
    await page.getByRole('button', { name: 'Cash' }).click();
    await page.getByRole('heading', { name: 'Receipt' }).waitFor();
    expect(await page.getByTestId('amount-paid').textContent()).toBe(oneHour);
    await expectNoAxeViolations(page, 'receipt');
    const [paid] = await admin.ticketsByPlate('E2E 101');
    expect(paid).toMatchObject({ ticketNumber, status: 'completed', paymentMethod: 'Cash', amountPaid: onServer!.hourlyRate });

    // The dashboard shows both
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByTestId('activity').waitFor();
    expect(await page.getByTestId('vehicles').textContent()).toBe(`${before.vehiclesEnteredToday + 1} in · ${before.vehiclesProcessedToday + 1} out`);
    expect(await page.getByTestId('revenue').textContent()).toBe(dollars(before.todayRevenue + onServer!.hourlyRate));
    const rows = await page.getByTestId('activity').locator('li').allTextContents();
    expect(rows.filter((r) => r.includes(ticketNumber))).toHaveLength(2);
    expect(rows.join('\n')).toMatch(/Out\s*E2E 101/);
  });

  it('finds a car by plate when the ticket is lost', async () => {
    const { page } = phone;
    await signIn(page, baseUrl, 'nina', 'nina-attendant-1');
    await page.getByRole('link', { name: 'Car in' }).click();
    await page.getByLabel('License plate').fill('LOST 7');
    await page.getByRole('button', { name: 'Issue ticket' }).click();
    const ticketNumber = (await page.getByTestId('ticket-number').textContent())?.trim();
    await page.getByRole('link', { name: 'Car out' }).click();
    await page.getByLabel('License plate').fill('lost-7');
    await page.getByRole('button', { name: 'Find by plate' }).click();
    await page.getByRole('button', { name: new RegExp(`${ticketNumber} · LOST 7`) }).click();
    await page.getByTestId('amount-due').waitFor();
    await page.getByRole('button', { name: 'Mobile' }).click();
    await page.getByRole('heading', { name: 'Receipt' }).waitFor();
    const [paid] = await admin.ticketsByPlate('LOST 7');
    expect(paid).toMatchObject({ ticketNumber, status: 'completed', paymentMethod: 'Mobile' });
  });
});

describe('a manager', () => {
  it('changes the hourly rate', async () => {
    const { page } = phone;
    await signIn(page, baseUrl, 'admin', inject('adminPassword'));
    const rateBefore = GarageSettings.parse(await admin.call('GET', '/api/garage/settings')).hourlyRate;
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Hourly rate ($)').waitFor();
    expect(await page.getByLabel('Hourly rate ($)').inputValue()).toBe((rateBefore / 100).toFixed(2));
    await expectNoAxeViolations(page, 'settings');
    await page.getByLabel('Hourly rate ($)').fill(rateBefore === 1250 ? '11' : '12.5');
    await page.getByRole('button', { name: 'Save settings' }).click();
    // Said where the person is looking: by the Save button they scrolled to and tapped.
    await expectInReach(page, page.getByText('Saved.', { exact: false }), '"Saved"', { scrolled: true });
    expect(GarageSettings.parse(await admin.call('GET', '/api/garage/settings')).hourlyRate).toBe(rateBefore === 1250 ? 1100 : 1250);

    await page.getByLabel('Total spaces').fill('0');
    await page.getByLabel('Grace (minutes)', { exact: true }).fill('121');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expectInReach(page, page.getByText('Nothing was saved', { exact: false }), '"Nothing was saved"', { scrolled: true });
    await page.getByText('Total spaces is at least 1').waitFor();
    await page.getByText('Grace is at most 120 minutes').waitFor();
    expect(await page.getByText(/Too small|Too big|expected number/).count()).toBe(0);
    expect(await page.getByLabel('Total spaces').inputValue()).toBe('0');
    await expectNoAxeViolations(page, 'settings with an error');
    expect(GarageSettings.parse(await admin.call('GET', '/api/garage/settings')).totalSpaces).toBeGreaterThan(0);
  });
});
