import { describe, expect, it } from 'vitest';
import { buildError } from './error.js';
import { buildHelp } from './help.js';

describe('buildHelp', () => {
  it.each(['enter', 'exit', 'find', 'stats', 'report', 'payments', 'link', 'help'])('lists /park %s', (command) => {
    expect(JSON.stringify(buildHelp().blocks)).toContain(`/park ${command}`);
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
