import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { SlackUserId, type User } from '../../../shared/auth.js';
import { describeIssues } from '../../../shared/errors.js';
import { expectAccessible } from '../../test/axe.js';
import { fixture } from '../../test/fixtures.js';
import { server } from '../../test/msw.js';
import { renderWithOutbox, resetAppState, signedIn } from '../../test/render.js';
import { pickGarage } from '../lib/garage-choice.js';
import { navigate } from '../lib/router.js';
import { StaffScreen } from './staff.js';

const mainStreet = fixture.garage({ id: 1, name: 'Main Street' });
const harbor = fixture.garage({ id: 2, name: 'Harbor Deck' });
const admin = fixture.user({ id: 1, username: 'admin', role: 'admin', garageIds: [1, 2] });
const ana = fixture.user({ id: 7, username: 'ana', role: 'attendant', garageIds: [1] });

/** The staff list, and each PATCH's body, answered with the account after the change (as the server would). */
function answerStaff(users: User[] = [admin, ana]) {
  const patches: { id: string; body: Record<string, unknown> }[] = [];
  server.use(
    http.get('/api/users', () => HttpResponse.json(users)),
    http.get('/api/garages', () => HttpResponse.json([mainStreet, harbor])),
    http.patch('/api/users/:id', async ({ params, request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      patches.push({ id: String(params.id), body });
      // The server's own schema decides a Slack id, and its 400 says why in its words.
      if ('slackUserId' in body && body.slackUserId !== null) {
        const checked = SlackUserId.safeParse(body.slackUserId);
        if (!checked.success) {
          const details = describeIssues(checked.error.issues).map((d) => ({ ...d, path: 'slackUserId' }));
          return HttpResponse.json({ code: 'validation_failed', message: `slackUserId: ${details[0]!.message}`, details }, { status: 400 });
        }
      }
      const before = users.find((u) => String(u.id) === params.id)!;
      const { password: _password, ...change } = body;
      return HttpResponse.json(fixture.user({ ...before, ...(change as Partial<User>) }));
    }),
  );
  return patches;
}

beforeEach(() => {
  resetAppState();
  navigate('/staff', { replace: true });
  signedIn(admin, [mainStreet, harbor]);
  pickGarage(1);
});

const card = async (username: string) => {
  const c = await screen.findByTestId(`staff-${username}`);
  fireEvent.click(within(c).getByRole('button', { name: `Change ${username}…` }));
  return c;
};

describe('Staff', () => {
  it('lists every account with its role, Slack user and garages by name', async () => {
    answerStaff([admin, fixture.user({ ...ana, slackUserId: 'U012ABCDEF', disabled: true })]);
    renderWithOutbox(<StaffScreen />);
    const row = await screen.findByTestId('staff-ana');
    expect(row.textContent).toContain('ana (disabled)');
    expect(row.textContent).toContain('Attendant · Slack U012ABCDEF · Main Street');
    expect((await screen.findByTestId('staff-admin')).textContent).toContain('Admin · no Slack user · Main Street, Harbor Deck');
    await expectAccessible();
    await card('ana');
    await expectAccessible();
  });

  it('adds an account with username, role, temporary password and garages; it joins the list', async () => {
    answerStaff();
    let sent: unknown;
    server.use(
      http.post('/api/users', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(fixture.user({ id: 9, username: 'milo', role: 'manager', garageIds: [1, 2] }), { status: 201 });
      }),
    );
    renderWithOutbox(<StaffScreen />);
    await screen.findByTestId('staff-list');
    fireEvent.input(screen.getByLabelText('Username'), { target: { value: ' Milo ' } });
    fireEvent.click(screen.getByLabelText('Manager'));
    fireEvent.input(screen.getByLabelText('Temporary password'), { target: { value: 'milo-manager-1' } });
    fireEvent.click(screen.getByLabelText('Harbor Deck'));
    fireEvent.click(screen.getByRole('button', { name: 'Add account' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/^Added milo \(manager\)/);
    expect(sent).toEqual({ username: 'milo', role: 'manager', password: 'milo-manager-1', garageIds: [1, 2], defaultGarageId: 1 });
    expect(screen.getByTestId('staff-milo')).toBeTruthy();
    expect((screen.getByLabelText('Username') as HTMLInputElement).value).toBe('');
  });

  it("checks the form on the phone, and shows a server 400's message next to its field, keeping the input", async () => {
    answerStaff();
    let posts = 0;
    server.use(
      http.post('/api/users', () => {
        posts += 1;
        return HttpResponse.json(
          { code: 'validation_failed', message: 'garageIds: there is no garage 2', details: [{ path: 'garageIds', message: 'unknown garage' }] },
          { status: 400 },
        );
      }),
    );
    renderWithOutbox(<StaffScreen />);
    await screen.findByTestId('staff-list');
    fireEvent.input(screen.getByLabelText('Username'), { target: { value: 'sam' } });
    fireEvent.input(screen.getByLabelText('Temporary password'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add account' }));
    expect(await screen.findByText('A password has at least 8 characters')).toBeTruthy();
    expect(posts).toBe(0);
    fireEvent.input(screen.getByLabelText('Temporary password'), { target: { value: 'long-enough-1' } });
    fireEvent.click(screen.getByLabelText('Harbor Deck'));
    fireEvent.click(screen.getByRole('button', { name: 'Add account' }));
    expect(await screen.findByText('There is no garage 2')).toBeTruthy();
    expect(posts).toBe(1);
    expect((screen.getByLabelText('Username') as HTMLInputElement).value).toBe('sam');
  });

  it('resets a password and changes a role, each sending only that change', async () => {
    const patches = answerStaff();
    renderWithOutbox(<StaffScreen />);
    const c = await card('ana');
    fireEvent.input(within(c).getByLabelText('New temporary password for ana'), { target: { value: 'fresh-pass-22' } });
    fireEvent.click(within(c).getByRole('button', { name: 'Reset password' }));
    expect(await within(c).findByText(/^Password reset\. ana is signed out everywhere/)).toBeTruthy();
    fireEvent.change(within(c).getByLabelText('Role of ana'), { target: { value: 'manager' } });
    fireEvent.click(within(c).getByRole('button', { name: 'Change role' }));
    expect(await within(c).findByText('ana is now manager.')).toBeTruthy();
    expect(patches).toEqual([
      { id: '7', body: { password: 'fresh-pass-22' } },
      { id: '7', body: { role: 'manager' } },
    ]);
    expect(c.textContent).toContain('Manager ·');
  });

  it('changes the garages someone works in, keeping where they start while they keep it', async () => {
    const patches = answerStaff();
    renderWithOutbox(<StaffScreen />);
    const c = await card('ana');
    fireEvent.click(within(c).getByLabelText('Harbor Deck'));
    fireEvent.click(within(c).getByRole('button', { name: 'Save garages' }));
    expect(await within(c).findByText('ana works in Main Street, Harbor Deck.')).toBeTruthy();
    fireEvent.click(within(c).getByLabelText('Main Street'));
    fireEvent.click(within(c).getByRole('button', { name: 'Save garages' }));
    await waitFor(() => expect(patches).toHaveLength(2));
    expect(patches.map((p) => p.body)).toEqual([
      { garageIds: [1, 2], defaultGarageId: 1 },
      { garageIds: [2], defaultGarageId: 2 },
    ]);
    // Admins work in every garage: nothing to choose.
    expect(within(await card('admin')).queryByRole('button', { name: 'Save garages' })).toBeNull();
  });

  it('asks before disabling, then sends disabled: true; enabling sends disabled: false', async () => {
    const patches = answerStaff();
    renderWithOutbox(<StaffScreen />);
    const c = await card('ana');
    fireEvent.click(within(c).getByRole('button', { name: 'Disable ana…' }));
    expect(patches).toEqual([]);
    expect(within(c).getByText(/^Disable ana\? They are signed out everywhere/)).toBeTruthy();
    await expectAccessible();
    fireEvent.click(within(c).getByRole('button', { name: 'Keep the account' }));
    fireEvent.click(within(c).getByRole('button', { name: 'Disable ana…' }));
    fireEvent.click(within(c).getByRole('button', { name: 'Yes, disable ana' }));
    expect(await within(c).findByText('ana is disabled and signed out everywhere.')).toBeTruthy();
    expect(patches).toEqual([{ id: '7', body: { disabled: true } }]);
    expect(c.textContent).toContain('ana (disabled)');
    fireEvent.click(within(c).getByRole('button', { name: 'Enable ana' }));
    expect(await within(c).findByText('ana can sign in again.')).toBeTruthy();
    expect(patches.map((p) => p.body)).toEqual([{ disabled: true }, { disabled: false }]);
  });

  it("links a Slack user; a malformed id gets the server's words under the field", async () => {
    const patches = answerStaff();
    renderWithOutbox(<StaffScreen />);
    const c = await card('ana');
    const field = within(c).getByLabelText('Slack user id of ana');
    fireEvent.input(field, { target: { value: 'ana@slack' } });
    fireEvent.click(within(c).getByRole('button', { name: 'Link Slack user' }));
    expect(await within(c).findByText('A Slack user id looks like U0123ABCD')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect((field as HTMLInputElement).value).toBe('ana@slack');
    fireEvent.input(field, { target: { value: ' U012ABCDEF ' } });
    fireEvent.click(within(c).getByRole('button', { name: 'Link Slack user' }));
    expect(await within(c).findByText('Slack user U012ABCDEF linked to ana.')).toBeTruthy();
    await waitFor(() => expect(patches.map((p) => p.body)).toEqual([{ slackUserId: 'ana@slack' }, { slackUserId: 'U012ABCDEF' }]));
    expect(field.getAttribute('aria-invalid')).toBeNull();
  });
});
