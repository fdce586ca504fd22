import pino from 'pino';
import type { Logger } from '../../api/logger.js';

/** One JSON log line as pino writes it. */
export type LogLine = { level: number; msg: string; [key: string]: unknown };

/** A real logger whose lines the test can read (`lines`), instead of a silent one. */
export function capturedLog(): { log: Logger; lines: LogLine[]; messages: () => string[] } {
  const lines: LogLine[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, lines, messages: () => lines.map((l) => l.msg) };
}
