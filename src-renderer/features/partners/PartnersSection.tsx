import { useUi } from '../../app/store';
import { PartnersPage } from './PartnersPage';

/** The Partners section: the list, or one partner's page. */
export function PartnersSection() {
  const { partnerId } = useUi();
  return partnerId ? <p className="muted">Partner page</p> : <PartnersPage />;
}
