import type { z } from 'zod';
import { DEFAULT_ACTIVITY_SETTINGS, resellerActivity } from '../../../src-shared/commissions/resellerStatus';
import type { resellerStatus, setSettings } from '../../../src-shared/referrals/contract';
import type { Sqlite } from '../../db/open';
import { recordAudit } from '../audit';
import type { Session } from '../context';
import { readMeta, resellerTenants, writeMeta } from './repo';

// Seed 003: "Active status targets an average of 10 new tenants per year across the rolling
// evaluation window … 50 total onboarded tenants … locked for 5 years." The window is a
// workspace setting (default 24 months, as in scenario D). Status is informational only:
// nothing here feeds the commission engine.

export const WINDOW_KEY = 'reseller_activity_window_months';

export function readSettings(sqlite: Sqlite): { resellerActivityWindowMonths: number } {
  const stored = Number(readMeta(sqlite, WINDOW_KEY));
  const months = Number.isInteger(stored) && stored >= 1 ? stored : DEFAULT_ACTIVITY_SETTINGS.windowMonths;
  return { resellerActivityWindowMonths: months };
}

export function writeSettings(session: Session, input: z.output<typeof setSettings.input>, nowIso: string) {
  const { sqlite, db } = session.open;
  const before = readSettings(sqlite);
  sqlite.transaction(() => {
    writeMeta(sqlite, WINDOW_KEY, String(input.resellerActivityWindowMonths));
    recordAudit(db, {
      at: nowIso,
      userId: session.user.id,
      action: 'referrals.setSettings',
      entity: 'workspace',
      entityId: WINDOW_KEY,
      detail: { from: before.resellerActivityWindowMonths, to: input.resellerActivityWindowMonths },
    });
  })();
  return readSettings(sqlite);
}

export function resellerStatuses(sqlite: Sqlite, asOf: string, partnerId?: string): z.input<typeof resellerStatus.output> {
  const settings = { ...DEFAULT_ACTIVITY_SETTINGS, windowMonths: readSettings(sqlite).resellerActivityWindowMonths };
  const rows = resellerTenants(sqlite, partnerId).map((p) => {
    // A tenant is onboarded on its sign-up day; a later cancellation does not undo the onboarding.
    const a = resellerActivity(p.signUps, asOf, settings);
    return {
      partnerId: p.id,
      company: p.company,
      programmeName: p.programmeName,
      partnerStatus: p.status,
      badge: a.locked ? ('locked' as const) : a.status,
      status: a.status,
      locked: a.locked,
      lockedOn: a.lockedOn,
      lockedUntil: a.lockedUntil,
      windowFrom: a.windowFrom,
      windowTo: a.windowTo,
      newTenantsInWindow: a.newTenantsInWindow,
      averagePerYear: a.averagePerYear,
      totalOnboarded: a.totalOnboarded,
      explanation: a.explanation,
    };
  });
  return {
    asOf,
    windowMonths: settings.windowMonths,
    targetNewTenantsPerYear: settings.targetNewTenantsPerYear,
    lockAtTenants: settings.lockAtTenants,
    lockYears: settings.lockYears,
    rows,
  };
}
