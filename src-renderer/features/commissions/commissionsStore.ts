import { create } from 'zustand';

export const commissionTabs = [
  { id: 'ledger', label: 'Ledger' },
  { id: 'statement', label: 'Statement' },
  { id: 'plans', label: 'Plans' },
  { id: 'revenue', label: 'Revenue import' },
  { id: 'runs', label: 'Runs' },
] as const;
export type CommissionTab = (typeof commissionTabs)[number]['id'];

interface CommissionsUi {
  tab: CommissionTab;
  /** The statement on screen: a partner and a month (YYYY-MM). */
  statementPartnerId: string;
  statementPeriod: string;
  setTab(tab: CommissionTab): void;
  showStatement(partnerId: string, period: string): void;
  setStatementTarget(target: { partnerId?: string; period?: string }): void;
}

/** UI state of the Commissions section only; the data always comes from the core. */
export const useCommissionsUi = create<CommissionsUi>((set) => ({
  tab: 'ledger',
  statementPartnerId: '',
  statementPeriod: '',
  setTab: (tab) => set({ tab }),
  showStatement: (statementPartnerId, statementPeriod) => set({ tab: 'statement', statementPartnerId, statementPeriod }),
  setStatementTarget: ({ partnerId, period }) =>
    set((s) => ({ statementPartnerId: partnerId ?? s.statementPartnerId, statementPeriod: period ?? s.statementPeriod })),
}));
