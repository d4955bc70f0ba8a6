import type { Permission } from '../rpc/contract';
import type { Role } from './contract';

/**
 * What each role may do. Shared on purpose: the core checks it on every channel (router.ts),
 * and the renderer reads the same table to hide what a role cannot do. Admins can do everything.
 */
export const grants: Record<Role, readonly Permission[]> = {
  admin: [
    'workspace.read', 'workspace.admin', 'partners.read', 'partners.write', 'agreements.write',
    'commissions.read', 'commissions.write', 'payouts.read', 'payouts.prepare', 'payouts.approve', 'drafts.review', 'reports.export',
  ],
  partnership_manager: ['workspace.read', 'partners.read', 'partners.write', 'agreements.write', 'commissions.read'],
  reviewer: ['workspace.read', 'partners.read', 'drafts.review'],
  finance: ['workspace.read', 'partners.read', 'commissions.read', 'commissions.write', 'payouts.read', 'payouts.prepare', 'payouts.approve', 'reports.export'],
  manager: ['workspace.read', 'partners.read', 'commissions.read', 'payouts.read', 'reports.export'],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return permission === 'public' || grants[role].includes(permission);
}
