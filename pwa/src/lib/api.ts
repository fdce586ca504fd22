import { z } from 'zod';
import { LoginAnswer, SessionEndReason, User, type LoginBody } from '../../../shared/auth.js';
import { Discard, DiscardPage, type DiscardBody } from '../../../shared/discards.js';
import { CorrectionOutcome, ExceptionPage, GarageException, type CorrectBody, type ExceptionStatus, type RefundBody, type VoidBody } from '../../../shared/corrections.js';
import { ApiError, type ErrorCode } from '../../../shared/errors.js';
import { GarageSettings, GarageStats, Status, type SettingsUpdate } from '../../../shared/garage.js';
import { Garage, type GarageUpdate } from '../../../shared/garages.js';
import { RatePlan, type QuoteBody, type RatePlanBody } from '../../../shared/rate-plan.js';
import { Shift, type CloseShiftBody, type MovementBody } from '../../../shared/shifts.js';
import { Activity, FeeBreakdown, Ticket, type CreateTicketBody, type ExitTicketBody, type PaymentMethod, type VehicleType } from '../../../shared/tickets.js';
import { Merchant, ValidationCode, ValidationsReport, type MerchantBody, type ValidationCodeBody, type ValidationCodeUpdate } from '../../../shared/validations.js';
import { learnServerTime } from './clock.js';

/** The server answered with an error: `code` to switch on, `message` for a person. */
export class ApiFailure extends Error {
  override name = 'ApiFailure';
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
  }
}

/** No answer from the server: the phone is offline, or the server is down or unreachable. */
export class NetworkFailure extends Error {
  override name = 'NetworkFailure';
}

/** Why the server says a session is gone: its reason, and its sentence to show as it is. */
export type SessionEnd = { reason: SessionEndReason; message: string };

/** Reads a 401's error into why the session ended (an answer without a reason: 'unknown'). */
function sessionEndOf(error: ApiError | null): SessionEnd {
  const first: unknown = error?.details?.[0];
  const reason = SessionEndReason.safeParse(first && typeof first === 'object' && 'reason' in first ? first.reason : undefined);
  return { reason: reason.success ? reason.data : 'unknown', message: error?.message ?? 'Your session has ended. Sign in again.' };
}

/** Called when the server says the session is gone (401), so the app can say why and ask to sign in again. */
let onUnauthorized: (end: SessionEnd) => void = () => {};
/** Sets what happens on a 401 answer. */
export function whenUnauthorized(handler: (end: SessionEnd) => void): void {
  onUnauthorized = handler;
}

type Options = { method?: 'GET' | 'POST' | 'PUT' | 'PATCH'; body?: unknown; headers?: Record<string, string> };

/**
 * One request to the API, its answer parsed with `schema`; throws ApiFailure or NetworkFailure. The
 * screens that load on demand keep their calls next to them with this (`bookings-api.ts`), so their
 * schemas stay out of the attendant's shell.
 */
export async function call<S extends z.ZodType>(schema: S, path: string, options: Options = {}): Promise<z.infer<S>> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      credentials: 'same-origin',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (error) {
    throw new NetworkFailure(`No connection to the server (${error instanceof Error ? error.message : String(error)})`);
  }
  learnServerTime(response.headers.get('date'), Date.now());
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) {
    // Offline, the service worker answers with the app page; a proxy or portal may answer with HTML too.
    throw new NetworkFailure(`The server did not answer (HTTP ${response.status}, ${type || 'no content type'})`);
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = ApiError.safeParse(json);
    if (response.status === 401) onUnauthorized(sessionEndOf(error.success ? error.data : null));
    if (error.success) throw new ApiFailure(response.status, error.data.code, error.data.message, error.data.details);
    if (response.status >= 500) throw new NetworkFailure(`The server had a problem (HTTP ${response.status})`);
    throw new ApiFailure(response.status, 'internal', `Unexpected answer from the server (HTTP ${response.status})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiFailure(response.status, 'internal', `The server's answer to ${path} was not what this app expects; reload the app`);
  }
  return parsed.data;
}

/** True for failures worth retrying later: no answer, 5xx, too many requests. */
export function isTransient(error: unknown): boolean {
  return error instanceof NetworkFailure || (error instanceof ApiFailure && (error.status >= 500 || error.status === 429 || error.status === 408));
}

const SignedOut = z.object({ ok: z.literal(true) });
/** A page of shifts as GET …/shifts answers it. */
const ShiftPage = z.object({ shifts: z.array(Shift), nextBefore: z.number().int().nullable() });
/** What POST …/rate-plan/quote answers: the price of a stay, its breakdown, and its lines in words. */
export const StayQuote = z.object({ totalCents: z.number().int(), breakdown: FeeBreakdown, words: z.array(z.string()) });
export type StayQuote = z.infer<typeof StayQuote>;

/** The path of a garage's own resource: `/api/garages/:garageId…`, so a call acts on that garage and no other. */
export const inGarage = (garageId: number, path: string) => `/api/garages/${garageId}${path}`;

/**
 * The ParkOps API, every answer checked against the shared schemas. Every garage resource is asked
 * of one garage by id (the garage on screen, or the garage an outbox item was recorded in), never
 * through the seed's paths that act on the user's default garage.
 */
export const api = {
  status: () => call(Status, '/api/status'),
  login: (body: LoginBody) => call(LoginAnswer, '/api/auth/login', { method: 'POST', body }),
  logout: () => call(SignedOut, '/api/auth/logout', { method: 'POST', body: {} }),
  me: () => call(User, '/api/auth/me'),
  /** The garages this user may use, ordered by id. */
  garages: () => call(z.array(Garage), '/api/garages'),
  /** Admins: changes a garage's profile (only the fields sent); the garage after. */
  updateGarage: (id: number, body: GarageUpdate) => call(Garage, `/api/garages/${id}`, { method: 'PATCH', body }),
  stats: (garageId: number) => call(GarageStats, inGarage(garageId, '/stats')),
  activities: (garageId: number, limit = 10) => call(z.array(Activity), inGarage(garageId, `/activities?limit=${limit}`)),
  settings: (garageId: number) => call(GarageSettings, inGarage(garageId, '/settings')),
  updateSettings: (garageId: number, body: SettingsUpdate) => call(GarageSettings, inGarage(garageId, '/settings'), { method: 'PUT', body }),
  ticket: (garageId: number, ticketNumber: string) => call(Ticket, inGarage(garageId, `/tickets/${encodeURIComponent(ticketNumber)}`)),
  activeByPlate: (garageId: number, plate: string) =>
    call(z.array(Ticket), inGarage(garageId, `/tickets?plate=${encodeURIComponent(plate)}&status=active`)),
  enter: (garageId: number, body: EntryRequest, idempotencyKey: string) =>
    call(Ticket, inGarage(garageId, '/tickets'), { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } }),
  exit: (garageId: number, ticketNumber: string, body: ExitRequest, idempotencyKey: string) =>
    call(Ticket, inGarage(garageId, `/tickets/${encodeURIComponent(ticketNumber)}/exit`), {
      method: 'PUT',
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  /** Voids an active ticket entered by mistake; done at once, or a request waiting for a manager. */
  voidTicket: (garageId: number, ticketNumber: string, body: VoidRequest, idempotencyKey: string) =>
    call(CorrectionOutcome, inGarage(garageId, `/tickets/${encodeURIComponent(ticketNumber)}/void`), { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } }),
  /** Corrects an active ticket's plate or vehicle type (PATCH is idempotent; the key goes along anyway). */
  correctTicket: (garageId: number, ticketNumber: string, body: CorrectRequest, idempotencyKey: string) =>
    call(Ticket, inGarage(garageId, `/tickets/${encodeURIComponent(ticketNumber)}`), { method: 'PATCH', body, headers: { 'Idempotency-Key': idempotencyKey } }),
  /** Gives money back on a paid ticket; done at once, or a request waiting for a manager. */
  refund: (garageId: number, ticketNumber: string, body: RefundRequest, idempotencyKey: string) =>
    call(CorrectionOutcome, inGarage(garageId, `/tickets/${encodeURIComponent(ticketNumber)}/refunds`), { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } }),
  /** Checks out a lost ticket with the lost-ticket fee waived (the stay paid with `paymentMethod`); done, or waiting for a manager. */
  waiveLostTicketFee: (garageId: number, ticketNumber: string, body: WaiverRequest, idempotencyKey: string) =>
    call(CorrectionOutcome, inGarage(garageId, `/tickets/${encodeURIComponent(ticketNumber)}/lost-ticket-waiver`), {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  /** Managers: the requests of a garage with `status`, newest first. */
  exceptions: (garageId: number, status: ExceptionStatus, before?: number) =>
    call(ExceptionPage, inGarage(garageId, `/exceptions?status=${status}&limit=50${before ? `&before=${before}` : ''}`)),
  /** One request and what became of it (anyone may see their own). */
  exception: (garageId: number, id: number) => call(GarageException, inGarage(garageId, `/exceptions/${id}`)),
  /** Managers: approves a request (it is carried out now); 409 already_decided / request_expired. */
  approveException: (garageId: number, id: number) => call(GarageException, inGarage(garageId, `/exceptions/${id}/approve`), { method: 'POST' }),
  /** Managers: denies a request, with an optional note for the one who asked. */
  denyException: (garageId: number, id: number, note?: string) =>
    call(GarageException, inGarage(garageId, `/exceptions/${id}/deny`), { method: 'POST', body: note ? { note } : {} }),
  /** Records an outbox item a person gave up on; the same key again gives the same record. */
  reportDiscard: (garageId: number, body: DiscardBody) => call(Discard, inGarage(garageId, '/discards'), { method: 'POST', body }),
  /** Managers: discarded items, newest first (`needs_manager`: the payments to resolve). */
  discards: (garageId: number, status: Discard['status'], before?: number) =>
    call(DiscardPage, inGarage(garageId, `/discards?status=${status}&limit=50${before ? `&before=${before}` : ''}`)),
  /** Managers: says what became of the money of a discarded paid exit. */
  resolveDiscard: (garageId: number, id: number, note: string) =>
    call(Discard, inGarage(garageId, `/discards/${id}/resolve`), { method: 'POST', body: { note } }),
  /** Opens the caller's shift with the float in the drawer; 409 shift_already_open. */
  openShift: (garageId: number, openingFloatCents: number) => call(Shift, inGarage(garageId, '/shifts'), { method: 'POST', body: { openingFloatCents } }),
  /** The caller's open shift (blind: no cash figures for its holder); 404 when none is open. */
  currentShift: (garageId: number) => call(Shift, inGarage(garageId, '/shifts/current')),
  /** Records a cash drop, payout or float addition on a shift; the shift after. */
  addMovement: (garageId: number, shiftId: number, body: MovementBody) => call(Shift, inGarage(garageId, `/shifts/${shiftId}/movements`), { method: 'POST', body }),
  /** Closes a shift with the cash counted; the answer is the first to show expected cash and variance. */
  closeShift: (garageId: number, shiftId: number, body: CloseShiftBody) => call(Shift, inGarage(garageId, `/shifts/${shiftId}/close`), { method: 'POST', body }),
  /** Managers: a page of the garage's shifts, newest first, optionally of one status; `before`: the page's `nextBefore` (older ones). */
  shifts: (garageId: number, status?: Shift['status'], before?: number) => {
    const query = new URLSearchParams({ ...(status ? { status } : {}), ...(before ? { before: String(before) } : {}) }).toString();
    return call(ShiftPage, inGarage(garageId, `/shifts${query ? `?${query}` : ''}`));
  },
  /** Managers: marks an ended shift's variance as looked into, with a note. */
  reconcileShift: (garageId: number, shiftId: number, note: string) => call(Shift, inGarage(garageId, `/shifts/${shiftId}/reconcile`), { method: 'POST', body: { note } }),
  /** The rate plan in force (any staff). */
  ratePlan: (garageId: number) => call(RatePlan, inGarage(garageId, '/rate-plan')),
  /** Managers: saves the whole plan as a new version (cars inside keep theirs); the new version. */
  saveRatePlan: (garageId: number, body: RatePlanBody) => call(RatePlan, inGarage(garageId, '/rate-plan'), { method: 'PUT', body }),
  /** Prices a stay without a ticket (with a draft `plan`: a manager's preview; with a code: its discount); 409 validation_refused. */
  quoteStay: (garageId: number, body: QuoteRequest) => call(StayQuote, inGarage(garageId, '/rate-plan/quote'), { method: 'POST', body }),
  /** Managers: the merchants with their validation codes and uses. */
  merchants: (garageId: number) => call(z.array(Merchant), inGarage(garageId, '/merchants')),
  /** Managers: adds a merchant; 409 already_exists. */
  addMerchant: (garageId: number, body: z.input<typeof MerchantBody>) => call(Merchant, inGarage(garageId, '/merchants'), { method: 'POST', body }),
  /** Managers: adds a validation code to a merchant; 409 already_exists when the code is taken. */
  addValidationCode: (garageId: number, merchantId: number, body: z.input<typeof ValidationCodeBody>) =>
    call(ValidationCode, inGarage(garageId, `/merchants/${merchantId}/codes`), { method: 'POST', body }),
  /** Managers: ends a code early (`validTo`) or changes its number of uses; the code after. */
  updateValidationCode: (garageId: number, merchantId: number, code: string, body: ValidationCodeUpdate) =>
    call(ValidationCode, inGarage(garageId, `/merchants/${merchantId}/codes/${encodeURIComponent(code)}`), { method: 'PATCH', body }),
  /** Managers: the bill-back per merchant for the garage's local dates `from`..`to`. */
  validationsReport: (garageId: number, from: string, to: string) => call(ValidationsReport, validationsReportPath(garageId, from, to)),
};

/** The bill-back's address for the garage's local dates `from`..`to`; `csv`: the download. */
export function validationsReportPath(garageId: number, from: string, to: string, { csv = false } = {}): string {
  return inGarage(garageId, `/reports/validations?${new URLSearchParams({ from, to, ...(csv ? { format: 'csv' } : {}) }).toString()}`);
}

/** What the app sends to price a stay (POST …/rate-plan/quote). */
export type QuoteRequest = z.input<typeof QuoteBody>;

/**
 * What the app sends to record an entry: the body POST /api/garages/:garageId/tickets takes, always with the vehicle
 * type as the app names it and the time it happened (the outbox dates every entry).
 */
export type EntryRequest = z.input<typeof CreateTicketBody> & { vehicleType: VehicleType; entryTime: string };
/** What the app sends to record an exit: the body PUT /api/garages/:garageId/tickets/:n/exit takes, its payment method as the app names it. */
export type ExitRequest = z.input<typeof ExitTicketBody> & { paymentMethod: PaymentMethod };
/** What the app sends to void a ticket (POST …/tickets/:n/void). */
export type VoidRequest = z.input<typeof VoidBody>;
/** What the app sends to correct a ticket (PATCH …/tickets/:n). */
export type CorrectRequest = z.input<typeof CorrectBody>;
/** What the app sends to refund a ticket (POST …/tickets/:n/refunds). */
export type RefundRequest = z.input<typeof RefundBody>;
/** What the app sends to check out a lost ticket with its fee waived (POST …/tickets/:n/lost-ticket-waiver). */
export type WaiverRequest = { paymentMethod: PaymentMethod };
