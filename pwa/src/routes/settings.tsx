import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { GarageSettings } from '../../../shared/garage.js';
import { api, ApiFailure } from '../lib/api.js';
import { describeFailure } from '../lib/failure-text.js';
import { isPlainClick, navigate } from '../lib/router.js';
import { count, limits, order, readSettingsForm, refusedFields, toForm, type Field, type Form, type Issues } from './settings-form.js';

/** A button-sized link to another screen, opened without reloading. */
function ScreenLink({ href, children }: { href: string; children: string }) {
  return (
    <a
      class="button"
      href={href}
      onClick={(e) => {
        if (!isPlainClick(e)) return;
        e.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}

const timeZones: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** Managers: hourly rate, spaces, timezone, grace and daily maximum; and the way to the garage's profile and the payments to resolve. */
export function SettingsScreen() {
  const saved = useSignal<GarageSettings | null>(null);
  const form = useSignal<Form | null>(null);
  const issues = useSignal<Issues>({});
  const loadProblem = useSignal<string | null>(null);
  // Said right by the Save button, where the person is looking when they tap it.
  const message = useSignal<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const busy = useSignal(false);
  const formRef = useRef<HTMLFormElement>(null);
  const said = useRef<HTMLParagraphElement>(null);
  // The person tapped Save at the bottom of the screen: bring what happened into view there.
  useEffect(() => {
    if (message.value) said.current?.scrollIntoView?.({ block: 'nearest' });
  }, [message.value]);

  useEffect(() => {
    api.settings().then(
      (s) => {
        saved.value = s;
        form.value = toForm(s);
      },
      (failure: unknown) => (loadProblem.value = describeFailure(failure)),
    );
  }, []);

  function showIssues(found: Issues) {
    issues.value = found;
    const first = order.find((f) => found[f]);
    if (first) formRef.current?.querySelector<HTMLInputElement>(`#${first}`)?.focus();
  }

  async function save(event: Event) {
    event.preventDefault();
    if (!form.value || !saved.value) return;
    const read = readSettingsForm(form.value, saved.value);
    message.value = null;
    if ('issues' in read) {
      message.value = { kind: 'error', text: 'Nothing was saved; your changes are still in the form. Fix the fields marked above.' };
      showIssues(read.issues);
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
      const refused = failure instanceof ApiFailure && failure.code === 'validation_failed' ? refusedFields(failure) : {};
      const fields = Object.keys(refused).length > 0;
      message.value = {
        kind: 'error',
        text: `${fields ? 'The server refused the fields marked above.' : describeFailure(failure)} Nothing was saved; your changes are still in the form.`,
      };
      if (fields) showIssues(refused);
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
        maxLength={64}
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
      <ScreenLink href="/garage">Garage profile and public feed →</ScreenLink>
      <ScreenLink href="/payments">Payments to resolve →</ScreenLink>
      {loadProblem.value && (
        <p class="error" role="alert">
          {loadProblem.value}
        </p>
      )}
      {f ? (
        <form ref={formRef} onSubmit={save} noValidate>
          {field('hourlyRate', 'hourlyRate', 'Hourly rate ($)', 'Dollars per started hour', 'decimal')}
          {field('totalSpaces', 'totalSpaces', 'Total spaces', `${count(limits.totalSpaces.min)} to ${count(limits.totalSpaces.max)}`, 'numeric')}
          {field('timezone', 'timezone', 'Timezone', 'IANA name, e.g. America/New_York', 'text')}
          {field('graceMinutes', 'graceMinutes', 'Grace (minutes)', `A stay this short is free; 0 to ${limits.graceMinutes.max}`, 'numeric')}
          {field('dailyMaxCents', 'dailyMax', 'Daily maximum ($)', 'Empty: no daily maximum', 'decimal')}
          <datalist id="timezones">
            {timeZones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <button type="submit" class="button button-primary" disabled={busy.value}>
            {busy.value ? 'Saving…' : 'Save settings'}
          </button>
          {message.value && (
            <p ref={said} class={`said ${message.value.kind === 'error' ? 'error' : 'ok'}`} role={message.value.kind === 'error' ? 'alert' : 'status'}>
              {message.value.text}
            </p>
          )}
        </form>
      ) : (
        !loadProblem.value && <p role="status">Loading the settings…</p>
      )}
    </main>
  );
}
