import { expect } from 'vitest';

/** Everything a reply says, blocks included, for `toContain` checks. */
export const said = (reply: unknown) => JSON.stringify(reply ?? null);

/** The one reply a request got through its response_url. */
export function onlyReply(replies: Record<string, unknown>[]): Record<string, unknown> {
  expect(replies).toHaveLength(1);
  return replies[0]!;
}

/** The ticket number a reply names. */
export function ticketNumberIn(reply: unknown): string {
  const match = /PS-[0-9A-Z]{6}/.exec(said(reply));
  if (!match) throw new Error(`no ticket number in ${said(reply)}`);
  return match[0];
}

/** The payment buttons of a quote: action id and value of each. */
export const payButtons = (reply: Record<string, unknown>) => buttonsOf(reply);

/** Every button of a message (a reply, or a Web API call's arguments): action id, value and label. */
export function buttonsOf(reply: Record<string, unknown>): { actionId: string; value: string; text: string }[] {
  const blocks = Array.isArray(reply.blocks) ? reply.blocks : [];
  const buttons: { actionId: string; value: string; text: string }[] = [];
  for (const block of blocks) {
    if (block?.type !== 'actions') continue;
    for (const e of block.elements ?? []) buttons.push({ actionId: e.action_id, value: e.value, text: e.text?.text });
  }
  return buttons;
}
