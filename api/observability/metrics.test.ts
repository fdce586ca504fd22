import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { startTestApp, type TestApp } from '../test/app.js';

const TOKEN = 'scraper-token-0123456789';
let t: TestApp;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await startTestApp();
  app = createApp({ ...t.deps, metricsToken: TOKEN });
});
afterAll(() => t.close());

const scrape = (token?: string) => app.request('/metrics', { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('GET /metrics', () => {
  it('is off without METRICS_TOKEN', async () => {
    expect((await t.app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
  });

  it('refuses a scraper without the token', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape('wrong-token-0123456789')).status).toBe(401);
  });

  it('counts requests by route pattern and status, times them, and reports occupancy and pool use', async () => {
    const auth = { authorization: `Bearer ${t.users.attendant.token}`, 'content-type': 'application/json' };
    for (const plate of ['MET1', 'MET2']) {
      await app.request('/api/tickets', { method: 'POST', headers: auth, body: JSON.stringify({ licensePlate: plate }) });
    }
    await app.request('/api/tickets/PS-ZZZZZZ', { headers: auth });
    const res = await scrape(TOKEN);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/parkops_http_requests_total\{method="POST",route="\/api\/tickets",status="201"\} 2/);
    expect(text).toMatch(/parkops_http_requests_total\{method="GET",route="\/api\/tickets\/:ticketNumber",status="404"\} 1/);
    expect(text).toMatch(/parkops_http_request_duration_seconds_bucket\{le="\+Inf",method="POST",route="\/api\/tickets"\} 2/);
    expect(text).toMatch(new RegExp(`^parkops_garage_occupied_spaces\\{garage="${t.garageId}"\\} 2$`, 'm'));
    expect(text).toMatch(new RegExp(`^parkops_garage_total_spaces\\{garage="${t.garageId}"\\} 140$`, 'm'));
    expect(text).toMatch(/^parkops_db_connections\{state="(active|idle)"\} \d+$/m);
  });

  it('gives every answer a request id', async () => {
    const res = await app.request('/api/status');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
