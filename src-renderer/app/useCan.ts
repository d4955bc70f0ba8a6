import type { Permission } from '../../src-shared/rpc/contract';
import { roleAllows } from '../../src-shared/workspace/roles';
import { useUi } from './store';

/** Whether the signed-in user's role allows a permission: the UI hides what it cannot do (the core refuses it anyway). */
export function useCan(permission: Permission): boolean {
  const role = useUi((s) => s.status?.user?.role);
  return role ? roleAllows(role, permission) : false;
}
