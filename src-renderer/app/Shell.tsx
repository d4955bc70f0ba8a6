import { api } from '../api/client';
import { AgreementsSection } from '../features/agreements/AgreementsSection';
import { ApplicationsSection } from '../features/applications/ApplicationsSection';
import { CommissionsSection } from '../features/commissions/CommissionsSection';
import { OverviewPage } from '../features/overview/OverviewPage';
import { PartnersSection } from '../features/partners/PartnersSection';
import { PayoutsSection } from '../features/payouts/PayoutsSection';
import { ReferralsSection } from '../features/referrals/ReferralsSection';
import { ReportsSection } from '../features/reports/ReportsSection';
import { ReviewSection } from '../features/drafts/ReviewSection';
import { StripeSection } from '../features/stripe/StripeSection';
import { ConnectionStatus } from '../features/stripe/ConnectionStatus';
import { SettingsPage } from '../features/workspace/SettingsPage';
import { AutoLock } from '../features/workspace/AutoLock';
import { useSectionVisible } from '../features/workspace/sectionAccess';
import { sections, useUi, type SectionId } from './store';

const pages: Partial<Record<SectionId, () => React.JSX.Element>> = {
  overview: OverviewPage,
  partners: PartnersSection,
  applications: ApplicationsSection,
  agreements: AgreementsSection,
  referrals: ReferralsSection,
  commissions: CommissionsSection,
  stripe: StripeSection,
  payouts: PayoutsSection,
  review: ReviewSection,
  reports: ReportsSection,
  settings: SettingsPage,
};

/** The unlocked app: the section navigation, who is signed in, and the lock button. */
export function Shell() {
  const { status, section, go, setStatus } = useUi();
  const visible = useSectionVisible();
  const Page = visible(section) ? pages[section] : undefined;

  async function lock() {
    const r = await api.workspaceLock({});
    if (r.ok) setStatus(r.value);
  }

  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Sections">
        <div className="brand">Partnerdesk</div>
        <div className="workspace-name" title={status?.workspaceName ?? ''}>
          {status?.workspaceName}
          {status?.isDemo && <span className="badge badge-demo">demo</span>}
        </div>
        <ul>
          {sections.filter((s) => visible(s.id)).map((s) => (
            <li key={s.id}>
              <button type="button" aria-current={s.id === section ? 'page' : undefined} onClick={() => go(s.id)}>
                {s.label}
              </button>
            </li>
          ))}
        </ul>
        <div className="sidebar-foot">
          <ConnectionStatus />
          <span className="muted">
            {status?.user?.displayName} · {status?.user?.role.replace('_', ' ')}
          </span>
          <button type="button" onClick={lock}>
            Lock
          </button>
        </div>
      </nav>
      <AutoLock />
      <main className="content">
        {Page ? (
          <Page />
        ) : (
          <section className="page">
            <h1>{sections.find((s) => s.id === section)?.label}</h1>
            <p className="muted">{visible(section) ? 'This part of Partnerdesk is not available in this version yet.' : 'Your role does not include this section.'}</p>
          </section>
        )}
      </main>
    </div>
  );
}
