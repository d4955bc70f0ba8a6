import type { z } from 'zod';
import { channels, type Channels } from '../../src-shared/channels';
import type { Result } from '../../src-shared/rpc/errors';
import { invoke } from './transport';

/**
 * The typed client: one method per declared channel, its input and output types inferred
 * from the contract. `api.workspaceUnlock({ username, passphrase })` → Result<WorkspaceStatus>.
 */
export type Api = {
  [K in keyof Channels]: (input: z.input<Channels[K]['input']>) => Promise<Result<z.output<Channels[K]['output']>>>;
};

export const api = Object.fromEntries(
  Object.entries(channels).map(([key, channel]) => [key, (input: unknown) => invoke(channel.name, input)]),
) as Api;
