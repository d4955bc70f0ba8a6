import { create } from 'zustand';
import type { WorkspaceStatus } from '../../src-shared/workspace/contract';

export const sections = [
  { id: 'overview', label: 'Overview' },
  { id: 'partners', label: 'Partners' },
  { id: 'agreements', label: 'Agreements' },
  { id: 'commissions', label: 'Commissions' },
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
  setStatus(status: WorkspaceStatus): void;
  go(section: SectionId): void;
  showRecoveryCode(code: string | null): void;
}

/** UI state only; the data itself always comes from the core. */
export const useUi = create<UiState>((set) => ({
  status: null,
  section: 'overview',
  recoveryCode: null,
  setStatus: (status) => set(status.state === 'unlocked' ? { status } : { status, section: 'overview' }),
  go: (section) => set({ section }),
  showRecoveryCode: (recoveryCode) => set({ recoveryCode }),
}));
