import type { AnyChannel } from './rpc/contract';
import * as agreements from './agreements/contract';
import * as applications from './applications/contract';
import * as audit from './audit/contract';
import * as backup from './backup/contract';
import * as commissions from './commissions/contract';
import * as drafts from './drafts/contract';
import * as imports from './imports/contract';
import * as partners from './partners/contract';
import * as payouts from './payouts/contract';
import * as referrals from './referrals/contract';
import * as reports from './reports/contract';
import * as stripe from './stripe/contract';
import * as workspace from './workspace/contract';
import * as users from './workspace/usersContract';

/** The channel definitions among a contract module's exports (it also exports schemas). */
export type ChannelsOf<M> = { [K in keyof M as M[K] extends AnyChannel ? K : never]: M[K] };
type Prefixed<P extends string, M> = { [K in keyof ChannelsOf<M> & string as `${P}${Capitalize<K>}`]: ChannelsOf<M>[K] };

const isChannel = (v: unknown): v is AnyChannel =>
  typeof v === 'object' && v !== null && 'name' in v && 'input' in v && 'output' in v && 'permission' in v;

function domain<P extends string, M extends object>(prefix: P, module: M): Prefixed<P, M> {
  return Object.fromEntries(
    Object.entries(module)
      .filter(([, v]) => isChannel(v))
      .map(([k, v]) => [`${prefix}${k[0]!.toUpperCase()}${k.slice(1)}`, v]),
  ) as Prefixed<P, M>;
}

/**
 * Every channel the app has, keyed for the typed client (`api.agreementsServeNotice`).
 * A domain adds a channel by exporting a defineChannel() from its contract.ts; the preload
 * exposes exactly these names, and a test fails when one is declared without a handler.
 */
export const channels = {
  ...domain('workspace', workspace),
  ...domain('users', users),
  ...domain('partners', partners),
  ...domain('applications', applications),
  ...domain('agreements', agreements),
  ...domain('referrals', referrals),
  ...domain('imports', imports),
  ...domain('commissions', commissions),
  ...domain('stripe', stripe),
  ...domain('drafts', drafts),
  ...domain('payouts', payouts),
  ...domain('reports', reports),
  ...domain('audit', audit),
  ...domain('backup', backup),
};

export type Channels = typeof channels;
export type ChannelName = Channels[keyof Channels]['name'];
export const channelNames: readonly string[] = Object.values(channels).map((c) => c.name);
