import type { Result } from '../../src-shared/rpc/errors';
import type { CoreContext } from './context';
import { handlers } from './handlers';
import { fileLogger, type Logger } from './log';
import { createRouter } from './router';
import { closeSession } from './workspace/service';
import { noKeyProtector, type KeyProtector } from './workspace/keyProtector';

export interface CoreOptions {
  workspaceDir: string;
  keyProtector?: KeyProtector;
  now?: () => Date;
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
  let queue: Promise<unknown> = Promise.resolve();
  return {
    context,
    dispatch(channel, input) {
      const run = queue.then(() => route(context, channel, input));
      queue = run.catch(() => undefined);
      return run;
    },
    close: () => closeSession(context),
  };
}
