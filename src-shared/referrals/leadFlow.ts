// Seed 001, §3 and Appendix A: a partner refers a lead by warm e-mail introduction or by
// registering it; Aloware's sales team qualifies it and takes it to a close. Appendix B:
// commission needs a "successful close of new business". So the pipeline only moves
// forward — registered → qualified → won, or lost on the way — and a decided lead stays
// decided (a lost lead that comes back is a new registration, with a new date).

export const LEAD_STATUSES = ['registered', 'qualified', 'won', 'lost'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
export type LeadAction = 'qualify' | 'win' | 'lose';

const targetOf: Record<LeadAction, LeadStatus> = { qualify: 'qualified', win: 'won', lose: 'lost' };

/** Which status each action may start from. */
const allowedFrom: Record<LeadAction, readonly LeadStatus[]> = {
  qualify: ['registered'],
  // Appendix A: "Partner will only refer qualified leads" — a close needs a qualified lead.
  win: ['qualified'],
  lose: ['registered', 'qualified'],
};

export function leadActionsFrom(status: LeadStatus): LeadAction[] {
  return (Object.keys(allowedFrom) as LeadAction[]).filter((a) => allowedFrom[a].includes(status));
}

/** Null when the move is allowed, else a message for the person at the screen. */
export function leadTransitionRefusal(from: LeadStatus, action: LeadAction): string | null {
  if (allowedFrom[action].includes(from)) return null;
  const to = targetOf[action];
  if (from === 'won' || from === 'lost') {
    return `This lead is already ${from}; a decided lead cannot be marked ${to}. Register it again if the prospect comes back.`;
  }
  if (from === to) return `This lead is already ${to}.`;
  if (action === 'win') return 'Qualify the lead first: only a qualified lead can be won (seed 001, Appendix A).';
  return `A ${from} lead cannot be marked ${to}.`;
}

/** The date the action is dated on must not come before the lead's previous step. */
export function leadDateRefusal(lead: { registeredOn: string; qualifiedOn: string | null }, action: LeadAction, on: string): string | null {
  const previous = action === 'qualify' ? lead.registeredOn : (lead.qualifiedOn ?? lead.registeredOn);
  const what = action === 'qualify' || !lead.qualifiedOn ? 'registered' : 'qualified';
  return on < previous ? `The lead was ${what} on ${previous}; this step cannot be dated earlier (${on}).` : null;
}
