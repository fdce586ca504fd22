import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { ALERT_KINDS, type AlertEpisode, type AlertKind, type AlertsView } from '../../../shared/alerts.js';
import { alertKindName, alertSentence } from '../lib/alert-words.js';
import { alertsApi } from '../lib/alerts-api.js';
import { describeFailure } from '../lib/failure-text.js';
import { currentGarage, currentGarageId } from '../lib/garage-choice.js';
import { garageLocale, garageTimeZone } from '../lib/garage.js';
import { formatDateTime } from '../lib/time.js';
import './manage.css';

type Loaded = { garageId: number; view: AlertsView };

/** One episode: what, in words, and since when (and until when, once it ended), on the garage's clock. */
function Episode({ e }: { e: AlertEpisode }) {
  const at = (t: string) => formatDateTime(t, garageTimeZone.value, garageLocale.value);
  return (
    <li data-testid={`alert-${e.id}`}>
      <h3>{alertKindName(e.kind)}</h3>
      <p>{alertSentence(e)}</p>
      <p class="muted small">
        {e.clearedAt ? (
          <>
            From <time dateTime={e.openedAt}>{at(e.openedAt)}</time> to <time dateTime={e.clearedAt}>{at(e.clearedAt)}</time>
          </>
        ) : (
          <>
            Since <time dateTime={e.openedAt}>{at(e.openedAt)}</time>
          </>
        )}
        {e.muted && ' · muted: not posted to Slack'}
      </p>
    </li>
  );
}

/**
 * Managers: the alerts of the garage on screen — those going on now with since when, the ones that
 * ended lately, and a switch per kind (every kind the server knows) to mute it: a muted kind is
 * still recorded and shown here, not posted to the managers' Slack channel.
 */
export function AlertsScreen() {
  const garageId = currentGarageId.value;
  const loaded = useSignal<Loaded | null>(null);
  const problem = useSignal<string | null>(null);
  const busyKind = useSignal<AlertKind | null>(null);
  const muteProblem = useSignal<{ kind: AlertKind; text: string } | null>(null);

  async function load() {
    if (garageId === null) return;
    problem.value = null;
    try {
      const view = await alertsApi.view(garageId);
      if (garageId === currentGarageId.value) loaded.value = { garageId, view };
    } catch (failure) {
      problem.value = describeFailure(failure);
    }
  }

  useEffect(() => {
    loaded.value = null;
    void load();
  }, [garageId]);

  async function setMuted(kind: AlertKind, muted: boolean) {
    if (garageId === null) return;
    busyKind.value = kind;
    muteProblem.value = null;
    try {
      const view = await alertsApi.mute(garageId, { kind, muted });
      if (garageId === currentGarageId.value) loaded.value = { garageId, view };
    } catch (failure) {
      muteProblem.value = { kind, text: `Not changed: ${describeFailure(failure)}` };
    } finally {
      busyKind.value = null;
    }
  }

  const l = loaded.value && loaded.value.garageId === garageId ? loaded.value : null;
  return (
    <main id="main" class="screen manage alerts">
      <h1>Alerts</h1>
      {currentGarage.value && <p class="muted">{currentGarage.value.name}</p>}
      {problem.value && (
        <p class="error" role="alert">
          {problem.value}
        </p>
      )}
      {!l ? (
        !problem.value && <p role="status">Loading the alerts…</p>
      ) : (
        <>
          <h2>Now</h2>
          {l.view.open.length === 0 ? (
            <p data-testid="alerts-none">Nothing to look at: no alert is going on.</p>
          ) : (
            <ul class="manage-list" data-testid="alerts-open" aria-label="Alerts going on now">
              {l.view.open.map((e) => (
                <Episode key={e.id} e={e} />
              ))}
            </ul>
          )}
          <h2>Ended lately</h2>
          {l.view.recent.length === 0 ? (
            <p class="muted">None.</p>
          ) : (
            <ul class="manage-list" data-testid="alerts-recent" aria-label="Alerts that ended lately">
              {l.view.recent.map((e) => (
                <Episode key={e.id} e={e} />
              ))}
            </ul>
          )}
          <h2>Posted to Slack</h2>
          <p class="muted small">A muted kind is still recorded and shown here, but not posted to the managers' Slack channel.</p>
          {ALERT_KINDS.map((kind) => {
            const muted = l.view.muted.includes(kind);
            const id = `mute-${kind}`;
            const said = muteProblem.value?.kind === kind ? muteProblem.value.text : null;
            return (
              <div class="switch-row" key={kind}>
                <input
                  id={id}
                  type="checkbox"
                  role="switch"
                  checked={muted}
                  disabled={busyKind.value !== null}
                  aria-describedby={`${id}-said`}
                  onChange={(e) => void setMuted(kind, e.currentTarget.checked)}
                />
                <label for={id}>Mute “{alertKindName(kind)}”</label>
                <p id={`${id}-said`} class={said ? 'error' : 'muted small'} role={said ? 'alert' : undefined}>
                  {said ?? (busyKind.value === kind ? 'Saving…' : muted ? 'Muted: not posted to Slack' : 'Posted to Slack')}
                </p>
              </div>
            );
          })}
        </>
      )}
    </main>
  );
}
