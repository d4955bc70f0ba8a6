import { create } from 'zustand';

/**
 * Bumped after every change to an agreement, so lists elsewhere on screen (the upcoming
 * dates, the agreements list) reload without the tab knowing who shows them.
 */
export const useAgreementsRevision = create<{ revision: number; changed(): void }>((set) => ({
  revision: 0,
  changed: () => set((s) => ({ revision: s.revision + 1 })),
}));
