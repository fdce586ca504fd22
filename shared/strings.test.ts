import { describe, expect, it } from 'vitest';
import { Text } from './strings.js';

describe('Text', () => {
  it.each([
    ['user:1', true],
    ['', true],
    ['Ω émoji 🚗', true],
    ['a'.repeat(10), true],
    ['a'.repeat(11), false],
    ['a\u0000b', false],
    ['\u0000', false],
  ])('%j: accepted %s', (value, ok) => {
    expect(Text(10).safeParse(value).success).toBe(ok);
  });

  it('says what is wrong, by name', () => {
    expect(Text(10, 'actor').safeParse('x\u0000').error?.issues[0]?.message).toBe('actor must not contain NUL characters (\\u0000)');
    expect(Text(3, 'actor').safeParse('abcd').error?.issues[0]?.message).toBe('actor is at most 3 characters');
  });
});
