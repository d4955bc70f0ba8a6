import { useEffect } from 'react';
import { useUi } from '../../app/store';
import { useCan } from '../../app/useCan';
import { payoutTabs, usePayoutsUi } from './payoutsStore';
import { RunDetailView } from './RunDetailView';
import { RunsList } from './RunsList';
import { SettingsTab } from './SettingsTab';
import { StandingTab } from './StandingTab';
import './payouts.css';

/** Payout runs (list, detail, approval, execution), their history, standing approvals and payout settings. */
export function PayoutsSection() {
  const userId = useUi((s) => s.status?.user?.id ?? null);
  const { tab: chosen, runId, setTab, userId: owner, forUser } = usePayoutsUi();
  const canRead = useCan('payouts.read');
  useEffect(() => forUser(userId), [userId, forUser]);
  // Until the effect has run for a newly signed-in user, show the runs list, not the last user's run.
  const tab = owner === userId ? chosen : 'runs';
  if (!canRead) {
    return (
      <section className="page payouts">
        <h1>Payouts</h1>
        <p className="muted">Your role does not include payouts.</p>
      </section>
    );
  }
  const tabs = payoutTabs.filter((t) => t.id !== 'run' || runId);
  return (
    <section className="page payouts">
      <h1>Payouts</h1>
      <div className="po-tabs" role="tablist" aria-label="Payouts views">
        {tabs.map((t) => (
          <button key={t.id} type="button" role="tab" id={`po-tab-${t.id}`} aria-selected={tab === t.id} aria-controls="po-tabpanel" onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="po-tabpanel" aria-labelledby={`po-tab-${tab}`}>
        {tab === 'runs' && <RunsList />}
        {tab === 'run' && runId && <RunDetailView key={runId} runId={runId} />}
        {tab === 'history' && <RunsList key="history" history />}
        {tab === 'standing' && <StandingTab />}
        {tab === 'settings' && <SettingsTab />}
      </div>
    </section>
  );
}
