import { useCan } from '../../app/useCan';
import { commissionTabs, useCommissionsUi } from './commissionsStore';
import { LedgerTab } from './LedgerTab';
import { PlansTab } from './PlansTab';
import { RevenueImportTab } from './RevenueImportTab';
import { RunsTab } from './RunsTab';
import { StatementTab } from './StatementTab';
import './commissions.css';

/** The commission ledger, partner statements, plans, revenue import and period runs. */
export function CommissionsSection() {
  const { tab, setTab } = useCommissionsUi();
  // Importing revenue only writes; roles that read the ledger do not see the tab.
  const canWrite = useCan('commissions.write');
  const tabs = commissionTabs.filter((t) => t.id !== 'revenue' || canWrite);
  return (
    <section className="page commissions">
      <h1>Commissions</h1>
      <div className="com-tabs" role="tablist" aria-label="Commissions views">
        {tabs.map((t) => (
          <button key={t.id} type="button" role="tab" id={`com-tab-${t.id}`} aria-selected={tab === t.id} aria-controls="com-tabpanel" onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="com-tabpanel" aria-labelledby={`com-tab-${tab}`}>
        {tab === 'ledger' && <LedgerTab />}
        {tab === 'statement' && <StatementTab />}
        {tab === 'plans' && <PlansTab />}
        {tab === 'revenue' && canWrite && <RevenueImportTab />}
        {tab === 'runs' && <RunsTab />}
      </div>
    </section>
  );
}
