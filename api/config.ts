import { z } from 'zod';
import { isTimeZone } from '../shared/garage-day.js';
import { invalidProxyEntries } from './http/client-address.js';

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const intIn = (min: number, max: number, fallback: number) =>
  z.coerce.number().int(`must be a whole number from ${min} to ${max}`).min(min, `must be at least ${min}`).max(max, `must be at most ${max}`).default(fallback);

/**
 * The origin of an http(s) address with nothing after its host but an optional slash, e.g.
 * `https://parkops.example.com/` -> `https://parkops.example.com`; null for anything else
 * (a path, a query, a fragment, credentials, another scheme).
 */
function readOrigin(text: string): string | null {
  if (!/^https?:\/\/[^/?#\\]/i.test(text) || /[?#\s]/.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null; // not an address at all: the caller says what is expected
  }
  if (url.pathname !== '/' || url.username || url.password) return null;
  return url.origin;
}

const PUBLIC_URL_MESSAGE =
  'must be the address drivers and Slack users reach ParkOps at: http(s) and a host, with no path, query or fragment, e.g. https://parkops.example.com';

const postgresUrl = optionalText.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// URL');

/** The environment ParkOps reads, validated at start. */
export const ConfigSchema = z.object({
  PORT: intIn(1, 65535, 5001),
  DATABASE_URL: postgresUrl,
  /** A read replica for reports and the public feed; used only with DATABASE_URL (server/main.ts). */
  DATABASE_READ_URL: postgresUrl,
  DATA_DIR: z.string().trim().min(1).default('./.data'),
  ADMIN_PASSWORD: optionalText.refine((v) => v === undefined || v.length >= 8, 'must be at least 8 characters'),
  GARAGE_TOTAL_SPACES: intIn(1, 100000, 140),
  GARAGE_HOURLY_RATE_CENTS: intIn(0, 1000000, 1000),
  GARAGE_TIMEZONE: z.string().trim().default('UTC').refine(isTimeZone, 'must be an IANA timezone such as America/New_York'),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xoxb-'), 'must be a bot token (xoxb-…)'),
  SLACK_TEAM_ID: optionalText,
  SLACK_SUMMARY_CHANNEL: optionalText,
  SLACK_API_URL: optionalText.refine((v) => v === undefined || /^https?:\/\/.+\/$/.test(v), 'must be an http(s) URL ending in /, e.g. https://slack.com/api/'),
  SUMMARY_SCHEDULE: z.string().trim().default('0 7 * * *'),
  SESSION_IDLE_HOURS: intIn(1, 24 * 30, 12),
  METRICS_TOKEN: optionalText.refine((v) => v === undefined || v.length >= 16, 'must be at least 16 characters'),
  TRUSTED_PROXY: optionalText.superRefine((v, ctx) => {
    const bad = v === undefined ? [] : invalidProxyEntries(v);
    if (bad.length) ctx.addIssue({ code: 'custom', message: `must be a comma-separated list of IP addresses or CIDR ranges of your reverse proxies, e.g. 127.0.0.1,10.0.0.0/8 (not: ${bad.join(', ')})` });
  }),
  /** Where drivers and Slack users reach ParkOps, e.g. https://parkops.example.com (a trailing slash is dropped); unset: Slack cannot give receipt links. */
  PUBLIC_URL: optionalText.transform((v, ctx) => {
    if (v === undefined) return undefined;
    const origin = readOrigin(v);
    if (origin === null) ctx.addIssue({ code: 'custom', message: PUBLIC_URL_MESSAGE });
    return origin ?? undefined;
  }),
  /** Signs receipt links (/r/<token>); unset: a key made once and kept in the database. Changing it ends every link. */
  RECEIPT_LINK_SECRET: optionalText.refine((v) => v === undefined || v.length >= 32, 'must be at least 32 characters (e.g. openssl rand -base64 32)'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Reads and validates the environment; the error names every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = ConfigSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

/** A configuration problem: the message says which variable and why. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
