import type { z } from 'zod';
import type { AnyChannel } from '../../src-shared/rpc/contract';
import { AppFailure, err, ok, type Result } from '../../src-shared/rpc/errors';
import { validationError } from '../../src-shared/rpc/validation';
import { channels, type Channels, type ChannelsOf } from '../../src-shared/channels';
import type { CoreContext } from './context';
import { roleAllows } from './roles';

type Handler<C extends AnyChannel> = (input: z.output<C['input']>, ctx: CoreContext) => Promise<z.input<C['output']>> | z.input<C['output']>;

/** One handler per declared channel, keyed by channel name; the compiler checks both sides. */
export type Handlers = { [K in keyof Channels as Channels[K]['name']]: Handler<Channels[K]> };

/** The handlers of one domain's contract module (`HandlersFor<typeof import('…/contract')>`). */
export type HandlersFor<M> = {
  [K in keyof ChannelsOf<M> as ChannelsOf<M>[K] extends AnyChannel ? ChannelsOf<M>[K]['name'] : never]: ChannelsOf<M>[K] extends AnyChannel
    ? Handler<ChannelsOf<M>[K]>
    : never;
};

const byName = new Map<string, AnyChannel>(Object.values(channels).map((c) => [c.name, c]));

/**
 * The single dispatch used by every host: Electron IPC, the loopback browser host, the CLI
 * and the tests. It checks the channel exists, the workspace is unlocked and the role
 * allows it, validates the input with the channel's schema, runs the handler, and turns
 * any failure into an error value.
 */
export function createRouter(handlers: Handlers) {
  return async function dispatch(ctx: CoreContext, name: string, rawInput: unknown): Promise<Result<unknown>> {
    const channel = byName.get(name);
    if (!channel) return err({ kind: 'not_found', message: `There is no channel named "${String(name).slice(0, 80)}".` });
    if (channel.permission !== 'public') {
      if (!ctx.session) return err({ kind: 'locked', message: 'The workspace is locked. Unlock it to continue.' });
      if (!roleAllows(ctx.session.user.role, channel.permission)) {
        return err({ kind: 'forbidden', message: `Your role (${ctx.session.user.role.replace('_', ' ')}) may not do this.` });
      }
    }
    const parsed = channel.input.safeParse(rawInput ?? {});
    if (!parsed.success) return err(validationError(parsed.error));
    try {
      const handler = (handlers as Record<string, Handler<AnyChannel>>)[name];
      if (!handler) throw new Error(`No handler registered for ${name}`);
      const out = await handler(parsed.data, ctx);
      const checked = channel.output.safeParse(out);
      if (!checked.success) throw new Error(`Handler ${name} returned a value its contract rejects: ${checked.error.message}`);
      return ok(checked.data);
    } catch (e) {
      if (e instanceof AppFailure) return err(e.error);
      const ref = ctx.log.error(`channel ${name} failed`, e);
      return err({ kind: 'internal', message: `Something went wrong (${name}). Nothing was saved. Reference ${ref} in the local log.`, ref });
    }
  };
}

export type Dispatch = ReturnType<typeof createRouter>;
