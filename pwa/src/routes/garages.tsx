import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { NetworkFailure } from '../lib/api.js';
import { describeFailure } from '../lib/failure-text.js';
import { currentGarageId, myGarages, pickableGarages, pickGarage, refreshGarages } from '../lib/garage-choice.js';
import { currentPath, navigate } from '../lib/router.js';

/**
 * Which garage to work in, for someone who may use several: one big button per garage, by name.
 * Shown after sign-in until one is picked, and from the header's garage name to change it. The pick
 * is kept on the phone for this user; everything after it (cars in and out, figures, settings) is
 * that garage's.
 */
export function GaragesScreen() {
  const problem = useSignal<string | null>(null);
  const asking = useSignal(true);
  const garages = pickableGarages.value;
  const chosen = currentGarageId.value;
  const named = garages.some((g) => myGarages.value.some((known) => known.id === g.id));

  // The names (and any garage added since) as the server says them now; offline, the ones kept.
  useEffect(() => {
    refreshGarages()
      .catch((failure: unknown) => {
        problem.value =
          failure instanceof NetworkFailure
            ? "Can't reach the server: showing the garages as this phone last saw them."
            : `The garages could not be listed: ${describeFailure(failure)}`;
      })
      .finally(() => (asking.value = false));
  }, []);

  function pick(garageId: number) {
    pickGarage(garageId);
    // Picked from the header: the dashboard of the garage now on screen. As the gate after sign-in: the screen asked for.
    if (currentPath.value === '/garages') navigate('/', { replace: true });
  }

  return (
    <main id="main" class="screen garages">
      <h1>Choose a garage</h1>
      {problem.value && (
        <p class="note" role="status">
          {problem.value}
        </p>
      )}
      {garages.length === 0 ? (
        <p>Your account has no garage yet. Ask an admin to give you one.</p>
      ) : (
        <>
          <p class="muted">Cars in and out, figures and settings are for the garage you choose. This phone remembers it for you; change it by tapping its name at the top.</p>
          <ul class="garage-list">
            {garages.map((g) => (
              <li key={g.id}>
                <button type="button" class={`button${g.id === chosen ? ' chosen' : ''}`} aria-current={g.id === chosen ? 'true' : undefined} onClick={() => pick(g.id)}>
                  <span class="garage-list-name">{g.name}</span>
                  {g.address && <span class="garage-list-address">{g.address}</span>}
                </button>
              </li>
            ))}
          </ul>
          {!named && asking.value && <p role="status">Loading the garages' names…</p>}
        </>
      )}
    </main>
  );
}
