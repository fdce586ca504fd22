/**
 * Corrections from the app: an attendant asks to void a ticket entered by mistake, a manager
 * approves it on the Approvals screen of another phone, and the attendant's card then says Approved;
 * the ticket is voided on the server. Every screen on the way passes axe.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { Ticket } from '../shared/tickets.js';
import { apiAs } from './api.js';
import { expectInReach, expectNoAxeViolations, openPhone, signIn } from './browser.js';

const baseUrl = inject('baseUrl');
let attendantPhone: Awaited<ReturnType<typeof openPhone>>;
let managerPhone: Awaited<ReturnType<typeof openPhone>>;
let admin: Awaited<ReturnType<typeof apiAs>>;

beforeAll(async () => {
  admin = await apiAs(baseUrl, 'admin', inject('adminPassword'));
  await admin.call('POST', '/api/users', { username: 'cora', password: 'cora-attendant-1', role: 'attendant' });
  await admin.call('POST', '/api/users', { username: 'milo', password: 'milo-manager-1', role: 'manager' });
  [attendantPhone, managerPhone] = await Promise.all([openPhone(), openPhone()]);
});
afterAll(async () => {
  await attendantPhone?.close();
  await managerPhone?.close();
});

describe('a void asked by an attendant and approved by a manager', () => {
  it('waits for the manager, who approves it on the Approvals screen; the attendant’s card then says Approved', async () => {
    const cora = attendantPhone.page;
    await signIn(cora, baseUrl, 'cora', 'cora-attendant-1');

    await cora.getByRole('link', { name: 'Car in' }).click();
    await cora.getByLabel('License plate').fill('VOID 77');
    await cora.getByRole('button', { name: 'Issue ticket' }).click();
    const ticketNumber = ((await cora.getByTestId('ticket-number').textContent()) ?? '').trim();
    expect(ticketNumber).toMatch(/^PS-/);

    await cora.getByRole('link', { name: 'Car out' }).click();
    await cora.getByLabel('Ticket number').fill(ticketNumber);
    await cora.getByRole('button', { name: 'Find ticket' }).click();
    await cora.getByTestId('amount-due').waitFor();
    await expectNoAxeViolations(cora, 'amount due with the lost-ticket switch and the ticket actions');
    await cora.getByRole('button', { name: 'Void this ticket…' }).click();
    await cora.getByRole('heading', { name: `Void ${ticketNumber}` }).waitFor();
    await expectNoAxeViolations(cora, 'void form');
    await cora.getByText('Duplicate ticket', { exact: true }).click();
    await cora.getByRole('button', { name: 'Void the ticket' }).click();
    await cora.getByText(/^Waiting for a manager \(expires \d{1,2}:\d\d (AM|PM)\)$/).waitFor();
    await expectNoAxeViolations(cora, 'request card, waiting');
    await expectInReach(cora, cora.getByRole('button', { name: 'Next car' }), 'Next car under the request card');
    const [waiting] = z.array(Ticket).parse(await admin.call('GET', `/api/tickets?plate=${encodeURIComponent('VOID 77')}`));
    expect(waiting).toMatchObject({ ticketNumber, status: 'active' });

    const milo = managerPhone.page;
    await signIn(milo, baseUrl, 'milo', 'milo-manager-1');
    const approvals = milo.getByRole('link', { name: /^Approvals/ });
    await milo.getByTestId('approvals-badge').waitFor();
    // Five tabs and the badge fit a 360 px phone.
    expect(await milo.getByRole('navigation', { name: 'Main' }).evaluate((nav) => nav.scrollWidth <= nav.clientWidth)).toBe(true);
    await expectNoAxeViolations(milo, 'dashboard with the Approvals badge');
    await approvals.click();
    await milo.getByRole('heading', { name: 'Approvals' }).waitFor();
    const row = milo.getByTestId('approval').filter({ hasText: ticketNumber });
    await row.waitFor();
    expect(await row.textContent()).toContain('Duplicate ticket');
    expect(await row.textContent()).toContain('Asked by cora');
    await expectNoAxeViolations(milo, 'approvals');
    await row.getByRole('button', { name: /^Approve/ }).click();
    await milo.getByText(new RegExp(`^Approved: Void \\(forgives .*\\) on ${ticketNumber} \\(asked by cora\\)\\.$`)).waitFor();
    expect(await milo.getByTestId('approval').filter({ hasText: ticketNumber }).count()).toBe(0);

    // The attendant's card checks every 10 s while the app is in front.
    await cora.getByText(/^Approved by milo at \d{1,2}:\d\d (AM|PM)\. The ticket is voided — never charged\.$/).waitFor({ timeout: 25_000 });
    await cora.getByTestId('voided').first().waitFor();
    await expectNoAxeViolations(cora, 'request card, approved');
    const [voided] = z.array(Ticket).parse(await admin.call('GET', `/api/tickets?plate=${encodeURIComponent('VOID 77')}`));
    expect(voided).toMatchObject({ ticketNumber, status: 'voided', amountPaid: null });
  });
});
