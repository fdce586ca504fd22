import { describe, expect, it } from 'vitest';
import { buildError } from './error.js';
import { buildHelp } from './help.js';

describe('buildHelp', () => {
  it.each(['enter', 'exit', 'find', 'receipt', 'receipt revoke', 'void', 'refund', 'waive', 'reserve', 'reservations', 'cancel-reservation', 'shift', 'stats', 'rates', 'report', 'approvals', 'payments', 'link', 'help'])('lists /park %s', (command) => {
    expect(JSON.stringify(buildHelp().blocks)).toContain(`/park ${command}`);
  });

  it.each([
    ['a lost ticket', '/park exit ABC 123 cash lost'],
    ['a validation code', '/park exit PS-7K3QXM cash CINEMA5'],
    ['a validation code on the quote', '/park exit ABC 123 code CINEMA5'],
    ['a receipt link for the driver', '/park receipt PS-7K3QXM'],
    ['a void with its reason', '/park void PS-7K3QXM duplicate'],
    ['a refund with amount and reason', '/park refund PS-7K3QXM 5.00 wrong rate'],
    ['a booking prepaid', '/park reserve ABC 123 08:00-18:00 prepaid 20'],
    ['a booking on a date into the next day', '/park reserve ABC 123 2026-11-24 22:00-06:00 for Ms Lee'],
    ['the void reasons', 'duplicate, wrong plate, test, drove away, other'],
    ['the refund reasons', 'wrong rate, overcharged, double charged, service issue, goodwill, other'],
  ])('shows %s', (_name, part) => {
    expect(JSON.stringify(buildHelp().blocks)).toContain(part);
  });

  it("keeps each section within Slack's 3000 characters, even with a long command name", () => {
    for (const block of buildHelp('/park-staging-north').blocks) {
      const text = block.type === 'section' ? (block.text?.text ?? '') : JSON.stringify(block);
      expect(text.length).toBeLessThan(3000);
    }
  });

  it('uses the command name it was called with', () => {
    expect(JSON.stringify(buildHelp('/park-test').blocks)).toContain('/park-test enter');
  });

  it.each([
    ['dance', 'I did not understand `dance`'],
    ['<@U123> `x`', "I did not understand `&lt;@U123&gt; 'x'`"],
  ])('says what it did not understand: %j', (input, line) => {
    expect(JSON.stringify(buildHelp('/park', input).blocks)).toContain(line);
  });
});

describe('buildError', () => {
  it.each([
    ['Garage is full — 140/140', ':warning: Garage is full — 140/140'],
    ['a <b> & c', ':warning: a &lt;b&gt; &amp; c'],
  ])('%j is ephemeral and escaped', (message, shown) => {
    const reply = buildError(message);
    expect(reply).toMatchObject({ response_type: 'ephemeral', text: message });
    expect(JSON.stringify(reply.blocks)).toContain(shown);
  });
});
