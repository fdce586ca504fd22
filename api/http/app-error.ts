import { errorStatus, type ErrorCode } from '../../shared/errors.js';

/** An expected failure with the code and message the client gets; the one way handlers refuse. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  /** The HTTP status this error is answered with. */
  get status(): (typeof errorStatus)[ErrorCode] {
    return errorStatus[this.code];
  }
}
