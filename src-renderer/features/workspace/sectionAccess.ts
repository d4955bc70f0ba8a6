import type { Permission } from '../../../src-shared/rpc/contract';
import { roleAllows } from '../../../src-shared/workspace/roles';
import { useUi, type SectionId } from '../../app/store';

/**
 * Which sections a role sees in the navigation: a section shows when the role holds any of
 * its permissions. The core refuses the channels anyway; this keeps a finance user from
 * meeting screens full of refusals. Typed over every section, so a new one must say.
 */
const sectionNeeds: Record<SectionId, readonly Permission[]> = {
  overview: ['workspace.read'],
  partners: ['partners.read'],
  applications: ['partners.read'],
  agreements: ['partners.read'],
  referrals: ['partners.read'],
  commissions: ['commissions.read'],
  // Sync and product mappings are finance's, attribution rules the partnership manager's.
  stripe: ['commissions.write', 'partners.write', 'workspace.admin'],
  payouts: ['payouts.read'],
  // The queue is worked by reviewers; partnership managers register drafts in it.
  review: ['drafts.review', 'partners.write'],
  // Each report names its own permission; the section lists those the role may run.
  reports: ['workspace.read'],
  settings: ['workspace.read'],
};

/** Whether the signed-in user sees a section (false while locked). */
export function useSectionVisible(): (section: SectionId) => boolean {
  const role = useUi((s) => s.status?.user?.role);
  return (section) => !!role && sectionNeeds[section].some((p) => roleAllows(role, p));
}
