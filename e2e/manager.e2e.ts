/**
 * The managers' and admins' screens of the header's Menu on a phone, in the real browser against
 * the real server: each opens from the Menu, fits 360 px without sideways scrolling, and is
 * axe-clean; an admin adds a garage (and stays in the one on screen), adds a staff account, mutes an
 * alert kind (the server then says it is muted), and sees both in the Audit.
 *
 * This file runs its own server (same build, its own database): a second garage makes every admin
 * pick a garage after signing in, which the other files' admin sign-ins do not expect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AlertsView } from '../shared/alerts.js';
import { User } from '../shared/auth.js';
import { Garage } from '../shared/garages.js';
import { apiAs } from './api.js';
import { expectNoAxeViolations, openPhone, PHONE, signIn } from './browser.js';
import { startOwnServer } from './own-server.js';

let baseUrl = '';
let adminPassword = '';
let stopServer: (() => Promise<void>) | undefined;
let phone: Awaited<ReturnType<typeof openPhone>>;

beforeAll(async () => {
  ({ baseUrl, adminPassword, stop: stopServer } = await startOwnServer());
  phone = await openPhone();
});
afterAll(async () => {
  await phone?.close();
  await stopServer?.();
});

describe("the Menu's screens", () => {
  it('each opens from the Menu, fits a 360 px phone and is axe-clean; garages, staff and mutes made there reach the server and the Audit', async () => {
    const { page } = phone;
    const admin = await apiAs(baseUrl, 'admin', adminPassword);
    await signIn(page, baseUrl, 'admin', adminPassword);

    const open = async (label: string, heading: string) => {
      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('navigation', { name: 'Manage' }).getByRole('link', { name: label }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), heading).toBeLessThanOrEqual(PHONE.width);
    };

    for (const [label, heading] of [
      ['Reports', 'Reports'],
      ['Parked now', 'Parked now'],
      ['Plate camera', 'Plate camera'],
    ] as const) {
      await open(label, heading);
      await expectNoAxeViolations(page, heading);
    }

    // Garages: add one; it is listed, and the server has it.
    await open('Garages', 'Garages');
    await page.getByLabel('Name').last().fill('E2E North Deck');
    await page.getByLabel('Spaces').last().fill('40');
    await page.getByLabel('Hourly rate ($)').last().fill('4.50');
    await page.getByRole('button', { name: 'Add garage' }).click();
    await page.getByText(/^Added E2E North Deck\./).waitFor();
    await page.getByTestId('garages-admin-list').getByRole('heading', { name: 'E2E North Deck' }).waitFor();
    // the admin stays in the garage on screen (not sent to the picker now that there are two)
    expect(await page.getByRole('heading', { name: 'Choose a garage' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'Garages');
    const garages = z.array(Garage).parse(await admin.call('GET', '/api/garages'));
    const north = garages.find((g) => g.name === 'E2E North Deck');
    expect(north).toMatchObject({ totalSpaces: 40, hourlyRate: 450 });

    // Staff: add an attendant; listed, and the server has the account.
    await open('Staff', 'Staff');
    await page.getByLabel('Username').fill('ivy');
    await page.getByLabel('Temporary password').fill('ivy-attendant-1');
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByTestId('staff-list').getByText('ivy', { exact: true }).first().waitFor();
    await expectNoAxeViolations(page, 'Staff');
    const users = z.array(User).parse(await admin.call('GET', '/api/users'));
    expect(users.find((u) => u.username === 'ivy')).toMatchObject({ role: 'attendant', disabled: false });

    // Alerts: mute "Garage full"; the server then lists it as muted.
    await open('Alerts', 'Alerts');
    const fullSwitch = page.getByRole('switch', { name: /Mute “Garage full”/ });
    // the switch follows the server's answer (it shows "Saving…" until then), so click, then wait for it
    await fullSwitch.click();
    await page.getByText('Muted: not posted to Slack').first().waitFor();
    expect(await fullSwitch.isChecked()).toBe(true);
    await expectNoAxeViolations(page, 'Alerts');
    const [garage] = z.array(Garage).parse(await admin.call('GET', '/api/garages'));
    expect(AlertsView.parse(await admin.call('GET', `/api/garages/${garage!.id}/alerts`)).muted).toContain('garage_full');

    // Audit: the mute (a row of this garage) and the staff account added (a row of no garage, shown to admins).
    await open('Audit', 'Audit');
    const log = page.locator('main ul');
    await log.getByText('admin muted “Garage full” alerts').waitFor();
    await log.getByText('admin added the staff account ivy').waitFor();
    await expectNoAxeViolations(page, 'Audit');
    expect((await page.getByRole('banner').boundingBox())?.height).toBeLessThanOrEqual(48);
  });
});
