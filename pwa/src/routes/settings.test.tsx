import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { GarageSettings } from '../../../shared/garage.js';
import { apiError, fixture } from '../../test/fixtures.js';
import { server } from '../../test/msw.js';
import { renderWithOutbox, resetAppState, signedIn } from '../../test/render.js';
import { readSettingsForm, type Form } from './settings-form.js';
import { SettingsScreen } from './settings.js';

beforeEach(() => {
  resetAppState();
  signedIn();
});

const field = (label: string) => screen.getByLabelText<HTMLInputElement>(label);
const type = (label: string, value: string) => fireEvent.input(field(label), { target: { value } });

describe('Settings', () => {
  it('shows the settings in dollars and saves only what changed, in cents', async () => {
    let sent: unknown;
    server.use(
      http.get('/api/garages/1/settings', () => HttpResponse.json(fixture.settings({ hourlyRate: 1000, dailyMaxCents: null }))),
      http.put('/api/garages/1/settings', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(fixture.settings({ hourlyRate: 1250, dailyMaxCents: 6000 }));
      }),
    );
    renderWithOutbox(<SettingsScreen />);
    await waitFor(() => expect(field('Hourly rate ($)').value).toBe('10.00'));
    expect(field('Daily maximum ($)').value).toBe('');
    type('Hourly rate ($)', '12.5');
    type('Daily maximum ($)', '60');
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/^Saved\./);
    expect(sent).toEqual({ hourlyRate: 1250, dailyMaxCents: 6000 });
    expect(field('Hourly rate ($)').value).toBe('12.50');
  });

  it('marks the field the server refused and keeps the changes in the form', async () => {
    server.use(
      http.get('/api/garages/1/settings', () => HttpResponse.json(fixture.settings())),
      http.put('/api/garages/1/settings', () =>
        HttpResponse.json(apiError('validation_failed', 'timezone: Unknown timezone', [{ path: 'timezone', message: 'Unknown timezone; use an IANA name such as America/New_York' }]), { status: 400 }),
      ),
    );
    renderWithOutbox(<SettingsScreen />);
    await waitFor(() => expect(field('Timezone').value).toBe('UTC'));
    // A zone this phone knows but the server does not.
    type('Timezone', 'Europe/Paris');
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Nothing was saved; your changes are still in the form/);
    expect(screen.getByText('Unknown timezone; use an IANA name such as America/New_York')).toBeTruthy();
    expect(field('Timezone').value).toBe('Europe/Paris');
    expect(field('Timezone').getAttribute('aria-invalid')).toBe('true');
  });

  it('checks each field on the phone with the shared rules, says in words what is wrong with each, and sends nothing', async () => {
    server.use(http.get('/api/garages/1/settings', () => HttpResponse.json(fixture.settings())));
    renderWithOutbox(<SettingsScreen />);
    await waitFor(() => expect(field('Grace (minutes)').value).toBe('0'));
    type('Grace (minutes)', '121');
    type('Total spaces', '0');
    type('Hourly rate ($)', '20000');
    type('Timezone', 'Mars/Olympus');
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Grace is at most 120 minutes')).toBeTruthy();
    expect(screen.getByText('Total spaces is at least 1')).toBeTruthy();
    expect(screen.getByText('The hourly rate is at most $10,000.00')).toBeTruthy();
    expect(screen.getByText('Unknown timezone; use an IANA name such as America/New_York')).toBeTruthy();
    expect(screen.queryByText(/Too big|Too small|expected number/)).toBeNull();
    expect(field('Grace (minutes)').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field('Hourly rate ($)'));
  });

  it('says a field the server refused in words, never its raw message', async () => {
    server.use(
      http.get('/api/garages/1/settings', () => HttpResponse.json(fixture.settings())),
      http.put('/api/garages/1/settings', () =>
        HttpResponse.json(apiError('validation_failed', 'graceMinutes: Too big: expected number to be <=120', [{ path: 'graceMinutes', message: 'Too big: expected number to be <=120' }]), { status: 400 }),
      ),
    );
    renderWithOutbox(<SettingsScreen />);
    await waitFor(() => expect(field('Grace (minutes)').value).toBe('0'));
    type('Grace (minutes)', '15');
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Grace is 0 to 120 whole minutes')).toBeTruthy();
    expect(screen.queryByText(/Too big|expected number/)).toBeNull();
  });

  it('says "Saved" right by the Save button, where the person is looking', async () => {
    server.use(
      http.get('/api/garages/1/settings', () => HttpResponse.json(fixture.settings())),
      http.put('/api/garages/1/settings', () => HttpResponse.json(fixture.settings({ graceMinutes: 10 }))),
    );
    renderWithOutbox(<SettingsScreen />);
    await waitFor(() => expect(field('Grace (minutes)').value).toBe('0'));
    type('Grace (minutes)', '10');
    const save = screen.getByRole('button', { name: 'Save settings' });
    fireEvent.click(save);
    const status = await screen.findByRole('status');
    expect(status.textContent).toMatch(/^Saved\./);
    expect(save.nextElementSibling).toBe(status);
  });

  it('says when a signed-in attendant may not read them', async () => {
    server.use(http.get('/api/garages/1/settings', () => HttpResponse.json(apiError('forbidden', 'This needs the manager role'), { status: 403 })));
    renderWithOutbox(<SettingsScreen />);
    expect((await screen.findByRole('alert')).textContent).toBe("Your role can't do this. Ask a manager.");
  });
});

describe('Settings: lost tickets and approvals', () => {
  it('shows the lost-ticket rule and approval policy in words, and saves them back (approval whole)', async () => {
    const loaded = fixture.settings({
      lostTicketPolicy: 'actual_plus_fee',
      lostTicketFeeCents: 2500,
      approval: { autoApproveUnderCents: { void: 0, refund: 500, lostTicketWaiver: 0 }, timeoutMinutes: 30 },
    });
    let sent: unknown;
    server.use(
      http.get('/api/garages/1/settings', () => HttpResponse.json(loaded)),
      http.put('/api/garages/1/settings', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(GarageSettings.parse({ ...loaded, ...(sent as object) }));
      }),
    );
    renderWithOutbox(<SettingsScreen />);
    await waitFor(() => expect(field('Lost-ticket fee ($)').value).toBe('25.00'));
    expect(screen.getByText('A lost ticket pays its stay plus $25.00.')).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Stay + fee' }).checked).toBe(true);
    expect(field('Attendants refund alone under ($)').value).toBe('5.00');
    expect(screen.getByTestId('approval-sentence').textContent).toBe(
      'Attendants never void alone, refund alone under $5.00 and never waive a lost-ticket fee alone; anything else waits up to 30 minutes for a manager, then expires. Managers and admins need no approval.',
    );

    fireEvent.click(screen.getByRole('radio', { name: 'Flat price' }));
    type('Lost-ticket fee ($)', '40');
    expect(screen.getByText('A lost ticket pays $40.00, never less than its stay.')).toBeTruthy();
    type('Attendants waive the lost-ticket fee alone under ($)', '10');
    type('A request waits (minutes)', '45');
    expect(screen.getByTestId('approval-sentence').textContent).toMatch(/waive a lost-ticket fee alone under \$10.00; anything else waits up to 45 minutes/);
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect((await screen.findByRole('status')).textContent).toMatch(/^Saved\. A lost ticket pays \$40.00, never less than its stay\. Attendants never void alone/);
    expect(sent).toEqual({
      lostTicketPolicy: 'flat',
      lostTicketFeeCents: 4000,
      approval: { autoApproveUnderCents: { void: 0, refund: 500, lostTicketWaiver: 1000 }, timeoutMinutes: 45 },
    });
    expect(field('A request waits (minutes)').value).toBe('45');
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Flat price' }).checked).toBe(true);
  });

  it('says in words what is wrong with a part of the approval policy, from the phone or the server', async () => {
    server.use(
      http.get('/api/garages/1/settings', () => HttpResponse.json(fixture.settings())),
      http.put('/api/garages/1/settings', () =>
        HttpResponse.json(apiError('validation_failed', 'approval.timeoutMinutes: Too big', [{ path: 'approval.timeoutMinutes', message: 'Too big: expected number to be <=1440' }]), { status: 400 }),
      ),
    );
    renderWithOutbox(<SettingsScreen />);
    await waitFor(() => expect(field('A request waits (minutes)').value).toBe('30'));
    type('A request waits (minutes)', '2');
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('A request waits at least 5 minutes')).toBeTruthy();
    expect(document.activeElement).toBe(field('A request waits (minutes)'));

    type('A request waits (minutes)', '60');
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('A request waits 5 to 1,440 whole minutes (a day)')).toBeTruthy();
    expect(screen.queryByText(/Too big/)).toBeNull();
  });
});

describe('Settings: monthly parkers and reservations', () => {
  it('shows the three booking settings with what each does, and saves a change', async () => {
    let sent: unknown;
    server.use(
      http.get('/api/garages/1/settings', () => HttpResponse.json(fixture.settings({ reservedPermitSpaces: 5 }))),
      http.put('/api/garages/1/settings', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(fixture.settings({ reservedPermitSpaces: 8, reservationMaxLeadHours: 720 }));
      }),
    );
    renderWithOutbox(<SettingsScreen />);
    await waitFor(() => expect(field('Spaces held for permit holders').value).toBe('5'));
    expect(field('Reservation grace (minutes)').value).toBe('30');
    expect(field('Book at most (hours ahead)').value).toBe('168');
    expect(screen.getByText(/^Spaces held back from transient cars for permit holders \(less the permit cars inside\); 0 to 100,000$/)).toBeTruthy();
    expect(screen.getByText(/^A booked car may come in this early, and a reservation is released as a no-show this late; 0 to 1,440$/)).toBeTruthy();
    type('Spaces held for permit holders', '8');
    type('Book at most (hours ahead)', '720');
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/^Saved\./);
    expect(sent).toEqual({ reservedPermitSpaces: 8, reservationMaxLeadHours: 720 });
  });

  it('says in words what is wrong with a booking setting and sends nothing', async () => {
    server.use(http.get('/api/garages/1/settings', () => HttpResponse.json(fixture.settings())));
    renderWithOutbox(<SettingsScreen />);
    await waitFor(() => expect(field('Book at most (hours ahead)').value).toBe('168'));
    type('Book at most (hours ahead)', '5000');
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('How far ahead a reservation may start is at most 2,160 hours')).toBeTruthy();
  });
});

describe('readSettingsForm', () => {
  const before = fixture.settings({ hourlyRate: 1000, totalSpaces: 140, timezone: 'UTC', graceMinutes: 0, dailyMaxCents: 5000 });
  const form: Form = {
    hourlyRate: '10.00',
    totalSpaces: '140',
    timezone: 'UTC',
    graceMinutes: '0',
    dailyMax: '50.00',
    lostTicketPolicy: 'actual_plus_fee',
    lostTicketFee: '25.00',
    voidLimit: '0.00',
    refundLimit: '0.00',
    waiverLimit: '0.00',
    timeoutMinutes: '30',
    reservedPermitSpaces: '0',
    reservationGraceMinutes: '30',
    reservationMaxLeadHours: '168',
  };
  const approval = (over: { void?: number; refund?: number; lostTicketWaiver?: number; timeoutMinutes?: number }) => ({
    autoApproveUnderCents: { void: over.void ?? 0, refund: over.refund ?? 0, lostTicketWaiver: over.lostTicketWaiver ?? 0 },
    timeoutMinutes: over.timeoutMinutes ?? 30,
  });

  it.each([
    [{}, {}],
    [{ hourlyRate: '7.5' }, { hourlyRate: 750 }],
    [{ dailyMax: '' }, { dailyMaxCents: null }],
    [{ totalSpaces: '200', graceMinutes: '10' }, { totalSpaces: 200, graceMinutes: 10 }],
    [{ timezone: ' Europe/Paris ' }, { timezone: 'Europe/Paris' }],
    [{ lostTicketPolicy: 'flat', lostTicketFee: '40' }, { lostTicketPolicy: 'flat', lostTicketFeeCents: 4000 }],
    // the approval policy goes whole, whichever part changed
    [{ refundLimit: '5' }, { approval: approval({ refund: 500 }) }],
    [{ timeoutMinutes: '45', voidLimit: '2.50' }, { approval: approval({ void: 250, timeoutMinutes: 45 }) }],
    [{ waiverLimit: '0' }, {}],
    [{ reservedPermitSpaces: '12', reservationGraceMinutes: '15', reservationMaxLeadHours: '720' }, { reservedPermitSpaces: 12, reservationGraceMinutes: 15, reservationMaxLeadHours: 720 }],
  ] as [Partial<Form>, object][])('%j -> update %j', (change, update) => expect(readSettingsForm({ ...form, ...change }, before)).toEqual({ update }));

  it.each([
    [{ hourlyRate: 'ten' }, 'hourlyRate'],
    [{ totalSpaces: '1.5' }, 'totalSpaces'],
    [{ graceMinutes: '-1' }, 'graceMinutes'],
    [{ dailyMax: 'lots' }, 'dailyMaxCents'],
    [{ lostTicketFee: 'free' }, 'lostTicketFeeCents'],
    [{ voidLimit: '-1' }, 'voidLimit'],
    [{ refundLimit: '2000000' }, 'refundLimit'],
    [{ timeoutMinutes: '2' }, 'timeoutMinutes'],
    [{ timeoutMinutes: '1441' }, 'timeoutMinutes'],
    [{ reservedPermitSpaces: 'some' }, 'reservedPermitSpaces'],
    [{ reservationGraceMinutes: '1441' }, 'reservationGraceMinutes'],
    [{ reservationMaxLeadHours: '0' }, 'reservationMaxLeadHours'],
  ] as [Partial<Form>, string][])('%j -> an issue with %s', (change, fieldName) => {
    const read = readSettingsForm({ ...form, ...change }, before);
    expect('issues' in read && Object.keys(read.issues)).toEqual([fieldName]);
  });
});
