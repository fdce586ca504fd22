import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Deps } from '../deps.js';
import { APPLICATION_NAME } from '../db/connect.js';
import { loadConnectionStates, loadOccupancy } from './queries.js';

/** The server's Prometheus metrics and the middleware that counts requests into them. */
export function createMetrics(deps: Pick<Deps, 'sql' | 'log'>) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'parkops_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'parkops_http_request_duration_seconds',
    help: 'HTTP request latency by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  // both gauges from one count per scrape: the spaces held and the spaces of every garage, labelled by garage id
  let occupancy: Promise<{ garageId: number; occupied: number; totalSpaces: number }[]> | null = null;
  const readOccupancy = () => {
    occupancy ??= loadOccupancy(deps.sql).finally(() => setTimeout(() => (occupancy = null), 0));
    return occupancy;
  };
  new Gauge({
    name: 'parkops_garage_occupied_spaces',
    help: 'Cars inside now (spaces held by active tickets), by garage id',
    labelNames: ['garage'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await readOccupancy()) this.set({ garage: String(row.garageId) }, row.occupied);
    },
  });
  new Gauge({
    name: 'parkops_garage_total_spaces',
    help: 'Spaces in the garage, by garage id',
    labelNames: ['garage'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await readOccupancy()) this.set({ garage: String(row.garageId) }, row.totalSpaces);
    },
  });
  new Gauge({
    name: 'parkops_db_connections',
    help: "This server's database connections by state (pg_stat_activity)",
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const { state, n } of await loadConnectionStates(deps.sql, APPLICATION_NAME)) this.set({ state }, n);
    },
  });

  /** Counts and times every request under its route pattern (bounded labels, not raw paths). */
  const measure: MiddlewareHandler = async (c, next) => {
    const end = latency.startTimer();
    try {
      await next();
    } finally {
      const route = routePath(c); // after next(): the route of the handler that answered
      end({ method: c.req.method, route });
      requests.inc({ method: c.req.method, route, status: String(c.res.status) });
    }
  };

  return { registry, measure };
}
export type Metrics = ReturnType<typeof createMetrics>;
