import { useUi } from '../../app/store';
import { PartnerPage } from './PartnerPage';
import { PartnersPage } from './PartnersPage';

/** The Partners section: the list, or one partner's page. */
export function PartnersSection() {
  const { partnerId } = useUi();
  return partnerId ? <PartnerPage key={partnerId} partnerId={partnerId} /> : <PartnersPage />;
}
