import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { LostTicketPolicy } from '../../../shared/corrections.js';
import type { GarageSettings, SettingsUpdate } from '../../../shared/garage.js';
import { ChoiceGroup } from '../components/choice-group.js';
import { api } from '../lib/api.js';
import { useEditForm } from '../lib/edit-form.js';
import { describeFailure } from '../lib/failure-text.js';
import { currentGarage, currentGarageId, garageOnScreen } from '../lib/garage-choice.js';
import { parseDollars } from '../lib/money.js';
import { count, descriptions, limits, order, readSettingsForm, refusedFields, toForm, type Field, type Form } from './settings-form.js';
import { approvalSentence, lostTicketSentence, POLICY_NAMES } from './settings-policy.js';
import { AppLink } from '../components/app-link.js';

const timeZones: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** What a save changed, said back: when a new tariff applies, and the lost-ticket rule and approval policy in words. */
function savedText(update: SettingsUpdate, after: GarageSettings): string {
  const said = ['Saved.'];
  if (update.hourlyRate !== undefined || update.graceMinutes !== undefined || update.dailyMaxCents !== undefined || Object.keys(update).length === 0)
    said.push('A new rate applies to cars entering from now on; cars already inside keep theirs.');
  if (update.lostTicketPolicy !== undefined || update.lostTicketFeeCents !== undefined)
    said.push(lostTicketSentence(after.lostTicketPolicy, after.lostTicketFeeCents, after.dailyMaxCents, after.hourlyRate));
  if (update.approval) said.push(approvalSentence(after.approval));
  return said.join(' ');
}

/** The lost-ticket rule as the form says it now (the saved rate and maximum while the typed ones cannot be read). */
function lostTicketNow(f: Form, saved: GarageSettings): string {
  const dailyMax = f.dailyMax.trim() === '' ? null : (parseDollars(f.dailyMax) ?? saved.dailyMaxCents);
  return lostTicketSentence(f.lostTicketPolicy, parseDollars(f.lostTicketFee), dailyMax, parseDollars(f.hourlyRate) ?? saved.hourlyRate);
}

/** The approval policy as the form says it now; null while a part of it cannot be read. */
function approvalNow(f: Form): string | null {
  const [v, refund, waiver] = [f.voidLimit, f.refundLimit, f.waiverLimit].map(parseDollars);
  const timeoutMinutes = /^\d+$/.test(f.timeoutMinutes.trim()) ? Number(f.timeoutMinutes.trim()) : null;
  if (v == null || refund == null || waiver == null || timeoutMinutes === null) return null;
  return approvalSentence({ autoApproveUnderCents: { void: v, refund, lostTicketWaiver: waiver }, timeoutMinutes });
}

/**
 * Managers: hourly rate, spaces, timezone, grace and daily maximum of the garage on screen (loaded
 * again when another is picked), its lost-ticket rule and its approval policy, each said in words;
 * and the way to the garage's profile, the approvals and the payments to resolve.
 */
export function SettingsScreen() {
  const garageId = currentGarageId.value;
  const edit = useEditForm({
    order,
    toForm,
    read: readSettingsForm,
    send: (update) => api.updateSettings(garageOnScreen(), update),
    refused: refusedFields,
    savedText,
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
      <AppLink class="button" href="/reports">Reports: figures and charts →</AppLink>
      <AppLink class="button" href="/parked">Parked now →</AppLink>
      <AppLink class="button" href="/garage">Garage profile and public feed →</AppLink>
      <AppLink class="button" href="/rates">Rates: bands, specials, events →</AppLink>
      <AppLink class="button" href="/validations">Validations: merchants and codes →</AppLink>
      <AppLink class="button" href="/permits">Monthly parkers: permits →</AppLink>
      <AppLink class="button" href="/approvals">Approvals →</AppLink>
      <AppLink class="button" href="/payments">Payments to resolve →</AppLink>
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
          <h2>Lost tickets</h2>
          <ChoiceGroup
            legend="How a lost ticket is priced"
            name="lostTicketPolicy"
            options={LostTicketPolicy.options}
            value={f.lostTicketPolicy}
            onChange={(p) => (form.value = { ...f, lostTicketPolicy: p })}
            labelOf={(p) => POLICY_NAMES[p]}
            wide
          />
          {field('lostTicketFeeCents', 'lostTicketFee', 'Lost-ticket fee ($)', saved.value ? lostTicketNow(f, saved.value) : '', 'decimal')}
          <h2>Approvals</h2>
          <p class="muted" data-testid="approval-sentence">
            {approvalNow(f) ?? 'Attendants may do alone what costs less than these amounts ($0: never alone); anything else waits for a manager.'}
          </p>
          {field('voidLimit', 'voidLimit', 'Attendants void alone under ($)', 'Weighed by the amount due the void forgives; 0: never alone', 'decimal')}
          {field('refundLimit', 'refundLimit', 'Attendants refund alone under ($)', '0: never alone', 'decimal')}
          {field('waiverLimit', 'waiverLimit', 'Attendants waive the lost-ticket fee alone under ($)', '0: never alone', 'decimal')}
          {field('timeoutMinutes', 'timeoutMinutes', 'A request waits (minutes)', `Then it expires; ${limits.timeoutMinutes.min} to ${count(limits.timeoutMinutes.max)}`, 'numeric')}
          <h2>Monthly parkers and reservations</h2>
          {field('reservedPermitSpaces', 'reservedPermitSpaces', 'Spaces held for permit holders', `${descriptions.reservedPermitSpaces}; 0 to ${count(limits.reservedPermitSpaces.max)}`, 'numeric')}
          {field('reservationGraceMinutes', 'reservationGraceMinutes', 'Reservation grace (minutes)', `${descriptions.reservationGraceMinutes}; 0 to ${count(limits.reservationGraceMinutes.max)}`, 'numeric')}
          {field('reservationMaxLeadHours', 'reservationMaxLeadHours', 'Book at most (hours ahead)', `${descriptions.reservationMaxLeadHours}; ${limits.reservationMaxLeadHours.min} to ${count(limits.reservationMaxLeadHours.max)}`, 'numeric')}
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
