import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../../shared/auth.js';
import { expectAccessible } from '../../test/axe.js';
import { fixture } from '../../test/fixtures.js';
import { server } from '../../test/msw.js';
import { renderWithOutbox, resetAppState, signedIn } from '../../test/render.js';
import { AuditPage } from '../lib/audit-api.js';
import { navigate } from '../lib/router.js';
import { AuditScreen } from './audit.js';

/** An audit row as the server sends it. */
const entry = (over: Partial<AuditEntry> & Pick<AuditEntry, 'id'>): AuditEntry =>
  AuditEntry.parse({ at: '2026-11-23T19:05:00.000Z', actor: 'user:7', source: 'pwa', action: 'ticket.exit', subject: 'PS-7K3QXM', details: {}, ...over });

const page = (entries: AuditEntry[], nextBefore: number | null = null) => AuditPage.parse({ entries, nextBefore });

/** Answers GET …/audit with `pages` in turn; gives back each request's query. */
function answerAudit(...pages: AuditPage[]) {
  const asked: URLSearchParams[] = [];
  server.use(
    http.get('/api/garages/1/audit', ({ request }) => {
      asked.push(new URL(request.url).searchParams);
      return HttpResponse.json(pages[Math.min(asked.length - 1, pages.length - 1)]);
    }),
  );
  return asked;
}

beforeEach(() => {
  resetAppState();
  navigate('/audit', { replace: true });
  // Garage 1 keeps New York time (the fixture garage's timezone).
  signedIn(fixture.user({ role: 'manager' }));
});

describe('Audit', () => {
  it('lists entries in words, newest first, with the time on the garage clock and where they came from', async () => {
    answerAudit(
      page([
        entry({ id: 12, action: 'ticket.exit', subject: 'PS-7K3QXM' }),
        entry({ id: 11, action: 'alert.mute', subject: 'garage_full', source: 'slack', actor: 'slack:U0MIA' }),
        entry({ id: 10, action: 'auth.login', subject: 'ana', at: '2026-11-23T13:00:00.000Z' }),
        entry({ id: 9, action: 'made.up', subject: 'x1', actor: 'system', source: 'system' }),
      ]),
    );
    renderWithOutbox(<AuditScreen />);
    const list = await screen.findByTestId('audit-list');
    expect(within(list).getAllByTestId('audit-entry').map((e) => e.textContent)).toEqual([
      'ana checked out PS-7K3QXM',
      'Slack user U0MIA muted “Garage full” alerts',
      'ana signed in',
      'ParkOps: made.up (x1)',
    ]);
    // 19:05 UTC is 2:05 PM in New York.
    expect(list.querySelector('time')?.textContent).toBe('Nov 23, 2:05 PM · in the app');
    expect(screen.queryByRole('button', { name: 'Show older' })).toBeNull();
    await expectAccessible();
  });

  it('sends the filters in the query string, dates read as whole days on the garage clock', async () => {
    const asked = answerAudit(page([entry({ id: 10, action: 'auth.login', subject: 'ana' })]), page([entry({ id: 12 })]));
    renderWithOutbox(<AuditScreen />);
    await screen.findByTestId('audit-list');
    expect(asked[0]?.toString()).toBe('limit=50');
    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'ticket.exit' } });
    fireEvent.change(screen.getByLabelText('Person'), { target: { value: 'user:7' } });
    fireEvent.input(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
    fireEvent.input(screen.getByLabelText('To'), { target: { value: '2026-11-02' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show entries' }));
    await waitFor(() => expect(asked).toHaveLength(2));
    const q = asked[1]!;
    expect(q.get('action')).toBe('ticket.exit');
    expect(q.get('actor')).toBe('user:7');
    // New York: Nov 1 starts in summer time (UTC-4); Nov 3 in winter time (UTC-5).
    expect(q.get('since')).toBe('2026-11-01T04:00:00.000Z');
    expect(q.get('until')).toBe('2026-11-03T05:00:00.000Z');
    expect(q.get('before')).toBeNull();
    expect(await screen.findByText('ana checked out PS-7K3QXM')).toBeTruthy();
  });

  it('refuses a To before From without asking the server', async () => {
    const asked = answerAudit(page([]));
    renderWithOutbox(<AuditScreen />);
    expect((await screen.findByTestId('audit-empty')).textContent).toBe('Nothing recorded yet.');
    fireEvent.input(screen.getByLabelText('From'), { target: { value: '2026-11-10' } });
    fireEvent.input(screen.getByLabelText('To'), { target: { value: '2026-11-02' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show entries' }));
    expect(await screen.findByText('To is before From')).toBeTruthy();
    expect(screen.getByLabelText('To').getAttribute('aria-invalid')).toBe('true');
    expect(asked).toHaveLength(1);
  });

  it('"Show older" asks for the page before the last one shown, with the same filters, and adds it below', async () => {
    const asked = answerAudit(page([entry({ id: 60, subject: 'PS-AAAAAA' }), entry({ id: 59, subject: 'PS-BBBBBB' })], 59), page([entry({ id: 58, subject: 'PS-CCCCCC' })]));
    renderWithOutbox(<AuditScreen />);
    await screen.findByTestId('audit-list');
    fireEvent.click(screen.getByRole('button', { name: 'Show older' }));
    await waitFor(() => expect(screen.getAllByTestId('audit-entry')).toHaveLength(3));
    expect(asked[1]?.get('before')).toBe('59');
    expect(asked[1]?.get('limit')).toBe('50');
    expect(screen.getAllByTestId('audit-entry').map((e) => e.textContent)).toEqual(['Staff #7 checked out PS-AAAAAA', 'Staff #7 checked out PS-BBBBBB', 'Staff #7 checked out PS-CCCCCC']);
    expect(screen.queryByRole('button', { name: 'Show older' })).toBeNull();
    expect(screen.getByText('That is the oldest entry.')).toBeTruthy();
  });

  it('admins see people by their account names', async () => {
    signedIn(fixture.user({ id: 1, username: 'admin', role: 'admin' }));
    server.use(http.get('/api/users', () => HttpResponse.json([fixture.user({ id: 7, username: 'ana' }), fixture.user({ id: 1, username: 'admin', role: 'admin' })])));
    answerAudit(page([entry({ id: 3, actor: 'user:7', action: 'ticket.enter', subject: 'PS-7K3QXM' })]));
    renderWithOutbox(<AuditScreen />);
    expect(await screen.findByText('ana issued ticket PS-7K3QXM')).toBeTruthy();
    expect(within(screen.getByLabelText('Person')).getAllByRole('option').map((o) => o.textContent)).toEqual(['Anyone', 'admin', 'ana', 'ParkOps']);
  });
});
