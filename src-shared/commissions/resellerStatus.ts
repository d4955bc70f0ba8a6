import { addDays, addMonthsClamped, compareText, type Ymd } from './calendar';

// Seed 003, sales partner programme: promo slots in approval order, and the activity
// status shown on dashboards. Status is informational only — "Revenue and commission
// calculations remain independent from the status badge" — so nothing here is an
// input of the commission engine.

export type ResellerApproval = {
  partnerId: string;
  /** 'YYYY-MM-DD' or an ISO timestamp in UTC; both sort correctly as text. */
  approvedAt: string;
};

export type PromoSlotAssignment = { partnerId: string; approvedAt: string; promoSlot: number | null };

/**
 * "The first 3 approved resellers lock in the 50% launch rate": slots go by approval
 * order (ties on the same instant broken by partner id, so the result is stable). A
 * slot stays with its partner; it is not handed on if the partner later leaves.
 */
export function assignPromoSlots(approvals: readonly ResellerApproval[], slots: number): { assignments: PromoSlotAssignment[]; slotsLeft: number } {
  const ordered = [...approvals].sort((a, b) => compareText(a.approvedAt, b.approvedAt) || compareText(a.partnerId, b.partnerId));
  const assignments = ordered.map((a, i) => ({ partnerId: a.partnerId, approvedAt: a.approvedAt, promoSlot: i < slots ? i + 1 : null }));
  return { assignments, slotsLeft: Math.max(0, slots - ordered.length) };
}

export type ActivitySettings = {
  /** Rolling evaluation window; the scenario uses 24 months. */
  windowMonths: number;
  targetNewTenantsPerYear: number;
  lockAtTenants: number;
  lockYears: number;
};

export const DEFAULT_ACTIVITY_SETTINGS: ActivitySettings = { windowMonths: 24, targetNewTenantsPerYear: 10, lockAtTenants: 50, lockYears: 5 };

export type ResellerActivity = {
  status: 'active' | 'at_risk';
  /** Locked active by the 50-tenant rule ("locked 5y" in reporting). */
  locked: boolean;
  lockedOn: Ymd | null;
  lockedUntil: Ymd | null;
  windowFrom: Ymd;
  windowTo: Ymd;
  newTenantsInWindow: number;
  /** New tenants per year over the window, for display (exact comparison uses integers). */
  averagePerYear: number;
  totalOnboarded: number;
  explanation: string;
};

/**
 * Activity as of `today` from the days the reseller's tenants were onboarded.
 * - Window: the `windowMonths` months ending today, i.e. (today − windowMonths, today].
 * - Active when new tenants a year over the window ≥ the target (compared exactly:
 *   count × 12 ≥ target × windowMonths), else at risk.
 * - Reaching `lockAtTenants` onboarded tenants on day D locks 'active' through D + lockYears
 *   years inclusive (2026-06-30 → 2031-06-30), whatever the average.
 */
export function resellerActivity(tenantOnboardedOn: readonly Ymd[], today: Ymd, settings: ActivitySettings = DEFAULT_ACTIVITY_SETTINGS): ResellerActivity {
  const days = tenantOnboardedOn.filter((d) => d <= today).sort(compareText);
  const windowFrom = addDays(addMonthsClamped(today, -settings.windowMonths), 1);
  const newTenantsInWindow = days.filter((d) => d >= windowFrom).length;
  const averagePerYear = Math.round(((newTenantsInWindow * 12) / settings.windowMonths) * 100) / 100;
  const meetsTarget = newTenantsInWindow * 12 >= settings.targetNewTenantsPerYear * settings.windowMonths;
  const lockedOn = days[settings.lockAtTenants - 1] ?? null;
  const lockedUntil = lockedOn ? addMonthsClamped(lockedOn, settings.lockYears * 12) : null;
  const locked = lockedUntil !== null && today <= lockedUntil;
  const status = locked || meetsTarget ? 'active' : 'at_risk';
  const average = `${newTenantsInWindow} new tenants in the ${settings.windowMonths} months to ${today} (${averagePerYear} a year, target ${settings.targetNewTenantsPerYear})`;
  const explanation = locked
    ? `Active, locked until ${lockedUntil}: reached ${settings.lockAtTenants} onboarded tenants on ${lockedOn}; ${average}`
    : `${status === 'active' ? 'Active' : 'At risk'}: ${average}`;
  return { status, locked, lockedOn, lockedUntil, windowFrom, windowTo: today, newTenantsInWindow, averagePerYear, totalOnboarded: days.length, explanation };
}
