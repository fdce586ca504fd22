import { entryRoundTrips, type RoundTrip } from './entry-sql.js';
import { exitRoundTrips, type ExitTarget } from './exit-sql.js';

/**
 * One database-limit run: each client repeats "a car comes in, the oldest car of its share goes
 * out", spread over `garages` garages with consecutive ids from `firstGarageId`.
 *
 * Iteration `i` of client `c` (C clients, N garages) works in garage `g = (i + c) mod N` and brings
 * in the car of series number `base + i·C + c`. Its exit takes, in garage `g`, the car dealt to it
 * at position `k = ⌊i / N⌋` of the exit queue (the cars inside when the run began, oldest first,
 * dealt round-robin: `stock` positions per client and garage); once those are out, the car it
 * brought into that garage `stock·N` iterations earlier. So every garage keeps its occupancy (one in,
 * one out) and cars leave in about the order they came in.
 */
export type GatePlan = {
  firstGarageId: number;
  garages: number;
  clients: number;
  /** Exit-queue positions per client and garage. */
  stock: number;
  /** First series number of this run (distinct per run, so plates and ticket numbers never repeat). */
  base: number;
  idempotency: boolean;
};

/** What one iteration of one client works on (the same arithmetic as the pgbench script's `\set` lines). */
export type Iteration = { g: number; garage: number; k: number; series: number; exitseries: number; target: ExitTarget };

/** Iteration `i` of client `client` under `plan`. */
export function iteration(plan: GatePlan, client: number, i: number): Iteration {
  const g = (i + client) % plan.garages;
  const k = Math.floor(i / plan.garages);
  return {
    g,
    garage: plan.firstGarageId + g,
    k,
    series: plan.base + i * plan.clients + client,
    exitseries: plan.base + (i - plan.stock * plan.garages) * plan.clients + client,
    target: k < plan.stock ? 'stock' : 'ownCar',
  };
}

/** The round trips of the entry, and of the exit for each kind of target. */
export function gateRoundTrips(plan: Pick<GatePlan, 'idempotency'>): { entry: RoundTrip[]; exit: Record<ExitTarget, RoundTrip[]> } {
  return {
    entry: entryRoundTrips(plan),
    exit: { stock: exitRoundTrips(plan, 'stock'), ownCar: exitRoundTrips(plan, 'ownCar') },
  };
}

const PLACEHOLDER = /\{([a-z_]+)\}/g;

/** `{name}` → pgbench's `:name` (`{client}` is pgbench's own `:client_id`), on one line. */
function forPgbench(statement: string): string {
  return statement.replace(PLACEHOLDER, (_, name: string) => (name === 'client' ? ':client_id' : `:${name}`)).replace(/\s*\n\s*/g, ' ');
}

function pgbenchTrips(trips: RoundTrip[]): string[] {
  return trips.flatMap((trip) => {
    if (trip.statements.length > 1) return ['\\startpipeline', ...trip.statements.map((s) => `${forPgbench(s)};`), '\\endpipeline'];
    const statement = forPgbench(trip.statements[0]!);
    return [trip.keep ? `${statement} \\aset ${trip.keep}` : `${statement};`];
  });
}

/** The pgbench script of a run: the iteration arithmetic, the entry, then the exit of the right target. Needs `pgbenchDefines`. */
export function pgbenchScript(plan: GatePlan): string {
  const trips = gateRoundTrips(plan);
  return [
    '\\set i :i + 1',
    '\\set g (:i + :client_id) % :garages',
    '\\set garage :first_garage + :g',
    '\\set k :i / :garages',
    '\\set series :base + :i * :clients + :client_id',
    '\\set exitseries :base + (:i - :stock * :garages) * :clients + :client_id',
    ...pgbenchTrips(trips.entry),
    '\\if :k < :stock',
    ...pgbenchTrips(trips.exit.stock),
    '\\else',
    ...pgbenchTrips(trips.exit.ownCar),
    '\\endif',
    '',
  ].join('\n');
}

/** pgbench's `-D` settings for `pgbenchScript` (variables persist between a client's transactions, so `i` counts). */
export function pgbenchDefines(plan: GatePlan): string[] {
  const defines = { i: -1, garages: plan.garages, first_garage: plan.firstGarageId, base: plan.base, clients: plan.clients, stock: plan.stock };
  return Object.entries(defines).flatMap(([name, value]) => ['-D', `${name}=${value}`]);
}

/** A statement for postgres.js: `{name}` → `$n`, and the variable names in parameter order. */
export type BoundStatement = { text: string; names: string[] };

/** Binds a statement's placeholders to positional parameters. */
export function forPostgresJs(statement: string): BoundStatement {
  const names: string[] = [];
  const text = statement.replace(PLACEHOLDER, (_, name: string) => {
    const at = names.indexOf(name);
    if (at >= 0) return `$${at + 1}`;
    names.push(name);
    return `$${names.length}`;
  });
  return { text, names };
}
