import { useEffect, useId, type ReactNode } from 'react';

/** A modal card over the page; Escape or Cancel closes it. */
export function Dialog({ title, onCancel, children }: { title: string; onCancel(): void; children: ReactNode }) {
  const titleId = useId();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onCancel();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);
  return (
    <div className="overlay">
      <div className="card app-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}

/** A typed number as a number, anything else as typed, so the core's schema says what is wrong. */
export function numberOrText(v: string): number | string | undefined {
  const t = v.trim();
  if (t === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}
