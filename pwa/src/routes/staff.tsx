import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { CreateUserBody, ROLES, type Role, type User } from '../../../shared/auth.js';
import { ChoiceGroup } from '../components/choice-group.js';
import { FormField } from '../components/form-field.js';
import { ApiFailure } from '../lib/api.js';
import { describeFailure } from '../lib/failure-text.js';
import { currentGarageId, myGarages, refreshGarages } from '../lib/garage-choice.js';
import { fieldRefusals } from '../lib/field-refusals.js';
import { issuesOf, type Issues } from '../lib/refusal-fields.js';
import { staffApi } from '../lib/staff-api.js';
import { ROLE_NAMES, StaffAccount } from './staff-account.js';
import './manage.css';

type Draft = { username: string; role: Role; password: string; garageIds: number[] };

/** Admins: add a staff account — username, role, a temporary password and the garages they work in. */
function AddStaff({ onAdded }: { onAdded: (user: User) => void }) {
  const start = (): Draft => ({ username: '', role: 'attendant', password: '', garageIds: currentGarageId.value === null ? [] : [currentGarageId.value] });
  const draft = useSignal<Draft>(start());
  const issues = useSignal<Issues>({});
  const busy = useSignal(false);
  const said = useSignal<string | null>(null);
  const d = draft.value;
  const set = (change: Partial<Draft>) => (draft.value = { ...draft.value, ...change });

  async function add(event: Event) {
    event.preventDefault();
    said.value = null;
    const body = { username: d.username, role: d.role, password: d.password, garageIds: d.garageIds, ...(d.garageIds[0] ? { defaultGarageId: d.garageIds[0] } : {}) };
    const checked = CreateUserBody.safeParse(body);
    if (!checked.success) {
      issues.value = issuesOf(checked.error);
      return;
    }
    issues.value = {};
    busy.value = true;
    try {
      const user = await staffApi.add(checked.data);
      onAdded(user);
      draft.value = start();
      said.value = `Added ${user.username} (${ROLE_NAMES[user.role].toLowerCase()}). Give them the temporary password; they can sign in now.`;
    } catch (failure) {
      // A taken username is said under the username; any other refusal under the field it names.
      issues.value = failure instanceof ApiFailure && failure.code === 'already_exists' ? { username: failure.message } : fieldRefusals(failure);
    } finally {
      busy.value = false;
    }
  }

  return (
    <form onSubmit={add} noValidate aria-labelledby="add-staff-title">
      <h2 id="add-staff-title">Add a staff account</h2>
      <FormField id="new-username" label="Username" hint="3 to 40 of a-z, 0-9, dot, underscore and dash" issue={issues.value.username} value={d.username} onValue={(v) => set({ username: v })} maxLength={60} />
      <ChoiceGroup legend="Role" name="new-role" options={ROLES} value={d.role} onChange={(r) => set({ role: r })} labelOf={(r) => ROLE_NAMES[r]} />
      {issues.value.role && <p class="error">{issues.value.role}</p>}
      <FormField id="new-password" label="Temporary password" hint="At least 8 characters; tell them, and they sign in with it" issue={issues.value.password} value={d.password} onValue={(v) => set({ password: v })} />
      <fieldset class="garage-checks" aria-describedby="new-garages-said">
        <legend>Garages they work in</legend>
        {myGarages.value.map((g) => (
          <div class="switch-row" key={g.id}>
            <input
              id={`new-garage-${g.id}`}
              type="checkbox"
              checked={d.garageIds.includes(g.id)}
              onChange={(e) => set({ garageIds: e.currentTarget.checked ? [...d.garageIds, g.id] : d.garageIds.filter((id) => id !== g.id) })}
            />
            <label for={`new-garage-${g.id}`}>{g.name}</label>
          </div>
        ))}
        <p id="new-garages-said" class={issues.value.garageIds || issues.value.defaultGarageId ? 'error' : 'muted small'}>
          {issues.value.garageIds ?? issues.value.defaultGarageId ?? 'The first one checked is where they start. Admins work in every garage.'}
        </p>
      </fieldset>
      {issues.value[''] && (
        <p class="error" role="alert">
          {issues.value['']}
        </p>
      )}
      <button type="submit" class="button button-primary" disabled={busy.value}>
        {busy.value ? 'Adding…' : 'Add account'}
      </button>
      {said.value && (
        <p class="ok" role="status">
          {said.value}
        </p>
      )}
    </form>
  );
}

/** Admins: every staff account (role, status, Slack user, garages), changed one at a time, and a form to add one. */
export function StaffScreen() {
  const users = useSignal<User[] | null>(null);
  const problem = useSignal<string | null>(null);

  useEffect(() => {
    staffApi.list().then(
      (list) => (users.value = list),
      (failure: unknown) => (problem.value = describeFailure(failure)),
    );
    // The garages by name, for each account's list and the add form's choices.
    refreshGarages().catch((failure: unknown) => console.warn("the garages' names could not be fetched; the ones last seen stay", failure));
  }, []);

  const replace = (after: User) => (users.value = (users.value ?? []).map((u) => (u.id === after.id ? after : u)));
  const added = (user: User) => (users.value = [...(users.value ?? []), user].sort((a, b) => a.username.localeCompare(b.username)));

  return (
    <main id="main" class="screen manage staff">
      <h1>Staff</h1>
      {problem.value && (
        <p class="error" role="alert">
          {problem.value}
        </p>
      )}
      <h2>Accounts</h2>
      {users.value ? (
        <ul class="manage-list" data-testid="staff-list" aria-label="Staff accounts">
          {users.value.map((u) => (
            <StaffAccount key={u.id} user={u} onChanged={replace} />
          ))}
        </ul>
      ) : (
        !problem.value && <p role="status">Loading the staff accounts…</p>
      )}
      <AddStaff onAdded={added} />
    </main>
  );
}
