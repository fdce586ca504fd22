import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

/**
 * The fake network every PWA test talks to; each test adds the answers it needs. The one answer
 * every test gets: no open shift (the dashboard asks for it), unless a test says otherwise.
 */
export const server = setupServer(
  http.get('/api/garages/:garageId/shifts/current', () =>
    HttpResponse.json({ code: 'not_found', message: 'You have no open shift in this garage' }, { status: 404 }),
  ),
);
