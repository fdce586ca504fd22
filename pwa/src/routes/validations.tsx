import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { Merchant, ValidationCode } from '../../../shared/validations.js';
import { api } from '../lib/api.js';
import { serverNow } from '../lib/clock.js';
import { describeFailure } from '../lib/failure-text.js';
import { currentGarage, currentGarageId } from '../lib/garage-choice.js';
import { garageLocale, garageTimeZone } from '../lib/garage.js';
import { formatDateTime } from '../lib/time.js';
import { codeState, usesWords, validationWords } from '../lib/validation-words.js';
import { CodeForm, MerchantForm } from './validations-forms.js';
import { ValidationsReportView } from './validations-report.js';

const STATE_WORDS = { not_yet: 'Not valid yet', usable: 'Valid', ended: 'Ended', used_up: 'Used up' } as const;

/** One code: what it gives, when it is valid, its uses, and End now while it can still be used. */
function CodeRow({ garageId, code, onChanged }: { garageId: number; code: ValidationCode; onChanged: (c: ValidationCode) => void }) {
  const problem = useSignal<string | null>(null);
  const busy = useSignal(false);
  const when = (at: string) => formatDateTime(at, garageTimeZone.value, garageLocale.value);
  const state = codeState(code, serverNow());

  async function endNow() {
    busy.value = true;
    problem.value = null;
    try {
      onChanged(await api.updateValidationCode(garageId, code.merchantId, code.code, { validTo: serverNow().toISOString() }));
    } catch (failure) {
      problem.value = describeFailure(failure);
    } finally {
      busy.value = false;
    }
  }

  return (
    <li data-testid={`code-${code.code}`}>
      <p>
        <strong>{code.code}</strong>: {validationWords(code.kind, code.value)} · {STATE_WORDS[state]}
      </p>
      <p class="muted small">
        {when(code.validFrom)} – {when(code.validTo)} · {usesWords(code.uses, code.maxUses)}
      </p>
      {(state === 'usable' || state === 'not_yet') && (
        <button type="button" class="button" disabled={busy.value} onClick={() => void endNow()}>
          End {code.code} now
        </button>
      )}
      {problem.value && (
        <p class="error" role="alert">
          {problem.value}
        </p>
      )}
    </li>
  );
}

/** A merchant, its codes, and a form to add one. */
function MerchantCard({ garageId, merchant, onChanged }: { garageId: number; merchant: Merchant; onChanged: (m: Merchant) => void }) {
  const adding = useSignal(false);
  const withCode = (c: ValidationCode) => ({ ...merchant, codes: [...merchant.codes.filter((k) => k.id !== c.id), c].sort((a, b) => a.code.localeCompare(b.code)) });
  return (
    <article class="quote" aria-labelledby={`merchant-${merchant.id}`}>
      <h3 id={`merchant-${merchant.id}`}>{merchant.name}</h3>
      {merchant.contact && <p class="muted small">Bill-back to {merchant.contact}</p>}
      {merchant.codes.length === 0 ? (
        <p class="muted">No codes yet.</p>
      ) : (
        <ul class="matches">
          {merchant.codes.map((c) => (
            <CodeRow key={c.id} garageId={garageId} code={c} onChanged={(after) => onChanged(withCode(after))} />
          ))}
        </ul>
      )}
      {adding.value ? (
        <CodeForm
          garageId={garageId}
          merchant={merchant}
          timeZone={garageTimeZone.value}
          now={serverNow}
          onAdded={(c) => {
            adding.value = false;
            onChanged(withCode(c));
          }}
        />
      ) : (
        <button type="button" class="button" onClick={() => (adding.value = true)}>
          Add a code for {merchant.name}
        </button>
      )}
    </article>
  );
}

/**
 * Managers: the merchants that validate their customers' parking, each with its codes (what each
 * gives, validity, uses), adding merchants and codes, ending a code now; and the bill-back per merchant.
 */
export function ValidationsScreen() {
  const garageId = currentGarageId.value;
  const merchants = useSignal<Merchant[] | null>(null);
  const problem = useSignal<string | null>(null);

  useEffect(() => {
    if (garageId === null) return;
    let alive = true;
    merchants.value = null;
    problem.value = null;
    api.merchants(garageId).then(
      (list) => alive && (merchants.value = list),
      (failure: unknown) => alive && (problem.value = describeFailure(failure)),
    );
    return () => {
      alive = false;
    };
  }, [garageId]);

  const replace = (m: Merchant) => (merchants.value = (merchants.value ?? []).map((k) => (k.id === m.id ? m : k)));

  return (
    <main id="main" class="screen validations">
      <h1>Validations</h1>
      {currentGarage.value && <p class="muted">{currentGarage.value.name}</p>}
      <p class="muted small">Attendants type a merchant's code at Car out; it comes off the fee and the merchant is billed for it.</p>
      {problem.value && (
        <p class="error" role="alert">
          {problem.value}
        </p>
      )}
      {garageId !== null && merchants.value ? (
        <>
          <section aria-labelledby="merchants-title">
            <h2 id="merchants-title">Merchants</h2>
            {merchants.value.length === 0 && <p class="muted">No merchants yet: add the first below.</p>}
            {merchants.value.map((m) => (
              <MerchantCard key={m.id} garageId={garageId} merchant={m} onChanged={replace} />
            ))}
          </section>
          <MerchantForm garageId={garageId} onAdded={(m) => (merchants.value = [...(merchants.value ?? []), m])} />
          <ValidationsReportView garageId={garageId} timeZone={garageTimeZone.value} now={serverNow} />
        </>
      ) : (
        !problem.value && <p role="status">Loading the merchants…</p>
      )}
    </main>
  );
}
