import type { AlertEpisode, AlertKind } from '../../shared/alerts.js';
import type { Db } from '../db/types.js';

type EpisodeRow = Omit<AlertEpisode, 'openedAt' | 'clearedAt'> & { openedAt: Date; clearedAt: Date | null };

const episodeColumns = (sql: Db) => sql`
  e.id, e.garage_id, e.kind, e.subject, e.opened_at, e.cleared_at, e.details,
  exists (select 1 from alert_mutes m where m.garage_id = e.garage_id and m.kind = e.kind) as muted
`;
const toEpisode = (r: EpisodeRow): AlertEpisode => ({ ...r, openedAt: r.openedAt.toISOString(), clearedAt: r.clearedAt?.toISOString() ?? null });

/**
 * What the minute's check reads of every garage: its spaces, cars inside, tickets open too long, its
 * thresholds (tickets, voids and refunds, cash variance); and, for a garage in the public feed, when its cars inside last changed — the latest
 * entry or exit (a void is an exit), each index-backed, so the same on every replica (the feed's own
 * `realtime_data_updated_at` lives in one process's memory).
 */
export async function readAlertFigures(sql: Db, now: Date) {
  return sql<
    { garageId: number; totalSpaces: number; occupied: number; stale: number; oldestStale: Date | null; staleTicketHours: number; voidAlertPerShift: number; cashVarianceAlertCents: number; publicFeed: boolean; lastChange: Date | null }[]
  >`
    select g.id as garage_id, g.total_spaces, g.stale_ticket_hours, g.void_alert_per_shift, g.cash_variance_alert_cents, g.public_feed,
      (select count(*)::int from spaces s where s.garage_id = g.id and s.ticket_id is not null) as occupied,
      (select count(*)::int from tickets t where t.garage_id = g.id and t.status = 'active' and t.entry_time < ${now}::timestamptz - make_interval(hours => g.stale_ticket_hours)) as stale,
      (select min(entry_time) from tickets t where t.garage_id = g.id and t.status = 'active' and t.entry_time < ${now}::timestamptz - make_interval(hours => g.stale_ticket_hours)) as oldest_stale,
      case when g.public_feed then greatest(
        (select max(t.entry_time) from tickets t where t.garage_id = g.id),
        (select max(t.exit_time) from tickets t where t.garage_id = g.id and t.exit_time is not null)
      ) end as last_change
    from garages g order by g.id
  `;
}

/**
 * Each garage's daily summaries not posted since its last posted day (the scheduler only ever tries
 * the latest due day, so a day before a posted one will never be posted and no longer counts): the
 * first such day, when it was first claimed (= when it became due), how many days, claims and the
 * last error recorded. Garages with none are absent.
 */
export async function listUnpostedSummaries(sql: Db): Promise<{ garageId: number; day: string; dueSince: Date; days: number; attempts: number; lastError: string | null }[]> {
  return sql`
    select s.garage_id, min(s.day)::text as day, min(s.created_at) as due_since, count(*)::int as days, sum(s.attempts)::int as attempts,
      (array_agg(s.last_error order by s.updated_at desc) filter (where s.last_error is not null))[1] as last_error
    from slack_summaries s
    where s.status = 'pending'
      and s.day > coalesce((select max(p.day) from slack_summaries p where p.garage_id = s.garage_id and p.status = 'posted'), '-infinity'::date)
    group by s.garage_id
  `;
}

/** The open shifts of every garage, with their holder's name (their voids and refunds are counted as their close counts them). */
export async function listOpenShiftsForAlerts(sql: Db): Promise<{ id: number; garageId: number; username: string }[]> {
  return sql`select s.id, s.garage_id, u.username from shifts s join users u on u.id = s.user_id where s.status = 'open'`;
}

/** The open episodes of every garage. */
export async function listOpenEpisodes(sql: Db): Promise<AlertEpisode[]> {
  const rows = await sql<EpisodeRow[]>`select ${episodeColumns(sql)} from alert_episodes e where e.cleared_at is null`;
  return rows.map(toEpisode);
}

/** Opens an episode unless one of its garage, kind and subject is open: the episode when this call opened it, else null. */
export async function openEpisode(sql: Db, e: { garageId: number; kind: AlertKind; subject: string; details: Record<string, unknown>; at: Date }): Promise<AlertEpisode | null> {
  const [row] = await sql<EpisodeRow[]>`
    with made as (
      insert into alert_episodes (garage_id, kind, subject, opened_at, details)
      values (${e.garageId}, ${e.kind}, ${e.subject}, ${e.at}, ${sql.json(e.details as never)})
      on conflict (garage_id, kind, subject) where cleared_at is null do nothing
      returning *
    )
    select ${episodeColumns(sql)} from made e
  `;
  return row ? toEpisode(row) : null;
}

/** Clears an open episode: the episode when this call cleared it, else null (another replica did). */
export async function clearEpisode(sql: Db, id: number, at: Date): Promise<AlertEpisode | null> {
  const [row] = await sql<EpisodeRow[]>`
    with cleared as (update alert_episodes set cleared_at = ${at} where id = ${id} and cleared_at is null returning *)
    select ${episodeColumns(sql)} from cleared e
  `;
  return row ? toEpisode(row) : null;
}

/** Clears the open episode of a garage, kind and subject: the episode when this call cleared it, else null (none open, or another did). */
export async function clearEpisodeOf(sql: Db, e: { garageId: number; kind: AlertKind; subject: string }, at: Date): Promise<AlertEpisode | null> {
  const [row] = await sql<EpisodeRow[]>`
    with cleared as (
      update alert_episodes set cleared_at = ${at}
      where garage_id = ${e.garageId} and kind = ${e.kind} and subject = ${e.subject} and cleared_at is null
      returning *
    )
    select ${episodeColumns(sql)} from cleared e
  `;
  return row ? toEpisode(row) : null;
}

/** Where an episode's Slack message is, so its end can be said on it. */
export async function saveEpisodeMessage(sql: Db, id: number, channel: string, ts: string): Promise<void> {
  await sql`update alert_episodes set channel = ${channel}, message_ts = ${ts} where id = ${id}`;
}

/** The Slack message of an episode, if it was posted. */
export async function loadEpisodeMessage(sql: Db, id: number): Promise<{ channel: string; ts: string } | null> {
  const [row] = await sql<{ channel: string | null; messageTs: string | null }[]>`select channel, message_ts from alert_episodes where id = ${id}`;
  return row?.channel && row.messageTs ? { channel: row.channel, ts: row.messageTs } : null;
}

/** A garage's alerts now: open episodes, the 20 last cleared, muted kinds. */
export async function loadGarageAlerts(sql: Db, garageId: number): Promise<{ open: AlertEpisode[]; recent: AlertEpisode[]; muted: AlertKind[] }> {
  const [open, recent, muted] = await Promise.all([
    sql<EpisodeRow[]>`select ${episodeColumns(sql)} from alert_episodes e where e.garage_id = ${garageId} and e.cleared_at is null order by e.opened_at desc`,
    sql<EpisodeRow[]>`select ${episodeColumns(sql)} from alert_episodes e where e.garage_id = ${garageId} and e.cleared_at is not null order by e.cleared_at desc limit 20`,
    sql<{ kind: AlertKind }[]>`select kind from alert_mutes where garage_id = ${garageId} order by kind`,
  ]);
  return { open: open.map(toEpisode), recent: recent.map(toEpisode), muted: muted.map((m) => m.kind) };
}

/** Mutes (or unmutes) a kind of alert for a garage. */
export async function setMute(sql: Db, garageId: number, kind: AlertKind, muted: boolean, by: string, at: Date): Promise<void> {
  if (muted) {
    await sql`insert into alert_mutes (garage_id, kind, muted_by, muted_at) values (${garageId}, ${kind}, ${by}, ${at}) on conflict do nothing`;
  } else {
    await sql`delete from alert_mutes where garage_id = ${garageId} and kind = ${kind}`;
  }
}
