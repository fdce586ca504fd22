import { LoginAnswer } from '../shared/auth.js';
import { GarageSettings } from '../shared/garage.js';
import { Garage, type CreateGarageBody, type GarageUpdate } from '../shared/garages.js';
import type { z } from 'zod';

/** Sends one JSON request and parses a 2xx answer with the shared schema; anything else throws with the answer. */
async function call<T extends z.ZodType>(schema: T, url: string, init: RequestInit): Promise<z.infer<T>> {
  const response = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${text}`);
  return schema.parse(JSON.parse(text));
}

/** Signs in and gives the bearer token. */
export async function logIn(baseUrl: string, username: string, password: string): Promise<string> {
  const answer = await call(LoginAnswer, `${baseUrl}/api/auth/login`, { method: 'POST', body: JSON.stringify({ username, password }) });
  return answer.token;
}

/** Sets the garage's spaces (as a manager or admin). */
export async function setTotalSpaces(baseUrl: string, token: string, totalSpaces: number): Promise<GarageSettings> {
  return call(GarageSettings, `${baseUrl}/api/garage/settings`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}` },
    body: JSON.stringify({ totalSpaces }),
  });
}

/** Creates a garage through `POST /api/garages` (as an admin); the garage as the server answers it. */
export async function createGarage(baseUrl: string, token: string, body: CreateGarageBody): Promise<Garage> {
  return call(Garage, `${baseUrl}/api/garages`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
}

/** Changes a garage through `PATCH /api/garages/:id` (as an admin), e.g. `{ publicFeed: true }`. */
export async function updateGarage(baseUrl: string, token: string, garageId: number, update: GarageUpdate): Promise<Garage> {
  return call(Garage, `${baseUrl}/api/garages/${garageId}`, { method: 'PATCH', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(update) });
}
