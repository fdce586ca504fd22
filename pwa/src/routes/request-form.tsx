import { useSignal } from '@preact/signals';
import { describeFailure, describeRefusal } from '../lib/failure-text.js';
import { currentGarageId } from '../lib/garage-choice.js';
import { useOutbox, type RequestDraft } from '../lib/outbox.js';

/**
 * Sends a request about a ticket through the outbox (so it waits there offline). Refused the moment
 * it was made, it is taken back and the form says why, keeping what was typed; otherwise `onDone`
 * gets its key, for the screen to show its outcome.
 */
export function useRequestSend(onDone: (key: string) => void) {
  const outbox = useOutbox();
  const problem = useSignal<string | null>(null);
  /** The error code of a server refusal shown in `problem` (null for the phone's own words). */
  const problemCode = useSignal<string | null>(null);
  const busy = useSignal(false);
  async function send(draft: RequestDraft) {
    const garageId = currentGarageId.value;
    if (garageId === null) return;
    busy.value = true;
    problem.value = null;
    problemCode.value = null;
    try {
      const item = await outbox.recordRequest(garageId, draft);
      if (item.state === 'refused') {
        const refusal = item.error ?? { code: 'internal', message: 'The server refused this request.' };
        problem.value = describeRefusal(refusal);
        problemCode.value = refusal.code;
        await outbox.withdraw(item.key);
        return;
      }
      onDone(item.key);
    } catch (failure) {
      problem.value = describeFailure(failure);
    } finally {
      busy.value = false;
    }
  }
  return { problem, problemCode, busy, send };
}

/** The note of a request: required (the reason is Other) or optional; what is wrong with it said by it. */
export function NoteField({ id, required, value, onValue, problem }: { id: string; required: boolean; value: string; onValue: (v: string) => void; problem: string | null }) {
  return (
    <div class="field">
      <label for={id}>{required ? 'Note (required: say why)' : 'Note (optional)'}</label>
      <textarea
        id={id}
        rows={2}
        maxLength={500}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        value={value}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
      {problem && (
        <p id={`${id}-problem`} class="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
