import type { Result } from '../../src-shared/rpc/errors';
import type { CoreContext } from './context';
import { handlers } from './handlers';
import { fileLogger, type Logger } from './log';
import { createRouter } from './router';
import { closeSession } from './workspace/service';
import { lockIfIdle, noteActivity } from './workspace/idle';
import { noKeyProtector, type KeyProtector } from './workspace/keyProtector';

export interface CoreOptions {
  workspaceDir: string;
  keyProtector?: KeyProtector;
  now?: () => Date;
  /**
   * Wall-clock milliseconds for auto-lock (Date.now unless given). Kept apart from `now`, the
   * business clock, which tests move by days to play out notice periods in one open session.
   */
  idleClock?: () => number;
  log?: Logger;
}

export interface Core {
  dispatch(channel: string, input: unknown): Promise<Result<unknown>>;
  close(): void;
  readonly context: CoreContext;
}

/**
 * The whole app minus windows: one per process, hosted by Electron, the browser host, the
 * CLI or a test. Calls are serialised — SQLite has one writer, and a sign-in racing a
 * lock must not interleave.
 */
export function createCore(opts: CoreOptions): Core {
  const context: CoreContext = {
    workspaceDir: opts.workspaceDir,
    session: null,
    keyProtector: opts.keyProtector ?? noKeyProtector,
    now: opts.now ?? (() => new Date()),
    log: opts.log ?? fileLogger(opts.workspaceDir),
  };
  const route = createRouter(handlers);
  const idleClock = opts.idleClock ?? (() => Date.now());
  let queue: Promise<unknown> = Promise.resolve();
  return {
    context,
    dispatch(channel, input) {
      const run = queue.then(async () => {
        // Auto-lock: a session idle past the workspace's auto-lock time closes before the call.
        lockIfIdle(context, idleClock());
        try {
          return await route(context, channel, input);
        } finally {
          noteActivity(context, channel, idleClock());
        }
      });
      queue = run.catch(() => undefined);
      return run;
    },
    close: () => closeSession(context),
  };
}
