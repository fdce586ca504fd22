import { createRoute } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { ReceiptLink, RevokedReceiptLinks } from '../../shared/receipt-links.js';
import type { Deps } from '../deps.js';
import { attributionOf } from '../http/env.js';
import { createRouter, errorResponses, jsonResponse } from '../http/openapi.js';
import { ticketGarageOf } from '../tickets/lookup.js';
import { NumberParam } from '../tickets/routes.js';
import { findLinkedReceipt, mintReceiptLink, revokeReceiptLink, type ReceiptLoader } from './links.js';
import { RECEIPT_NOT_FOUND_PAGE, RECEIPT_PAGE_POLICY, receiptPage } from './page.js';

const mint = createRoute({
  method: 'post',
  path: '/{ticketNumber}/receipt-link',
  operationId: 'mintReceiptLink',
  summary: "The receipt link of a paid ticket, /r/<token>, for the driver: the same link each time until a manager revokes it",
  request: { params: NumberParam },
  responses: { 200: jsonResponse(ReceiptLink, 'The live link (made now, or the one made before)'), ...errorResponses(400, 401, 403, 404, 409) },
});

const revoke = createRoute({
  method: 'post',
  path: '/{ticketNumber}/receipt-link/revoke',
  operationId: 'revokeReceiptLink',
  summary: "Stop a ticket's receipt link from working (managers; audited); asking for a link again makes a new one",
  request: { params: NumberParam },
  responses: { 200: jsonResponse(RevokedReceiptLinks, 'How many links stopped working'), ...errorResponses(400, 401, 403, 404) },
});

/**
 * /api/tickets/:n/receipt-link and …/revoke — in the request's garage; at the seed paths
 * (`findsOwnGarage`) a ticket of another garage the user may use is found in its own garage.
 */
export function receiptLinkRoutes(deps: Deps, options: { findsOwnGarage: boolean }) {
  const inTicketGarage = ticketGarageOf(deps.sql, options.findsOwnGarage);
  return (
    createRouter()
      /** POST /api/tickets/:ticketNumber/receipt-link */
      .openapi(mint, async (c) => {
        const { ticketNumber } = c.req.valid('param');
        const link = await inTicketGarage(c, ticketNumber, (garageId) => mintReceiptLink({ ...deps, garageId }, ticketNumber, attributionOf(c.var)));
        c.header('Cache-Control', 'no-store');
        return c.json(link, 200);
      })
      /** POST /api/tickets/:ticketNumber/receipt-link/revoke */
      .openapi(revoke, async (c) => {
        const { ticketNumber } = c.req.valid('param');
        return c.json(await inTicketGarage(c, ticketNumber, (garageId) => revokeReceiptLink({ ...deps, garageId }, ticketNumber, attributionOf(c.var))), 200);
      })
  );
}

/** Headers of every receipt page: never stored, never indexed, no referrer, nothing may load or run. */
const PAGE_HEADERS = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Robots-Tag': 'noindex, nofollow',
  'Content-Security-Policy': RECEIPT_PAGE_POLICY,
} as const;

/**
 * GET /r/:token — public: the receipt a link shows, to whoever holds it. A token that is malformed,
 * unsigned, unknown, revoked or of an unpaid ticket gets the one 404 page (same status, same body,
 * same headers), so nothing can be learnt by trying.
 */
export function receiptPageRoutes(deps: Deps, load?: ReceiptLoader) {
  return new Hono().get('/:token', async (c) => {
    const receipt = await findLinkedReceipt(deps, c.req.param('token'), load);
    return c.html(receipt ? receiptPage(receipt) : RECEIPT_NOT_FOUND_PAGE, receipt ? 200 : 404, PAGE_HEADERS);
  });
}
