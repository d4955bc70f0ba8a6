import { create } from 'zustand';
import type { WorkspaceStatus } from '../../src-shared/workspace/contract';

export const sections = [
  { id: 'overview', label: 'Overview' },
  { id: 'partners', label: 'Partners' },
  { id: 'applications', label: 'Applications' },
  { id: 'agreements', label: 'Agreements' },
  { id: 'referrals', label: 'Referrals' },
  { id: 'commissions', label: 'Commissions' },
  { id: 'stripe', label: 'Stripe sync' },
  { id: 'payouts', label: 'Payouts' },
  { id: 'review', label: 'Review queue' },
  { id: 'reports', label: 'Reports' },
  { id: 'settings', label: 'Settings' },
] as const;
export type SectionId = (typeof sections)[number]['id'];

interface UiState {
  status: WorkspaceStatus | null;
  section: SectionId;
  /** Shown once after a workspace is created; cleared when the user confirms they saved it. */
  recoveryCode: string | null;
  /** The partner page open in the Partners section (null = the list). */
  partnerId: string | null;
  setStatus(status: WorkspaceStatus): void;
  go(section: SectionId): void;
  showRecoveryCode(code: string | null): void;
  openPartner(id: string | null): void;
}

/** UI state only; the data itself always comes from the core. */
export const useUi = create<UiState>((set) => ({
  status: null,
  section: 'overview',
  recoveryCode: null,
  partnerId: null,
  setStatus: (status) => set(status.state === 'unlocked' ? { status } : { status, section: 'overview' }),
  go: (section) => set({ section, partnerId: null }),
  openPartner: (partnerId) => set({ section: 'partners', partnerId }),
  showRecoveryCode: (recoveryCode) => set({ recoveryCode }),
}));
