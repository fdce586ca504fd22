import { signal } from '@preact/signals';
import { navigate } from './router.js';

/** A ticket another screen sent to Car out (Parked now): Car out looks it up once, as it opens. */
export const ticketForCarOut = signal<string | null>(null);

/** Opens Car out on ticket `ticketNumber`, looked up as if typed there. */
export function openCarOut(ticketNumber: string): void {
  ticketForCarOut.value = ticketNumber;
  navigate('/exit');
}
