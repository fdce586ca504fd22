import { z } from 'zod';
import { SCENARIO_NAMES } from './scenarios.js';

const count = (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/** What `npm run bench` reads from the environment; see bench/README.md. */
export const BenchConfigSchema = z.object({
  /** Completed tickets of history to seed (fewer for a quick run). */
  BENCH_TICKETS: count(1_000_000, 0, 50_000_000),
  /** Seconds each load scenario runs. */
  BENCH_DURATION: count(10, 1, 600),
  /** Concurrent connections per scenario (HTTP and the database's own limit alike). */
  BENCH_CONNECTIONS: count(10, 1, 500),
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
});
export type BenchConfig = z.infer<typeof BenchConfigSchema>;

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
