import type { Deps } from '../deps.js';

/** What the ticket use cases need: the database, the garage, the clock and a source of randomness. */
export type TicketDeps = Pick<Deps, 'sql' | 'garageId' | 'now' | 'randomBytes'>;

/** A use case's result with whether it was a replay of an earlier request with the same key. */
export type Replayable<T> = T & { replayed: boolean };
