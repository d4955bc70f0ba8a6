import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface Logger {
  /** Records an unexpected failure and returns a short reference to quote to support. */
  error(message: string, error: unknown): string;
  info(message: string): void;
}

/**
 * A plain local log beside the workspace. It never receives passphrases, keys or row
 * contents: callers pass a message and the error, and only the error's stack is written.
 */
export function fileLogger(dir: string, echo = false): Logger {
  const file = join(dir, 'logs', 'partnerdesk.log');
  const write = (line: string) => {
    try {
      mkdirSync(join(dir, 'logs'), { recursive: true });
      appendFileSync(file, `${new Date().toISOString()} ${line}\n`);
    } catch {
      // Logging must never take the app down.
    }
    if (echo) process.stderr.write(`${line}\n`);
  };
  return {
    error(message, error) {
      const ref = randomBytes(4).toString('hex');
      const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
      write(`ERROR ref=${ref} ${message}\n${stack}`);
      return ref;
    },
    info: (message) => write(`INFO ${message}`),
  };
}

export const silentLogger: Logger = { error: () => 'test', info: () => undefined };
