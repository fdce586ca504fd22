import { Writable } from 'node:stream';
import { Hono } from 'hono';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { accessLog } from './access-log.js';

/** The access log's lines for one request, at debug level, as JSON. */
async function linesFor(path: string, status: number): Promise<Record<string, unknown>[]> {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  const app = new Hono();
  app.use(accessLog(pino({ level: 'debug' }, sink)));
  app.get('*', (c) => c.text('x', status as 200));
  await app.request(path);
  return lines;
}

describe('the access log', () => {
  it.each([200, 404, 500])("never writes a receipt link's token (status %i)", async (status) => {
    const token = 'AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBB';
    const lines = await linesFor(`/r/${token}`, status);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ path: '/r/…', status });
    expect(JSON.stringify(lines)).not.toContain(token);
  });

  it('writes other paths as they are', async () => {
    const lines = await linesFor('/api/tickets/PS-7K3QXM', 200);
    expect(lines[0]).toMatchObject({ path: '/api/tickets/PS-7K3QXM' });
  });
});
