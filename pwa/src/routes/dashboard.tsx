import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { hasRole } from '../../../shared/auth.js';
import { formatCents, formatDuration } from '../../../shared/format.js';
import type { GarageStats } from '../../../shared/garage.js';
import type { Activity } from '../../../shared/tickets.js';
import { OutboxPanel } from '../components/outbox-panel.js';
import { ShiftLink } from '../components/shift-link.js';
import { WaitingRequests } from '../components/waiting-requests.js';
import { api } from '../lib/api.js';
import { describeFailure } from '../lib/failure-text.js';
import { currentGarageId } from '../lib/garage-choice.js';
import { garageLocale, garageTimeZone, lastStats, rememberStats } from '../lib/garage.js';
import { currentUser } from '../lib/session.js';
import { formatTime } from '../lib/time.js';
import { AppLink } from '../components/app-link.js';

/** How often the figures refresh while the dashboard is on screen. */
export const REFRESH_MS = 15_000;

/** True when no car can come in: every space is taken (or more cars are in than there are spaces). */
export function garageFull(s: Pick<GarageStats, 'availableSpaces' | 'occupiedSpaces' | 'totalSpaces'>): boolean {
  return s.availableSpaces <= 0 || s.occupiedSpaces >= s.totalSpaces;
}

/**
 * What needs the attendant (refused items, with Retry and Discard; requests a manager is deciding or
 * has decided), then occupancy now and today's
 * figures of the garage on screen (for managers, the way to Parked now and Reports); refreshed every
 * 15 s, when the app comes back to the front, and at once when another garage is picked.
 */
export function DashboardScreen() {
  const activities = useSignal<Activity[] | null>(null);
  const error = useSignal<string | null>(null);
  const garageId = currentGarageId.value;
  const user = currentUser.value;
  const manager = user !== null && hasRole(user.role, 'manager');

  useEffect(() => {
    if (garageId === null) return;
    let alive = true;
    activities.value = null;
    error.value = null;
    const load = async () => {
      try {
        const [stats, recent] = await Promise.all([api.stats(garageId), api.activities(garageId, 10)]);
        rememberStats(garageId, stats);
        if (!alive) return;
        activities.value = recent;
        error.value = null;
      } catch (failure) {
        if (alive) error.value = describeFailure(failure);
      }
    };
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      alive = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [garageId]);

  const cached = lastStats.value;
  const tz = garageTimeZone.value;
  const time = (at: string) => formatTime(at, tz, garageLocale.value);
  const s = cached?.stats;
  const full = s ? garageFull(s) : false;
  const percent = s ? Math.min(100, Math.round(s.occupancyPercentage)) : 0;
  return (
    <main id="main" class="screen dashboard">
      <h1 class="visually-hidden">Dashboard</h1>
      <OutboxPanel />
      <WaitingRequests />
      {garageId !== null && <ShiftLink garageId={garageId} />}
      <p class="shift-link">
        <AppLink class="button" href="/reservations">
          Reservations{s && s.heldForReservations > 0 ? ` · ${s.heldForReservations} ${s.heldForReservations === 1 ? 'space' : 'spaces'} held` : ''}
        </AppLink>
      </p>
      {error.value && (
        <p class="error" role="alert">
          {error.value}
          {cached && ` Showing the figures from ${time(cached.at)}.`}
        </p>
      )}
      {s ? (
        <>
          <section class={`available${full ? ' full' : ''}`} aria-labelledby="available-label">
            <p id="available-label" class="eyebrow">
              Available spaces
            </p>
            <p class={full ? 'big-text' : 'big'} data-testid="available">
              {full ? 'Garage full' : s.availableSpaces}
            </p>
            <p class="muted">{full ? `${s.occupiedSpaces} parked in ${s.totalSpaces} spaces` : `of ${s.totalSpaces} · ${s.occupiedSpaces} occupied`}</p>
            <div
              class="bar"
              role="meter"
              aria-label="Occupancy"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              aria-valuetext={full ? 'Full' : `${percent}% occupied`}
            >
              <span class="bar-fill" style={{ width: `${percent}%` }} />
            </div>
            {!full && <p class="muted">{percent}% occupied</p>}
          </section>
          <dl class="figures">
            <div>
              <dt>Revenue today, net of refunds</dt>
              <dd data-testid="revenue">{formatCents(s.todayRevenue)}</dd>
            </div>
            <div>
              <dt>Vehicles today</dt>
              <dd data-testid="vehicles">
                {s.vehiclesEnteredToday} in · {s.vehiclesProcessedToday} out
              </dd>
            </div>
            <div>
              <dt>Average stay</dt>
              <dd>{s.averageStayMinutes === null ? 'No exits yet' : formatDuration(s.averageStayMinutes)}</dd>
            </div>
            <div>
              <dt>Rate</dt>
              <dd>{formatCents(s.hourlyRate)}/h</dd>
            </div>
          </dl>
          <p class="muted small">Updated {time(cached.at)} · times in {tz}</p>
        </>
      ) : (
        !error.value && <p role="status">Loading the garage figures…</p>
      )}
      {manager && (
        <p class="row" data-testid="manager-links">
          <AppLink class="button" href="/parked">Parked now{s ? ` · ${s.occupiedSpaces}` : ''}</AppLink>
          <AppLink class="button" href="/reports">Reports</AppLink>
        </p>
      )}
      <section aria-labelledby="recent-title">
        <h2 id="recent-title">Recent activity</h2>
        {activities.value === null ? (
          <p class="muted">{error.value ? 'Not available offline.' : 'Loading…'}</p>
        ) : activities.value.length === 0 ? (
          <p class="muted">No entries or exits yet.</p>
        ) : (
          <ul class="activity" data-testid="activity">
            {activities.value.map((a) => (
              <li key={`${a.type}-${a.ticketNumber}`}>
                <span class={`tag tag-${a.type}`}>{a.type === 'entry' ? 'In' : 'Out'}</span>
                <span class="plate">{a.licensePlate}</span>
                <span class="muted">{a.ticketNumber}</span>
                <span class="when">
                  {time(a.timestamp)}
                  {a.type === 'exit' && a.amountPaid !== null && ` · ${formatCents(a.amountPaid)}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
