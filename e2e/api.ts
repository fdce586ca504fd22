/** Calls to the real API from the test, with a bearer token: to set up users and check results. */
import { LoginAnswer } from '../shared/auth.js';
import { Ticket } from '../shared/tickets.js';
import { z } from 'zod';

/** Signs in over HTTP and gives a small client that uses the bearer token. */
export async function apiAs(baseUrl: string, username: string, password: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`login as ${username}: ${login.status} ${await login.text()}`);
  const { token } = LoginAnswer.parse(await login.json());
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json: unknown = await r.json();
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
    return json;
  };
  return {
    call,
    ticketsByPlate: async (plate: string) => z.array(Ticket).parse(await call('GET', `/api/tickets?plate=${encodeURIComponent(plate)}`)),
  };
}
