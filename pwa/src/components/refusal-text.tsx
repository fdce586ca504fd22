import { needsOpenShift } from '../lib/failure-text.js';
import { AppLink } from './app-link.js';

/** A failure as a screen keeps it: a sentence, or a server refusal's sentence with its error code. */
export type ShownFailure = string | { text: string; code: string };

/** The way to the Shift screen from a refusal of cash with no open shift (in the app: the screen's state is kept). */
export function OpenShiftLink() {
  return (
    <AppLink class="button" href="/shift" data-testid="open-shift-link">
      Open your shift
    </AppLink>
  );
}

/**
 * A failure on screen: its sentence and, when cash needed an open shift (`shift_required`), a link
 * to the Shift screen. `alert`: announced at once (a screen's own failure), else quiet (a list's).
 */
export function RefusalText({ failure, alert = true }: { failure: ShownFailure; alert?: boolean }) {
  const text = typeof failure === 'string' ? failure : failure.text;
  const shift = typeof failure !== 'string' && needsOpenShift(failure);
  return (
    <p class="error" role={alert ? 'alert' : undefined}>
      {text}
      {shift && (
        <>
          {' '}
          <OpenShiftLink />
        </>
      )}
    </p>
  );
}
