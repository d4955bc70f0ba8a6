/** The agreement tab of a partner page: versions, actions and the timeline. */
export function PartnerAgreementTab({ partnerId }: { partnerId: string }) {
  return <p className="muted" data-partner={partnerId}>No agreement information yet.</p>;
}
