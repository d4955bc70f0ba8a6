export function AgreementsSection() {
  return (
    <section className="page">
      <h1>Agreements</h1>
    </section>
  );
}
