import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { FieldIssue } from '../../../shared/errors.js';
import type { GarageSettings, SettingsUpdate } from '../../../shared/garage.js';
import { api, ApiFailure } from '../lib/api.js';
import { describeFailure } from '../lib/failure-text.js';
import { centsToInput, parseDollars } from '../lib/money.js';

type Form = { hourlyRate: string; totalSpaces: string; timezone: string; graceMinutes: string; dailyMax: string };
type Field = keyof GarageSettings;

const toForm = (s: GarageSettings): Form => ({
  hourlyRate: centsToInput(s.hourlyRate),
  totalSpaces: String(s.totalSpaces),
  timezone: s.timezone,
  graceMinutes: String(s.graceMinutes),
  dailyMax: s.dailyMaxCents === null ? '' : centsToInput(s.dailyMaxCents),
});

/** Reads the form into the settings that changed, or the fields a person must fix. */
export function readSettingsForm(form: Form, before: GarageSettings): { update: SettingsUpdate } | { issues: Partial<Record<Field, string>> } {
  const issues: Partial<Record<Field, string>> = {};
  const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);
  const hourlyRate = parseDollars(form.hourlyRate);
  if (hourlyRate === null) issues.hourlyRate = 'Enter the rate in dollars, e.g. 10 or 12.50';
  const totalSpaces = whole(form.totalSpaces);
  if (totalSpaces === null) issues.totalSpaces = 'Enter a whole number of spaces';
  const graceMinutes = whole(form.graceMinutes);
  if (graceMinutes === null) issues.graceMinutes = 'Enter whole minutes, 0 for none';
  const dailyMaxCents = form.dailyMax.trim() === '' ? null : parseDollars(form.dailyMax);
  if (form.dailyMax.trim() !== '' && dailyMaxCents === null) issues.dailyMaxCents = 'Enter dollars, or leave empty for no daily maximum';
  if (Object.keys(issues).length) return { issues };
  const after: GarageSettings = { hourlyRate: hourlyRate!, totalSpaces: totalSpaces!, timezone: form.timezone.trim(), graceMinutes: graceMinutes!, dailyMaxCents };
  const update: SettingsUpdate = {};
  for (const key of Object.keys(after) as Field[]) {
    if (after[key] !== before[key]) Object.assign(update, { [key]: after[key] });
  }
  return { update };
}

const timeZones: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** Managers: hourly rate, spaces, timezone, grace and daily maximum. */
export function SettingsScreen() {
  const saved = useSignal<GarageSettings | null>(null);
  const form = useSignal<Form | null>(null);
  const issues = useSignal<Partial<Record<Field, string>>>({});
  const message = useSignal<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const busy = useSignal(false);

  useEffect(() => {
    api.settings().then(
      (s) => {
        saved.value = s;
        form.value = toForm(s);
      },
      (failure: unknown) => (message.value = { kind: 'error', text: describeFailure(failure) }),
    );
  }, []);

  async function save(event: Event) {
    event.preventDefault();
    if (!form.value || !saved.value) return;
    const read = readSettingsForm(form.value, saved.value);
    message.value = null;
    if ('issues' in read) {
      issues.value = read.issues;
      message.value = { kind: 'error', text: 'Fix the fields marked below; nothing was saved.' };
      return;
    }
    issues.value = {};
    if (Object.keys(read.update).length === 0) {
      message.value = { kind: 'ok', text: 'Nothing changed.' };
      return;
    }
    busy.value = true;
    try {
      const after = await api.updateSettings(read.update);
      saved.value = after;
      form.value = toForm(after);
      message.value = { kind: 'ok', text: 'Saved. A new rate applies to cars entering from now on; cars already inside keep theirs.' };
    } catch (failure) {
      if (failure instanceof ApiFailure && failure.code === 'validation_failed') {
        const byField: Partial<Record<Field, string>> = {};
        for (const d of failure.details) {
          const issue = FieldIssue.safeParse(d);
          if (issue.success) byField[issue.data.path as Field] = issue.data.message;
        }
        issues.value = byField;
      }
      message.value = { kind: 'error', text: `${describeFailure(failure)} Nothing was saved; your changes are still in the form.` };
    } finally {
      busy.value = false;
    }
  }

  const f = form.value;
  const field = (id: Field, name: keyof Form, label: string, hint: string, inputMode: 'decimal' | 'numeric' | 'text') => (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        inputMode={inputMode}
        list={id === 'timezone' ? 'timezones' : undefined}
        autocomplete="off"
        aria-invalid={issues.value[id] ? 'true' : undefined}
        aria-describedby={`${id}-hint`}
        value={f?.[name]}
        onInput={(e) => f && (form.value = { ...f, [name]: e.currentTarget.value })}
      />
      <p id={`${id}-hint`} class={issues.value[id] ? 'error' : 'muted small'}>
        {issues.value[id] ?? hint}
      </p>
    </div>
  );

  return (
    <main id="main" class="screen settings">
      <h1>Garage settings</h1>
      {message.value && (
        <p class={message.value.kind === 'error' ? 'error' : 'ok'} role={message.value.kind === 'error' ? 'alert' : 'status'}>
          {message.value.text}
        </p>
      )}
      {f ? (
        <form onSubmit={save} noValidate>
          {field('hourlyRate', 'hourlyRate', 'Hourly rate ($)', 'Dollars per started hour', 'decimal')}
          {field('totalSpaces', 'totalSpaces', 'Total spaces', '1 to 100000', 'numeric')}
          {field('timezone', 'timezone', 'Timezone', 'IANA name, e.g. America/New_York', 'text')}
          {field('graceMinutes', 'graceMinutes', 'Grace (minutes)', 'A stay this short is free; 0 to 120', 'numeric')}
          {field('dailyMaxCents', 'dailyMax', 'Daily maximum ($)', 'Empty: no daily maximum', 'decimal')}
          <datalist id="timezones">
            {timeZones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <button type="submit" class="button button-primary" disabled={busy.value}>
            {busy.value ? 'Saving…' : 'Save settings'}
          </button>
        </form>
      ) : (
        !message.value && <p role="status">Loading the settings…</p>
      )}
    </main>
  );
}
