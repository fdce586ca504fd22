import { z } from 'zod';
import { PAYMENT_METHODS, PaymentMethod, type FeeBreakdown, type Ticket } from '../../shared/tickets.js';
import { ValidationCodeText } from '../../shared/validations.js';
import { prepaidNote } from './booking-words.js';
import { describeFee } from './fee.js';
import { formatDateTime } from './format.js';
import { formatCents, formatDuration } from '../../shared/format.js';
import { driverLinkLine, type DriverLink } from './receipt-link.js';
import { context, fields, section, type Block, type Reply } from './reply.js';

/** The action id every payment button of a quote shares a prefix with. */
export const PAY_ACTION_PREFIX = 'pay_';

/**
 * What a payment button carries: which ticket, in which garage, paid how, with which validation
 * code (buttons made before several garages carry no garage; a quote without a code, no code).
 */
export const PayChoice = z.object({
  ticketNumber: z.string().regex(/^PS-[0-9A-Z]{6}$/),
  paymentMethod: PaymentMethod,
  garageId: z.number().int().min(1).max(2_147_483_647).optional(),
  validationCode: ValidationCodeText.optional(),
});
export type PayChoice = z.infer<typeof PayChoice>;

/** Reads a payment button's value; null when it is not one this bot made. */
export function readPayChoice(value: string | undefined): PayChoice | null {
  if (!value) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null; // not JSON: not a value this bot wrote
  }
  const result = PayChoice.safeParse(parsed);
  return result.success ? result.data : null;
}

/**
 * The ephemeral quote for a car about to leave: amount due now with its breakdown and one button
 * per payment method, each carrying the ticket's garage when given and the validation code the fee
 * was validated with (`fee.validation`), so a click charges what the quote showed. A click
 * completes the ticket and replaces this message with the receipt. A prepaid booked car's quote
 * says what was prepaid and that only the balance (the amount due) is collected; so does its receipt.
 */
export function buildQuote(ticket: Ticket, fee: FeeBreakdown, timeZone: string, garageId?: number): Reply {
  const due = formatCents(fee.totalCents);
  const validationCode = fee.validation?.code;
  const prepaid = prepaidNote(ticket, fee.totalCents, 'quote');
  const buttons: Block = {
    type: 'actions',
    block_id: `pay:${ticket.ticketNumber}`,
    elements: PAYMENT_METHODS.map((method) => ({
      type: 'button',
      action_id: `${PAY_ACTION_PREFIX}${method.toLowerCase().replace(/\s+/g, '_')}`,
      text: { type: 'plain_text', text: method },
      value: JSON.stringify({
        ticketNumber: ticket.ticketNumber,
        paymentMethod: method,
        ...(garageId ? { garageId } : {}),
        ...(validationCode ? { validationCode } : {}),
      } satisfies PayChoice),
      ...(method === 'Cash' ? { style: 'primary' as const } : {}),
    })),
  };
  return {
    response_type: 'ephemeral',
    text: `${ticket.ticketNumber} (${ticket.licensePlate}): ${due} due — choose how it is paid`,
    blocks: [
      section(`:receipt: *${ticket.ticketNumber}* — ${ticket.licensePlate}: *${due}* due`),
      fields([
        ['Entered', formatDateTime(ticket.entryTime, timeZone)],
        ['Parked', formatDuration(fee.durationMinutes)],
      ]),
      context(describeFee(fee, timeZone)),
      ...(prepaid ? [context(prepaid)] : []),
      section('How is it paid?'),
      buttons,
    ],
  };
}

/**
 * The receipt of a completed ticket: fee and its breakdown. In the channel after `/park exit … cash`;
 * in place of the quote after a button click. `note` says when it was paid earlier (a repeat);
 * `driverLink`, the driver's receipt link (or why there is none); `command`, as typed, for its words.
 */
export function buildReceipt(
  ticket: Ticket,
  timeZone: string,
  options: { visibility?: 'in_channel' | 'ephemeral'; replaceOriginal?: boolean; note?: string; driverLink?: DriverLink; command?: string } = {},
): Reply {
  const paid = formatCents(ticket.amountPaid ?? 0);
  const left = ticket.exitTime ? formatDateTime(ticket.exitTime, timeZone) : '—';
  const blocks: Block[] = [
    section(`:white_check_mark: *Paid ${paid}* — ${ticket.ticketNumber}, ${ticket.licensePlate}`),
    fields([
      ['Vehicle', ticket.vehicleType],
      ['Payment', ticket.paymentMethod ?? '—'],
      ['Entered', formatDateTime(ticket.entryTime, timeZone)],
      ['Left', left],
      ['Parked', formatDuration(ticket.durationMinutes ?? 0)],
      ['Total', paid],
    ]),
  ];
  if (ticket.feeBreakdown) blocks.push(context(describeFee(ticket.feeBreakdown, timeZone)));
  const prepaid = prepaidNote(ticket, ticket.amountPaid ?? 0, 'receipt');
  if (prepaid) blocks.push(context(prepaid));
  if (options.driverLink) blocks.push(context(driverLinkLine(options.driverLink, options.command)));
  if (options.note) blocks.push(context(options.note));
  return {
    response_type: options.visibility ?? 'in_channel',
    ...(options.replaceOriginal ? { replace_original: true } : {}),
    text: `Receipt ${ticket.ticketNumber} (${ticket.licensePlate}): ${paid} paid by ${ticket.paymentMethod ?? '—'}`,
    blocks,
  };
}
