import type { Permission } from '../../src-shared/rpc/contract';
import type { Role } from '../../src-shared/workspace/contract';

/**
 * What each role may do. The core checks this on every channel; the UI only hides what a
 * role cannot do. The users-and-roles issue refines the matrix; admins can do everything.
 */
const grants: Record<Role, readonly Permission[]> = {
  admin: [
    'workspace.read', 'workspace.admin', 'partners.read', 'partners.write', 'agreements.write',
    'commissions.read', 'commissions.write', 'payouts.prepare', 'payouts.approve', 'drafts.review', 'reports.export',
  ],
  partnership_manager: ['workspace.read', 'partners.read', 'partners.write', 'agreements.write', 'commissions.read'],
  reviewer: ['workspace.read', 'partners.read', 'drafts.review'],
  finance: ['workspace.read', 'partners.read', 'commissions.read', 'commissions.write', 'payouts.prepare', 'payouts.approve', 'reports.export'],
  manager: ['workspace.read', 'partners.read', 'commissions.read', 'reports.export'],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return permission === 'public' || grants[role].includes(permission);
}
