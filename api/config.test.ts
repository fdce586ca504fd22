import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.DATABASE_READ_URL).toBeUndefined();
    expect(config).toMatchObject({
      PORT: 5001,
      DATA_DIR: './.data',
      GARAGE_TOTAL_SPACES: 140,
      GARAGE_HOURLY_RATE_CENTS: 1000,
      GARAGE_TIMEZONE: 'UTC',
      SUMMARY_SCHEDULE: '0 7 * * *',
      SESSION_IDLE_HOURS: 12,
      LOG_LEVEL: 'info',
    });
  });

  it('empty values count as unset', () => {
    const config = loadConfig({ DATABASE_URL: '', SLACK_SIGNING_SECRET: ' ' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.SLACK_SIGNING_SECRET).toBeUndefined();
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['GARAGE_TOTAL_SPACES', '0'],
    ['GARAGE_HOURLY_RATE_CENTS', '9.99'],
    ['GARAGE_TIMEZONE', 'Nowhere/Land'],
    ['DATABASE_URL', 'mysql://x'],
    ['DATABASE_READ_URL', 'db.internal:5432'],
    ['ADMIN_PASSWORD', 'short'],
    ['SLACK_BOT_TOKEN', 'xoxp-user-token'],
    ['LOG_LEVEL', 'loud'],
    ['TRUSTED_PROXY', '10.0.0.0/33'],
    ['TRUSTED_PROXY', '127.0.0.1, proxy.internal'],
    ['RECEIPT_LINK_SECRET', 'too-short-to-sign-links'],
    ['PUBLIC_URL', 'parkops.example.com'],
  ])('a bad %s stops the start with a message naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}: `));
  });

  it('DATABASE_READ_URL is a postgres:// URL like DATABASE_URL, and blank is unset', () => {
    const url = 'postgres://parkops:secret@replica.internal:5432/parkops';
    expect(loadConfig({ DATABASE_URL: 'postgresql://parkops:secret@db.internal/parkops', DATABASE_READ_URL: ` ${url} ` }).DATABASE_READ_URL).toBe(url);
    expect(loadConfig({ DATABASE_READ_URL: ' ' }).DATABASE_READ_URL).toBeUndefined();
    expect(() => loadConfig({ DATABASE_READ_URL: 'mysql://replica' })).toThrow('DATABASE_READ_URL: must be a postgres:// URL');
  });

  it('TRUSTED_PROXY takes addresses and CIDR ranges, and names what it cannot read', () => {
    expect(loadConfig({ TRUSTED_PROXY: '127.0.0.1, 10.0.0.0/8, ::1, fd00::/8' }).TRUSTED_PROXY).toBe('127.0.0.1, 10.0.0.0/8, ::1, fd00::/8');
    expect(() => loadConfig({ TRUSTED_PROXY: '127.0.0.1, proxy.internal' })).toThrow(/TRUSTED_PROXY: .*\(not: proxy\.internal\)/);
  });

  it('RECEIPT_LINK_SECRET is optional (blank is unset) and at least 32 characters when set', () => {
    expect(loadConfig({}).RECEIPT_LINK_SECRET).toBeUndefined();
    expect(loadConfig({ RECEIPT_LINK_SECRET: '  ' }).RECEIPT_LINK_SECRET).toBeUndefined();
    const secret = 'x'.repeat(31) + 'y';
    expect(loadConfig({ RECEIPT_LINK_SECRET: secret }).RECEIPT_LINK_SECRET).toBe(secret);
    expect(() => loadConfig({ RECEIPT_LINK_SECRET: 'x'.repeat(31) })).toThrow('RECEIPT_LINK_SECRET: must be at least 32 characters');
  });

  it.each([
    ['https://parkops.example.com', 'https://parkops.example.com'],
    ['https://parkops.example.com/', 'https://parkops.example.com'],
    ['  HTTPS://ParkOps.Example.com/  ', 'https://parkops.example.com'],
    ['http://localhost:5001', 'http://localhost:5001'],
    ['http://10.0.0.5:8080/', 'http://10.0.0.5:8080'],
    ['https://parkops.example.com:443', 'https://parkops.example.com'],
  ])('PUBLIC_URL %j is the address %j (a trailing slash dropped)', (value, origin) => {
    expect(loadConfig({ PUBLIC_URL: value }).PUBLIC_URL).toBe(origin);
  });

  it('PUBLIC_URL is optional: unset and blank are unset', () => {
    expect(loadConfig({}).PUBLIC_URL).toBeUndefined();
    expect(loadConfig({ PUBLIC_URL: ' ' }).PUBLIC_URL).toBeUndefined();
  });

  it.each([
    'parkops.example.com',
    'ftp://parkops.example.com',
    'https://',
    'https:parkops.example.com',
    'https://parkops.example.com/parkops',
    'https://parkops.example.com//',
    'https://parkops.example.com/?x=1',
    'https://parkops.example.com?',
    'https://parkops.example.com/#top',
    'https://admin:secret@parkops.example.com',
    'https://parkops example.com',
    'https://parkops.example.com:99999',
    '/r/',
  ])('PUBLIC_URL %j is refused with a sentence saying what it must be', (value) => {
    expect(() => loadConfig({ PUBLIC_URL: value })).toThrow(
      'PUBLIC_URL: must be the address drivers and Slack users reach ParkOps at: http(s) and a host, with no path, query or fragment, e.g. https://parkops.example.com',
    );
  });
});
