export function ReviewSection() {
  return (
    <section className="page">
      <h1>Review queue</h1>
    </section>
  );
}
