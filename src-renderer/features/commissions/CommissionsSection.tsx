export function CommissionsSection() {
  return (
    <section className="page">
      <h1>Commissions</h1>
    </section>
  );
}
