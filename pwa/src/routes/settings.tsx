import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api } from '../lib/api.js';
import { useEditForm } from '../lib/edit-form.js';
import { describeFailure } from '../lib/failure-text.js';
import { currentGarage, currentGarageId, garageOnScreen } from '../lib/garage-choice.js';
import { isPlainClick, navigate } from '../lib/router.js';
import { count, limits, order, readSettingsForm, refusedFields, toForm, type Field, type Form } from './settings-form.js';

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

/**
 * Managers: hourly rate, spaces, timezone, grace and daily maximum of the garage on screen (loaded
 * again when another is picked); and the way to the garage's profile and the payments to resolve.
 */
export function SettingsScreen() {
  const garageId = currentGarageId.value;
  const edit = useEditForm({
    order,
    toForm,
    read: readSettingsForm,
    send: (update) => api.updateSettings(garageOnScreen(), update),
    refused: refusedFields,
    savedText: () => 'Saved. A new rate applies to cars entering from now on; cars already inside keep theirs.',
  });
  const loadProblem = useSignal<string | null>(null);
  const { saved, form, issues, message, busy, formRef, said, save } = edit;

  useEffect(() => {
    if (garageId === null) return;
    loadProblem.value = null;
    api.settings(garageId).then(
      (settings) => garageId === currentGarageId.value && edit.show(settings),
      (failure: unknown) => (loadProblem.value = describeFailure(failure)),
    );
  }, [garageId]);

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
      {currentGarage.value && <p class="muted">{currentGarage.value.name}</p>}
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
