import { useCallback, useState } from 'react';
import { AgreementDrawer } from './AgreementDrawer';
import { AllAgreements } from './AllAgreements';
import { UpcomingDates } from './UpcomingDates';
import './agreements.css';

type View = 'upcoming' | 'all';

/** The Agreements section: key dates across all partners, and every partner's agreement state. */
export function AgreementsSection() {
  const [view, setView] = useState<View>('upcoming');
  const [open, setOpen] = useState<{ partnerId: string; company: string } | null>(null);
  const openRow = useCallback((r: { partnerId: string; company: string }) => setOpen({ partnerId: r.partnerId, company: r.company }), []);
  const close = useCallback(() => setOpen(null), []);
  const tab = (id: View, label: string) => (
    <button type="button" role="tab" aria-selected={view === id} onClick={() => setView(id)}>
      {label}
    </button>
  );
  return (
    <section className="page">
      <header className="page-head">
        <h1>Agreements</h1>
      </header>
      <div className="agr-tabs" role="tablist" aria-label="Agreement views">
        {tab('upcoming', 'Upcoming dates')}
        {tab('all', 'All agreements')}
      </div>
      {view === 'upcoming' ? <UpcomingDates onOpen={openRow} /> : <AllAgreements onOpen={openRow} />}
      {open && <AgreementDrawer partnerId={open.partnerId} company={open.company} onClose={close} />}
    </section>
  );
}
