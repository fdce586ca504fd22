import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Sql } from 'postgres';
import { connect } from '../db/connect.js';
import { MIGRATIONS_DIR } from '../db/migrate.js';
import { clientFor, signIn, startServerProcess, type ServerProcess } from '../test/server-process.js';
import { readSpaceBooks } from '../test/spaces.js';

/** Three server processes on one PostgreSQL, started at the same moment, then hammered together. */
const PASSWORD = 'replica-admin-pass';
let admin: Sql;
let sql: Sql;
let dbName: string;
let servers: ServerProcess[] = [];
let fakeSlack: Server;
const posts: { channel: string | null; text: string | null }[] = [];

/** A stand-in for Slack's Web API on loopback, since the servers are other processes: records every post. */
async function startFakeSlack(): Promise<string> {
  fakeSlack = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      if (req.url === '/api/chat.postMessage') posts.push({ channel: form.get('channel'), text: form.get('text') });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, channel: form.get('channel'), ts: `1795000000.${String(posts.length).padStart(6, '0')}` }));
    });
  });
  await new Promise<void>((resolve) => fakeSlack.listen(0, '127.0.0.1', () => resolve()));
  const address = fakeSlack.address();
  if (!address || typeof address === 'string') throw new Error('fake Slack has no port');
  return `http://127.0.0.1:${address.port}/api/`;
}

beforeAll(async () => {
  admin = connect(inject('databaseUrl'), { max: 1 });
  dbName = `replicas_${randomBytes(4).toString('hex')}`;
  await admin.unsafe(`create database ${dbName}`); // empty: the servers migrate it
  const url = inject('databaseUrl').replace(/\/postgres$/, `/${dbName}`);
  sql = connect(url, { max: 2 });
  const slackApiUrl = await startFakeSlack();
  servers = await Promise.all(
    [0, 1, 2].map(() =>
      startServerProcess({
        DATABASE_URL: url,
        ADMIN_PASSWORD: PASSWORD,
        GARAGE_TOTAL_SPACES: '20',
        SLACK_BOT_TOKEN: 'xoxb-replica-test',
        SLACK_SUMMARY_CHANNEL: 'C0SUMMARY',
        SLACK_API_URL: slackApiUrl,
      }),
    ),
  );
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await new Promise((resolve) => fakeSlack?.close(resolve));
  await sql?.end();
  await admin?.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin?.end();
});

describe('three replicas on one PostgreSQL', () => {
  it('applied each migration once, made one garage and one admin', async () => {
    const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql'));
    const [row] = await sql<{ migrations: number; garages: number; admins: number }[]>`
      select (select count(*)::int from schema_migrations) as migrations,
             (select count(*)::int from garages) as garages,
             (select count(*)::int from users where username = 'admin') as admins`;
    expect(row).toEqual({ migrations: files.length, garages: 1, admins: 1 });
  });

  it('never puts more cars in than there are spaces, and each ticket exits once', async () => {
    const tokens = await Promise.all(servers.map((s) => signIn(s.url, 'admin', PASSWORD)));
    const clients = servers.map((s, i) => clientFor(s.url, tokens[i]));
    const entries = await Promise.all(
      Array.from({ length: 60 }, (_, i) => clients[i % 3]!('POST', '/api/tickets', { licensePlate: `REP${i}` })),
    );
    const created = entries.filter((r) => r.status === 201);
    expect(created).toHaveLength(20);
    expect(entries.filter((r) => r.status === 409).every((r) => r.json.code === 'garage_full')).toBe(true);
    expect(entries.filter((r) => r.status !== 201 && r.status !== 409)).toEqual([]);

    const exits = await Promise.all(
      created.flatMap((t) => clients.map((client) => client('PUT', `/api/tickets/${t.json.ticketNumber}/exit`, { paymentMethod: 'Cash' }))),
    );
    expect(exits.filter((r) => r.status === 200)).toHaveLength(20);
    expect(exits.filter((r) => r.status === 409)).toHaveLength(40);
    const [row] = await sql<{ active: number; completed: number; exitAudits: number }[]>`
      select (select count(*)::int from tickets where status = 'active') as active,
             (select count(*)::int from tickets where status = 'completed') as completed,
             (select count(*)::int from audit_log where action = 'ticket.exit') as exit_audits`;
    expect(row).toEqual({ active: 0, completed: 20, exitAudits: 20 });
  });

  it('entries, exits and resizes racing across three servers keep the capacity books exact', async () => {
    const tokens = await Promise.all(servers.map((s) => signIn(s.url, 'admin', PASSWORD)));
    const clients = servers.map((s, i) => clientFor(s.url, tokens[i]));
    const resize = (i: number, totalSpaces: number) => clients[i % 3]!('PUT', '/api/garage/settings', { totalSpaces });
    expect((await resize(0, 25)).status).toBe(200);
    const first = await Promise.all(Array.from({ length: 40 }, (_, i) => clients[i % 3]!('POST', '/api/tickets', { licensePlate: `RSZ${i}` })));
    const inside = first.filter((r) => r.status === 201).map((r) => r.json.ticketNumber as string);
    expect(inside).toHaveLength(25);
    // a second wave: more entries, a third of the cars leaving, and the garage shrunk and grown, all at once
    const [more, exits, shrink, grow] = await Promise.all([
      Promise.all(Array.from({ length: 45 }, (_, i) => clients[i % 3]!('POST', '/api/tickets', { licensePlate: `RSY${i}` }))),
      Promise.all(inside.slice(0, 9).map((n, i) => clients[(i + 1) % 3]!('PUT', `/api/tickets/${n}/exit`, { paymentMethod: 'Cash' }))),
      resize(1, 12),
      resize(2, 30),
    ]);
    expect([shrink.status, grow.status]).toEqual([200, 200]);
    expect(exits.every((r) => r.status === 200)).toBe(true);
    expect(more.every((r) => r.status === 201 || (r.status === 409 && r.json.code === 'garage_full'))).toBe(true);
    const [garage] = await sql<{ id: number; totalSpaces: number }[]>`select id, total_spaces from garages`;
    const books = await readSpaceBooks(sql, garage!.id);
    expect(books).toMatchObject({ mismatched: 0, doubled: 0 });
    expect(books.taken).toBe(books.active);
    expect(books.active).toBe(25 - 9 + more.filter((r) => r.status === 201).length);
    expect(books.active).toBeLessThanOrEqual(30);
    // whichever resize came last, the garage now holds exactly what it should after one more wave
    const [resized] = await sql<{ totalSpaces: number }[]>`select total_spaces from garages where id = ${garage!.id}`;
    const totalSpaces = resized!.totalSpaces;
    await Promise.all(Array.from({ length: 30 }, (_, i) => clients[i % 3]!('POST', '/api/tickets', { licensePlate: `RSX${i}` })));
    expect((await readSpaceBooks(sql, garage!.id)).active).toBe(Math.max(books.active, totalSpaces));
    // leave the garage as the next test expects it: empty, 20 spaces
    const active = await sql<{ ticketNumber: string }[]>`select ticket_number from tickets where status = 'active'`;
    await Promise.all(active.map((t, i) => clients[i % 3]!('PUT', `/api/tickets/${t.ticketNumber}/exit`, { paymentMethod: 'Cash' })));
    expect((await resize(0, 20)).status).toBe(200);
  });

  it('entries, reservations, cancellations and arrivals racing across three servers never overbook, and every confirmed reservation gets in', async () => {
    const tokens = await Promise.all(servers.map((s) => signIn(s.url, 'admin', PASSWORD)));
    const clients = servers.map((s, i) => clientFor(s.url, tokens[i]));
    const [garage] = await sql<{ id: number }[]>`select id from garages`;
    const now = Date.now();
    const window = { from: new Date(now - 60_000).toISOString(), to: new Date(now + 2 * 3600_000).toISOString() };
    const held = async () => {
      const [row] = await sql<{ taken: number; held: number; active: number; total: number }[]>`
        select count(*) filter (where ticket_id is not null)::int as taken, count(*) filter (where held_for is not null)::int as held,
          (select count(*)::int from tickets where garage_id = ${garage!.id} and status = 'active') as active,
          (select total_spaces from garages where id = ${garage!.id}) as total
        from spaces where garage_id = ${garage!.id}`;
      return row!;
    };
    const before = await held();
    // a random order of transient entries and bookings, sent to the three servers at once
    let seed = 17;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const ops = [
      ...Array.from({ length: 12 }, (_, i) => ({ kind: 'enter' as const, plate: `MIX${i}` })),
      ...Array.from({ length: 14 }, (_, i) => ({ kind: 'book' as const, plate: `BOOK${i}` })),
    ].sort(() => random() - 0.5);
    const first = await Promise.all(
      ops.map((op, i) =>
        op.kind === 'enter'
          ? clients[i % 3]!('POST', '/api/tickets', { licensePlate: op.plate })
          : clients[i % 3]!('POST', `/api/garages/${garage!.id}/reservations`, { plate: op.plate, ...window }),
      ),
    );
    const serverErrors = () => servers.map((s) => s.output()).join('\n').split('\n').filter((l) => l.includes('"level":50')).join('\n').slice(0, 3000);
    expect(first.filter((r) => !(r.status === 201 || (r.status === 409 && r.json.code === 'garage_full'))).map((r) => r.json), serverErrors()).toEqual([]);
    const afterFirst = await held();
    expect(afterFirst.taken).toBe(afterFirst.active);
    expect(afterFirst.taken + afterFirst.held).toBeLessThanOrEqual(afterFirst.total);
    const booked = first.filter((r, i) => ops[i]!.kind === 'book' && r.status === 201).map((r) => r.json as { id: number; licensePlate: string });
    expect(before).toMatchObject({ taken: 0, held: 0 });
    expect(booked.length).toBeGreaterThan(0);

    // then at once: half the bookings cancelled, the other half's cars arriving, and more transient cars
    const cancelled = booked.filter((_, i) => i % 2 === 0);
    const arriving = booked.filter((_, i) => i % 2 === 1);
    const [cancels, arrivals, more] = await Promise.all([
      Promise.all(cancelled.map((b, i) => clients[i % 3]!('POST', `/api/garages/${garage!.id}/reservations/${b.id}/cancel`))),
      Promise.all(arriving.map((b, i) => clients[(i + 1) % 3]!('POST', '/api/tickets', { licensePlate: b.licensePlate }))),
      Promise.all(Array.from({ length: 20 }, (_, i) => clients[(i + 2) % 3]!('POST', '/api/tickets', { licensePlate: `MIY${i}` }))),
    ]);
    expect(cancels.every((r) => r.status === 200)).toBe(true);
    expect(arrivals.map((r) => [r.status, r.json.kind])).toEqual(arriving.map(() => [201, 'reservation']));
    expect(more.every((r) => r.status === 201 || (r.status === 409 && r.json.code === 'garage_full'))).toBe(true);
    const end = await held();
    expect(end.taken).toBe(end.active);
    expect(end.taken + end.held).toBeLessThanOrEqual(end.total);
    expect(end.held).toBe(0); // every booking arrived or was cancelled

    // leave the garage empty for the next test
    const active = await sql<{ ticketNumber: string }[]>`select ticket_number from tickets where status = 'active'`;
    await Promise.all(active.map((t, i) => clients[i % 3]!('PUT', `/api/tickets/${t.ticketNumber}/exit`, { paymentMethod: 'Cash' })));
  });

  it('posts the daily summary once, however many replicas catch it up at start', async () => {
    const deadline = Date.now() + 20_000;
    while (posts.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 3000)); // time for a second post, were there one
    expect(posts).toHaveLength(1);
    expect(posts[0]!.channel).toBe('C0SUMMARY');
    const rows = await sql<{ status: string; messageTs: string }[]>`select status, message_ts from slack_summaries`;
    expect(rows).toEqual([{ status: 'posted', messageTs: '1795000000.000001' }]);
  });

  it('one Idempotency-Key sent to all three at once makes one ticket', async () => {
    const tokens = await Promise.all(servers.map((s) => signIn(s.url, 'admin', PASSWORD)));
    const answers = await Promise.all(
      servers.flatMap((s, i) => [0, 1, 2].map(() => clientFor(s.url, tokens[i])('POST', '/api/tickets', { licensePlate: 'ONEKEY' }, { 'idempotency-key': 'replica-key-1' }))),
    );
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([201]));
    expect(new Set(answers.map((a) => a.json.ticketNumber)).size).toBe(1);
  });

  it('30 simultaneous sign-ins for one username spread over the three replicas: 5 passwords checked, the right one then refused', async () => {
    const admin = clientFor(servers[0]!.url, await signIn(servers[0]!.url, 'admin', PASSWORD));
    expect((await admin('POST', '/api/users', { username: 'replica.target', password: 'replica-target-pass', role: 'attendant' })).status).toBe(201);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => clientFor(servers[i % 3]!.url)('POST', '/api/auth/login', { username: 'replica.target', password: `wrong-${i}` })),
    );
    expect(answers.filter((a) => a.status === 401)).toHaveLength(5);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(25);
    expect(refused.every((a) => Number(a.headers.get('retry-after')) > 0)).toBe(true);
    const right = await clientFor(servers[2]!.url)('POST', '/api/auth/login', { username: 'replica.target', password: 'replica-target-pass' });
    expect(right.status).toBe(429);
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from audit_log where subject = 'replica.target' and action in ('auth.login', 'auth.login_failed')`;
    expect(row!.n).toBe(5);
  });
});
