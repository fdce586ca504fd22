import pino from 'pino';

/** The app's logger: JSON lines (pino), secrets redacted wherever they appear. */
export type Logger = pino.Logger;

/** Builds the logger at `level`; `silent` for tests. */
export function createLogger(level: pino.LevelWithSilent = 'info'): Logger {
  return pino({
    level,
    redact: {
      paths: ['password', '*.password', 'token', '*.token', 'authorization', '*.authorization', 'cookie', '*.cookie', 'url', '*.url'],
      censor: '[redacted]',
    },
  });
}
