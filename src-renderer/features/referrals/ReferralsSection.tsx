import { useState } from 'react';
import { ImportPanel } from '../imports/ImportPanel';
import { CustomersTab } from './CustomersTab';
import { DisputesTab } from './DisputesTab';
import { LeadsTab } from './LeadsTab';
import { ResellerStatusTab } from './ResellerStatusTab';
import './referrals.css';

const tabs = [
  { id: 'customers', label: 'Customers' },
  { id: 'leads', label: 'Leads' },
  { id: 'disputes', label: 'Disputes' },
  { id: 'status', label: 'Reseller status' },
  { id: 'import', label: 'Import' },
] as const;
type TabId = (typeof tabs)[number]['id'];

/** Referred customers and their attribution, seed 001's leads, seed 002's disputes, seed 003's status, CSV import. */
export function ReferralsSection() {
  const [tab, setTab] = useState<TabId>('customers');
  return (
    <section className="page referrals">
      <h1>Referrals</h1>
      <div className="ref-tabs" role="tablist" aria-label="Referrals views">
        {tabs.map((t) => (
          <button key={t.id} type="button" role="tab" id={`ref-tab-${t.id}`} aria-selected={tab === t.id} aria-controls="ref-tabpanel" onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="ref-tabpanel" aria-labelledby={`ref-tab-${tab}`}>
        {tab === 'customers' && <CustomersTab />}
        {tab === 'leads' && <LeadsTab />}
        {tab === 'disputes' && <DisputesTab />}
        {tab === 'status' && <ResellerStatusTab />}
        {tab === 'import' && <ImportPanel />}
      </div>
    </section>
  );
}
