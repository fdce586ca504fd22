import { User } from '../../shared/auth.js';
import { CorrectionOutcome, GarageException, type Refund } from '../../shared/corrections.js';
import { Discard, DiscardPage, type DiscardBody } from '../../shared/discards.js';
import { GarageSettings, GarageStats } from '../../shared/garage.js';
import { Garage } from '../../shared/garages.js';
import { quoteTicketFee } from '../../shared/fee.js';
import { feeLineWords } from '../../shared/fee-lines.js';
import { applyValidation, priceStay, type ValidationTerms } from '../../shared/pricing.js';
import { RatePlan, type RatePlanBody } from '../../shared/rate-plan.js';
import { Merchant, ValidationCode, ValidationsReport } from '../../shared/validations.js';
import { Permit } from '../../shared/permits.js';
import { Reservation } from '../../shared/reservations.js';
import { DailyReport, type PeriodFigures } from '../../shared/reports.js';
import { ChartsReport } from '../../shared/charts.js';
import type { VehicleType } from '../../shared/vehicle-type.js';
import { StayQuote } from '../src/lib/api.js';
import { Activity, Ticket, type PaymentMethod } from '../../shared/tickets.js';

/** What a test may choose about a ticket; what follows from it (amounts, breakdown, rate) is worked out. */
type TicketFacts = Partial<Pick<Ticket, 'id' | 'ticketNumber' | 'licensePlate' | 'vehicleType' | 'entryTime' | 'tariff' | 'kind' | 'permit' | 'reservation'>>;

const ticketFacts = {
  id: 1,
  ticketNumber: 'PS-7K3QXM',
  licensePlate: 'ABC 123',
  vehicleType: 'Car',
  entryTime: '2026-11-23T12:00:00.000Z',
  tariff: { hourlyRate: 1000, graceMinutes: 0, dailyMaxCents: null },
  kind: 'transient',
  permit: null,
  reservation: null,
} satisfies Required<TicketFacts>;

/** Fixtures are parsed with the shared schemas, so a fixture that drifts from the contract fails. */
export const fixture = {
  /** A staff account; unless a test says otherwise, one who works in garage 1 only. */
  user: (over: Partial<User> = {}): User =>
    User.parse({
      id: 7,
      username: 'ana',
      role: 'attendant',
      disabled: false,
      slackUserId: null,
      createdAt: '2026-11-01T08:00:00.000Z',
      garageIds: [1],
      defaultGarageId: over.garageIds?.[0] ?? 1,
      ...over,
    }),
  /**
   * An active ticket as the server answers it at `fetchedAt` (90 min after entry unless a test says
   * otherwise): `amountDue` and `feeBreakdown` are the server's quote at that moment, made with the
   * one pricing function, and the hourly rate is the tariff's.
   */
  activeTicket: (over: TicketFacts = {}, fetchedAt?: Date): Ticket => {
    const facts = { ...ticketFacts, ...over };
    const quote = quoteTicketFee(facts, fetchedAt ?? new Date(Date.parse(facts.entryTime) + 90 * 60_000));
    return Ticket.parse({
      ...facts,
      exitTime: null,
      durationMinutes: null,
      amountPaid: null,
      status: 'active',
      paymentMethod: null,
      hourlyRate: facts.tariff.hourlyRate,
      amountDue: quote.totalCents,
      feeBreakdown: quote,
    });
  },
  /** A ticket paid at `exitTime` (90 min after entry unless given), charged as the server charges it. */
  completedTicket: (over: TicketFacts & { exitTime?: string; paymentMethod?: PaymentMethod; refundedCents?: number } = {}): Ticket => {
    const entryTime = over.entryTime ?? ticketFacts.entryTime;
    const facts = { ...ticketFacts, exitTime: new Date(Date.parse(entryTime) + 90 * 60_000).toISOString(), paymentMethod: 'Cash' as const, ...over };
    const fee = quoteTicketFee(facts, new Date(facts.exitTime));
    return Ticket.parse({
      ...facts,
      durationMinutes: fee.durationMinutes,
      amountPaid: fee.totalCents,
      status: 'completed',
      hourlyRate: facts.tariff.hourlyRate,
      feeBreakdown: fee,
    });
  },
  /** A ticket voided at `at` (30 min after entry unless given): never charged, not inside. */
  voidedTicket: (over: TicketFacts & { at?: string; reason?: string; note?: string | null } = {}): Ticket => {
    const { at, reason = 'duplicate', note = null, ...facts } = over;
    const entryTime = facts.entryTime ?? ticketFacts.entryTime;
    const voidedAt = at ?? new Date(Date.parse(entryTime) + 30 * 60_000).toISOString();
    const t = { ...ticketFacts, ...facts };
    return Ticket.parse({
      ...t,
      exitTime: voidedAt,
      durationMinutes: null,
      amountPaid: null,
      status: 'voided',
      paymentMethod: null,
      hourlyRate: t.tariff.hourlyRate,
      voided: { at: voidedAt, by: 'user:7', reason, note },
    });
  },
  /** A request waiting for a manager (asked by ana at 14:05 UTC, expiring 30 min later), or as decided. */
  exception: (over: Partial<GarageException> = {}): GarageException =>
    GarageException.parse({
      id: 41,
      garageId: 1,
      type: 'void',
      ticketNumber: 'PS-7K3QXM',
      licensePlate: 'ABC 123',
      amountCents: 2000,
      reason: 'duplicate',
      note: null,
      requestedBy: 'user:7',
      requestedByName: 'ana',
      requestedAt: '2026-11-23T14:05:00.000Z',
      expiresAt: '2026-11-23T14:35:00.000Z',
      status: 'pending',
      decidedBy: null,
      decidedByName: null,
      decidedAt: null,
      decisionNote: null,
      ...over,
    }),
  /** What a void, refund or waiver answers: done with the ticket after it, or pending with the request. */
  done: (ticket: Ticket, refund: Refund | null = null): CorrectionOutcome =>
    CorrectionOutcome.parse({ outcome: 'done', ticket, refund, approvedBy: 'user:7' }),
  pending: (exception: GarageException): CorrectionOutcome => CorrectionOutcome.parse({ outcome: 'pending', exception }),
  stats: (over: Partial<GarageStats> = {}): GarageStats =>
    GarageStats.parse({
      totalSpaces: 140,
      occupiedSpaces: 23,
      availableSpaces: 117,
      occupancyPercentage: 16.43,
      availablePercentage: 83.57,
      todayRevenue: 12550,
      vehiclesEnteredToday: 31,
      vehiclesProcessedToday: 8,
      averageStayMinutes: 95,
      hourlyRate: 1000,
      graceMinutes: 0,
      dailyMaxCents: null,
      timezone: 'America/New_York',
      ...over,
    }),
  activity: (over: Partial<Activity> = {}): Activity =>
    Activity.parse({
      type: 'entry',
      timestamp: '2026-11-23T14:05:00.000Z',
      ticketNumber: 'PS-7K3QXM',
      licensePlate: 'ABC 123',
      vehicleType: 'Car',
      amountPaid: null,
      paymentMethod: null,
      ...over,
    }),
  /** A garage as GET /api/garages lists it (and PATCH /api/garages/:id answers). */
  garage: (over: Partial<Garage> = {}): Garage =>
    Garage.parse({
      id: 1,
      name: 'Main Street',
      address: '1 Main St, Springfield',
      lat: null,
      lon: null,
      publicFeed: false,
      totalSpaces: 140,
      hourlyRate: 1000,
      timezone: 'America/New_York',
      slackManagersChannel: null,
      ...over,
    }),
  settings: (over: Partial<GarageSettings> = {}): GarageSettings =>
    GarageSettings.parse({ totalSpaces: 140, hourlyRate: 1000, timezone: 'UTC', graceMinutes: 0, dailyMaxCents: null, ...over }),
  /**
   * The server's record of a discarded outbox item, made from what the phone reported (as the server
   * does): `needs_manager` for an exit where money was taken, else `recorded`.
   */
  discard: (body: DiscardBody, over: Partial<Discard> = {}): Discard =>
    Discard.parse({
      id: 1,
      ...body,
      discardedBy: { id: 7, username: 'ana' },
      discardedAt: '2026-11-23T15:00:00.000Z',
      status: body.kind === 'exit' && body.paymentMethod !== null ? 'needs_manager' : 'recorded',
      resolution: null,
      ...over,
    }),
  discardPage: (discards: Discard[], nextBefore: number | null = null): DiscardPage => DiscardPage.parse({ discards, nextBefore }),
  /** The rate plan in force as GET …/rate-plan answers it: version 3 of a plain $10/h plan in UTC unless a test says otherwise. */
  ratePlan: (over: Partial<RatePlan> = {}): RatePlan =>
    RatePlan.parse({
      hourlyRate: 1000,
      vehicleRates: {},
      graceMinutes: 0,
      dailyMaxCents: null,
      bands: [],
      specials: [],
      events: [],
      version: 3,
      timezone: 'UTC',
      createdAt: '2026-11-20T09:00:00.000Z',
      createdBy: 'maria',
      ...over,
    }),
  /**
   * What POST …/rate-plan/quote answers for a stay under `plan` (in `timeZone`), priced as the server
   * prices it: the one pricing function, then the validation's `terms` if given, and the lines in words.
   */
  stayQuote: (plan: RatePlanBody, stay: { vehicleType?: VehicleType; entryTime: string; exitTime: string; terms?: ValidationTerms }, timeZone = 'UTC'): StayQuote => {
    const entry = new Date(stay.entryTime);
    const exit = new Date(stay.exitTime);
    const priceAt = (at: Date) => priceStay(plan, stay.vehicleType ?? 'Car', entry, at, timeZone);
    let fee = priceAt(exit);
    if (stay.terms) {
      const shorter = (minutes: number) => (exit.getTime() - entry.getTime() <= minutes * 60_000 ? 0 : priceAt(new Date(exit.getTime() - minutes * 60_000)).totalCents);
      fee = applyValidation(fee, stay.terms, shorter);
    }
    return StayQuote.parse({ totalCents: fee.totalCents, breakdown: fee, words: (fee.lines ?? []).map((l) => feeLineWords(l, timeZone)) });
  },
  /** A merchant's validation code: $5.00 off, valid through 2026, 100 uses, 3 used, unless a test says otherwise. */
  validationCode: (over: Partial<ValidationCode> = {}): ValidationCode =>
    ValidationCode.parse({
      id: 11,
      merchantId: 5,
      merchantName: 'Rialto Cinema',
      code: 'CINEMA5',
      kind: 'amount',
      value: 500,
      validFrom: '2026-01-01T00:00:00.000Z',
      validTo: '2027-01-01T00:00:00.000Z',
      maxUses: 100,
      uses: 3,
      createdAt: '2026-01-01T00:00:00.000Z',
      createdBy: 'maria',
      ...over,
    }),
  /** A merchant as GET …/merchants lists it, with its codes. */
  merchant: (over: Partial<Merchant> = {}): Merchant =>
    Merchant.parse({ id: 5, name: 'Rialto Cinema', contact: 'accounts@rialto.example', createdAt: '2026-01-01T00:00:00.000Z', codes: [], ...over }),
  /** A reservation as the server answers it: ABC 123 booked 8:00–18:00 UTC on Nov 23, $20.00 prepaid, confirmed, unless a test says otherwise. */
  reservation: (over: Partial<Reservation> = {}): Reservation =>
    Reservation.parse({
      id: 31,
      licensePlate: 'ABC 123',
      holder: 'Dana Lee',
      from: '2026-11-23T08:00:00.000Z',
      to: '2026-11-23T18:00:00.000Z',
      prepaidCents: 2000,
      status: 'confirmed',
      ticketNumber: null,
      endedAt: null,
      createdAt: '2026-11-20T09:00:00.000Z',
      createdBy: 'ana',
      ...over,
    }),
  /** A permit as GET …/permits lists it: Acme Corp's two plates for December 2026 (UTC), active, no car inside, unless a test says otherwise. */
  permit: (over: Partial<Permit> = {}): Permit =>
    Permit.parse({
      id: 8,
      holder: 'Acme Corp',
      plates: ['ABC123', 'XYZ789'],
      validFrom: '2026-12-01T00:00:00.000Z',
      validTo: '2027-01-01T00:00:00.000Z',
      status: 'active',
      note: null,
      inside: null,
      createdAt: '2026-11-20T09:00:00.000Z',
      createdBy: 'maria',
      ...over,
    }),
  /** The bill-back as GET …/reports/validations answers it; the totals are the merchants' sums. */
  validationsReport: (merchants: ValidationsReport['merchants'], over: Partial<ValidationsReport> = {}): ValidationsReport =>
    ValidationsReport.parse({
      from: '2026-11-01',
      to: '2026-11-23',
      timezone: 'UTC',
      merchants,
      totalUses: merchants.reduce((n, m) => n + m.uses, 0),
      totalDiscountCents: merchants.reduce((n, m) => n + m.discountCents, 0),
      ...over,
    }),
  /**
   * The daily report as GET …/reports/daily answers it: Monday Nov 23, 2026 in New York, $412.50 gross,
   * $12.50 refunded, unless a test says otherwise (the one day's row is the period's figures).
   */
  dailyReport: (over: Partial<PeriodFigures> = {}, days?: PeriodFigures[]): DailyReport => {
    const figures: PeriodFigures = {
      from: '2026-11-23',
      to: '2026-11-23',
      totalRevenue: 41250,
      revenueByPaymentMethod: { Cash: 15000, 'Credit Card': 20250, 'Debit Card': 0, Mobile: 6000 },
      grossRevenue: 41250,
      refunds: 1250,
      refundsByPaymentMethod: { Cash: 1250, 'Credit Card': 0, 'Debit Card': 0, Mobile: 0 },
      netRevenue: 40000,
      refundCount: 1,
      voids: 2,
      corrections: 1,
      lostTickets: 3,
      vehiclesIn: 48,
      vehiclesOut: 41,
      averageStayMinutes: 135,
      peakOccupancy: 57,
      peakAt: '2026-11-23T19:12:00.000Z',
      peakHour: '14:00',
      stillParked: 9,
      openOver24h: 2,
      ...over,
    };
    return DailyReport.parse({ ...figures, timezone: 'America/New_York', days: days ?? [figures] });
  },
  /**
   * The chart series as GET …/reports/charts answers them: Nov 23, 2026 in New York (24 hours of
   * occupancy from midnight, rising by 2 an hour to noon, then falling), six stay buckets, four
   * payment methods and a heatmap whose cell (weekday d, hour h) is d × 24 + h divided by 10,
   * unless a test says otherwise.
   */
  chartsReport: (over: Partial<ChartsReport> = {}): ChartsReport =>
    ChartsReport.parse({
      from: '2026-11-23',
      to: '2026-11-23',
      timezone: 'America/New_York',
      revenueByDay: [{ date: '2026-11-23', grossCents: 41250, refundsCents: 1250, netCents: 40000, vehiclesIn: 48 }],
      occupancy: Array.from({ length: 24 }, (_, h) => ({ at: new Date(Date.parse('2026-11-23T05:00:00.000Z') + h * 3_600_000).toISOString(), occupied: 2 * Math.min(h, 24 - h) })),
      stayLengths: [
        { label: 'under 1 h', count: 12 },
        { label: '1–2 h', count: 15 },
        { label: '2–4 h', count: 8 },
        { label: '4–8 h', count: 4 },
        { label: '8–24 h', count: 2 },
        { label: 'over 24 h', count: 0 },
      ],
      paymentMethods: [
        { method: 'Cash', count: 16, cents: 15000 },
        { method: 'Credit Card', count: 18, cents: 20250 },
        { method: 'Debit Card', count: 0, cents: 0 },
        { method: 'Mobile', count: 7, cents: 6000 },
      ],
      heatmap: { from: '2026-09-29', to: '2026-11-23', cells: Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, h) => (d * 24 + h) / 10)) },
      ...over,
    }),
};

/** The one error shape, for msw answers. */
export const apiError = (code: string, message: string, details?: unknown[]) => ({ code, message, ...(details ? { details } : {}) });
