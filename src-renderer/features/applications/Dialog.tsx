import type { ReactNode } from 'react';
import { Dialog as SharedDialog } from '../../components/Dialog';

/** The applications screens' dialog: the shared one with their card layout. */
export function Dialog({ title, onCancel, children }: { title: string; onCancel(): void; children: ReactNode }) {
  return (
    <SharedDialog title={title} onCancel={onCancel} className="app-dialog">
      {children}
    </SharedDialog>
  );
}

/** A typed number as a number, anything else as typed, so the core's schema says what is wrong. */
export function numberOrText(v: string): number | string | undefined {
  const t = v.trim();
  if (t === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}
