import { Garage, type CreateGarageBody } from '../../../shared/garages.js';
import { call } from './api.js';

/** Admins: adds a garage (name, spaces, rate, timezone, …); the new garage. Apart from `api` so only the Garages screen carries it. */
export const addGarage = (body: CreateGarageBody) => call(Garage, '/api/garages', { method: 'POST', body });
