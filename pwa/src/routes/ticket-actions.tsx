import { useSignal } from '@preact/signals';
import { CorrectBody, VOID_REASONS, VoidBody, type VoidReason } from '../../../shared/corrections.js';
import { formatCents } from '../../../shared/format.js';
import { PAYMENT_METHODS, PlateInput, VEHICLE_TYPES, type FeeBreakdown, type Ticket, type VehicleType } from '../../../shared/tickets.js';
import { ChoiceGroup } from '../components/choice-group.js';
import { CodeInput } from '../components/code-input.js';
import { PLATE_PROBLEM } from '../lib/failure-text.js';
import { reasonWords } from '../lib/request-words.js';
import { NoteField, useRequestSend } from './request-form.js';
import { RefundForm } from './refund-form.js';

/** What an attendant asks of a ticket from Car out, with what the screen knew of it. */
export type TicketAction =
  | { kind: 'void'; ticketNumber: string; licensePlate: string | null; dueCents: number | null }
  | { kind: 'correction'; ticketNumber: string; car: { licensePlate: string; vehicleType: VehicleType } | null }
  | { kind: 'refund'; ticket: Ticket }
  | { kind: 'waiver'; ticketNumber: string; licensePlate: string | null; lost: NonNullable<FeeBreakdown['lostTicket']> | null };

type Props<A> = { action: A; onDone: (key: string) => void; onCancel: () => void };

/** Void: the reason buttons first, a note (required for Other), then the request. */
function VoidForm({ action, onDone, onCancel }: Props<Extract<TicketAction, { kind: 'void' }>>) {
  const reason = useSignal<VoidReason | null>(null);
  const note = useSignal('');
  const noteProblem = useSignal<string | null>(null);
  const { problem, busy, send } = useRequestSend(onDone);

  function submit(event: Event) {
    event.preventDefault();
    noteProblem.value = null;
    if (!reason.value) {
      problem.value = 'Pick a reason first.';
      return;
    }
    const checked = VoidBody.safeParse({ reason: reason.value, ...(note.value.trim() ? { note: note.value.trim() } : {}) });
    if (!checked.success) {
      noteProblem.value = checked.error.issues[0]?.message ?? 'Say in a few words why';
      problem.value = null;
      return;
    }
    void send({ kind: 'void', ticketNumber: action.ticketNumber, licensePlate: action.licensePlate, body: checked.data });
  }

  return (
    <form onSubmit={submit} noValidate class="request-form">
      <h1>Void {action.ticketNumber}</h1>
      <p class="muted">
        {action.licensePlate ?? 'Plate unknown offline'}
        {action.dueCents !== null && ` · ${formatCents(action.dueCents)} due now`}
      </p>
      <p>A voided ticket is never charged and frees its space. It stays in the books with your name and the reason; a manager may have to approve it.</p>
      <ChoiceGroup legend="Why void it?" name="void-reason" options={VOID_REASONS} value={reason.value} onChange={(r) => {
          reason.value = r;
          problem.value = null;
        }} labelOf={reasonWords} wide />
      {reason.value && <NoteField id="void-note" required={reason.value === 'other'} value={note.value} onValue={(v) => (note.value = v)} problem={noteProblem.value} />}
      {problem.value && (
        <p class="error" role="alert">
          {problem.value}
        </p>
      )}
      <button type="submit" class="button button-danger" disabled={busy.value}>
        Void the ticket
      </button>
      <button type="button" class="button" onClick={onCancel}>
        Back
      </button>
    </form>
  );
}

/** Correct the plate or the vehicle type typed at the gate; only what changed is sent. */
function CorrectionForm({ action, onDone, onCancel }: Props<Extract<TicketAction, { kind: 'correction' }>>) {
  const plate = useSignal(action.car?.licensePlate ?? '');
  const vehicle = useSignal<VehicleType | null>(action.car?.vehicleType ?? null);
  const plateProblem = useSignal<string | null>(null);
  const { problem, busy, send } = useRequestSend(onDone);

  function submit(event: Event) {
    event.preventDefault();
    plateProblem.value = null;
    problem.value = null;
    const typed = PlateInput.safeParse(plate.value);
    if (!typed.success) {
      plateProblem.value = PLATE_PROBLEM;
      return;
    }
    const before = action.car;
    const change = {
      ...(typed.data.display !== before?.licensePlate ? { licensePlate: typed.data.display } : {}),
      ...(vehicle.value && vehicle.value !== before?.vehicleType ? { vehicleType: vehicle.value } : {}),
    };
    const checked = CorrectBody.safeParse(change);
    if (!checked.success) {
      problem.value = 'Nothing changed: type the right plate or pick the right vehicle type.';
      return;
    }
    void send({ kind: 'correction', ticketNumber: action.ticketNumber, licensePlate: before?.licensePlate ?? null, before, body: change });
  }

  return (
    <form onSubmit={submit} noValidate class="request-form">
      <h1>Correct {action.ticketNumber}</h1>
      <p>Fix a plate or vehicle type typed wrong at the gate. The change is kept in the books with what it was before.</p>
      <label for="fix-plate">License plate</label>
      <CodeInput id="fix-plate" enterkeyhint="go" maxLength={16} value={plate.value} onValue={(v) => (plate.value = v)} errorId={plateProblem.value ? 'fix-plate-problem' : null} />
      {plateProblem.value && (
        <p id="fix-plate-problem" class="error">
          {plateProblem.value}
        </p>
      )}
      <ChoiceGroup legend="Vehicle type" name="fix-vehicle" options={VEHICLE_TYPES} value={vehicle.value} onChange={(v) => (vehicle.value = v)} />
      {problem.value && (
        <p class="error" role="alert">
          {problem.value}
        </p>
      )}
      <button type="submit" class="button button-primary" disabled={busy.value}>
        Save the correction
      </button>
      <button type="button" class="button" onClick={onCancel}>
        Back
      </button>
    </form>
  );
}

/** A lost ticket with its fee waived: the driver pays the stay only, once approved (or at once, under the attendant's limit). */
function WaiverForm({ action, onDone, onCancel }: Props<Extract<TicketAction, { kind: 'waiver' }>>) {
  const { problem, busy, send } = useRequestSend(onDone);
  const lost = action.lost;
  return (
    <div class="request-form">
      <h1>Waive the lost-ticket fee</h1>
      <p class="muted">
        {action.ticketNumber}
        {action.licensePlate && ` · ${action.licensePlate}`}
      </p>
      {lost ? (
        <dl class="breakdown">
          <dt>The stay</dt>
          <dd>{formatCents(lost.stayCents)}</dd>
          <dt>Lost-ticket fee waived</dt>
          <dd>{formatCents(lost.feeCents)}</dd>
          <dt class="total">The driver pays</dt>
          <dd class="total">{formatCents(lost.stayCents)}</dd>
        </dl>
      ) : (
        <p>The driver pays the stay only; the server works out its amount.</p>
      )}
      <p>A manager may have to approve: until then the car stays checked in and nothing is charged. Take the payment once this says it is done or approved.</p>
      {problem.value && (
        <p class="error" role="alert">
          {problem.value}
        </p>
      )}
      <fieldset class="pay" disabled={busy.value}>
        <legend>How the driver pays the stay</legend>
        {PAYMENT_METHODS.map((m) => (
          <button
            key={m}
            type="button"
            class="button button-pay"
            onClick={() => void send({ kind: 'waiver', ticketNumber: action.ticketNumber, licensePlate: action.licensePlate, quotedCents: lost?.stayCents ?? null, body: { paymentMethod: m } })}
          >
            {m}
          </button>
        ))}
      </fieldset>
      <button type="button" class="button" onClick={onCancel}>
        Back
      </button>
    </div>
  );
}

/**
 * The form for what an attendant asks of a ticket from Car out (loaded when first asked for, so the
 * attendant's shell stays small): void, correction, refund, or a lost-ticket fee waiver. `onDone`
 * gets the outbox key of the request made.
 */
export function TicketActionForm({ action, onDone, onCancel }: Props<TicketAction>) {
  switch (action.kind) {
    case 'void':
      return <VoidForm action={action} onDone={onDone} onCancel={onCancel} />;
    case 'correction':
      return <CorrectionForm action={action} onDone={onDone} onCancel={onCancel} />;
    case 'refund':
      return <RefundForm action={action} onDone={onDone} onCancel={onCancel} />;
    case 'waiver':
      return <WaiverForm action={action} onDone={onDone} onCancel={onCancel} />;
  }
}
