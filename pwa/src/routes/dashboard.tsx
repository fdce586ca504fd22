import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { Activity } from '../../../shared/tickets.js';
import { api } from '../lib/api.js';
import { describeFailure } from '../lib/failure-text.js';
import { garageTimeZone, lastStats, rememberStats } from '../lib/garage.js';
import { formatCents } from '../../../shared/format.js';
import { formatDuration } from '../../../shared/format.js';
import { formatTime } from '../lib/time.js';

/** How often the figures refresh while the dashboard is on screen. */
export const REFRESH_MS = 15_000;

/** Occupancy now and today's figures; refreshed every 15 s and when the app comes back to the front. */
export function DashboardScreen() {
  const activities = useSignal<Activity[] | null>(null);
  const error = useSignal<string | null>(null);

  useEffect(() => {
    let alive = true;
    const load = async () => {
      try {
        const [stats, recent] = await Promise.all([api.stats(), api.activities(10)]);
        if (!alive) return;
        rememberStats(stats);
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
  }, []);

  const cached = lastStats.value;
  const tz = garageTimeZone.value;
  const s = cached?.stats;
  return (
    <main id="main" class="screen dashboard">
      <h1 class="visually-hidden">Dashboard</h1>
      {error.value && (
        <p class="error" role="alert">
          {error.value}
          {cached && ` Showing the figures from ${formatTime(cached.at, tz)}.`}
        </p>
      )}
      {s ? (
        <>
          <section class="available" aria-labelledby="available-label">
            <p id="available-label" class="eyebrow">
              Available spaces
            </p>
            <p class="big" data-testid="available">
              {s.availableSpaces}
            </p>
            <p class="muted">
              of {s.totalSpaces} · {s.occupiedSpaces} occupied
            </p>
            <div
              class="bar"
              role="meter"
              aria-label="Occupancy"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(s.occupancyPercentage)}
              aria-valuetext={`${Math.round(s.occupancyPercentage)}% occupied`}
            >
              <span class="bar-fill" style={{ width: `${Math.min(100, s.occupancyPercentage)}%` }} />
            </div>
            <p class="muted">{Math.round(s.occupancyPercentage)}% occupied</p>
          </section>
          <dl class="figures">
            <div>
              <dt>Revenue today</dt>
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
          <p class="muted small">Updated {formatTime(cached.at, tz)} · times in {tz}</p>
        </>
      ) : (
        !error.value && <p role="status">Loading the garage figures…</p>
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
                  {formatTime(a.timestamp, tz)}
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
