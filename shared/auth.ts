import { z } from 'zod';
import { Text } from './strings.js';

export const ROLES = ['attendant', 'manager', 'admin'] as const;

/** What a staff member may do: attendant < manager < admin. */
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** True when `role` has at least the rights of `needed`. */
export function hasRole(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** A staff account as the API shows it (never with its password hash). */
export const User = z
  .object({
    id: z.number().int(),
    username: z.string(),
    role: Role,
    disabled: z.boolean(),
    slackUserId: z.string().nullable(),
    createdAt: z.iso.datetime(),
    garageIds: z.array(z.number().int()).meta({ description: 'The garages this user may use, by id (admins: every garage)' }),
    defaultGarageId: z.number().int().meta({ description: "The garage the seed's paths (/api/tickets, /api/garage/stats, …) act on for this user" }),
  })
  .meta({ description: 'A staff account' });
export type User = z.infer<typeof User>;

/** A username: 3..40 of a-z 0-9 . _ - (stored lowercase). */
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, 'A username is 3 to 40 of a-z, 0-9, dot, underscore and dash');

/** A new password: 8..200 characters. */
export const NewPassword = z.string().min(8, 'A password has at least 8 characters').max(200, 'A password has at most 200 characters');

/** A Slack user id such as U0123ABCD. */
export const SlackUserId = z.string().regex(/^[UW][A-Z0-9]{2,20}$/, 'A Slack user id looks like U0123ABCD');

/** POST /api/auth/login */
export const LoginBody = z.strictObject({
  username: Text(100, 'The username').trim().toLowerCase().min(1, 'Enter your username'),
  password: z.string().min(1, 'Enter your password').max(200),
});
export type LoginBody = z.infer<typeof LoginBody>;

/** The answer to a successful login: a bearer token (also set as a cookie) and who signed in. */
export const LoginAnswer = z.object({ token: z.string(), user: User });
export type LoginAnswer = z.infer<typeof LoginAnswer>;

/** A set of garages a user may use: 1..100 distinct garage ids. */
export const GarageIds = z
  .array(z.number().int().min(1).max(2_147_483_647), 'garageIds is a list of garage ids')
  .min(1, 'A user needs at least one garage')
  .max(100, 'At most 100 garages per user')
  .refine((ids) => new Set(ids).size === ids.length, 'List each garage once');

/** A garage id in a body. */
export const GarageIdField = z.number().int().min(1).max(2_147_483_647);

/** POST /api/users — without garageIds the user may use the first garage (as before several garages). */
export const CreateUserBody = z.strictObject({
  username: Username,
  password: NewPassword,
  role: Role,
  slackUserId: SlackUserId.nullable().optional(),
  garageIds: GarageIds.optional(),
  defaultGarageId: GarageIdField.optional(),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

/** PATCH /api/users/:id — any of these. */
export const UpdateUserBody = z
  .strictObject({
    role: Role.optional(),
    password: NewPassword.optional(),
    disabled: z.boolean().optional(),
    slackUserId: SlackUserId.nullable().optional(),
    garageIds: GarageIds.optional(),
    defaultGarageId: GarageIdField.nullable().optional(),
  })
  .refine((u) => Object.keys(u).length > 0, { message: 'Send at least one of role, password, disabled, slackUserId, garageIds, defaultGarageId' });
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

/** Who did something, for the audit log: `user:<id>`, `slack:<U…>` or `system`. */
export type Actor = `user:${number}` | `slack:${string}` | 'system';
/** Where a change came from. */
export const AuditSource = z.enum(['pwa', 'api', 'slack', 'system']);
export type AuditSource = z.infer<typeof AuditSource>;

/**
 * Why a request has no session, in every 401's `details[0].reason`, so an app can say it in words:
 * none was sent, it is not known, its user signed out (maybe on another device), their password was
 * reset, their account was disabled, or it was idle too long.
 */
export const SessionEndReason = z.enum(['no_session', 'unknown', 'signed_out', 'password_reset', 'disabled', 'idle']);
export type SessionEndReason = z.infer<typeof SessionEndReason>;

/** Who makes a change and through which door; recorded in the audit log, and the scope of its idempotency keys. */
export type Attribution = { actor: Actor; source: AuditSource };

/**
 * The permission rule, the one place that says who may do what — asked by the HTTP access table
 * (api/auth/access.ts), by Slack's commands and by the app's menus: each action and the least role
 * that may do it.
 */
export const ACTION_ROLES = {
  /** Their own session: who am I, sign out. */
  'session.use': 'attendant',
  /** Issue, look up, search and check out tickets. */
  'tickets.use': 'attendant',
  'garage.stats': 'attendant',
  'activities.read': 'attendant',
  'settings.read': 'manager',
  'settings.write': 'manager',
  'reports.read': 'manager',
  'audit.read': 'manager',
  'users.manage': 'admin',
  /** See the garages one may use. */
  'garages.read': 'attendant',
  /** Change a garage's profile (name, place, public feed) and its capacity and tariff. */
  'garages.manage': 'admin',
  /** Report an outbox item given up on the phone (what was discarded, and why). */
  'discards.report': 'attendant',
  /** See discarded items and resolve those where money was taken. */
  'discards.resolve': 'manager',
  'channels.link': 'manager', // link a Slack channel to a garage (/park link)
  /** Ask for a void, refund or lost-ticket fee waiver, correct a plate (carried out at once when the garage's policy allows). */
  'corrections.request': 'attendant',
  /** See one request and what became of it. */
  'exceptions.read': 'attendant',
  /** List the requests waiting, approve or deny them. */
  'exceptions.decide': 'manager',
  /** Open, count and close one's own shift (and see it). */
  'shifts.use': 'attendant',
  /** See every shift of a garage with its cash, reconcile them. */
  'shifts.manage': 'manager',
  /** See the rate plan and price a stay without a ticket. */
  'rates.read': 'attendant',
  /** Save a new version of the rate plan. */
  'rates.write': 'manager',
  /** Merchants and their validation codes. */
  'validations.manage': 'manager',
  /** Monthly parkers: add, import, export, renew, suspend, cancel. */
  'permits.manage': 'manager',
  /** Book a space for a plate, see and cancel bookings (the front desk takes them by phone too). */
  'reservations.use': 'attendant',
  /** See the garage's alerts and mute a kind of them. */
  'alerts.manage': 'manager',
  /** Revoke a receipt's link (/r/<token>): whoever holds it no longer sees the receipt. */
  'receipts.revoke': 'manager',
} as const satisfies Record<string, Role>;
export type Action = keyof typeof ACTION_ROLES;

/** Whether someone may do an action, and when not, why (for the door to phrase). */
export type AccessDecision =
  | { ok: true }
  | { ok: false; reason: 'no_account' | 'disabled'; needed: Role }
  | { ok: false; reason: 'role'; needed: Role; role: Role };

/**
 * Decides whether a staff account (null: none, or no live session) may do `action`.
 * @example decideAccess({ role: 'attendant', disabled: false }, 'reports.read') // { ok: false, reason: 'role', needed: 'manager', role: 'attendant' }
 */
export function decideAccess(user: { role: Role; disabled: boolean } | null, action: Action): AccessDecision {
  const needed = ACTION_ROLES[action];
  if (!user) return { ok: false, reason: 'no_account', needed };
  if (user.disabled) return { ok: false, reason: 'disabled', needed };
  if (!hasRole(user.role, needed)) return { ok: false, reason: 'role', needed, role: user.role };
  return { ok: true };
}

/** One row of the audit log. */
export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  actor: z.string(),
  source: AuditSource,
  action: z.string(),
  subject: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
