import type { z } from 'zod';

const PREFIX = 'parkops.';

/** Reads a small value kept in localStorage, checked with `schema`; undefined when absent or stale. */
export function readPersisted<S extends z.ZodType>(name: string, schema: S): z.infer<S> | undefined {
  const text = globalThis.localStorage?.getItem(PREFIX + name);
  if (text == null) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined; // written by an older version of the app, or damaged: treat as absent
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** Keeps a small value in localStorage (null removes it). */
export function writePersisted(name: string, value: unknown): void {
  if (value === null) globalThis.localStorage?.removeItem(PREFIX + name);
  else globalThis.localStorage?.setItem(PREFIX + name, JSON.stringify(value));
}
