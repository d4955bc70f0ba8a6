import { describe, expect, it } from 'vitest';
import { createRouter, type Handlers } from '../../src-main/core/router';
import { handlers } from '../../src-main/core/handlers';
import { roleAllows } from '../../src-main/core/roles';
import type { CoreContext } from '../../src-main/core/context';
import { noKeyProtector } from '../../src-main/core/workspace/keyProtector';

function ctx(role: 'admin' | 'reviewer' | null): CoreContext {
  const errors: string[] = [];
  return {
    workspaceDir: '/nonexistent',
    session: role ? ({ user: { id: 'u', username: 'u', displayName: 'U', role } } as CoreContext['session']) : null,
    keyProtector: noKeyProtector,
    now: () => new Date('2026-11-21T10:00:00Z'),
    log: { error: (m) => (errors.push(m), 'ref123'), info: () => undefined },
  };
}

describe('the router', () => {
  it('refuses an unknown channel by name', async () => {
    const r = await createRouter(handlers)(ctx('admin'), 'partners.delete_everything', {});
    expect(r).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('refuses every non-public channel while locked, naming the lock', async () => {
    const r = await createRouter(handlers)(ctx(null), 'partners.list', {});
    expect(r).toMatchObject({ ok: false, error: { kind: 'locked', message: expect.stringMatching(/locked/) } });
  });

  it.each([
    ['admin', 'payouts.approve', true],
    ['finance', 'payouts.approve', true],
    ['reviewer', 'payouts.approve', false],
    ['reviewer', 'drafts.review', true],
    ['manager', 'partners.write', false],
    ['manager', 'reports.export', true],
    ['partnership_manager', 'agreements.write', true],
    ['partnership_manager', 'payouts.approve', false],
  ] as const)('a %s %s %s', (role, permission, allowed) => {
    expect(roleAllows(role, permission)).toBe(allowed);
  });

  it('validates input with the contract and names the field', async () => {
    const r = await createRouter(handlers)(ctx('admin'), 'partners.list', { limit: -3 });
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { limit: expect.any(String) } } });
  });

  it('rejects unknown input fields rather than ignoring them', async () => {
    const r = await createRouter(handlers)(ctx(null), 'workspace.status', { sneaky: 1 });
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('turns a crash into an internal error with a log reference, never a stack', async () => {
    const route = createRouter({ ...handlers, 'partners.list': () => { throw new Error('boom at line 3'); } } as Handlers);
    const r = await route(ctx('admin'), 'partners.list', {});
    expect(r).toMatchObject({ ok: false, error: { kind: 'internal', ref: 'ref123' } });
    if (!r.ok) expect(r.error.message).not.toContain('boom');
  });

  it('refuses output that breaks its own contract', async () => {
    const route = createRouter({ ...handlers, 'partners.list': () => ({ rows: 'nope', total: 1 }) } as unknown as Handlers);
    const r = await route(ctx('admin'), 'partners.list', {});
    expect(r).toMatchObject({ ok: false, error: { kind: 'internal' } });
  });
});
