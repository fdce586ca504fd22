import { randomBytes } from 'node:crypto';
import { recordAudit } from '../audit/queries.js';
import type { Sql } from '../db/types.js';
import { hashPassword } from './passwords.js';
import { countUsers, insertUser, lockFirstAdmin } from '../users/queries.js';

/**
 * On a first start with no accounts, creates `admin` with `ADMIN_PASSWORD`, or with a generated
 * password that is returned once so the caller can print it. Null when accounts already exist.
 */
export async function ensureFirstAdmin(sql: Sql, garageId: number, adminPassword: string | undefined) {
  return sql.begin(async (tx) => {
    await lockFirstAdmin(tx);
    if ((await countUsers(tx)) > 0) return null;
    const password = adminPassword ?? randomBytes(12).toString('base64url');
    const user = await insertUser(tx, { username: 'admin', passwordHash: await hashPassword(password), role: 'admin' });
    await recordAudit(tx, { garageId, actor: 'system', source: 'system', action: 'user.create', subject: 'admin', details: { role: 'admin', firstStart: true } });
    return { username: user!.username, generatedPassword: adminPassword ? null : password };
  });
}
