import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { formatCents } from '../../../shared/format.js';
import type { Garage } from '../../../shared/garages.js';
import { FormField } from '../components/form-field.js';
import { api } from '../lib/api.js';
import { describeFailure } from '../lib/failure-text.js';
import { currentGarageId, myGarages, pickGarage, refreshGarages, rememberGarage } from '../lib/garage-choice.js';
import { garageTimeZone } from '../lib/garage.js';
import { addGarage } from '../lib/garages-admin-api.js';
import { fieldRefusals } from '../lib/field-refusals.js';
import type { Issues } from '../lib/refusal-fields.js';
import { checkSession } from '../lib/session.js';
import { emptyGarageDraft, readGarageChange, readNewGarage, toGarageDraft, type GarageDraft } from './garages-admin-form.js';
import './manage.css';

/** The fields of the garage form, with ids prefixed by `prefix` (one form per garage being edited). */
function GarageFields({ prefix, draft, issues, onDraft }: { prefix: string; draft: GarageDraft; issues: Issues; onDraft: (d: GarageDraft) => void }) {
  const field = (name: keyof GarageDraft, label: string, hint: string, inputMode?: 'decimal' | 'numeric') => (
    <FormField id={`${prefix}-${name}`} label={label} hint={hint} inputMode={inputMode} issue={issues[name]} value={draft[name]} onValue={(v) => onDraft({ ...draft, [name]: v })} />
  );
  return (
    <>
      {field('name', 'Name', 'Shown in the header, the picker and the public feed')}
      {field('address', 'Address (optional)', 'Street, number and city')}
      {field('totalSpaces', 'Spaces', 'How many cars fit', 'numeric')}
      {field('hourlyRate', 'Hourly rate ($)', 'Dollars per started hour; the Rates screen refines it', 'decimal')}
      {field('timezone', 'Timezone', 'IANA name, e.g. America/New_York: its days and clock')}
      {field('slackManagersChannel', "Managers' Slack channel (optional)", 'Like C0123ABCD: where its summary, approvals and alerts go')}
    </>
  );
}

/** One garage: its figures, and (opened) its form. Saves only what changed. */
function GarageRow({ garage, editing, onEdit }: { garage: Garage; editing: boolean; onEdit: (open: boolean) => void }) {
  const draft = useSignal(toGarageDraft(garage));
  const issues = useSignal<Issues>({});
  const busy = useSignal(false);
  const said = useSignal<{ ok: boolean; text: string } | null>(null);
  const prefix = `garage-${garage.id}`;

  async function save(event: Event) {
    event.preventDefault();
    said.value = null;
    const read = readGarageChange(draft.value, garage);
    if ('issues' in read) {
      issues.value = read.issues;
      said.value = { ok: false, text: 'Nothing was saved; fix the fields marked above.' };
      return;
    }
    issues.value = {};
    if (Object.keys(read.update).length === 0) {
      said.value = { ok: true, text: 'Nothing changed.' };
      return;
    }
    busy.value = true;
    try {
      const after = await api.updateGarage(garage.id, read.update);
      rememberGarage(after);
      draft.value = toGarageDraft(after);
      const tariff = read.update.hourlyRate !== undefined || read.update.timezone !== undefined;
      said.value = { ok: true, text: `Saved ${after.name}.${tariff ? ' A new rate applies to cars entering from now on; cars inside keep theirs.' : ''}` };
    } catch (failure) {
      issues.value = fieldRefusals(failure);
      said.value = { ok: false, text: `${issues.value[''] ?? 'The server refused the fields marked above.'} Nothing was saved; your changes are still in the form.` };
    } finally {
      busy.value = false;
    }
  }

  return (
    <li data-testid={`garage-row-${garage.id}`}>
      <h3>{garage.name}</h3>
      <p class="muted small">
        {garage.totalSpaces} spaces · {formatCents(garage.hourlyRate)}/h · {garage.timezone}
        {garage.address && ` · ${garage.address}`}
        {garage.publicFeed && ' · in the public feed'}
      </p>
      <button
        type="button"
        class="button"
        aria-expanded={editing}
        onClick={() => {
          // Opened: the form starts from the garage as last listed.
          if (!editing) [draft.value, issues.value, said.value] = [toGarageDraft(garage), {}, null];
          onEdit(!editing);
        }}
      >
        {editing ? `Close ${garage.name}` : `Edit ${garage.name}…`}
      </button>
      {editing && (
        <form onSubmit={save} noValidate aria-label={`Edit ${garage.name}`}>
          <GarageFields prefix={prefix} draft={draft.value} issues={issues.value} onDraft={(d) => (draft.value = d)} />
          <button type="submit" class="button button-primary" disabled={busy.value}>
            {busy.value ? 'Saving…' : `Save ${garage.name}`}
          </button>
          {said.value && (
            <p class={said.value.ok ? 'ok' : 'error'} role={said.value.ok ? 'status' : 'alert'}>
              {said.value.text}
            </p>
          )}
        </form>
      )}
    </li>
  );
}

/** Admins: add a garage; it is in the list, and in everyone's garage picker who may use it, at once. */
function AddGarage() {
  const draft = useSignal(emptyGarageDraft(garageTimeZone.value));
  const issues = useSignal<Issues>({});
  const busy = useSignal(false);
  const said = useSignal<{ ok: boolean; text: string } | null>(null);

  async function add(event: Event) {
    event.preventDefault();
    said.value = null;
    const read = readNewGarage(draft.value);
    if ('issues' in read) {
      issues.value = read.issues;
      said.value = { ok: false, text: 'Nothing was added; fix the fields marked above.' };
      return;
    }
    issues.value = {};
    busy.value = true;
    try {
      const created = await addGarage(read.body);
      rememberGarage(created);
      // The garage on screen stays on screen: an admin who had one garage (so never picked it) would
      // otherwise be sent to the picker once the session says they may use two.
      const here = currentGarageId.value;
      if (here !== null) pickGarage(here);
      draft.value = emptyGarageDraft(created.timezone);
      said.value = { ok: true, text: `Added ${created.name}. Pick it from the garage name at the top to work in it.` };
      // The server's list and who this admin is now (their garages include the new one): the picker offers it.
      await Promise.all([refreshGarages(), checkSession()]).catch((failure: unknown) => console.warn('the garage list could not be refreshed after adding one', failure));
    } catch (failure) {
      issues.value = fieldRefusals(failure);
      said.value = { ok: false, text: `${issues.value[''] ?? 'The server refused the fields marked above.'} Nothing was added; what you typed is still in the form.` };
    } finally {
      busy.value = false;
    }
  }

  return (
    <form onSubmit={add} noValidate aria-labelledby="add-garage-title">
      <h2 id="add-garage-title">Add a garage</h2>
      <GarageFields prefix="new-garage" draft={draft.value} issues={issues.value} onDraft={(d) => (draft.value = d)} />
      <button type="submit" class="button button-primary" disabled={busy.value}>
        {busy.value ? 'Adding…' : 'Add garage'}
      </button>
      {said.value && (
        <p class={said.value.ok ? 'ok' : 'error'} role={said.value.ok ? 'status' : 'alert'}>
          {said.value.text}
        </p>
      )}
    </form>
  );
}

/**
 * Admins: every garage with its spaces, rate and timezone; one opened to change it, and a form to add
 * one. Location and the public feed stay on the Garage screen of the garage on screen.
 */
export function GaragesAdminScreen() {
  const problem = useSignal<string | null>(null);
  const loaded = useSignal(false);
  const editing = useSignal<number | null>(null);

  useEffect(() => {
    refreshGarages().then(
      () => (loaded.value = true),
      (failure: unknown) => (problem.value = `${describeFailure(failure)} Showing the garages as this phone last saw them.`),
    );
  }, []);

  const garages = myGarages.value;
  return (
    <main id="main" class="screen manage garages-admin">
      <h1>Garages</h1>
      {problem.value && (
        <p class="error" role="alert">
          {problem.value}
        </p>
      )}
      <h2>Every garage</h2>
      {!loaded.value && !problem.value && <p role="status">Loading the garages…</p>}
      <ul class="manage-list" data-testid="garages-admin-list" aria-label="Garages">
        {garages.map((g) => (
          <GarageRow key={g.id} garage={g} editing={editing.value === g.id} onEdit={(open) => (editing.value = open ? g.id : null)} />
        ))}
      </ul>
      <AddGarage />
    </main>
  );
}
