import { z } from 'zod';
import { User, type CreateUserBody, type UpdateUserBody } from '../../../shared/auth.js';
import { call } from './api.js';

/**
 * Staff accounts (admins), every answer checked against the shared schema. Apart from `api` so the
 * Staff screen (loaded on demand) carries these calls, not the attendant's shell.
 */
export const staffApi = {
  /** Every staff account, by username. */
  list: () => call(z.array(User), '/api/users'),
  /** Adds an account; 400 names a wrong field, 409 already_exists when the username or Slack user is taken. */
  add: (body: z.input<typeof CreateUserBody>) => call(User, '/api/users', { method: 'POST', body }),
  /** Changes role, password, disabled, Slack user or garages of an account; the account after. */
  update: (id: number, body: z.input<typeof UpdateUserBody>) => call(User, `/api/users/${id}`, { method: 'PATCH', body }),
};
