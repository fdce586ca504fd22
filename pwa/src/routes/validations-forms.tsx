import { useSignal } from '@preact/signals';
import { MerchantBody, ValidationCodeBody, VALIDATION_KINDS, type Merchant, type ValidationCode, type ValidationKind } from '../../../shared/validations.js';
import { ChoiceGroup } from '../components/choice-group.js';
import { FormField as Field } from '../components/form-field.js';
import { api } from '../lib/api.js';
import { refusalOf, type Issues } from '../lib/refusal-fields.js';
import { fromLocalInput, toLocalInput } from '../lib/local-date-time.js';
import { parseDollars } from '../lib/money.js';

/** Add a merchant (a cinema, a shop): its name and who gets its bill-back. */
export function MerchantForm({ garageId, onAdded }: { garageId: number; onAdded: (m: Merchant) => void }) {
  const name = useSignal('');
  const contact = useSignal('');
  const issues = useSignal<Issues>({});
  const busy = useSignal(false);

  async function add(event: Event) {
    event.preventDefault();
    const body = MerchantBody.safeParse({ name: name.value, contact: contact.value.trim() === '' ? null : contact.value });
    if (!body.success) {
      issues.value = Object.fromEntries(body.error.issues.map((i) => [i.path.join('.'), i.message]));
      return;
    }
    busy.value = true;
    issues.value = {};
    try {
      onAdded(await api.addMerchant(garageId, body.data));
      name.value = '';
      contact.value = '';
    } catch (failure) {
      issues.value = refusalOf(failure);
    } finally {
      busy.value = false;
    }
  }

  return (
    <form onSubmit={add} noValidate aria-labelledby="add-merchant-title">
      <h2 id="add-merchant-title">Add a merchant</h2>
      <Field id="merchant-name" label="Merchant name" issue={issues.value.name} value={name.value} onValue={(v) => (name.value = v)} />
      <Field id="merchant-contact" label="Bill-back contact (optional)" issue={issues.value.contact} hint="Who receives the bill-back" value={contact.value} onValue={(v) => (contact.value = v)} />
      {issues.value[''] && (
        <p class="error" role="alert">
          {issues.value['']}
        </p>
      )}
      <button type="submit" class="button" disabled={busy.value}>
        Add merchant
      </button>
    </form>
  );
}

const KIND_NAMES: Record<ValidationKind, string> = { minutes: 'Free minutes', amount: 'Amount off', percent: 'Percent off', flat: 'Flat price' };
const VALUE_LABELS: Record<ValidationKind, string> = { minutes: 'Minutes free', amount: 'Amount off ($)', percent: 'Percent taken off (%)', flat: 'The stay costs at most ($)' };

/** Add a validation code to a merchant: what it gives, when it is valid (garage time), how many uses. */
export function CodeForm({ garageId, merchant, timeZone, now, onAdded }: { garageId: number; merchant: Merchant; timeZone: string; now: () => Date; onAdded: (c: ValidationCode) => void }) {
  const at = now();
  const code = useSignal('');
  const kind = useSignal<ValidationKind>('amount');
  const value = useSignal('');
  const from = useSignal(toLocalInput(at, timeZone));
  const to = useSignal(toLocalInput(new Date(at.getTime() + 90 * 86_400_000), timeZone));
  const maxUses = useSignal('');
  const issues = useSignal<Issues>({});
  const busy = useSignal(false);
  const id = (name: string) => `code-${merchant.id}-${name}`;

  async function add(event: Event) {
    event.preventDefault();
    const found: Issues = {};
    const money = kind.value === 'amount' || kind.value === 'flat';
    const typed = value.value.trim();
    const amount = money ? parseDollars(typed) : /^\d+$/.test(typed) ? Number(typed) : null;
    if (amount === null) found.value = money ? 'Enter dollars, e.g. 5 or 2.50' : 'Enter a whole number';
    const validFrom = fromLocalInput(from.value, timeZone);
    const validTo = fromLocalInput(to.value, timeZone);
    if (!validFrom) found.validFrom = 'Enter a date and time';
    if (!validTo) found.validTo = 'Enter a date and time';
    const uses = maxUses.value.trim();
    if (uses !== '' && !/^\d+$/.test(uses)) found.maxUses = 'Enter a whole number, or leave empty for no limit';
    const body = ValidationCodeBody.safeParse({ code: code.value, kind: kind.value, value: amount, validFrom, validTo, maxUses: uses === '' ? null : Number(uses) });
    if (!body.success) for (const i of body.error.issues) found[i.path.join('.')] ??= i.message;
    issues.value = found;
    if (!body.success || Object.keys(found).length > 0) return;
    busy.value = true;
    try {
      onAdded(await api.addValidationCode(garageId, merchant.id, body.data));
      code.value = '';
      value.value = '';
    } catch (failure) {
      issues.value = refusalOf(failure);
    } finally {
      busy.value = false;
    }
  }

  return (
    <form onSubmit={add} noValidate aria-label={`Add a code for ${merchant.name}`}>
      <Field id={id('code')} label="Code" issue={issues.value.code} hint="2 to 32 letters, digits or dashes, e.g. CINEMA5" value={code.value} onValue={(v) => (code.value = v.toUpperCase())} />
      <ChoiceGroup legend="It gives" name={id('kind')} options={VALIDATION_KINDS} value={kind.value} onChange={(k) => (kind.value = k)} labelOf={(k) => KIND_NAMES[k]} wide />
      <Field id={id('value')} label={VALUE_LABELS[kind.value]} issue={issues.value.value} inputMode={kind.value === 'amount' || kind.value === 'flat' ? 'decimal' : 'numeric'} value={value.value} onValue={(v) => (value.value = v)} />
      <div class="pair">
        <Field id={id('from')} label="Valid from" type="datetime-local" issue={issues.value.validFrom} value={from.value} onValue={(v) => (from.value = v)} />
        <Field id={id('to')} label="Valid until" type="datetime-local" issue={issues.value.validTo} value={to.value} onValue={(v) => (to.value = v)} />
      </div>
      <Field id={id('max')} label="Uses at most (optional)" issue={issues.value.maxUses} hint="Empty: no limit" inputMode="numeric" value={maxUses.value} onValue={(v) => (maxUses.value = v)} />
      {issues.value[''] && (
        <p class="error" role="alert">
          {issues.value['']}
        </p>
      )}
      <button type="submit" class="button" disabled={busy.value}>
        Add code
      </button>
    </form>
  );
}
