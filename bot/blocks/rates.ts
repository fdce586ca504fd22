import { formatCents } from '../../shared/format.js';
import type { RatePlan } from '../../shared/rate-plan.js';
import { formatDateTime } from './format.js';
import { bandWords, eventWords, perHour, specialWords, vehicleRatesWords } from './rate-words.js';
import { context, escapeText, section, type Block, type Reply } from './reply.js';

/** Slack's limit on a section's text is 3000 characters; a list stops short of it. */
const SECTION_MAX = 2900;
/** The most upcoming events the board lists (a plan may hold 50). */
const EVENTS_MAX = 10;

/** A titled bullet list in one section, cut (with the rest counted) to fit Slack's limit. */
function listSection(title: string, items: string[], more = 0): Block {
  let text = title;
  let shown = 0;
  for (const item of items) {
    const next = `${text}\n• ${item}`;
    if (next.length > SECTION_MAX - 40) break;
    text = next;
    shown += 1;
  }
  const left = items.length - shown + more;
  return section(left > 0 ? `${text}\n… and ${left} more` : text);
}

/**
 * The rate board of a garage (`/park rates`), only to the asker: the default hourly rate and the
 * vehicle types' own, grace, daily maximum, time bands, specials with their weekdays, the events on
 * now or still to come (times in the plan's timezone; past ones left out, at most `EVENTS_MAX`),
 * and the plan's version.
 */
export function buildRateBoard(plan: RatePlan, garageName: string, now: Date): Reply {
  const tz = plan.timezone;
  const version = plan.version === 0 ? 'the garage’s tariff (no rate plan saved yet)' : `rate plan version ${plan.version}`;
  const since = plan.createdAt ? `, since ${formatDateTime(plan.createdAt, tz)}` : '';
  const own = vehicleRatesWords(plan.vehicleRates);
  const basics = [
    `*Default rate* ${perHour(plan.hourlyRate)}${own ? `; ${own}` : ''}`,
    `*Grace* ${plan.graceMinutes > 0 ? `a stay of up to ${plan.graceMinutes} min is free` : 'none'}`,
    `*Daily maximum* ${plan.dailyMaxCents === null ? 'none' : `${formatCents(plan.dailyMaxCents)} per 24 h from entry`}`,
  ];
  const blocks: Block[] = [section(`:parking: *Rates* — ${version}${since}`), section(basics.join('\n'))];
  if (plan.bands.length > 0) blocks.push(listSection('*Time bands* (each hour pays the band its start falls in)', plan.bands.map(bandWords)));
  if (plan.specials.length > 0) blocks.push(listSection('*Specials* (a stay that qualifies pays the lowest price)', plan.specials.map(specialWords)));
  const events = plan.events.filter((e) => Date.parse(e.to) > now.getTime()).sort((a, b) => Date.parse(a.from) - Date.parse(b.from));
  if (events.length > 0) {
    const shown = events.slice(0, EVENTS_MAX).map((e) => eventWords(e, tz, now));
    blocks.push(listSection('*Events* (instead of the regular fee and specials)', shown, events.length - shown.length));
  }
  blocks.push(context(`Clock times are the garage’s (${escapeText(tz)}). The fee is the lowest of the regular fee and every special the stay qualifies for.`));
  return {
    response_type: 'ephemeral',
    text: `Rates of ${garageName}: ${perHour(plan.hourlyRate)}, ${version}`,
    blocks,
  };
}
