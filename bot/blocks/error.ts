import { escapeText, section, type Reply } from './reply.js';

/** A refusal or failure only the person who asked sees, e.g. "Garage is full — 140/140". */
export function buildError(message: string): Reply {
  return { response_type: 'ephemeral', text: message, blocks: [section(`:warning: ${escapeText(message)}`)] };
}

/** What a person is told when something broke on our side (the details went to the log). */
export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side; it has been logged. Please try again in a moment.';
