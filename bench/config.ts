import { z } from 'zod';
import { SCENARIO_NAMES } from './scenarios.js';

const count = (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/** A comma-separated list of whole numbers in [min, max], e.g. `1,4,16`: distinct, in ascending order. */
const numberList = (min: number, max: number) =>
  z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^\d+$/, 'must be whole numbers').transform(Number).pipe(z.number().int().min(min).max(max))).min(1, 'must list at least one number'))
    .transform((list) => [...new Set(list)].sort((a, b) => a - b));

/** `numberList` with a default when unset. */
const countList = (fallback: string, min: number, max: number) => z.string().trim().default(fallback).pipe(numberList(min, max));

/** What `npm run bench` reads from the environment; see bench/README.md. */
export const BenchConfigSchema = z
  .object({
    /** Completed tickets of history to seed (fewer for a quick run). */
    BENCH_TICKETS: count(1_000_000, 0, 50_000_000),
    /** Seconds each load run lasts (each side of each round of the entry/exit comparison, each read scenario). */
    BENCH_DURATION: count(10, 1, 600),
    /** Concurrent connections of the read scenarios (stats, activities, report, Slack) at full load. */
    BENCH_CONNECTIONS: count(10, 1, 500),
    /** The connection counts at which the database's limit and HTTP are compared for entries and exits. */
    BENCH_CONNECTION_COUNTS: countList('1,4,16', 1, 200),
    /** Rounds of the interleaved comparison (A B, B A, …): medians and spread are over these. */
    BENCH_ROUNDS: count(3, 1, 20),
    /** Spaces of the garage the entries and exits run in (and of each garage of the `garages` scenario). */
    BENCH_SPACES: count(1_000, 20, 100_000),
    /** How full that garage is kept, in percent: exits free as many spaces as entries take. */
    BENCH_OCCUPANCY: count(80, 1, 95),
    /** Garage counts the entries and exits are spread over in the `garages` (database) and `garagesHttp` scenarios. */
    BENCH_GARAGE_COUNTS: countList('1,10,100', 1, 1_000),
    /** Connection counts of the several-garages runs; unset: the largest of BENCH_CONNECTION_COUNTS. */
    BENCH_GARAGE_CONNECTION_COUNTS: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined))
      .pipe(numberList(1, 200).optional()),
    /** `1`: every entry and exit carries an Idempotency-Key (as the app's always do), and the database-limit transaction claims and saves it too. */
    BENCH_IDEMPOTENCY: z.enum(['0', '1']).default('1').transform((v) => v === '1'),
    /** The light load at which the read endpoints' and Slack's latency targets are judged: requests per second over 2 connections. */
    BENCH_LIGHT_RATE: count(50, 1, 10_000),
    /** Only these scenarios (comma-separated names, e.g. `stats,dailyReport`); all when unset. */
    BENCH_ONLY: z
      .string()
      .optional()
      .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined))
      .pipe(z.array(z.enum(SCENARIO_NAMES)).optional()),
    /** An existing PostgreSQL to run on instead of the embedded one (a disposable database: it is written to). */
    BENCH_DATABASE_URL: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined))
      .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// URL'),
    /** The admin's password: needed only when BENCH_DATABASE_URL already has an admin. */
    BENCH_ADMIN_PASSWORD: z.string().min(8).optional(),
    /** Keep the temporary data folder of the embedded database for a look afterwards. */
    BENCH_KEEP: z.enum(['0', '1']).default('0').transform((v) => v === '1'),
    /** Force the postgres.js measurement of the database's limit even when pgbench is installed. */
    BENCH_NO_PGBENCH: z.enum(['0', '1']).default('0').transform((v) => v === '1'),
  })
  .superRefine((c, ctx) => {
    // every connection may hold one car in flight (entered, not yet out): the free spaces must cover them
    const free = c.BENCH_SPACES - occupiedSpaces(c);
    const most = Math.max(...c.BENCH_CONNECTION_COUNTS, ...(c.BENCH_GARAGE_CONNECTION_COUNTS ?? []));
    if (free < 2 * most) {
      ctx.addIssue({
        code: 'custom',
        path: ['BENCH_SPACES'],
        message: `${c.BENCH_SPACES} spaces at ${c.BENCH_OCCUPANCY}% leave ${free} free: fewer than twice the ${most} connections of BENCH_CONNECTION_COUNTS or BENCH_GARAGE_CONNECTION_COUNTS (a full garage would refuse entries)`,
      });
    }
    const cars = Math.max(...c.BENCH_GARAGE_COUNTS) * occupiedSpaces(c);
    if (cars > 2_000_000) {
      ctx.addIssue({ code: 'custom', path: ['BENCH_GARAGE_COUNTS'], message: `${cars} cars parked over all garages: at most 2,000,000 (fewer garages or spaces)` });
    }
  });
export type BenchConfig = z.infer<typeof BenchConfigSchema>;

/** The cars kept inside a garage of the entry/exit runs: BENCH_OCCUPANCY percent of BENCH_SPACES. */
export function occupiedSpaces(c: Pick<BenchConfig, 'BENCH_SPACES' | 'BENCH_OCCUPANCY'>): number {
  return Math.round((c.BENCH_SPACES * c.BENCH_OCCUPANCY) / 100);
}

/** The connection counts of the several-garages runs: BENCH_GARAGE_CONNECTION_COUNTS, else the largest of BENCH_CONNECTION_COUNTS. */
export function garageConnectionCounts(c: Pick<BenchConfig, 'BENCH_CONNECTION_COUNTS' | 'BENCH_GARAGE_CONNECTION_COUNTS'>): number[] {
  return c.BENCH_GARAGE_CONNECTION_COUNTS ?? [Math.max(...c.BENCH_CONNECTION_COUNTS)];
}

/** Reads and validates the bench settings; the error names each bad variable. */
export function loadBenchConfig(env: Record<string, string | undefined> = process.env): BenchConfig {
  const result = BenchConfigSchema.safeParse(env);
  if (result.success) return result.data;
  throw new BenchConfigError(`Invalid bench settings:\n${result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
}

/** A bad bench setting: the message names the variable and why. */
export class BenchConfigError extends Error {
  override name = 'BenchConfigError';
}
