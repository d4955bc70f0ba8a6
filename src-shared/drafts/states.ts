/** Where a draft is in the review queue. */
export const DRAFT_STATES = ['submitted', 'in_review', 'changes_requested', 'approved', 'rejected', 'withdrawn'] as const;
export type DraftState = (typeof DRAFT_STATES)[number];

export const DRAFT_CHANNELS = ['email_campaign', 'landing_page', 'social_post', 'paid_ad', 'video', 'print', 'other'] as const;
export type DraftChannel = (typeof DRAFT_CHANNELS)[number];

export const REJECTION_REASONS = ['misleading_claims', 'exclusivity_claim', 'white_label_claim', 'brand_misuse', 'no_disclosure', 'off_programme', 'other'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export const stateLabel: Record<DraftState, string> = {
  submitted: 'Submitted',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

export const channelLabel: Record<DraftChannel, string> = {
  email_campaign: 'E-mail campaign',
  landing_page: 'Landing page',
  social_post: 'Social post',
  paid_ad: 'Paid ad',
  video: 'Video',
  print: 'Print',
  other: 'Other',
};

export const reasonLabel: Record<RejectionReason, string> = {
  misleading_claims: 'False or misleading claims',
  exclusivity_claim: 'Claims exclusivity',
  white_label_claim: 'Presents the product as the partner’s own',
  brand_misuse: 'Brand name or logo misused',
  no_disclosure: 'No affiliate disclosure',
  off_programme: 'Outside the programme’s terms',
  other: 'Other',
};

/** The moves the queue allows; anything else is refused with the reason. */
const allowed: Record<DraftState, readonly DraftState[]> = {
  submitted: ['in_review', 'withdrawn'],
  in_review: ['changes_requested', 'approved', 'rejected', 'withdrawn'],
  // A resubmission (a new version) puts the draft back in the queue.
  changes_requested: ['submitted', 'withdrawn'],
  approved: [],
  rejected: [],
  withdrawn: [],
};

/** Why `from → to` is not allowed, or null when it is. */
export function transitionProblem(from: DraftState, to: DraftState): string | null {
  if (allowed[from].includes(to)) return null;
  if (allowed[from].length === 0) return `This draft is ${stateLabel[from].toLowerCase()}; that decision is final. Register a new draft instead`;
  if (to === 'approved' || to === 'rejected' || to === 'changes_requested') {
    return from === 'submitted' ? 'Start the review first, then decide' : `A draft that is ${stateLabel[from].toLowerCase()} cannot be decided until it is resubmitted`;
  }
  if (to === 'submitted') return 'Only a draft with changes requested can be resubmitted';
  return `A draft cannot move from ${stateLabel[from].toLowerCase()} to ${stateLabel[to].toLowerCase()}`;
}

/** The states in which a draft waits for a reviewer, and so can be overdue. */
export const isOpen = (s: DraftState) => s === 'submitted' || s === 'in_review';

/** The reviewer's checklist: every item must be ticked before a draft is approved. */
export const CHECKLIST = [
  { id: 'disclosure', label: 'Discloses the affiliate / partner relationship' },
  { id: 'claims', label: 'No false, misleading or guaranteed-result claims' },
  { id: 'exclusivity', label: 'No exclusivity or white-label claims' },
  { id: 'brand', label: 'Brand names and logos used correctly' },
  { id: 'dates', label: 'Campaign dates fall within the agreement' },
] as const;

export const DEFAULT_SLA_DAYS = 3;
export const SLA_META_KEY = 'drafts.review_sla_days';
export const RULES_META_KEY = 'drafts.rules';
