import { useSignal } from '@preact/signals';
import { ValidationCodeText } from '../../../shared/validations.js';
import type { ValidationTerms } from '../../../shared/pricing.js';
import type { Tariff } from '../../../shared/fee.js';
import type { RatePlanBody } from '../../../shared/rate-plan.js';
import { api, ApiFailure } from '../lib/api.js';
import { serverNow } from '../lib/clock.js';
import { describeFailure } from '../lib/failure-text.js';
import type { ExitQuote } from '../lib/quote.js';

/** The tariff a ticket came in on, as the quote endpoint takes a plan: so the server prices the stay as the exit will charge it. */
function planOf(tariff: Tariff): RatePlanBody {
  if (!tariff.plan) return { hourlyRate: tariff.hourlyRate, vehicleRates: {}, graceMinutes: tariff.graceMinutes, dailyMaxCents: tariff.dailyMaxCents, bands: [], specials: [], events: [] };
  const { version: _version, timezone: _timezone, ...plan } = tariff.plan;
  return plan;
}

type Props = {
  garageId: number;
  quote: ExitQuote;
  /** The code as typed (kept by the screen, so it starts over with the next car). */
  typed: string;
  onType: (typed: string) => void;
  offline: boolean;
  busy: boolean;
  /** The server accepted the code for this stay (its terms), or the code was cleared (null). */
  onApplied: (terms: ValidationTerms | null) => void;
};

/**
 * A merchant's validation code at Car out: checked online with the quote endpoint (the ticket's
 * entry, vehicle type and tariff, out now), whose answer gives the code's terms; the amount due is then
 * priced with them. A refusal is said in the server's sentence. Offline the field is off: codes are
 * checked online, and the phone never guesses a discount.
 */
export function ExitValidation({ garageId, quote: q, typed, onType, offline, busy, onApplied }: Props) {
  const checking = useSignal(false);
  const problem = useSignal<string | null>(null);
  const applied = q.validation?.code ?? null;
  const canCheck = !offline && q.car !== null && q.tariff !== null;

  async function apply(event: Event) {
    event.preventDefault();
    if (!q.car || !q.tariff) return;
    problem.value = null;
    if (typed.trim() === '') {
      onApplied(null);
      return;
    }
    const code = ValidationCodeText.safeParse(typed);
    if (!code.success) {
      problem.value = code.error.issues[0]?.message ?? 'Check the code';
      return;
    }
    checking.value = true;
    try {
      const answer = await api.quoteStay(garageId, {
        vehicleType: q.car.vehicleType,
        entryTime: q.car.entryTime,
        exitTime: serverNow().toISOString(),
        validationCode: code.data,
        plan: planOf(q.tariff),
      });
      const terms = answer.breakdown.validation;
      if (!terms) problem.value = `The server did not apply ${code.data}; take payment without it, or try again.`;
      else onApplied({ code: terms.code, merchant: terms.merchant, kind: terms.kind, value: terms.value });
    } catch (failure) {
      problem.value = failure instanceof ApiFailure && failure.code === 'validation_refused' ? failure.message : describeFailure(failure);
    } finally {
      checking.value = false;
    }
  }

  function clear() {
    problem.value = null;
    onType('');
    onApplied(null);
  }

  return (
    <form class="validation-code" onSubmit={apply} noValidate>
      <label for="validation-code">Validation code (optional)</label>
      <input
        id="validation-code"
        autocomplete="off"
        autocapitalize="characters"
        spellcheck={false}
        maxLength={40}
        enterkeyhint="done"
        disabled={!canCheck || busy}
        aria-invalid={problem.value ? 'true' : undefined}
        aria-describedby="validation-code-hint"
        value={typed}
        onInput={(e) => {
          problem.value = null;
          onType(e.currentTarget.value.toUpperCase());
        }}
      />
      <p id="validation-code-hint" class={problem.value ? 'error' : 'muted small'} role={problem.value ? 'alert' : undefined}>
        {problem.value ??
          (offline
            ? 'Codes are checked online: take payment without one, or wait for the signal.'
            : applied
              ? `${applied} applied: the amount above includes it.`
              : "A shop's or cinema's code: Apply it before taking payment.")}
      </p>
      {canCheck && (
        <div class="row">
          <button type="submit" class="button" disabled={busy || checking.value}>
            {checking.value ? 'Checking…' : 'Apply code'}
          </button>
          {(applied || typed) && (
            <button type="button" class="button" disabled={busy || checking.value} onClick={clear}>
              Remove code
            </button>
          )}
        </div>
      )}
    </form>
  );
}
