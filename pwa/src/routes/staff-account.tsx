import { useSignal } from '@preact/signals';
import type { z } from 'zod';
import { Role, ROLES, type UpdateUserBody, type User } from '../../../shared/auth.js';
import { FormField } from '../components/form-field.js';
import { ApiFailure } from '../lib/api.js';
import { garageName, myGarages } from '../lib/garage-choice.js';
import { fieldRefusals } from '../lib/field-refusals.js';
import type { Issues } from '../lib/refusal-fields.js';
import { staffApi } from '../lib/staff-api.js';
import { ConfirmStep } from '../components/confirm-step.js';

/** Each role in words. */
export const ROLE_NAMES: Record<Role, string> = { attendant: 'Attendant', manager: 'Manager', admin: 'Admin' };

/** Which field of the card a change is about: its refusal is said under that field. */
type Part = 'role' | 'password' | 'slackUserId' | 'disabled' | 'garageIds';

/** What a change did, said under the card. */
function doneText(change: z.input<typeof UpdateUserBody>, after: User): string {
  if (change.role) return `${after.username} is now ${ROLE_NAMES[after.role].toLowerCase()}.`;
  if (change.password) return `Password reset. ${after.username} is signed out everywhere and signs in with the new one.`;
  if (change.disabled === true) return `${after.username} is disabled and signed out everywhere.`;
  if (change.disabled === false) return `${after.username} can sign in again.`;
  if (change.garageIds) return `${after.username} works in ${after.garageIds.map(garageName).join(', ')}.`;
  if (change.slackUserId === null) return `Slack user unlinked from ${after.username}.`;
  return `Slack user ${after.slackUserId ?? ''} linked to ${after.username}.`;
}

/**
 * One staff account: role, status, Slack user, garages; and what an admin changes on it — role,
 * password reset, Slack link, disable (after a confirmation) or enable. A refusal is said under the
 * field it is about, in the server's words.
 */
export function StaffAccount({ user, onChanged }: { user: User; onChanged: (after: User) => void }) {
  const role = useSignal<Role>(user.role);
  const password = useSignal('');
  const slack = useSignal(user.slackUserId ?? '');
  const confirming = useSignal(false);
  const busy = useSignal(false);
  const issues = useSignal<Partial<Record<Part | '', string>>>({});
  const said = useSignal<string | null>(null);
  const open = useSignal(false);
  const garageIds = useSignal<number[]>([...user.garageIds].sort((a, b) => a - b));
  const id = (part: string) => `staff-${user.id}-${part}`;

  async function change(part: Part, body: z.input<typeof UpdateUserBody>) {
    busy.value = true;
    issues.value = {};
    said.value = null;
    try {
      const after = await staffApi.update(user.id, body);
      onChanged(after);
      if (body.password) password.value = '';
      slack.value = after.slackUserId ?? '';
      role.value = after.role;
      garageIds.value = [...after.garageIds].sort((a, b) => a - b);
      confirming.value = false;
      said.value = doneText(body, after);
    } catch (failure) {
      // The server's sentence for the field, under that field; a refusal of the whole change (409, 403) there too.
      const refused: Issues = fieldRefusals(failure);
      const message = refused[part] ?? Object.values(refused)[0] ?? (failure instanceof ApiFailure ? failure.message : '');
      issues.value = { [part]: message };
    } finally {
      busy.value = false;
    }
  }

  const issue = (part: Part) =>
    issues.value[part] && (
      <p id={id(`${part}-said`)} class="error" role="alert">
        {issues.value[part]}
      </p>
    );

  return (
    <li data-testid={`staff-${user.username}`}>
      <h3>
        {user.username} {user.disabled && <span class="tag-off">(disabled)</span>}
      </h3>
      <p class="muted small">
        {ROLE_NAMES[user.role]} · {user.slackUserId ? `Slack ${user.slackUserId}` : 'no Slack user'} · {user.garageIds.map(garageName).join(', ') || 'no garage'}
      </p>
      <button type="button" class="button" aria-expanded={open.value} aria-controls={open.value ? id('edit') : undefined} onClick={() => (open.value = !open.value)}>
        {open.value ? `Close ${user.username}` : `Change ${user.username}…`}
      </button>
      {open.value && (
        <div id={id('edit')}>
          <div class="field">
            <label for={id('role')}>Role of {user.username}</label>
            <select
              id={id('role')}
              value={role.value}
              aria-describedby={issues.value.role ? id('role-said') : undefined}
              onChange={(e) => {
                const picked = Role.safeParse(e.currentTarget.value);
                if (picked.success) role.value = picked.data;
              }}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_NAMES[r]}
                </option>
              ))}
            </select>
            {issue('role')}
            <button type="button" class="button" disabled={busy.value || role.value === user.role} onClick={() => void change('role', { role: role.value })}>
              Change role
            </button>
          </div>
          <FormField id={id('password')} label={`New temporary password for ${user.username}`} hint="At least 8 characters; tell them, and they sign in with it" issue={issues.value.password} value={password.value} onValue={(v) => (password.value = v)} />
          <button type="button" class="button" disabled={busy.value || password.value === ''} onClick={() => void change('password', { password: password.value })}>
            Reset password
          </button>
          <FormField id={id('slack')} label={`Slack user id of ${user.username}`} hint="Like U012ABCDEF (in Slack: their profile, ⋮, Copy member ID)" issue={issues.value.slackUserId} value={slack.value} onValue={(v) => (slack.value = v)} maxLength={40} />
          <div class="row">
            <button type="button" class="button" disabled={busy.value || slack.value.trim() === '' || slack.value.trim() === user.slackUserId} onClick={() => void change('slackUserId', { slackUserId: slack.value.trim() })}>
              Link Slack user
            </button>
            {user.slackUserId && (
              <button type="button" class="button" disabled={busy.value} onClick={() => void change('slackUserId', { slackUserId: null })}>
                Unlink
              </button>
            )}
          </div>
          {user.role !== 'admin' && (
            <fieldset class="garage-checks" aria-describedby={id('garageIds-said')}>
              <legend>Garages {user.username} works in</legend>
              {myGarages.value.map((g) => (
                <div class="switch-row" key={g.id}>
                  <input
                    id={id(`garage-${g.id}`)}
                    type="checkbox"
                    checked={garageIds.value.includes(g.id)}
                    onChange={(e) => (garageIds.value = e.currentTarget.checked ? [...garageIds.value, g.id].sort((a, b) => a - b) : garageIds.value.filter((x) => x !== g.id))}
                  />
                  <label for={id(`garage-${g.id}`)}>{g.name}</label>
                </div>
              ))}
              <p id={id('garageIds-said')} class={issues.value.garageIds ? 'error' : 'muted small'}>
                {issues.value.garageIds ?? 'Where they start stays the same while they keep it; else the first one checked.'}
              </p>
              <button
                type="button"
                class="button"
                disabled={busy.value || garageIds.value.join() === [...user.garageIds].sort((a, b) => a - b).join()}
                onClick={() =>
                  void change('garageIds', { garageIds: garageIds.value, ...(garageIds.value[0] ? { defaultGarageId: garageIds.value.includes(user.defaultGarageId) ? user.defaultGarageId : garageIds.value[0] } : {}) })
                }
              >
                Save garages
              </button>
            </fieldset>
          )}
          {user.disabled ? (
            <button type="button" class="button" disabled={busy.value} onClick={() => void change('disabled', { disabled: false })}>
              Enable {user.username}
            </button>
          ) : confirming.value ? (
            <ConfirmStep
              label={`Disable ${user.username}?`}
              question={`Disable ${user.username}? They are signed out everywhere at once and cannot sign in until an admin enables them.`}
              yes={`Yes, disable ${user.username}`}
              keep="Keep the account"
              busy={busy.value}
              onYes={() => void change('disabled', { disabled: true })}
              onKeep={() => (confirming.value = false)}
            />
          ) : (
            <button type="button" class="button" disabled={busy.value} onClick={() => (confirming.value = true)}>
              Disable {user.username}…
            </button>
          )}
          {issue('disabled')}
        </div>
      )}
      {said.value && (
        <p class="ok" role="status">
          {said.value}
        </p>
      )}
    </li>
  );
}
