import { randomUUID } from 'node:crypto';
import type autocannon from 'autocannon';
import { PAYMENT_METHODS } from '../shared/tickets.js';
import { runLoad } from './load.js';
import { percentile } from './percentiles.js';
import { uniquePlate } from './scenarios.js';

/** What one HTTP run of entries and exits measured. */
export type HttpGateResult = {
  /** Entry-and-exit pairs completed per second (each connection alternates the two). */
  pairsPerSecond: number;
  /** Time from sending an entry to the answer of the exit after it, ms. */
  p50: number;
  p99: number;
  entryP50: number;
  entryP99: number;
  exitP50: number;
  exitP99: number;
  entries: number;
  exits: number;
  non2xx: number;
  errors: number;
  statuses: Record<string, number>;
  seconds: number;
};

/** A queue of parked cars' ticket numbers: exits take the oldest, entries add theirs at the back. */
class ParkedQueue {
  private head = 0;
  constructor(private readonly numbers: string[]) {}
  take(): string {
    // the run starts with more cars inside than connections, and each connection brings one in
    // before it takes one out, so this never runs dry; if it did, the 404s would show
    return this.numbers[this.head++] ?? 'PS-000000';
  }
  add(ticketNumber: string): void {
    this.numbers.push(ticketNumber);
  }
}

/**
 * One garage's door over HTTP: where its cars come in and go out, and the cars inside, oldest
 * first. The pairs spread over the lanes as the database side spreads them over garages
 * (gate-script.ts).
 */
export type GarageLane = { entryPath: string; exitPath: (ticketNumber: string) => string; parked: string[] };

/** The admin's default garage at the seed paths (`/api/tickets`), as the app's first version calls it. */
export function singleGarageLane(parked: string[]): GarageLane {
  return { entryPath: '/api/tickets', exitPath: (n) => `/api/tickets/${n}/exit`, parked };
}

/** One garage through its scoped routes (`/api/garages/:garageId/tickets`). */
export function scopedGarageLane(garageId: number, parked: string[]): GarageLane {
  const base = `/api/garages/${garageId}/tickets`;
  return { entryPath: base, exitPath: (n) => `${base}/${n}/exit`, parked };
}

/**
 * One pair on a connection: when its request went out, when the pair began, and its lane.
 * autocannon gives a connection a fresh context after each pass over its requests (entry, exit),
 * so nothing here outlives the pair.
 */
type PairState = { sentAt?: number; pairFrom?: number; lane?: number };

/**
 * Each connection alternates `POST` of an entry (a new plate) and `PUT` of the exit of the car
 * inside the longest (payment methods in turn), so every garage stays as full as it started. The
 * pairs take the lanes in turn, in the order they begin (pair `j` of the run goes to lane `j mod
 * lanes`, its exit in the same lane), so at any moment the pairs in flight are in different garages
 * when there are as many garages as connections — as on the database side, where iteration `i` of
 * client `c` works in garage `(i + c) mod N`. With `idempotency`, every request carries a new
 * Idempotency-Key, as the app's do.
 */
export async function runHttpGate(input: {
  baseUrl: string;
  token: string;
  connections: number;
  durationSeconds: number;
  lanes: GarageLane[];
  idempotency: boolean;
}): Promise<HttpGateResult> {
  const lanes = input.lanes.map((lane) => ({ ...lane, queue: new ParkedQueue([...lane.parked]) }));
  const entryTimes: number[] = [];
  const exitTimes: number[] = [];
  const pairTimes: number[] = [];
  let turn = 0;
  let pairsBegun = 0;
  const headers = (): Record<string, string> => ({
    authorization: `Bearer ${input.token}`,
    'content-type': 'application/json',
    ...(input.idempotency ? { 'idempotency-key': randomUUID() } : {}),
  });
  const state = (context: Record<string, unknown>) => context as PairState;
  const elapsed = (context: Record<string, unknown>) => performance.now() - (state(context).sentAt ?? performance.now());
  const laneOf = (context: Record<string, unknown>) => lanes[state(context).lane ?? 0]!;
  const entry: autocannon.Request = {
    method: 'POST',
    path: lanes[0]!.entryPath,
    setupRequest: (request, context) => {
      const c = state(context);
      c.lane = pairsBegun++ % lanes.length;
      c.sentAt = performance.now();
      c.pairFrom = c.sentAt;
      const lane = laneOf(context);
      return { ...request, path: lane.entryPath, headers: headers(), body: JSON.stringify({ licensePlate: uniquePlate(), vehicleType: 'Car' }) };
    },
    onResponse: (status, body, context) => {
      if (status !== 201) return;
      entryTimes.push(elapsed(context));
      const ticket: unknown = JSON.parse(body);
      if (typeof ticket === 'object' && ticket !== null && 'ticketNumber' in ticket && typeof ticket.ticketNumber === 'string') laneOf(context).queue.add(ticket.ticketNumber);
      else throw new Error(`POST ${laneOf(context).entryPath} answered 201 without a ticket number: ${body}`);
    },
  };
  const exit: autocannon.Request = {
    method: 'PUT',
    path: lanes[0]!.exitPath('none'),
    setupRequest: (request, context) => {
      state(context).sentAt = performance.now();
      const lane = laneOf(context);
      const paymentMethod = PAYMENT_METHODS[turn++ % PAYMENT_METHODS.length];
      return { ...request, headers: headers(), path: lane.exitPath(lane.queue.take()), body: JSON.stringify({ paymentMethod }) };
    },
    onResponse: (status, _body, context) => {
      if (status !== 200) return;
      const now = performance.now();
      exitTimes.push(elapsed(context));
      pairTimes.push(now - (state(context).pairFrom ?? now));
    },
  };
  const result = await runLoad({ url: input.baseUrl, connections: input.connections, durationSeconds: input.durationSeconds, requests: [entry, exit] });
  const pairs = Math.min(entryTimes.length, exitTimes.length);
  return {
    pairsPerSecond: result.seconds > 0 ? pairs / result.seconds : 0,
    p50: percentile(pairTimes, 50),
    p99: percentile(pairTimes, 99),
    entryP50: percentile(entryTimes, 50),
    entryP99: percentile(entryTimes, 99),
    exitP50: percentile(exitTimes, 50),
    exitP99: percentile(exitTimes, 99),
    entries: entryTimes.length,
    exits: exitTimes.length,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statuses: result.statuses,
    seconds: result.seconds,
  };
}
