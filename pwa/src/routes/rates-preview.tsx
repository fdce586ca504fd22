import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { formatCents } from '../../../shared/format.js';
import type { RatePlanBody } from '../../../shared/rate-plan.js';
import { ValidationCodeText } from '../../../shared/validations.js';
import { VEHICLE_TYPES, type VehicleType } from '../../../shared/vehicle-type.js';
import { ChoiceGroup } from '../components/choice-group.js';
import { api, ApiFailure, type StayQuote } from '../lib/api.js';
import { describeFailure } from '../lib/failure-text.js';
import { fromLocalInput, toLocalInput } from '../lib/local-date-time.js';

/** How long the preview waits after the last change before asking the server (typing a rate is several changes). */
export const PREVIEW_DELAY_MS = 300;

type Props = {
  garageId: number;
  /** The plan as the form reads now; null while a field cannot be read (`problem` says which). */
  draft: RatePlanBody | null;
  problem: string | null;
  timeZone: string;
  now: () => Date;
};

/**
 * "What would this stay cost": a vehicle type, entry and exit on the garage's clock and an optional
 * validation code, priced by the server with the *draft* plan as the form changes (after a short
 * pause); an answer to an older question never replaces a newer one's.
 */
export function RatesPreview({ garageId, draft, problem, timeZone, now }: Props) {
  const vehicleType = useSignal<VehicleType>('Car');
  const exit = useSignal(toLocalInput(now(), timeZone));
  const entry = useSignal(toLocalInput(new Date(now().getTime() - 2 * 3_600_000), timeZone));
  const code = useSignal('');
  const answer = useSignal<StayQuote | null>(null);
  const failure = useSignal<string | null>(null);
  const waiting = useSignal(false);
  /** The number of the latest question: only its answer is shown. */
  const asked = useRef(0);

  const entryTime = fromLocalInput(entry.value, timeZone);
  const exitTime = fromLocalInput(exit.value, timeZone);
  const typedCode = code.value.trim();
  const codeOk = typedCode === '' || ValidationCodeText.safeParse(typedCode).success;
  const stayProblem =
    problem ??
    (!entryTime || !exitTime
      ? 'Enter the entry and exit dates and times.'
      : Date.parse(exitTime) < Date.parse(entryTime)
        ? 'The exit is before the entry.'
        : !codeOk
          ? 'A validation code is 2 to 32 letters, digits or dashes.'
          : null);
  const question = !stayProblem && draft && entryTime && exitTime ? { vehicleType: vehicleType.value, entryTime, exitTime, plan: draft, ...(typedCode ? { validationCode: typedCode } : {}) } : null;
  const key = question ? JSON.stringify(question) : null;

  useEffect(() => {
    const mine = ++asked.current;
    if (!question) {
      waiting.value = false;
      return;
    }
    waiting.value = true;
    const timer = setTimeout(() => {
      api.quoteStay(garageId, question).then(
        (a) => {
          if (mine !== asked.current) return;
          answer.value = a;
          failure.value = null;
          waiting.value = false;
        },
        (f: unknown) => {
          if (mine !== asked.current) return;
          failure.value = f instanceof ApiFailure && (f.code === 'validation_refused' || f.code === 'validation_failed') ? f.message : describeFailure(f);
          waiting.value = false;
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key, garageId]);

  const shown = stayProblem ?? failure.value;
  return (
    <aside class="quote preview" aria-labelledby="preview-title">
      <h2 id="preview-title">What would this stay cost?</h2>
      <p class="muted small">Priced with the form as it is now (not saved yet), in garage time ({timeZone}).</p>
      <ChoiceGroup legend="Vehicle" name="preview-vehicle" options={VEHICLE_TYPES} value={vehicleType.value} onChange={(t) => (vehicleType.value = t)} />
      <div class="pair">
        <div class="field">
          <label for="preview-entry">In</label>
          <input id="preview-entry" type="datetime-local" value={entry.value} onInput={(e) => (entry.value = e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="preview-exit">Out</label>
          <input id="preview-exit" type="datetime-local" value={exit.value} onInput={(e) => (exit.value = e.currentTarget.value)} />
        </div>
      </div>
      <label for="preview-code">Validation code (optional)</label>
      <input id="preview-code" autocomplete="off" maxLength={40} value={code.value} onInput={(e) => (code.value = e.currentTarget.value.toUpperCase())} />
      <p class="muted small">A preview never uses up a code.</p>
      <div aria-live="polite">
        {shown ? (
          <p class="error" data-testid="preview-problem">
            {shown}
          </p>
        ) : (
          answer.value && (
            <>
              <p class="big" data-testid="preview-total">
                {formatCents(answer.value.totalCents)}
              </p>
              <ul data-testid="preview-words">
                {answer.value.words.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            </>
          )
        )}
        {waiting.value && (
          <p role="status" class="muted small">
            Working it out…
          </p>
        )}
      </div>
    </aside>
  );
}
