import { setupServer } from 'msw/node';

/** The fake network every PWA test talks to; each test adds the answers it needs. */
export const server = setupServer();
