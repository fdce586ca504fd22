import type { GarageStats } from '../../shared/garage.js';
import { formatCents, formatDuration } from '../../shared/format.js';
import { escapeText, fields, section, type Reply } from './reply.js';

/** The ephemeral answer to `stats`: occupancy now and today's figures, of `garage` (named when given). */
export function buildStats(stats: GarageStats, garage?: string): Reply {
  const occupancy = `${stats.occupiedSpaces}/${stats.totalSpaces} (${stats.occupancyPercentage}%)`;
  const stay = stats.averageStayMinutes === null ? '—' : formatDuration(stats.averageStayMinutes);
  return {
    response_type: 'ephemeral',
    text: `${garage ? `${garage}: ` : ''}Occupancy ${occupancy}, ${stats.availableSpaces} free, ${formatCents(stats.todayRevenue)} today`,
    blocks: [
      section(`:parking: ${garage ? `${escapeText(garage)}: ` : ''}*${stats.availableSpaces} spaces free* — ${occupancy} occupied`),
      fields([
        ['Revenue today', formatCents(stats.todayRevenue)],
        ['Vehicles in today', String(stats.vehiclesEnteredToday)],
        ['Vehicles out today', String(stats.vehiclesProcessedToday)],
        ['Average stay', stay],
      ]),
    ],
  };
}
