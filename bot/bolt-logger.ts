import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../api/logger.js';

const toBolt: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

/** Bolt's and the Web API client's log lines, written through the app's logger (its level rules). */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'slack' });
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (...msg: unknown[]) => {
    const err = msg.find((m) => m instanceof Error);
    const text = msg.filter((m) => !(m instanceof Error)).map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
    child[level](err ? { err } : {}, text);
  };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: () => {}, // the app's LOG_LEVEL decides, not Bolt's default
    getLevel: () => toBolt[child.level] ?? LogLevel.INFO,
    setName: () => {},
  };
}
