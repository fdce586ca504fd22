import type { ComponentChildren } from 'preact';

/**
 * A step that cannot be undone, confirmed in place: the question, then "Yes, …" (danger) or "Keep …"
 * (back, nothing done). `blocked` disables only the Yes (offline, say); `busy` both.
 * @example <ConfirmStep label="Cancel the reservation?" question="Cancel it? …" yes="Yes, cancel it" keep="Keep it" busy={false} onYes={cancel} onKeep={back} />
 */
export function ConfirmStep(props: {
  label: string;
  question: ComponentChildren;
  yes: ComponentChildren;
  keep: ComponentChildren;
  busy: boolean;
  blocked?: boolean;
  onYes: () => void;
  onKeep: () => void;
}) {
  return (
    <div role="group" aria-label={props.label}>
      <p>{props.question}</p>
      <div class="row">
        <button type="button" class="button button-danger" disabled={props.busy || props.blocked === true} onClick={props.onYes}>
          {props.yes}
        </button>
        <button type="button" class="button" disabled={props.busy} onClick={props.onKeep}>
          {props.keep}
        </button>
      </div>
    </div>
  );
}
