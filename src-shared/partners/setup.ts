import type { CrmAccessScope } from './schemas';

interface SetupRuleFields {
  crmAccessScope: CrmAccessScope;
  gdprConfirmedOn: string | null;
  gdprConfirmedBy: string | null;
}

export const GDPR_REQUIRED_MESSAGE =
  'CRM access can be set to read-only only after the partner has confirmed UK GDPR data sharing: enter the date and who confirmed it';

/**
 * Seed 000's partner set-up rules, as field → message (empty = fine).
 * "We'll need read-only access to your CRM" and "Make sure you have the right to share customer
 * data with us (UK GDPR)": no CRM access is recorded before that confirmation is on file.
 */
export function setupProblems(s: SetupRuleFields, today: string): Record<string, string> {
  const problems: Record<string, string> = {};
  const by = s.gdprConfirmedBy?.trim() ?? '';
  if (s.crmAccessScope === 'read_only' && (!s.gdprConfirmedOn || !by)) problems.crmAccessScope = GDPR_REQUIRED_MESSAGE;
  if (s.gdprConfirmedOn && !by) problems.gdprConfirmedBy = 'Enter who at the partner confirmed the data sharing';
  if (by && !s.gdprConfirmedOn) problems.gdprConfirmedOn = 'Enter the date the partner confirmed the data sharing';
  if (s.gdprConfirmedOn && s.gdprConfirmedOn > today) problems.gdprConfirmedOn = 'A confirmation cannot be dated in the future';
  return problems;
}
