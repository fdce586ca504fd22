/**
 * Adds a staff account from a shell, for an operator:
 *   npm run user:add -- --username sam --role manager [--password '…'] [--slack U0123ABCD] [--garages 1,2]
 * Without --password a password is generated and printed once. Uses DATABASE_URL, or the embedded
 * PostgreSQL in DATA_DIR (joining a running server's, or starting it for a moment).
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { CreateUserBody } from '../shared/auth.js';
import { describeIssues } from '../shared/errors.js';
import { recordAudit } from '../api/audit/queries.js';
import { hashPassword } from '../api/auth/passwords.js';
import { insertUser, unknownGarages } from '../api/users/queries.js';
import { loadConfig } from '../api/config.js';
import { connect } from '../api/db/connect.js';
import { openEmbeddedPostgres } from '../api/db/embedded.js';
import { migrate } from '../api/db/migrate.js';

const { values } = parseArgs({
  options: { username: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' }, slack: { type: 'string' }, garages: { type: 'string' } },
});
const generated = values.password === undefined;
const input = CreateUserBody.safeParse({
  username: values.username,
  role: values.role,
  password: values.password ?? randomBytes(12).toString('base64url'),
  slackUserId: values.slack,
  garageIds: values.garages === undefined ? undefined : values.garages.split(',').map((id) => (/^\s*\d+\s*$/.test(id) ? Number(id) : id)),
});
if (!input.success) {
  for (const issue of describeIssues(input.error.issues)) console.error(`--${issue.path}: ${issue.message}`);
  console.error("usage: npm run user:add -- --username NAME --role attendant|manager|admin [--password '…'] [--slack U…] [--garages 1,2]");
  process.exit(2);
}

const config = loadConfig();
const quiet = { info: () => {}, error: (m: string) => console.error(m) };
const db = config.DATABASE_URL ? { url: config.DATABASE_URL, stop: async () => {} } : await openEmbeddedPostgres(config.DATA_DIR, quiet);
const sql = connect(db.url, { max: 1 });
try {
  await migrate(sql);
  const { username, role, password, slackUserId, garageIds } = input.data;
  const unknown = garageIds ? await unknownGarages(sql, garageIds) : [];
  if (unknown.length > 0) console.error(`--garages: there is no garage ${unknown.join(', ')}`);
  const user = unknown.length > 0 ? 'unknown_garage' : await sql.begin(async (tx) => {
    const row = await insertUser(tx, { username, role, slackUserId, garageIds, passwordHash: await hashPassword(password) });
    if (row) await recordAudit(tx, { garageId: null, actor: 'system', source: 'system', action: 'user.create', subject: row.username, details: { role, via: 'cli' } });
    return row;
  });
  if (user === 'unknown_garage') {
    process.exitCode = 2;
  } else if (!user) {
    console.error(`A user named ${username} (or with that Slack id) already exists.`);
    process.exitCode = 1;
  } else {
    const garages = user.garageIds.length > 0 ? `garage(s) ${user.garageIds.join(', ')}` : 'the first garage, made when the server first starts';
    console.log(`Created ${user.role} "${user.username}" for ${garages}${generated ? ` with password ${password}` : ''}.`);
  }
} finally {
  await sql.end();
  await db.stop();
}
