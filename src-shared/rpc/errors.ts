// Errors are values: every channel answers `{ ok, value }` or `{ ok: false, error }`, and
// the error's message is written for the person at the screen, never a stack trace.

export type ErrorKind =
  | 'validation'
  | 'conflict'
  | 'not_found'
  | 'forbidden'
  | 'locked'
  | 'wrong_passphrase'
  | 'corrupt'
  | 'stripe'
  | 'internal';

export interface AppError {
  kind: ErrorKind;
  message: string;
  /** Field path (dot-joined) → message, shown next to the field. */
  fieldErrors?: Record<string, string>;
  /** For `internal`: a reference into the local log, so support can find the stack. */
  ref?: string;
  retryable?: boolean;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (error: AppError): Result<never> => ({ ok: false, error });

/** Thrown inside services; the router turns it into an error value. */
export class AppFailure extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
    this.name = 'AppFailure';
  }
}

export const fail = (kind: ErrorKind, message: string, extra: Partial<AppError> = {}): never => {
  throw new AppFailure({ kind, message, ...extra });
};
