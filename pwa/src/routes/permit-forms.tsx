import { useSignal } from '@preact/signals';
import { FieldIssue } from '../../../shared/errors.js';
import { localDate } from '../../../shared/garage-day.js';
import { PermitBody, type Permit } from '../../../shared/permits.js';
import { FormField } from '../components/form-field.js';
import { ApiFailure } from '../lib/api.js';
import { bookingsApi as api } from '../lib/bookings-api.js';
import { describeFailure } from '../lib/failure-text.js';
import { endOfDay, isDay, nextMonth, startOfDay } from '../lib/permit-dates.js';
import { issuesOf, refusalOf, type Issues } from '../lib/refusal-fields.js';

/** The most a CSV may hold (the server takes at most 60,000 characters). */
const MAX_CSV_CHARS = 60_000;

/** Plates as typed: separated by commas, semicolons or new lines. */
const platesOf = (text: string) => text.split(/[,;\n]/).map((p) => p.trim()).filter(Boolean);

/** Add a permit: the holder, its plates, the first and last day it covers (garage days), a note. */
export function PermitForm({ garageId, timeZone, now, onAdded }: { garageId: number; timeZone: string; now: () => Date; onAdded: (p: Permit) => void }) {
  const today = localDate(now(), timeZone);
  const holder = useSignal('');
  const plates = useSignal('');
  const first = useSignal(today);
  const last = useSignal(nextMonth(today));
  const note = useSignal('');
  const issues = useSignal<Issues>({});
  const busy = useSignal(false);

  async function add(event: Event) {
    event.preventDefault();
    const found: Issues = {};
    if (!isDay(first.value)) found.validFrom = 'Pick the first day';
    if (!isDay(last.value)) found.validTo = 'Pick the last day';
    const body = {
      holder: holder.value,
      plates: platesOf(plates.value),
      validFrom: isDay(first.value) ? startOfDay(first.value, timeZone) : '',
      validTo: isDay(last.value) ? endOfDay(last.value, timeZone) : '',
      note: note.value.trim() === '' ? null : note.value.trim(),
    };
    const checked = PermitBody.safeParse(body);
    if (!checked.success) for (const [path, message] of Object.entries(issuesOf(checked.error))) found[path.split('.')[0] ?? path] ??= path.startsWith('plates.') ? `${message} (${body.plates[Number(path.split('.')[1])] ?? ''})` : message;
    if (found.validTo === 'validTo is after validFrom') found.validTo = 'The last day is on or after the first';
    issues.value = found;
    if (Object.keys(found).length > 0) return;
    busy.value = true;
    try {
      onAdded(await api.addPermit(garageId, body));
      holder.value = '';
      plates.value = '';
      note.value = '';
    } catch (failure) {
      issues.value = refusalOf(failure, { whole: true });
    } finally {
      busy.value = false;
    }
  }

  return (
    <form onSubmit={add} noValidate aria-labelledby="add-permit-title">
      <h2 id="add-permit-title">Add a permit</h2>
      <FormField id="permit-holder" label="Holder" hint="A person or a company, e.g. Acme Corp" issue={issues.value.holder} maxLength={120} value={holder.value} onValue={(v) => (holder.value = v)} />
      <FormField id="permit-plates" label="Plates" hint="Separated by commas, e.g. ABC 123, XYZ 789 (one car inside at a time)" issue={issues.value.plates} value={plates.value} onValue={(v) => (plates.value = v.toUpperCase())} />
      <div class="pair">
        <FormField id="permit-from" label="First day" type="date" issue={issues.value.validFrom} value={first.value} onValue={(v) => (first.value = v)} />
        <FormField id="permit-to" label="Last day" type="date" issue={issues.value.validTo} value={last.value} onValue={(v) => (last.value = v)} />
      </div>
      <FormField id="permit-note" label="Note (optional)" issue={issues.value.note} maxLength={500} value={note.value} onValue={(v) => (note.value = v)} />
      {issues.value[''] && (
        <p class="error" role="alert">
          {issues.value['']}
        </p>
      )}
      <button type="submit" class="button" disabled={busy.value}>
        Add permit
      </button>
    </form>
  );
}

/**
 * Import permits from a CSV file: the file's text is sent as it is; the server adds every row or
 * none, and each wrong line it names is listed here to fix.
 */
export function PermitImport({ garageId, onImported }: { garageId: number; onImported: (permits: Permit[]) => void }) {
  const file = useSignal<File | null>(null);
  const lines = useSignal<string[]>([]);
  const problem = useSignal<string | null>(null);
  const done = useSignal<string | null>(null);
  const busy = useSignal(false);

  async function send(event: Event) {
    event.preventDefault();
    lines.value = [];
    problem.value = null;
    done.value = null;
    const chosen = file.value;
    if (!chosen) {
      problem.value = 'Choose a CSV file first.';
      return;
    }
    busy.value = true;
    try {
      const csv = await chosen.text();
      if (csv.trim() === '') problem.value = `${chosen.name} is empty.`;
      else if (csv.length > MAX_CSV_CHARS) problem.value = `${chosen.name} is too long for one import (at most ${MAX_CSV_CHARS.toLocaleString('en-US')} characters): split it into smaller files.`;
      else {
        const answer = await api.importPermits(garageId, csv);
        done.value = `Imported ${answer.imported} ${answer.imported === 1 ? 'permit' : 'permits'} from ${chosen.name}.`;
        onImported(answer.permits);
      }
    } catch (failure) {
      const wrong = failure instanceof ApiFailure ? failure.details.map((d) => FieldIssue.safeParse(d)).flatMap((i) => (i.success ? [`${i.data.path}: ${i.data.message}`] : [])) : [];
      if (wrong.length > 0) {
        problem.value = `Nothing was imported: fix ${wrong.length === 1 ? 'this line' : `these ${wrong.length} lines`} in ${chosen.name} and import it again.`;
        lines.value = wrong;
      } else problem.value = failure instanceof ApiFailure ? refusalOf(failure)[''] ?? failure.message : describeFailure(failure);
    } finally {
      busy.value = false;
    }
  }

  return (
    <form onSubmit={send} noValidate aria-labelledby="import-title">
      <h2 id="import-title">Import CSV</h2>
      <p class="muted small">
        A header row, then one permit a row: holder, plates (separated by semicolons), valid_from, valid_to (times as Export CSV writes them, e.g.
        2026-12-01T05:00:00Z), note. All rows are added, or none.
      </p>
      <div class="field">
        <label for="permit-file">CSV file</label>
        <input
          id="permit-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            file.value = e.currentTarget.files?.[0] ?? null;
            lines.value = [];
            problem.value = null;
            done.value = null;
          }}
        />
      </div>
      {problem.value && (
        <p class="error" role="alert">
          {problem.value}
        </p>
      )}
      {lines.value.length > 0 && (
        <ul class="error" aria-label="Lines to fix" data-testid="import-lines">
          {lines.value.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
      {done.value && (
        <p class="ok" role="status">
          {done.value}
        </p>
      )}
      <button type="submit" class="button" disabled={busy.value}>
        {busy.value ? 'Importing…' : 'Import CSV'}
      </button>
    </form>
  );
}
