import { afterEach } from 'vitest';
import { backoff } from '../../src-main/core/stripe/client';
import { startFakeStripe, type FakeStripe } from '../fake-stripe/server';
import { tempCore } from './tempWorkspace';

export const DAY = 86_400;
/** The fake's clock and the core's clock read the same instant. */
export const T0 = Date.UTC(2026, 10, 21, 9) / 1000;

export interface Rig {
  t: ReturnType<typeof tempCore>;
  fake: FakeStripe;
  clock: { now: number };
  /** Runs syncStart then syncStep until the run ends; returns the last progress. */
  sync(opts?: { full?: boolean; maxSteps?: number }): Promise<any>;
  partners: { id: string; company: string; programmeCode: string }[];
}

const rigs: Rig[] = [];
afterEach(async () => {
  for (const r of rigs.splice(0)) {
    await r.fake.close().catch(() => undefined);
    r.t.cleanup();
  }
});

export async function stepUntilDone(t: ReturnType<typeof tempCore>, maxSteps = 10_000) {
  let p: any;
  for (let i = 0; i < maxSteps; i++) {
    p = await t.call('stripe.syncStep');
    if (p.status !== 'running') return p;
  }
  return p;
}

/** The demo workspace (partners with plans) connected to a fresh fake Stripe on 127.0.0.1. */
export async function rig(setup?: (fake: FakeStripe) => void): Promise<Rig> {
  backoff.baseMs = 5;
  const clock = { now: T0 };
  const fake = await startFakeStripe({ seed: { now: T0 } });
  const t = tempCore({ now: () => new Date(clock.now * 1000) });
  await t.call('workspace.createDemo', {});
  await t.call('workspace.unlock', { username: 'demo', passphrase: 'partnerdesk-demo' });
  await t.call('stripe.saveSettings', { key: fake.secretKey, apiBase: fake.url });
  const partners = (await t.call('commissions.partners', {})).rows as Rig['partners'];
  setup?.(fake);
  const r: Rig = {
    t,
    fake,
    clock,
    partners,
    async sync(opts = {}) {
      await t.call('stripe.syncStart', { full: !!opts.full });
      return stepUntilDone(t, opts.maxSteps);
    },
  };
  rigs.push(r);
  return r;
}

/** Sets both clocks. */
export function advance(r: Rig, seconds: number) {
  r.clock.now += seconds;
  r.fake.control.setNow(r.clock.now);
}
