import { describe, expect, it } from 'vitest';
import { ReceiptLink, RevokedReceiptLinks } from '../../shared/receipt-links.js';
import { buildReceiptLink, buildReceiptLinkRevoked, driverLinkLine, NO_PUBLIC_URL_LINE, receiptUrl, type DriverLink } from './receipt-link.js';

const link = ReceiptLink.parse({ ticketNumber: 'PS-7K3QXM', path: '/r/4mJ0c3xkQ2m9a1b2c3d4eQ.Zx8yW7vU6tS5rQ4p', createdAt: '2026-11-23T16:35:00.000Z' });
const url = 'https://parkops.example.com/r/4mJ0c3xkQ2m9a1b2c3d4eQ.Zx8yW7vU6tS5rQ4p';

describe('receiptUrl', () => {
  it.each([
    ['https://parkops.example.com', url],
    ['http://localhost:5001', 'http://localhost:5001/r/4mJ0c3xkQ2m9a1b2c3d4eQ.Zx8yW7vU6tS5rQ4p'],
  ])('%j + the link path = %j', (publicUrl, expected) => {
    expect(receiptUrl(publicUrl, link)).toBe(expected);
  });
});

describe('driverLinkLine', () => {
  it.each<[string, DriverLink, string]>([
    ['the link, clickable', { kind: 'link', url }, `:link: Receipt for the driver: <${url}>`],
    ['no PUBLIC_URL: says how to turn links on, no relative address', { kind: 'no_public_url' }, NO_PUBLIC_URL_LINE],
    ['a failure: how to get the link later', { kind: 'failed', ticketNumber: 'PS-7K3QXM' }, 'Receipt link: it could not be made just now; `/park-north receipt PS-7K3QXM` gives it.'],
  ])('%s', (_name, driverLink, line) => {
    expect(driverLinkLine(driverLink, '/park-north')).toBe(line);
  });

  it('never shows a path without an address', () => {
    expect(NO_PUBLIC_URL_LINE).toContain('set PUBLIC_URL');
    expect(NO_PUBLIC_URL_LINE).not.toContain('/r/');
  });
});

describe('buildReceiptLink', () => {
  it('only to the asker: the link, and that a manager can revoke it', () => {
    const reply = buildReceiptLink('PS-7K3QXM', { kind: 'link', url });
    expect(reply).toMatchObject({ response_type: 'ephemeral', text: `Receipt link for PS-7K3QXM: ${url}` });
    expect(JSON.stringify(reply.blocks)).toContain(`<${url}>`);
    expect(JSON.stringify(reply.blocks)).toContain('`/park receipt revoke PS-7K3QXM`');
  });

  it('without PUBLIC_URL: says so, to the asker', () => {
    const reply = buildReceiptLink('PS-7K3QXM', { kind: 'no_public_url' });
    expect(reply).toMatchObject({ response_type: 'ephemeral', text: `PS-7K3QXM: ${NO_PUBLIC_URL_LINE}` });
  });
});

describe('buildReceiptLinkRevoked', () => {
  it.each([
    [1, 'Revoked the receipt link of PS-7K3QXM: it no longer shows the receipt.'],
    [0, 'PS-7K3QXM had no live receipt link: nothing was revoked.'],
  ])('%i revoked: %j', (revoked, text) => {
    const reply = buildReceiptLinkRevoked(RevokedReceiptLinks.parse({ ticketNumber: 'PS-7K3QXM', revoked }));
    expect(reply).toMatchObject({ response_type: 'ephemeral', text });
  });
});
