import { useEffect, useId, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onCancel(): void;
  /** The feature's own classes for the card (its layout lives in the feature's CSS). */
  className?: string;
  overlayClassName?: string;
  children: ReactNode;
}

/** A modal card over the page, labelled by its title; Escape or Cancel closes it. */
export function Dialog({ title, onCancel, className = '', overlayClassName = '', children }: DialogProps) {
  const titleId = useId();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onCancel();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);
  return (
    <div className={`overlay ${overlayClassName}`.trim()}>
      <div className={`card ${className}`.trim()} role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
