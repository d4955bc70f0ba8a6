import { create } from 'zustand';

export const payoutTabs = [
  { id: 'runs', label: 'Runs' },
  { id: 'run', label: 'Run detail' },
  { id: 'history', label: 'History' },
  { id: 'standing', label: 'Standing approvals' },
  { id: 'settings', label: 'Settings' },
] as const;
export type PayoutTab = (typeof payoutTabs)[number]['id'];

interface PayoutsUi {
  tab: PayoutTab;
  /** The run open in the Run detail tab. */
  runId: string | null;
  /** Whose screen this is: another user signing in starts from the runs list. */
  userId: string | null;
  forUser(userId: string | null): void;
  setTab(tab: PayoutTab): void;
  openRun(runId: string): void;
}

/** UI state of the Payouts section only; the runs themselves always come from the core. */
export const usePayoutsUi = create<PayoutsUi>((set) => ({
  tab: 'runs',
  runId: null,
  userId: null,
  forUser: (userId) => set((s) => (s.userId === userId ? s : { userId, tab: 'runs', runId: null })),
  setTab: (tab) => set({ tab }),
  openRun: (runId) => set({ tab: 'run', runId }),
}));
