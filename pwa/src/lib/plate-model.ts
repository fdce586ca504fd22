import { computed, signal } from '@preact/signals';
import { z } from 'zod';
import { readPersisted, writePersisted } from './persisted.js';

/**
 * Whether this phone has the plate reader (its opt-in download: lib/plate-download.ts), remembered
 * across restarts. Small on purpose: Car in and Car out read it in the app shell.
 */

/** Where the download stands on this phone. */
export type PlateModelState =
  | { status: 'absent' }
  | { status: 'downloading'; done: number; total: number }
  | { status: 'installed'; bytes: number }
  | { status: 'failed'; message: string };

const Installed = z.object({ bytes: z.number().int().nonnegative() });
const STORE_NAME = 'plateModel';

/** Remembers that the download of `bytes` is on the phone (null: that it is not), and says so on screen. */
export function rememberPlateModel(bytes: number | null): void {
  writePersisted(STORE_NAME, bytes === null ? null : { bytes });
  plateModel.value = bytes === null ? { status: 'absent' } : { status: 'installed', bytes };
}

function remembered(): PlateModelState {
  const kept = readPersisted(STORE_NAME, Installed);
  return kept ? { status: 'installed', bytes: kept.bytes } : { status: 'absent' };
}

/** This phone's plate model, as remembered across restarts. */
export const plateModel = signal<PlateModelState>(remembered());
/** True where the browser can give the page a camera (the camera itself: lib/plate-capture.ts, loaded with the reader). */
export const canUseCamera = () => typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;

/** True once the model is on the phone: Car in and Car out then show the camera button. */
export const plateModelInstalled = computed(() => plateModel.value.status === 'installed');
