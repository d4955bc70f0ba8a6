import type { ReactNode } from 'react';
import { Dialog as SharedDialog } from '../../components/Dialog';

/** The agreement dialogs: the shared modal with the agreements layout. */
export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  return (
    <SharedDialog title={title} onCancel={onClose} className="agr agr-dialog" overlayClassName="agr-overlay">
      {children}
    </SharedDialog>
  );
}
