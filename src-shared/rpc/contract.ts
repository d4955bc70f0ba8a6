import { z } from 'zod';

/**
 * A channel is declared once, here in src-shared: its name, the zod schemas of its input
 * and output, and the permission it needs. The core validates every input with the same
 * schema before the handler runs; the preload exposes only declared names; the renderer's
 * client infers its types from the declaration.
 */
export type Permission =
  | 'public' // reachable while the workspace is locked (status, unlock, create)
  | 'workspace.read'
  | 'workspace.admin'
  | 'partners.read'
  | 'partners.write'
  | 'applications.decide' // approve or reject an application (seed 003: super admins review them)
  | 'agreements.write'
  | 'commissions.read'
  | 'commissions.write'
  | 'payouts.read'
  | 'payouts.prepare'
  | 'payouts.approve'
  | 'drafts.review'
  | 'reports.export';

export interface ChannelDef<N extends string, I extends z.ZodType, O extends z.ZodType> {
  name: N;
  input: I;
  output: O;
  permission: Permission;
}

export function defineChannel<N extends string, I extends z.ZodType, O extends z.ZodType>(
  def: ChannelDef<N, I, O>,
): ChannelDef<N, I, O> {
  return def;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyChannel = ChannelDef<string, z.ZodType, z.ZodType>;
export type InputOf<C extends AnyChannel> = z.input<C['input']>;
export type OutputOf<C extends AnyChannel> = z.output<C['output']>;
