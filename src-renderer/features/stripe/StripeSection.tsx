import { useEffect, useState } from 'react';
import type { SettingsView } from '../../../src-shared/stripe/contract';
import { api } from '../../api/client';
import { useCan } from '../../app/useCan';
import { AttributionPanel } from './AttributionPanel';
import { CustomersPanel } from './CustomersPanel';
import { MappingsPanel } from './MappingsPanel';
import { ModeBadge } from './ModeBadge';
import { SettingsPanel } from './SettingsPanel';
import { SyncPanel } from './SyncPanel';
import './stripe.css';

const tabs = [
  { id: 'sync', label: 'Sync' },
  { id: 'customers', label: 'Customers' },
  { id: 'mappings', label: 'Products' },
  { id: 'attribution', label: 'Attribution' },
  { id: 'settings', label: 'Settings' },
] as const;
type Tab = (typeof tabs)[number]['id'];

export function StripeSection() {
  const [settings, setSettings] = useState<SettingsView | null>(null);
  // Settings are an admin's, the sync finance's; the rest any role shown this section.
  const canSync = useCan('commissions.write');
  const isAdmin = useCan('workspace.admin');
  const shown = tabs.filter((t) => (t.id === 'settings' ? isAdmin : t.id === 'sync' ? canSync : true));
  const [tab, setTab] = useState<Tab>(shown[0]!.id);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    void api.stripeGetSettings({}).then((r) => {
      if (!r.ok) return;
      setSettings(r.value);
      if (!r.value.configured && isAdmin) setTab('settings');
    });
  }, []);
  return (
    <section className="page">
      <h1>
        Stripe sync <ModeBadge mode={settings?.mode ?? null} />
      </h1>
      <div role="tablist" aria-label="Stripe" className="pd-stripe-tabs">
        {shown.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === 'sync' && <SyncPanel onSynced={() => setVersion((v) => v + 1)} />}
        {tab === 'customers' && <CustomersPanel version={version} />}
        {tab === 'mappings' && <MappingsPanel />}
        {tab === 'attribution' && <AttributionPanel />}
        {tab === 'settings' && <SettingsPanel onSaved={setSettings} />}
      </div>
    </section>
  );
}
