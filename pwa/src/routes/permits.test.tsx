import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, fixture } from '../../test/fixtures.js';
import { server } from '../../test/msw.js';
import { renderWithOutbox, resetAppState, signedIn } from '../../test/render.js';
import { rememberStats } from '../lib/garage.js';
import { PermitsScreen } from './permits.js';

beforeEach(() => {
  resetAppState();
  signedIn(fixture.user({ role: 'manager' }));
  rememberStats(1, fixture.stats({ timezone: 'America/New_York' }));
});

const type = (label: string, value: string, inside: HTMLElement = document.body) => fireEvent.input(within(inside).getByLabelText(label), { target: { value } });
// December 2026 in New York: from midnight Dec 1 to midnight Jan 1, garage time.
const december = { validFrom: '2026-12-01T05:00:00.000Z', validTo: '2027-01-01T05:00:00.000Z' };

describe('Monthly parkers', () => {
  it('lists each permit with holder, plates, validity in garage days, standing and the car inside; Export CSV downloads them', async () => {
    server.use(
      http.get('/api/garages/1/permits', () =>
        HttpResponse.json([
          fixture.permit({ ...december, inside: 'PS-4D2ZK9' }),
          fixture.permit({ id: 9, holder: 'Bo Chen', plates: ['BO1'], ...december, status: 'suspended' }),
          fixture.permit({ id: 10, holder: 'Cy Diaz', plates: ['CY1'], validFrom: '2030-12-01T05:00:00.000Z', validTo: '2031-01-01T05:00:00.000Z' }),
          fixture.permit({ id: 11, holder: 'Di Eng', plates: ['DI1'], validFrom: '2020-12-01T05:00:00.000Z', validTo: '2021-01-01T05:00:00.000Z' }),
        ]),
      ),
    );
    renderWithOutbox(<PermitsScreen />);
    const acme = await screen.findByTestId('permit-8');
    // the clock of this test run decides whether December 2026 is under way; the standing of these does not depend on it
    expect(screen.getByTestId('permit-10').textContent).toContain('Cy Diaz · Active from Dec 1, 2030');
    expect(screen.getByTestId('permit-11').textContent).toContain('Di Eng · Expired');
    expect(acme.textContent).toContain('ABC123, XYZ789');
    expect(acme.textContent).toContain('Dec 1, 2026 – Dec 31, 2026');
    expect(within(acme).getByText('Inside now: PS-4D2ZK9')).toBeTruthy();
    const bo = screen.getByTestId('permit-9');
    expect(bo.textContent).toContain('Bo Chen · Suspended');
    expect(within(bo).getByRole('button', { name: 'Reactivate' })).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Export CSV' });
    expect(link.getAttribute('href')).toBe('/api/garages/1/permits?format=csv');
    expect(link.hasAttribute('download')).toBe(true);
  });

  it('adds a permit: garage days sent as the instants they start and end', async () => {
    let sent: unknown;
    server.use(
      http.get('/api/garages/1/permits', () => HttpResponse.json([])),
      http.post('/api/garages/1/permits', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(fixture.permit(december), { status: 201 });
      }),
    );
    renderWithOutbox(<PermitsScreen />);
    await screen.findByText(/No permits yet/);
    type('Holder', 'Acme Corp');
    type('Plates', 'abc 123, XYZ-789');
    type('First day', '2026-12-01');
    type('Last day', '2026-12-31');
    fireEvent.click(screen.getByRole('button', { name: 'Add permit' }));
    expect((await screen.findByTestId('permit-8')).textContent).toContain('Acme Corp');
    expect(sent).toEqual({ holder: 'Acme Corp', plates: ['ABC 123', 'XYZ-789'], note: null, ...december });
  });

  it('imports a CSV file as text and shows each wrong line the server names', async () => {
    let sent: unknown;
    server.use(
      http.get('/api/garages/1/permits', () => HttpResponse.json([])),
      http.post('/api/garages/1/permits/import', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(
          apiError('validation_failed', 'Nothing imported: line 3: holder: Say whose permit it is (and 1 more)', [
            { path: 'line 3: holder', message: 'Say whose permit it is' },
            { path: 'line 4: validTo', message: 'validTo is after validFrom' },
          ]),
          { status: 400 },
        );
      }),
    );
    renderWithOutbox(<PermitsScreen />);
    await screen.findByText(/No permits yet/);
    const csv = 'holder,plates,valid_from,valid_to\nAcme,ABC123,2026-12-01T05:00:00Z,2027-01-01T05:00:00Z\n,XYZ789,2026-12-01T05:00:00Z,2027-01-01T05:00:00Z\n';
    fireEvent.change(screen.getByLabelText('CSV file'), { target: { files: [new File([csv], 'permits.csv', { type: 'text/csv' })] } });
    fireEvent.click(screen.getByRole('button', { name: 'Import CSV' }));

    expect((await screen.findByRole('alert')).textContent).toBe('Nothing was imported: fix these 2 lines in permits.csv and import it again.');
    expect(within(screen.getByTestId('import-lines')).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'line 3: holder: Say whose permit it is',
      'line 4: validTo: validTo is after validFrom',
    ]);
    expect(sent).toEqual({ csv });
  });

  it('says how many permits an import added and lists them', async () => {
    server.use(
      http.get('/api/garages/1/permits', () => HttpResponse.json([])),
      http.post('/api/garages/1/permits/import', () => HttpResponse.json({ imported: 2, permits: [fixture.permit(december), fixture.permit({ id: 9, holder: 'Bo Chen', ...december })] }, { status: 201 })),
    );
    renderWithOutbox(<PermitsScreen />);
    await screen.findByText(/No permits yet/);
    fireEvent.change(screen.getByLabelText('CSV file'), { target: { files: [new File(['holder,plates,valid_from,valid_to\n'], 'two.csv')] } });
    fireEvent.click(screen.getByRole('button', { name: 'Import CSV' }));
    expect((await screen.findByRole('status')).textContent).toBe('Imported 2 permits from two.csv.');
    expect(screen.getByTestId('permit-9')).toBeTruthy();
  });

  it('renews to a new last day, suspends, and cancels after a confirm', async () => {
    const patches: unknown[] = [];
    let after = fixture.permit(december);
    server.use(
      http.get('/api/garages/1/permits', () => HttpResponse.json([after])),
      http.patch('/api/garages/1/permits/:id', async ({ request }) => {
        const body = (await request.json()) as Record<string, string>;
        patches.push(body);
        after = fixture.permit({ ...december, ...body });
        return HttpResponse.json(after);
      }),
    );
    renderWithOutbox(<PermitsScreen />);
    const row = await screen.findByTestId('permit-8');
    fireEvent.click(within(row).getByRole('button', { name: 'Renew…' }));
    // a month's last day renews to the next month's last day
    expect(within(row).getByLabelText<HTMLInputElement>('New last day').value).toBe('2027-01-31');
    fireEvent.click(within(row).getByRole('button', { name: 'Renew' }));
    await waitFor(() => expect(row.textContent).toContain('Dec 1, 2026 – Jan 31, 2027'));

    fireEvent.click(within(row).getByRole('button', { name: 'Suspend' }));
    await waitFor(() => expect(row.textContent).toContain('Acme Corp · Suspended'));

    fireEvent.click(within(row).getByRole('button', { name: 'Cancel…' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Yes, cancel it' }));
    await waitFor(() => expect(row.textContent).toContain('Acme Corp · Cancelled'));
    expect(within(row).queryByRole('button')).toBeNull();
    expect(patches).toEqual([{ validTo: '2027-02-01T05:00:00.000Z' }, { status: 'suspended' }, { status: 'cancelled' }]);
  });
});
