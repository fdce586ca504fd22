import type { App } from '@slack/bolt';
import type { Deps } from '../../api/deps.js';
import { buildError } from '../blocks/error.js';
import { buildHelp } from '../blocks/help.js';
import type { Reply } from '../blocks/reply.js';
import { parseParkCommand, type ParkCommand } from '../parse.js';
import { slackDeps, type SlackContext, type SlackRequest } from './context.js';
import { alertsCommand } from './alerts.js';
import { approvalsCommand } from './approvals.js';
import { refundCommand, voidCommand, waiveCommand } from './corrections.js';
import { enterCommand } from './enter.js';
import { exitCommand } from './exit.js';
import { findCommand } from './find.js';
import { answerInGarage } from './garage.js';
import { linkCommand } from './link.js';
import { paymentsCommand } from './payments.js';
import { ratesCommand } from './rates.js';
import { receiptCommand, type SlackReceipts } from './receipt.js';
import { reportCommand } from './report.js';
import { cancelReservationCommand, reservationsCommand, reserveCommand } from './reservations.js';
import { shiftCommand } from './shift.js';
import { statsCommand } from './stats.js';

/** The commands that act on a garage: each answer names it (the garage line under it). */
type GarageCommand = Exclude<ParkCommand, { kind: 'help' | 'invalid' | 'link' }>;

/** Runs a command that acts on a garage, in the garage the request resolved to. */
function runInGarage(ctx: SlackContext, parsed: GarageCommand, receipts: SlackReceipts): Promise<Reply> {
  switch (parsed.kind) {
    case 'enter':
      return enterCommand(ctx, parsed);
    case 'exit':
      return exitCommand(ctx, parsed, receipts);
    case 'find':
      return findCommand(ctx, parsed.target);
    case 'stats':
      return statsCommand(ctx);
    case 'rates':
      return ratesCommand(ctx);
    case 'report':
      return reportCommand(ctx, parsed.date);
    case 'payments':
      return paymentsCommand(ctx);
    case 'void':
      return voidCommand(ctx, parsed);
    case 'refund':
      return refundCommand(ctx, parsed);
    case 'waive':
      return waiveCommand(ctx, parsed);
    case 'approvals':
      return approvalsCommand(ctx);
    case 'alerts':
      return alertsCommand(ctx, parsed.mute);
    case 'shift':
      return shiftCommand(ctx);
    case 'reserve':
      return reserveCommand(ctx, parsed);
    case 'reservations':
      return reservationsCommand(ctx);
    case 'cancel-reservation':
      return cancelReservationCommand(ctx, parsed.id);
    case 'receipt':
      return receiptCommand(ctx, parsed, receipts);
  }
}

/**
 * Answers the text after `/park`; every failure becomes an ephemeral, human answer. The garage a
 * command acts on is resolved here, once per command (`answerInGarage`: the channel's, else a
 * default), and every answer of such a command — refusals too — says which garage it was.
 * `receipts`: how receipts get the driver's link (exits, `/park receipt`).
 */
export async function answerPark(request: SlackRequest, text: string, receipts: SlackReceipts): Promise<Reply> {
  const parsed = parseParkCommand(text, request.command);
  switch (parsed.kind) {
    case 'help':
      return buildHelp(request.command, parsed.notUnderstood);
    case 'invalid':
      return buildError(parsed.message);
    case 'link':
      return answerInGarage(request, parsed.kind, (ctx) => linkCommand(ctx, parsed.garage), { named: false });
    default:
      return answerInGarage(request, parsed.kind, (ctx) => runInGarage(ctx, parsed, receipts));
  }
}

/**
 * The slash command (`/park`, or a renamed `/park-…`): acknowledged at once, with nothing, so Slack
 * hears back within its 3 seconds whatever the database does; the answer follows through `response_url`.
 */
export function registerParkCommand(app: App, deps: Deps, receipts: SlackReceipts): void {
  app.command(/^\/park/, async ({ command, ack, respond }) => {
    await ack();
    const request: SlackRequest = {
      deps: slackDeps(deps), // read per request: the composition root wires `deps.alerts` after building the app
      userId: command.user_id,
      triggerId: command.trigger_id || undefined,
      command: command.command,
      channelId: command.channel_id || undefined,
    };
    await respond(await answerPark(request, command.text, receipts));
  });
}
