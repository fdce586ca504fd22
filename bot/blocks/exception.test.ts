import { describe, expect, it } from 'vitest';
import { GarageException } from '../../shared/corrections.js';
import { buildExceptionList } from './approvals.js';
import { buildRequestPending } from './correction.js';
import { buildDecisionNotice, buildExceptionDecided, buildExceptionRequest, buildOutcomeForRequester, readExceptionChoice } from './exception.js';

const text = (r: unknown) => JSON.stringify(r);
const north = { id: 2, name: 'North', timezone: 'America/New_York' };

/** A request as the API shows it (parsed with the shared schema: a real shape): sam's void of $20.00, asked 14:05 New York time. */
function request(over: Partial<GarageException> = {}): GarageException {
  return GarageException.parse({
    id: 7,
    garageId: 2,
    type: 'void',
    ticketNumber: 'PS-7K3QXM',
    licensePlate: 'ABC 123',
    amountCents: 2000,
    reason: 'wrong_plate',
    note: 'typed <ABC 128> & left',
    requestedBy: 'user:3',
    requestedByName: 'sam',
    requestedAt: '2026-11-23T19:05:00.000Z',
    expiresAt: '2026-11-23T19:35:00.000Z',
    status: 'pending',
    decidedBy: null,
    decidedByName: null,
    decidedAt: null,
    decisionNote: null,
    ...over,
  });
}
const approved = (over: Partial<GarageException> = {}) =>
  request({ status: 'approved', decidedBy: 'slack:U0MARIA', decidedByName: 'maria', decidedAt: '2026-11-23T19:12:00.000Z', ...over });
const buttons = (r: { blocks: unknown[] }) => r.blocks.filter((b) => (b as { type: string }).type === 'actions');

describe('buildExceptionRequest', () => {
  const r = buildExceptionRequest(request(), north);

  it('says in one line what is asked, by whom, until when, in which garage', () => {
    expect(r.text).toBe('Approval needed at North: void of PS-7K3QXM (ABC 123), $20.00 — asked by sam, expires Mon 23 Nov 14:35');
  });

  it.each([
    ['the title with the garage', 'Approval needed — North'],
    ['what, which car and what is at stake', '*Void* of *PS-7K3QXM* · ABC 123 — $20.00 due, never charged'],
    ['the reason in words', '*Reason*\\nWrong plate'],
    ['the note, escaped', 'typed &lt;ABC 128&gt; &amp; left'],
    ['who asked', '*Asked by*\\nsam'],
    ['when, in the garage time', '*Asked*\\nMon 23 Nov 14:05'],
    ['when it expires', '*Expires*\\nMon 23 Nov 14:35'],
    ['its number', '#7'],
  ])('shows %s', (_name, part) => expect(text(r.blocks)).toContain(part));

  it('carries Approve / Deny, each with the request and its garage', () => {
    const [actions] = buttons(r) as { elements: { action_id: string; value: string; style: string }[] }[];
    expect(actions!.elements.map((e) => [e.action_id, e.style, readExceptionChoice(e.value)])).toEqual([
      ['exception_approve', 'primary', { exceptionId: 7, garageId: 2 }],
      ['exception_deny', 'danger', { exceptionId: 7, garageId: 2 }],
    ]);
  });

  it.each([
    ['refund', { type: 'refund', amountCents: 500, reason: 'wrong_rate' } as const, '*Refund* of *PS-7K3QXM* · ABC 123 — $5.00 back to the driver'],
    ['lost-ticket fee waiver', { type: 'lost_ticket_waiver', amountCents: 2500, reason: 'lost_ticket', note: null } as const, '*Lost-ticket fee waiver* of *PS-7K3QXM* · ABC 123 — $25.00 lost-ticket fee not charged'],
  ])('a %s says what is at stake', (_name, over, line) => {
    expect(text(buildExceptionRequest(request(over), north).blocks)).toContain(line);
  });

  it('a Slack requester is mentioned', () => {
    expect(text(buildExceptionRequest(request({ requestedBy: 'slack:U0ANA', requestedByName: 'Slack user U0ANA' }), north).blocks)).toContain('<@U0ANA>');
  });
});

describe('buildExceptionDecided', () => {
  it.each([
    ['approved', approved(), 'Approved by maria at Mon 23 Nov 14:12: void of PS-7K3QXM (ABC 123), $20.00 — North', ':white_check_mark: *Approved* by <@U0MARIA> at Mon 23 Nov 14:12', 'Carried out: the ticket is voided'],
    ['denied', approved({ status: 'denied', decidedBy: 'user:4', decisionNote: 'Car is still here' }), 'Denied by maria at Mon 23 Nov 14:12: void of PS-7K3QXM (ABC 123), $20.00 — North', ':no_entry_sign: *Denied* by maria at Mon 23 Nov 14:12', 'Car is still here'],
    ['expired', request({ status: 'expired', decidedBy: 'system', decidedByName: 'system', decidedAt: '2026-11-23T19:35:00.000Z' }), 'Expired at Mon 23 Nov 14:35, nobody decided: void of PS-7K3QXM (ABC 123), $20.00 — North', ':hourglass: *Expired* at Mon 23 Nov 14:35, nobody decided', 'Nothing was changed; ask again'],
  ])('%s: who decided what and when, and no buttons', (_name, e, line, decision, effect) => {
    const r = buildExceptionDecided(e, north);
    expect(r.text).toBe(line);
    expect(text(r.blocks)).toContain(decision);
    expect(text(r.blocks)).toContain(effect);
    expect(buttons(r)).toEqual([]);
  });
});

describe('buildDecisionNotice (a late click)', () => {
  it.each([
    ['decided the same day', approved(), '2026-11-23T19:20:00.000Z', 'Already approved by maria at 14:12; your click changed nothing.'],
    ['decided the day before', approved(), '2026-11-24T19:20:00.000Z', 'Already approved by maria at Mon 23 Nov 14:12; your click changed nothing.'],
    ['expired', request({ status: 'expired', decidedBy: 'system', decidedByName: 'system', decidedAt: '2026-11-23T19:35:00.000Z' }), '2026-11-23T19:40:00.000Z', 'This request expired at 14:35; nobody decided, and nothing changed.'],
  ])('%s', (_name, e, now, line) => {
    expect(buildDecisionNotice(e, north.timezone, new Date(now))).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: line });
  });
});

describe('the requester', () => {
  it('is told the outcome in words', () => {
    expect(buildOutcomeForRequester(approved(), north).text).toBe('Your request at North: void of PS-7K3QXM (ABC 123), $20.00 — Approved by maria at Mon 23 Nov 14:12');
  });

  it('is told, when asking, until when it waits, or that it was asked already', () => {
    const now = new Date('2026-11-23T19:05:00.000Z');
    expect(buildRequestPending(request(), north, now, false).text).toBe('Asked a manager: waiting until 14:35');
    expect(buildRequestPending(request(), north, now, true).text).toBe('A manager was already asked: waiting until 14:35');
  });
});

describe('buildExceptionList', () => {
  const now = new Date('2026-11-23T19:10:00.000Z');

  it('each request with its own buttons, marked as from the list', () => {
    const r = buildExceptionList([request(), request({ id: 8, ticketNumber: 'PS-8K3QXM' })], north, now);
    expect(r.text).toBe('2 requests wait for a manager at North');
    expect(buttons(r)).toHaveLength(2);
    expect(text(r.blocks)).toContain('asked by sam at 14:05 · until 14:35');
    const values = (buttons(r) as { elements: { value: string }[] }[]).flatMap((b) => b.elements.map((e) => readExceptionChoice(e.value)));
    expect(values.every((v) => v?.list === true)).toBe(true);
  });

  it('says when more wait than are shown, and when none wait', () => {
    expect(text(buildExceptionList([request()], north, now, { more: true }).blocks)).toContain('more wait');
    expect(buildExceptionList([], north, now, { notice: 'You approved request #7.' })).toMatchObject({ text: 'No requests wait for a manager at North.' });
  });
});

describe('readExceptionChoice', () => {
  it.each([
    ['{"exceptionId":7,"garageId":2}', { exceptionId: 7, garageId: 2 }],
    ['{"exceptionId":7,"garageId":2,"list":true}', { exceptionId: 7, garageId: 2, list: true }],
    ['{"exceptionId":2147483648,"garageId":2}', null],
    ['{"exceptionId":7}', null],
    ['not json', null],
    [undefined, null],
  ])('%j -> %j', (value, choice) => expect(readExceptionChoice(value)).toEqual(choice));
});
