import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { DenyBody, GarageException } from '../../../shared/corrections.js';
import { formatCents } from '../../../shared/format.js';
import { api, ApiFailure } from '../lib/api.js';
import { setWaitingApprovals } from '../lib/approvals.js';
import { describeFailure } from '../lib/failure-text.js';
import { currentGarage, currentGarageId, garageOnScreen } from '../lib/garage-choice.js';
import { garageLocale, garageTimeZone } from '../lib/garage.js';
import { reasonWords } from '../lib/request-words.js';
import { formatTime } from '../lib/time.js';

/** How often the list is asked again while it is on screen and the app is in front. */
export const APPROVALS_LIST_MS = 15_000;

/** What a request is in a manager's list: "Refund $5.00", "Void (forgives $20.00 due)". */
export function exceptionWhat(e: Pick<GarageException, 'type' | 'amountCents'>): string {
  switch (e.type) {
    case 'void':
      return `Void (forgives ${formatCents(e.amountCents)} due)`;
    case 'refund':
      return `Refund ${formatCents(e.amountCents)}`;
    case 'lost_ticket_waiver':
      return `Waive the lost-ticket fee of ${formatCents(e.amountCents)}`;
  }
}

const at = (iso: string) => formatTime(iso, garageTimeZone.value, garageLocale.value);

/**
 * What a refusal of a decision means, in words, when the request is gone from the list: another
 * manager decided first ("Already approved by sam at 2:05 PM") or it expired; null for any other refusal.
 */
export function goneWords(failure: unknown): string | null {
  if (!(failure instanceof ApiFailure) || (failure.code !== 'already_decided' && failure.code !== 'request_expired')) return null;
  const detail: unknown = failure.details[0];
  const parsed = GarageException.safeParse(detail && typeof detail === 'object' && 'exception' in detail ? detail.exception : undefined);
  if (!parsed.success) return failure.message;
  const e = parsed.data;
  if (failure.code === 'request_expired' || e.status === 'expired') return `${e.ticketNumber}: expired at ${at(e.expiresAt)} without a decision.`;
  return `${e.ticketNumber}: already ${e.status} by ${e.decidedByName ?? 'another manager'}${e.decidedAt ? ` at ${at(e.decidedAt)}` : ''}.`;
}

/** One request: what, which ticket, why, who asked and when, until when; Approve, or Deny with a note. */
function Approval({ garageId, e, onGone }: { garageId: number; e: GarageException; onGone: (said: string) => void }) {
  const denying = useSignal(false);
  const note = useSignal('');
  const problem = useSignal<string | null>(null);
  const busy = useSignal(false);
  const noteId = `deny-note-${e.id}`;
  const what = `${exceptionWhat(e)} on ${e.ticketNumber}`;

  async function decide(approve: boolean) {
    let body: { note?: string } = {};
    if (!approve) {
      const checked = DenyBody.safeParse(note.value.trim() ? { note: note.value.trim() } : {});
      if (!checked.success) {
        problem.value = checked.error.issues[0]?.message ?? 'The note is at most 500 characters';
        return;
      }
      body = checked.data;
    }
    busy.value = true;
    problem.value = null;
    try {
      if (approve) await api.approveException(garageId, e.id);
      else await api.denyException(garageId, e.id, body.note);
      onGone(`${approve ? 'Approved' : 'Denied'}: ${what} (asked by ${e.requestedByName}).`);
    } catch (failure) {
      const gone = goneWords(failure);
      if (gone) onGone(gone);
      else problem.value = describeFailure(failure);
    } finally {
      busy.value = false;
    }
  }

  return (
    <li class="approval" data-testid="approval">
      <p class="pay-line">
        <strong>{exceptionWhat(e)}</strong>
      </p>
      <p>
        {e.ticketNumber} · {e.licensePlate}
      </p>
      <p class="small">
        {reasonWords(e.reason)}
        {e.note && ` — “${e.note}”`}
      </p>
      <p class="muted small">
        Asked by {e.requestedByName} at {at(e.requestedAt)} · expires {at(e.expiresAt)}
      </p>
      {problem.value && (
        <p class="error" role="alert">
          {problem.value}
        </p>
      )}
      {denying.value ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void decide(false);
          }}
          noValidate
        >
          <label for={noteId}>Note for {e.requestedByName} (optional)</label>
          <textarea id={noteId} rows={2} maxLength={500} value={note.value} onInput={(ev) => (note.value = ev.currentTarget.value)} />
          <div class="row">
            <button type="submit" class="button button-danger" disabled={busy.value} aria-label={`Deny ${what}`}>
              Deny
            </button>
            <button type="button" class="button" onClick={() => (denying.value = false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div class="row">
          <button type="button" class="button button-primary" disabled={busy.value} onClick={() => void decide(true)} aria-label={`Approve ${what}`}>
            Approve
          </button>
          <button type="button" class="button" disabled={busy.value} onClick={() => (denying.value = true)} aria-label={`Deny… ${what}`}>
            Deny…
          </button>
        </div>
      )}
    </li>
  );
}

/**
 * Managers: the voids, refunds and lost-ticket fee waivers waiting for a decision in the garage on
 * screen, asked again every 15 s while on screen; a decided one leaves the list with a sentence
 * saying what was decided (or who decided first). Loaded only when a manager opens it.
 */
export function ApprovalsScreen() {
  const garageId = currentGarageId.value;
  const list = useSignal<GarageException[] | null>(null);
  const nextBefore = useSignal<number | null>(null);
  const problem = useSignal<string | null>(null);
  const said = useSignal<string | null>(null);

  async function load(before?: number) {
    if (garageId === null) return;
    try {
      const page = await api.exceptions(garageId, 'pending', before);
      if (garageId !== currentGarageId.value) return;
      list.value = [...(before ? (list.value ?? []) : []), ...page.exceptions];
      nextBefore.value = page.nextBefore;
      setWaitingApprovals(garageId, list.value.length, nextBefore.value !== null);
      problem.value = null;
    } catch (failure) {
      problem.value = describeFailure(failure);
    }
  }

  useEffect(() => {
    list.value = null;
    said.value = null;
    void load();
    const again = () => {
      if (document.visibilityState === 'visible' && nextBefore.value === null) void load();
    };
    const timer = setInterval(again, APPROVALS_LIST_MS);
    document.addEventListener('visibilitychange', again);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', again);
    };
  }, [garageId]);

  return (
    <main id="main" class="screen approvals">
      <h1>Approvals</h1>
      {currentGarage.value && <p class="muted">{currentGarage.value.name}</p>}
      <p class="muted">Voids, refunds and lost-ticket fee waivers that attendants asked for. Nothing happens to the ticket until you approve.</p>
      {said.value && (
        <p class="ok" role="status">
          {said.value}
        </p>
      )}
      {problem.value && (
        <p class="error" role="alert">
          {problem.value}
        </p>
      )}
      {list.value === null ? (
        !problem.value && <p>Loading…</p>
      ) : list.value.length === 0 ? (
        <p>Nothing waits for a decision.</p>
      ) : (
        <ul class="payments">
          {list.value.map((e) => (
            <Approval
              key={e.id}
              garageId={garageOnScreen()}
              e={e}
              onGone={(text) => {
                said.value = text;
                list.value = (list.value ?? []).filter((x) => x.id !== e.id);
                setWaitingApprovals(garageOnScreen(), list.value.length, nextBefore.value !== null);
              }}
            />
          ))}
        </ul>
      )}
      {nextBefore.value !== null && (
        <button type="button" class="button" onClick={() => void load(nextBefore.value ?? undefined)}>
          Show older
        </button>
      )}
    </main>
  );
}
