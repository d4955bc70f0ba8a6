export function StripeSection() {
  return (
    <section className="page">
      <h1>Stripe sync</h1>
    </section>
  );
}
