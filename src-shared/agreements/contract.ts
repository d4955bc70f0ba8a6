import { z } from 'zod';
import { IsoDateSchema } from '../dates/isoDate';
import { defineChannel } from '../rpc/contract';
import { AgreementTermsSchema } from './terms';

// Channels of the agreements domain: a partner's agreement versions, their events (notice,
// breach and cure, termination), and the key dates across all partners as a list and as
// an iCalendar file.

const Id = z.string().min(1, 'Choose an agreement').max(100);

export const AgreementState = z.enum(['draft', 'initial_term', 'rolling', 'notice_served', 'in_cure', 'suspended', 'terminated', 'ended']);
export type AgreementState = z.infer<typeof AgreementState>;

/** What the calendar shows: the agreement's key dates plus two partner dates. */
export const UpcomingKind = z.enum([
  'initial_term_ends',
  'notice_window_opens',
  'cure_deadline',
  'termination',
  'non_solicit_ends',
  // Seed 002 §1.3: the welcome bonus "can be used within 60 days from the date of registration".
  'welcome_bonus_expires',
  'tax_form_expires',
]);
export type UpcomingKind = z.infer<typeof UpcomingKind>;

export const upcomingKindLabels: Record<UpcomingKind, string> = {
  initial_term_ends: 'Initial term ends',
  notice_window_opens: 'Notice window opens',
  cure_deadline: 'Cure deadline',
  termination: 'Termination',
  non_solicit_ends: 'Non-solicit ends',
  welcome_bonus_expires: 'Welcome bonus expires',
  tax_form_expires: 'Tax form expires',
};

const KeyDate = z.object({
  date: z.string(),
  kind: z.enum(['effective', 'initial_term_ends', 'notice_window_opens', 'termination', 'cure_deadline', 'non_solicit_ends']),
  label: z.string(),
});

export const AgreementEventView = z.object({
  id: z.string(),
  kind: z.enum(['notice', 'breach', 'terminated']),
  /** notice: served on; breach: written notice of breach on; terminated: effective on. */
  on: z.string(),
  servedBy: z.enum(['partner', 'company']).nullable(),
  terminatesOn: z.string().nullable(),
  curedOn: z.string().nullable(),
  reason: z.string(),
  /** Breaches only: the last day on which curing counts (null when there is no cure period). */
  cureDeadline: z.string().nullable(),
  breachStatus: z.enum(['in_cure', 'cured', 'uncured']).nullable(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
});
export type AgreementEventView = z.infer<typeof AgreementEventView>;

export const TimelineEntry = z.object({
  date: z.string(),
  kind: z.enum(['version_effective', 'notice_served', 'breach_noticed', 'breach_cured', 'terminated', ...UpcomingKind.options]),
  label: z.string(),
  /** 'event': something recorded; 'key_date': a date the terms and events imply. */
  source: z.enum(['event', 'key_date']),
  past: z.boolean(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

const AgreementVersion = z.object({
  agreementId: z.string(),
  version: z.number().int(),
  terms: AgreementTermsSchema,
  createdAt: z.string(),
  standing: z.enum(['in_force', 'superseded', 'pending']),
});

export const CurrentAgreement = z.object({
  agreementId: z.string(),
  version: z.number().int(),
  terms: AgreementTermsSchema,
  state: AgreementState,
  stateLabel: z.string(),
  /** The next date that changes something. */
  next: KeyDate.nullable(),
  /** Month of the agreement today (month 1 starts on the effective date); null before it. */
  monthNumber: z.number().int().nullable(),
  initialTermEndsOn: z.string(),
  /** First day notice may be served; null for a fixed term. */
  firstNoticeOn: z.string().nullable(),
  end: z.object({ on: z.string(), cause: z.enum(['fixed_term', 'notice', 'breach', 'terminated']) }).nullable(),
  commissionStopsOn: z.string().nullable(),
  nonSolicitEndsOn: z.string().nullable(),
  /** The breach a cure can still be recorded for (the most recent uncured one). */
  openBreach: z.object({ eventId: z.string(), noticedOn: z.string(), cureDeadline: z.string().nullable() }).nullable(),
  events: z.array(AgreementEventView),
  /** Recorded events and computed key dates, newest first. */
  timeline: z.array(TimelineEntry),
});
export type CurrentAgreement = z.infer<typeof CurrentAgreement>;

const PartnerSummary = z.object({
  id: z.string(),
  company: z.string(),
  programme: z.string(),
  programmeCode: z.string(),
  format: z.string(),
  status: z.string(),
});

const TermsDraft = AgreementTermsSchema;

export const AgreementView = z.object({
  today: z.string(),
  partner: PartnerSummary,
  current: CurrentAgreement.nullable(),
  versions: z.array(AgreementVersion),
  /** Prefill of the "New version" form: the current terms, or the programme's template. */
  newVersionDefaults: TermsDraft,
});
export type AgreementView = z.infer<typeof AgreementView>;

export const forPartner = defineChannel({
  name: 'agreements.forPartner',
  input: z.object({ partnerId: z.string().min(1).max(100) }).strict(),
  output: AgreementView,
  permission: 'partners.read',
});

export const AgreementListRow = z.object({
  partnerId: z.string(),
  company: z.string(),
  programme: z.string(),
  partnerStatus: z.string(),
  agreementId: z.string().nullable(),
  version: z.number().int().nullable(),
  state: AgreementState.nullable(),
  stateLabel: z.string(),
  monthNumber: z.number().int().nullable(),
  next: KeyDate.nullable(),
});
export type AgreementListRow = z.infer<typeof AgreementListRow>;

/** Every partner with its current agreement's state: the way into any partner's agreement. */
export const list = defineChannel({
  name: 'agreements.list',
  input: z.object({}).strict(),
  output: z.object({ today: z.string(), rows: z.array(AgreementListRow) }),
  permission: 'partners.read',
});

export const createVersion = defineChannel({
  name: 'agreements.createVersion',
  input: z.object({ partnerId: z.string().min(1).max(100), terms: AgreementTermsSchema }).strict(),
  output: AgreementView,
  permission: 'agreements.write',
});

export const serveNotice = defineChannel({
  name: 'agreements.serveNotice',
  input: z
    .object({
      agreementId: Id,
      servedBy: z.enum(['partner', 'company'], { error: 'Choose who served the notice: the partner or the company.' }),
      servedOn: IsoDateSchema,
    })
    .strict(),
  output: AgreementView,
  permission: 'agreements.write',
});

export const recordBreach = defineChannel({
  name: 'agreements.recordBreach',
  input: z
    .object({
      agreementId: Id,
      /** The day written notice of the breach was given: the cure clock starts here. */
      noticedOn: IsoDateSchema,
      description: z
        .string({ error: 'Describe the breach.' })
        .trim()
        .min(1, 'Describe the breach, e.g. "Marketing e-mail sent without review".')
        .max(2000, 'Keep the description under 2000 characters.'),
    })
    .strict(),
  output: AgreementView,
  permission: 'agreements.write',
});

export const recordCure = defineChannel({
  name: 'agreements.recordCure',
  input: z.object({ breachId: Id, curedOn: IsoDateSchema }).strict(),
  output: AgreementView,
  permission: 'agreements.write',
});

export const terminate = defineChannel({
  name: 'agreements.terminate',
  input: z
    .object({
      agreementId: Id,
      on: IsoDateSchema,
      reason: z
        .string({ error: 'Give the reason for the termination.' })
        .trim()
        .min(1, 'Give the reason for the termination, e.g. "Repeated chargebacks".')
        .max(2000, 'Keep the reason under 2000 characters.'),
    })
    .strict(),
  output: AgreementView,
  permission: 'agreements.write',
});

const Range = z
  .object({
    from: IsoDateSchema,
    to: IsoDateSchema,
    /** Omitted or empty = every kind. */
    kinds: z.array(UpcomingKind).max(UpcomingKind.options.length).optional(),
  })
  .strict()
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'The end of the range must be on or after its start.' });

export const UpcomingRow = z.object({
  /** Stable across exports: the calendar updates an event instead of duplicating it. */
  uid: z.string(),
  date: z.string(),
  kind: UpcomingKind,
  label: z.string(),
  partnerId: z.string(),
  company: z.string(),
  programme: z.string(),
  agreementId: z.string().nullable(),
});
export type UpcomingRow = z.infer<typeof UpcomingRow>;

export const upcoming = defineChannel({
  name: 'agreements.upcoming',
  input: Range,
  output: z.object({ from: z.string(), to: z.string(), rows: z.array(UpcomingRow) }),
  permission: 'partners.read',
});

export const exportIcs = defineChannel({
  name: 'agreements.exportIcs',
  input: Range,
  output: z.object({ fileName: z.string(), text: z.string(), events: z.number().int() }),
  permission: 'partners.read',
});
