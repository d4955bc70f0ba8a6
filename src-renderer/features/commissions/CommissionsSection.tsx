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
  return (
    <section className="page commissions">
      <h1>Commissions</h1>
      <div className="com-tabs" role="tablist" aria-label="Commissions views">
        {commissionTabs.map((t) => (
          <button key={t.id} type="button" role="tab" id={`com-tab-${t.id}`} aria-selected={tab === t.id} aria-controls="com-tabpanel" onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="com-tabpanel" aria-labelledby={`com-tab-${tab}`}>
        {tab === 'ledger' && <LedgerTab />}
        {tab === 'statement' && <StatementTab />}
        {tab === 'plans' && <PlansTab />}
        {tab === 'revenue' && <RevenueImportTab />}
        {tab === 'runs' && <RunsTab />}
      </div>
    </section>
  );
}
