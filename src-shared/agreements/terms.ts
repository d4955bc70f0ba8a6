import { z } from 'zod';
import { IsoDateSchema, type IsoDate } from '../dates/isoDate';

// The date-relevant terms of a partner agreement, as read from the programme text.

export type AfterInitialTerm = 'rolling' | 'fixed';
export type NoticeUnit = 'months' | 'days';
export type PostTermination = 'stops' | 'continues_for_prior_referrals';
export type BreachAction = 'suspend' | 'terminate';

export interface NoticePeriod {
  unit: NoticeUnit;
  /** At least 1: termination by notice always falls after the day notice is served. */
  count: number;
}

export interface AgreementTerms {
  /** Month 1 of the agreement starts on this day. */
  effectiveOn: IsoDate;
  /** Months during which neither party can exit except for breach; 0 = no initial lock. */
  initialTermMonths: number;
  /** 'rolling': continues until notice. 'fixed': ends at the end of the initial term, no notice needed. */
  afterInitialTerm: AfterInitialTerm;
  noticePeriod: NoticePeriod;
  governingLaw: string;
  /** Whether commission on referrals made before termination keeps being paid afterwards. */
  postTermination: PostTermination;
  /** Days the breaching party has to cure after written notice of breach; null = no cure period. */
  curePeriodDays: number | null;
  /** Months after the agreement ends during which non-solicitation applies; null = none. */
  nonSolicitMonths: number | null;
  /** What happens when a breach is not cured in time. */
  breachOutcome: BreachAction;
}

const wholeNumber = (required: string, notWhole: string) =>
  z.number({ error: required }).int({ error: notWhole });

const NoticePeriodSchema = z.object(
  {
    unit: z.enum(['months', 'days'], { error: 'Choose whether the notice period is counted in "months" or "days".' }),
    count: wholeNumber(
      'Enter the length of the notice period as a number, e.g. 3 for "3 months\' notice".',
      'The notice period must be a whole number of days or months.',
    )
      .min(1, { error: 'The notice period must be at least 1 day or month.' })
      .max(3650, { error: 'The notice period looks too long (more than 3650); check the agreement.' }),
  },
  { error: 'Enter the notice period, e.g. 3 months or 30 days.' },
);

export const AgreementTermsSchema = z
  .object({
    effectiveOn: IsoDateSchema,
    initialTermMonths: wholeNumber(
      'Enter the initial term in months (0 if either party may exit from the start).',
      'The initial term must be a whole number of months.',
    )
      .min(0, { error: 'The initial term cannot be negative; use 0 when there is no initial lock.' })
      .max(1200, { error: 'The initial term looks too long (more than 100 years); check the agreement.' }),
    afterInitialTerm: z.enum(['rolling', 'fixed'], {
      error: 'Choose what happens after the initial term: "rolling" (continues until notice) or "fixed" (ends).',
    }),
    noticePeriod: NoticePeriodSchema,
    governingLaw: z
      .string({ error: 'Enter the governing law named in the agreement, e.g. "England and Wales".' })
      .trim()
      .min(1, { error: 'Enter the governing law named in the agreement, e.g. "England and Wales".' }),
    postTermination: z.enum(['stops', 'continues_for_prior_referrals'], {
      error: 'Choose whether commission "stops" at termination or "continues_for_prior_referrals".',
    }),
    curePeriodDays: wholeNumber(
      'Enter the cure period in days (e.g. 15), or null if the agreement gives no cure period.',
      'The cure period must be a whole number of days.',
    )
      .min(1, { error: 'The cure period must be at least 1 day; use null if there is no cure period.' })
      .max(365, { error: 'The cure period looks too long (more than 365 days); check the agreement.' })
      .nullable(),
    nonSolicitMonths: wholeNumber(
      'Enter the non-solicit period in months (e.g. 12 for one year), or null if there is none.',
      'The non-solicit period must be a whole number of months.',
    )
      .min(1, { error: 'The non-solicit period must be at least 1 month; use null if there is none.' })
      .max(120, { error: 'The non-solicit period looks too long (more than 10 years); check the agreement.' })
      .nullable(),
    breachOutcome: z.enum(['suspend', 'terminate'], {
      error: 'Choose what an uncured breach leads to: "suspend" or "terminate".',
    }),
  })
  .superRefine((terms, ctx) => {
    // A fixed agreement ends when its initial term ends, so it needs one.
    if (terms.afterInitialTerm === 'fixed' && terms.initialTermMonths === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['initialTermMonths'],
        message: 'A fixed-term agreement ends at the end of its initial term; enter an initial term of at least 1 month.',
      });
    }
  }) satisfies z.ZodType<AgreementTerms>;
