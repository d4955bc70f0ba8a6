/** The referrals tab of a partner page: customers, leads, disputes, activity status. */
export function PartnerReferralsTab({ partnerId }: { partnerId: string }) {
  return <p className="muted" data-partner={partnerId}>No referrals yet.</p>;
}
