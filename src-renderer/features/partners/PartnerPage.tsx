import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useUi } from '../../app/store';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { AppError } from '../../../src-shared/rpc/errors';
import type { PartnerDetail } from '../../../src-shared/partners/contract';
import { taxFormStatus } from '../../../src-shared/partners/taxForm';
import { PartnerAgreementTab } from '../agreements/PartnerAgreementTab';
import { PartnerReferralsTab } from '../referrals/PartnerReferralsTab';
import { AttachmentsTab } from './AttachmentsTab';
import { todayIso } from './dates';
import { formatLabel, statusLabel, stripeStateLabel, taxStatusLabel } from './labels';
import { NotesTab } from './NotesTab';
import { OnboardingTab } from './OnboardingTab';
import { OverviewTab } from './OverviewTab';
import { PartnerConnectTab } from '../stripe/PartnerConnectTab';
import './partners.css';

const tabs = [
  { id: 'overview', label: 'Overview' },
  { id: 'onboarding', label: 'Onboarding' },
  { id: 'agreement', label: 'Agreement' },
  { id: 'referrals', label: 'Referrals' },
  { id: 'attachments', label: 'Attachments' },
  { id: 'notes', label: 'Notes' },
  { id: 'stripe', label: 'Stripe Connect' },
] as const;
type TabId = (typeof tabs)[number]['id'];

/** What every tab of the partner page gets: the record and a way to replace it after a change. */
export interface TabProps {
  partner: PartnerDetail;
  onChange(next: PartnerDetail): void;
  reload(): void;
}

/** One partner: its record, seed 000's onboarding and set-up, agreement, referrals, files and notes. */
export function PartnerPage({ partnerId }: { partnerId: string }) {
  const openPartner = useUi((s) => s.openPartner);
  const [partner, setPartner] = useState<PartnerDetail | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [tab, setTab] = useState<TabId>('overview');

  const reload = useCallback(() => {
    void api.partnersGet({ id: partnerId }).then((r) => {
      if (r.ok) {
        setPartner(r.value);
        setError(null);
      } else setError(r.error);
    });
  }, [partnerId]);
  useEffect(reload, [reload]);

  const tax = partner ? taxFormStatus(partner.taxFormKind, partner.taxFormExpiresOn, todayIso()) : 'missing';
  return (
    <section className="page pd-page">
      <button type="button" className="link" onClick={() => openPartner(null)}>
        ← All partners
      </button>
      <ErrorBanner error={error} />
      {partner && (
        <>
          <header className="pd-head">
            <h1>{partner.company}</h1>
            <div className="pd-badges">
              <span className={`badge badge-${partner.status}`}>{statusLabel[partner.status]}</span>
              <span className="badge">{partner.programme.name}</span>
              <span className="badge">{formatLabel[partner.format]}</span>
              <span className={`badge pd-stripe-${partner.stripeAccountState}`}>Stripe: {stripeStateLabel[partner.stripeAccountState]}</span>
              <span className={`badge pd-tax-${tax}`} title={partner.taxFormExpiresOn ? `Expires ${partner.taxFormExpiresOn}` : undefined}>
                {taxStatusLabel[tax]}
              </span>
            </div>
          </header>
          <div role="tablist" aria-label="Partner" className="pd-tabs">
            {tabs.map((t) => (
              <button
                key={t.id}
                type="button"
                role="tab"
                id={`tab-${t.id}`}
                aria-selected={tab === t.id}
                aria-controls={`panel-${t.id}`}
                onClick={() => setTab(t.id)}
              >
                {t.label}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="pd-panel">
            {tab === 'overview' && <OverviewTab partner={partner} onChange={setPartner} reload={reload} />}
            {tab === 'onboarding' && <OnboardingTab partner={partner} onChange={setPartner} reload={reload} />}
            {tab === 'agreement' && <PartnerAgreementTab partnerId={partner.id} />}
            {tab === 'referrals' && <PartnerReferralsTab partnerId={partner.id} />}
            {tab === 'attachments' && <AttachmentsTab partner={partner} onChange={setPartner} reload={reload} />}
            {tab === 'notes' && <NotesTab partner={partner} onChange={setPartner} reload={reload} />}
            {tab === 'stripe' && <PartnerConnectTab partnerId={partner.id} />}
          </div>
        </>
      )}
    </section>
  );
}
