import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { DiscardBody } from '../../../shared/discards.js';
import { formatCents } from '../../../shared/format.js';
import { changedNothing, moneyTaken } from '../lib/discard-report.js';
import { needsOpenShift, openShiftAdvice } from '../lib/failure-text.js';
import { currentGarageId, garageName, severalGarages } from '../lib/garage-choice.js';
import { garageLocale, timeZoneOf } from '../lib/garage.js';
import { provisionalRef } from '../lib/ids.js';
import { describeRequest } from '../lib/request-words.js';
import type { OutboxItem } from '../lib/local-store.js';
import { isOffline } from '../lib/network.js';
import { dependentExits } from '../lib/offline-exit.js';
import { useOutbox, type Outbox } from '../lib/outbox.js';
import { formatTime } from '../lib/time.js';
import { RefusalText } from './refusal-text.js';

type PaidItem = Extract<OutboxItem, { kind: 'exit' | 'waiver' }>;

/**
 * What an item is, in words, led by its garage's name when the user works in several garages or the
 * item is not of the garage on screen: it is sent to that garage, whichever is on screen.
 */
function describe(outbox: Outbox, item: OutboxItem): string {
  const garageId = outbox.garageOf(item);
  const at = formatTime(item.createdAt, timeZoneOf(garageId), garageLocale.value);
  const where = garageId !== null && (severalGarages.value || garageId !== currentGarageId.value) ? `${garageName(garageId)}: ` : '';
  if (item.kind === 'entry') return `${where}Entry ${item.body.licensePlate.toUpperCase()} (${item.body.vehicleType}) at ${at}, ref ${provisionalRef(item.key)}`;
  if (item.kind === 'exit') return `${where}Exit ${item.ticketNumber}${item.licensePlate ? ` (${item.licensePlate})` : ''}, ${item.body.paymentMethod}, at ${at}`;
  return `${where}${describeRequest(item)}, at ${at}`;
}

const amountOf = (paid: PaidItem) => (paid.quotedCents === null ? 'amount unknown' : formatCents(paid.quotedCents));

/** Why a person gives a refused item up: asked, checked, then reported to the server (see outbox.discard). */
function DiscardForm({ item, onDone }: { item: OutboxItem; onDone: () => void }) {
  const outbox = useOutbox();
  const reason = useSignal('');
  const problem = useSignal<string | null>(null);
  const busy = useSignal(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const id = `why-${item.key}`;
  const paidExits = [item, ...dependentExits(outbox.items.value, item.key).filter((e) => e.state !== 'sent')].filter(moneyTaken);
  const handOver = moneyTaken(item);

  async function submit(event: Event) {
    event.preventDefault();
    const checked = DiscardBody.shape.reason.safeParse(reason.value);
    if (!checked.success) {
      problem.value = checked.error.issues[0]?.message ?? 'Say in a few words why';
      field.current?.focus();
      return;
    }
    busy.value = true;
    problem.value = null;
    await outbox.discard(item.key, checked.data);
    busy.value = false;
    onDone();
  }

  return (
    <form class="discard" onSubmit={submit} noValidate>
      <p>
        {handOver
          ? `The driver paid ${item.body.paymentMethod} (${amountOf(item)}): the money must be accounted for. A manager sees it under Payments to resolve; say what happened.`
          : 'Discarding is recorded on the server with your name and your reason.'}
        {!handOver && paidExits[0] && ` Its exit (${paidExits[0].body.paymentMethod}, ${amountOf(paidExits[0])}) is reported too and handed to a manager: the money must be accounted for.`}
      </p>
      <label for={id}>{handOver ? 'Why? (for the manager)' : 'Why? (recorded with your name)'}</label>
      <textarea
        id={id}
        ref={field}
        rows={2}
        maxLength={500}
        aria-invalid={problem.value ? 'true' : undefined}
        aria-describedby={problem.value ? `${id}-problem` : undefined}
        value={reason.value}
        onInput={(e) => (reason.value = e.currentTarget.value)}
      />
      {problem.value && (
        <p id={`${id}-problem`} class="error" role="alert">
          {problem.value}
        </p>
      )}
      {isOffline(outbox) && <p class="muted small">Offline: it is recorded when the phone is back online, and stays here until then.</p>}
      <div class="row">
        <button type="submit" class="button button-danger" disabled={busy.value}>
          {handOver ? 'Hand to a manager' : 'Discard and record'}
        </button>
        <button type="button" class="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** A refused request that changed nothing (a void, correction or refund): discarding it only takes it off the phone. */
function DropRequest({ item, onDone }: { item: OutboxItem; onDone: () => void }) {
  const outbox = useOutbox();
  return (
    <div class="discard">
      <p>Nothing changed on the ticket and no money changed hands: discarding takes this request off the phone. Ask again if it is still needed.</p>
      <div class="row">
        <button type="button" class="button button-danger" onClick={() => void outbox.discard(item.key, 'Refused request discarded on the phone').then(onDone)}>
          Discard the request
        </button>
        <button type="button" class="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** A refused item: what it was, what the server said, and Retry or Discard / Hand to a manager. */
function RefusedItem({ item }: { item: OutboxItem }) {
  const outbox = useOutbox();
  const asking = useSignal(false);
  const handOver = moneyTaken(item);
  return (
    <li data-testid="refused-item">
      <p>{describe(outbox, item)}</p>
      {item.error && (
        <RefusalText
          alert={false}
          failure={{ code: item.error.code, text: needsOpenShift(item.error) ? `${item.error.message}. ${openShiftAdvice(item.kind)}` : item.error.message }}
        />
      )}
      {item.discardProblem && (
        <p class="error" role="alert">
          {item.discardProblem}
        </p>
      )}
      {item.discard ? (
        <>
          <p class="note" role="status">
            {handOver ? 'Handed to a manager' : 'Discarded'}, not recorded yet: it is recorded when the phone is back online, and leaves this list then.
          </p>
          <button type="button" class="button" onClick={() => void outbox.undoDiscard(item.key)}>
            Keep it instead
          </button>
        </>
      ) : asking.value ? (
        changedNothing(item) ? (
          <DropRequest item={item} onDone={() => (asking.value = false)} />
        ) : (
          <DiscardForm item={item} onDone={() => (asking.value = false)} />
        )
      ) : (
        <div class="row">
          <button type="button" class="button" onClick={() => void outbox.retry(item.key)}>
            Retry
          </button>
          <button type="button" class="button button-danger" onClick={() => (asking.value = true)}>
            {handOver ? 'Hand to a manager' : 'Discard'}
          </button>
        </div>
      )}
    </li>
  );
}

/**
 * What the server refused, each with what can be done about it, and what is still waiting to be sent:
 * of every garage this phone recorded in, each item named with its garage when there are several.
 */
export function OutboxPanel() {
  const outbox = useOutbox();
  const refused = outbox.refused.value;
  const pending = outbox.pending.value;
  return (
    <>
      {refused.length > 0 && (
        <section class="outbox" aria-labelledby="refused-title">
          <h2 id="refused-title">Refused by the server ({refused.length})</h2>
          <ul>
            {refused.map((item) => (
              <RefusedItem key={item.key} item={item} />
            ))}
          </ul>
        </section>
      )}
      {pending.length > 0 && (
        <details class="outbox">
          <summary>
            {pending.length} waiting to be sent{outbox.signInNeeded.value ? ' — sign in again to send them' : ''}
          </summary>
          <ul>
            {pending.map((item) => (
              <li key={item.key}>{describe(outbox, item)}</li>
            ))}
          </ul>
          <button type="button" class="button" onClick={() => void outbox.drain()}>
            Send now
          </button>
        </details>
      )}
    </>
  );
}
