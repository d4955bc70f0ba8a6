export function ReferralsSection() {
  return (
    <section className="page">
      <h1>Referrals</h1>
    </section>
  );
}
