// A referred customer's dates, as the programmes use them: the sign-up date starts seed
// 000's "X months from sign-up"; seed 001 pays only after a successful close; cancelled
// accounts stop earning. A close or a cancellation before the sign-up is a typing error.

export interface CustomerDates {
  signUpOn: string;
  closedOn?: string | null;
  cancelledOn?: string | null;
}

/** Field → message for every date that comes before the sign-up; empty when all is well. */
export function customerDateProblems(d: CustomerDates): Record<string, string> {
  const problems: Record<string, string> = {};
  if (d.closedOn && d.closedOn < d.signUpOn) {
    problems.closedOn = `The close date ${d.closedOn} is before the sign-up on ${d.signUpOn}; a customer closes on or after signing up.`;
  }
  if (d.cancelledOn && d.cancelledOn < d.signUpOn) {
    problems.cancelledOn = `The cancellation date ${d.cancelledOn} is before the sign-up on ${d.signUpOn}; a customer can only cancel after signing up.`;
  }
  return problems;
}
