export function ApplicationsSection() {
  return (
    <section className="page">
      <h1>Applications</h1>
    </section>
  );
}
