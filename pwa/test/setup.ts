import { cleanup } from '@testing-library/preact';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from './msw.js';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  localStorage.clear();
});
afterAll(() => server.close());
