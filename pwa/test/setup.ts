import { cleanup } from '@testing-library/preact';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { server } from './msw.js';

/** Requests no handler answered: msw fails them, and the test fails too (the app would otherwise see "offline"). */
const unhandled: string[] = [];

beforeAll(() =>
  server.listen({
    onUnhandledRequest: (request, print) => {
      unhandled.push(`${request.method} ${request.url}`);
      print.error();
    },
  }),
);
afterEach(() => {
  cleanup();
  server.resetHandlers();
  localStorage.clear();
  const seen = unhandled.splice(0);
  expect(seen, 'requests with no msw handler').toEqual([]);
});
afterAll(() => server.close());
