import type { Permission } from '../rpc/contract';
import type { Role } from './contract';

/**
 * What each role may do. Shared on purpose: the core checks it on every channel (router.ts),
 * and the renderer reads the same table to hide what a role cannot do. Admins can do everything.
 */
export const grants: Record<Role, readonly Permission[]> = {
  admin: [
    'workspace.read', 'workspace.admin', 'partners.read', 'partners.write', 'applications.decide', 'agreements.write',
    'commissions.read', 'commissions.write', 'payouts.read', 'payouts.prepare', 'payouts.approve', 'drafts.review', 'reports.export',
  ],
  // Seed 003: "Super admins review your request" — a partnership manager takes applications
  // in and prepares them; deciding one (which creates the partner and sets its rate) is an admin's.
  partnership_manager: ['workspace.read', 'partners.read', 'partners.write', 'agreements.write', 'commissions.read'],
  reviewer: ['workspace.read', 'partners.read', 'drafts.review'],
  finance: ['workspace.read', 'partners.read', 'commissions.read', 'commissions.write', 'payouts.read', 'payouts.prepare', 'payouts.approve', 'reports.export'],
  manager: ['workspace.read', 'partners.read', 'commissions.read', 'payouts.read', 'reports.export'],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return permission === 'public' || grants[role].includes(permission);
}

/** How the roles read on screen, with what each is for (the add-user form shows it). */
export const roleLabels: Record<Role, { label: string; summary: string }> = {
  admin: { label: 'Admin', summary: 'Everything, including users, settings and deciding applications' },
  partnership_manager: { label: 'Partnership manager', summary: 'Partners, applications, agreements, referrals and marketing drafts' },
  reviewer: { label: 'Reviewer', summary: 'Works the marketing-draft review queue; reads partner records' },
  finance: { label: 'Finance', summary: 'Commission ledger, revenue imports, payouts and their approval, exports' },
  manager: { label: 'Manager', summary: 'Reads everything and exports reports; changes nothing' },
};
