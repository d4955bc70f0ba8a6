import { useEffect } from 'react';
import { useUi } from '../../app/store';
import { PartnerAgreementTab } from './PartnerAgreementTab';

/** One partner's agreement beside the list, with the way to the full partner page. */
export function AgreementDrawer({ partnerId, company, onClose }: { partnerId: string; company: string; onClose(): void }) {
  const openPartner = useUi((s) => s.openPartner);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && !document.querySelector('.agr-dialog') && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <aside className="agr-drawer" role="dialog" aria-modal="false" aria-label={`Agreement of ${company}`}>
      <div className="agr-drawer-head">
        <h2>{company}</h2>
        <div className="agr-actions">
          <button type="button" className="link" onClick={() => openPartner(partnerId)}>
            Open partner page
          </button>
          <button type="button" onClick={onClose} aria-label="Close">
            Close
          </button>
        </div>
      </div>
      <PartnerAgreementTab partnerId={partnerId} />
    </aside>
  );
}
