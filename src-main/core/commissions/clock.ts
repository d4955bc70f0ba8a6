import type { CoreContext } from '../context';

/** Today as 'YYYY-MM-DD' (UTC) from the core's clock; pure rules take it as an argument. */
export const todayOf = (ctx: Pick<CoreContext, 'now'>): string => ctx.now().toISOString().slice(0, 10);
export const nowIso = (ctx: Pick<CoreContext, 'now'>): string => ctx.now().toISOString();
