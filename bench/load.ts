import autocannon from 'autocannon';

/** What one load scenario measured over HTTP. */
export type LoadResult = {
  /** Successful (2xx) answers per second over the run. */
  rps: number;
  /** Latency of the 2xx answers, ms. */
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
  /** Answers by HTTP status, e.g. { "201": 9000, "409": 3 }. */
  statuses: Record<string, number>;
};

/** One scenario for autocannon: its requests and how long or how many. */
export type LoadPlan = {
  url: string;
  connections: number;
  durationSeconds: number;
  /** Stop after this many answers (still within `durationSeconds`). */
  amount?: number;
  /** Requests per second over all connections (autocannon sends each second's share, then waits). */
  rate?: number;
  requests: autocannon.Request[];
};

const REQUEST_TIMEOUT_SECONDS = 10;

/**
 * Drives one scenario with autocannon (in this process, no pipelining) and sums it up. With
 * `amount`, the run ends at that many answers or at `durationSeconds`, whichever comes first.
 */
export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const instance = autocannon({
    url: plan.url,
    connections: plan.amount === undefined ? plan.connections : Math.min(plan.connections, plan.amount),
    ...(plan.amount === undefined ? { duration: plan.durationSeconds } : { amount: plan.amount }),
    ...(plan.rate === undefined ? {} : { overallRate: plan.rate }),
    timeout: REQUEST_TIMEOUT_SECONDS,
    requests: plan.requests,
  });
  const cap = plan.amount === undefined ? undefined : setTimeout(() => instance.stop(), plan.durationSeconds * 1000);
  try {
    const r = await instance;
    const statuses = Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count]));
    return {
      rps: r.duration > 0 ? r['2xx'] / r.duration : 0,
      p50: r.latency.p50,
      p99: r.latency.p99,
      ok: r['2xx'],
      non2xx: r.non2xx,
      errors: r.errors,
      timeouts: r.timeouts,
      seconds: r.duration,
      statuses,
    };
  } finally {
    if (cap) clearTimeout(cap);
  }
}
