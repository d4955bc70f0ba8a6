import { useEffect, useState } from 'react';
import type { SettingsView } from '../../../src-shared/stripe/contract';
import { api } from '../../api/client';
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
  const [tab, setTab] = useState<Tab>('sync');
  const [version, setVersion] = useState(0);
  useEffect(() => {
    void api.stripeGetSettings({}).then((r) => {
      if (!r.ok) return;
      setSettings(r.value);
      if (!r.value.configured) setTab('settings');
    });
  }, []);
  return (
    <section className="page">
      <h1>
        Stripe sync <ModeBadge mode={settings?.mode ?? null} />
      </h1>
      <div role="tablist" aria-label="Stripe" className="pd-stripe-tabs">
        {tabs.map((t) => (
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
