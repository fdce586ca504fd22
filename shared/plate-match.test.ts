import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestPlateMatches, closeEnough, editDistance, foldLookAlikes, MAX_PROPOSALS, normalizePlateText } from './plate-match.js';

describe('normalizePlateText', () => {
  it.each([
    [' ab-12 3 ', 'AB123'],
    ['KA·01·AB', 'KA01AB'],
    ['ＡＢＣ１２３', 'ABC123'],
    ['ab.c/12', 'ABC12'],
    ['京A 12345', 'A12345'],
    ['', ''],
    ['- -', ''],
  ])('%j -> %j', (input, expected) => expect(normalizePlateText(input)).toBe(expected));
});

describe('foldLookAlikes', () => {
  it.each([
    ['O0', '00'],
    ['I1', '11'],
    ['Z2', '22'],
    ['B8', '88'],
    ['S5', '55'],
    ['SOB1', '5081'],
    ['ACD', 'ACD'],
    ['', ''],
  ])('%j -> %j', (input, expected) => expect(foldLookAlikes(input)).toBe(expected));
});

describe('editDistance', () => {
  it.each([
    ['ABC123', 'ABC123', 0],
    ['ABC123', 'ABC12', 1],
    ['ABC123', 'XABC123', 1],
    ['ABC123', 'ABD123', 1],
    ['ABC123', 'BAC123', 2],
    ['', 'AB', 2],
    ['ABC', 'XYZ', 3],
  ])('%j to %j is %i', (a, b, d) => expect(editDistance(a, b)).toBe(d));

  it('stops at max + 1 once the distance must be larger', () => {
    expect(editDistance('ABCDEFGH', '12345678', 2)).toBe(3);
    expect(editDistance('AB', 'ABCDEF', 1)).toBe(2);
  });
});

describe('closeEnough', () => {
  it.each([
    [2, 1],
    [5, 1],
    [6, 2],
    [10, 2],
  ])('a plate of %i characters may be %i off', (length, allowed) => expect(closeEnough(length)).toBe(allowed));
});

const parked = ['BOS 123', 'XYZ-987', 'ABC 123', 'ABC 128', 'QRT 450', 'KLM 777'];
const plateOf = (p: string) => p;

describe('bestPlateMatches', () => {
  it.each([
    ['exact beats the rest', 'ABC123', ['ABC 123:exact:0', 'ABC 128:close:1']],
    ['spaces and dashes do not matter', 'xyz 987', ['XYZ-987:exact:0']],
    ['look-alikes read wrong still match', '8O5 I23', ['BOS 123:look-alike:0']],
    ['a dropped character is close', 'QRT45', ['QRT 450:close:1']],
    ['an added character is close', 'KLM7777', ['KLM 777:close:1']],
    ['nothing like it', 'WWW000', []],
    ['an empty read proposes nothing', ' - ', []],
  ])('%s', (_what, read, expected) => {
    const found = bestPlateMatches(read, parked, plateOf).map((m) => `${m.plate}:${m.reason}:${m.distance}`);
    expect(found).toEqual(expected);
  });

  it('takes the best of several readings of one plate', () => {
    const [best] = bestPlateMatches(['GARAGE', 'KLM777'], parked, plateOf);
    expect(best).toMatchObject({ plate: 'KLM 777', reason: 'exact' });
  });

  it('gives each car once, at most three, and keeps the item', () => {
    const tickets = ['AB1234', 'AB1235', 'AB1236', 'AB1237', 'AB1238'].map((licensePlate, i) => ({ ticketNumber: `PS-00000${i}`, licensePlate }));
    const found = bestPlateMatches(['AB1230', 'AB1231'], tickets, (t) => t.licensePlate);
    expect(found).toHaveLength(MAX_PROPOSALS);
    expect(new Set(found.map((m) => m.item.ticketNumber)).size).toBe(MAX_PROPOSALS);
    expect(found[0]!.item).toBe(tickets[0]);
  });

  it('keeps the list order among equally good cars', () => {
    const found = bestPlateMatches('AB12', ['AB13', 'AB14', 'XB12'], plateOf);
    expect(found.map((m) => m.plate)).toEqual(['AB13', 'AB14', 'XB12']);
  });
});

const plateChar = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
const plate = fc.array(plateChar, { minLength: 2, maxLength: 10 }).map((cs) => cs.join(''));
const TWIN: Record<string, string> = { O: '0', '0': 'O', I: '1', '1': 'I', Z: '2', '2': 'Z', B: '8', '8': 'B', S: '5', '5': 'S' };

describe('bestPlateMatches (properties)', () => {
  it('a parked plate read with any look-alikes swapped is proposed first, unless another car reads the same', () => {
    fc.assert(
      fc.property(plate, fc.array(plate, { maxLength: 30 }), fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }), (truth, others, swaps) => {
        const read = [...truth].map((c, i) => (swaps[i] && TWIN[c] ? TWIN[c] : c)).join('');
        const cars = [...others.filter((o) => foldLookAlikes(o) !== foldLookAlikes(truth)), truth];
        const [first] = bestPlateMatches(read, cars, plateOf);
        expect(first?.plate).toBe(truth);
        expect(first?.reason).toBe(read === truth ? 'exact' : 'look-alike');
      }),
    );
  });

  it('never proposes more than three, nor a car whose folded plate is further than allowed', () => {
    fc.assert(
      fc.property(plate, fc.array(plate, { maxLength: 40 }), (read, cars) => {
        const found = bestPlateMatches(read, cars, plateOf);
        expect(found.length).toBeLessThanOrEqual(MAX_PROPOSALS);
        for (const m of found) {
          const a = foldLookAlikes(read);
          const b = foldLookAlikes(m.plate);
          expect(editDistance(a, b)).toBeLessThanOrEqual(closeEnough(Math.min(a.length, b.length)));
        }
      }),
    );
  });

  it('folding is idempotent and keeps the length', () => {
    fc.assert(
      fc.property(plate, (p) => {
        expect(foldLookAlikes(foldLookAlikes(p))).toBe(foldLookAlikes(p));
        expect(foldLookAlikes(p)).toHaveLength(p.length);
      }),
    );
  });
});
