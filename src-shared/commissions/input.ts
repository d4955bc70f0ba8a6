import { z } from 'zod';
import type { CurrencyCode } from '../money/currency';
import { isCurrencyCode } from '../money/currency';
import { CurrencyCodeSchema } from '../money/schema';
import { isYmd, YmdSchema, type Ymd } from './calendar';
import { CommissionPlanSchema, REVENUE_CATEGORIES, type CommissionPlan, type RevenueCategory } from './plan';

// What the engine is given: one partner, its attributed customers and their revenue
// lines, and the plan version that applies. Everything else (today) is an argument.

export type PartnerInput = {
  id: string;
  /** 1-based position among approved partners for a "first N approved" promotion, or null. */
  promoSlot: number | null;
  /** Agreement termination date: no payment on or after it earns (seed 000 "revenue share stops immediately"). */
  commissionStopOn: Ymd | null;
  inBreach: boolean;
  suspended: boolean;
};

export type CustomerInput = {
  id: string;
  signUpOn: Ymd;
  /** Seed 001: "successful close of new business"; holds can run from this date. */
  closedOn?: Ymd | null;
  cancelledOn?: Ymd | null;
  /** Seed 002 referral: the client registered with the partner's promo code (and gets €5). */
  signedUpWithPromoCode?: boolean;
};

export type RevenueLineKind = 'payment' | 'refund' | 'chargeback';

/**
 * One line of money from a customer. For a payment, `grossMinor` is the line amount
 * excluding tax and `discountMinor` the discount on it; the commission base is
 * gross − discount. Customer-balance credits are not discounts and are not lines.
 * For a refund or chargeback, gross − discount is the cash returned (positive) and
 * `originalLineId` names the payment line it returns.
 */
export type RevenueLine = {
  id: string;
  customerId: string;
  /** Payment: when the cash was received. Refund / chargeback: when the money went back. */
  paidOn: Ymd;
  currency: CurrencyCode;
  category: RevenueCategory;
  productLine?: string | null;
  productId?: string | null;
  priceId?: string | null;
  grossMinor: number;
  discountMinor: number;
  kind: RevenueLineKind;
  originalLineId?: string | null;
  /** False for an invoiced amount not yet received; defaults to true. */
  cashReceived?: boolean;
};

export type CommissionInput = {
  plan: CommissionPlan;
  partner: PartnerInput;
  customers: readonly CustomerInput[];
  lines: readonly RevenueLine[];
};

const SafeNonNegative = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const PartnerInputSchema: z.ZodType<PartnerInput> = z.object({
  id: z.string().min(1),
  promoSlot: z.number().int().min(1).nullable(),
  commissionStopOn: YmdSchema.nullable(),
  inBreach: z.boolean(),
  suspended: z.boolean(),
});

export const CustomerInputSchema: z.ZodType<CustomerInput> = z.object({
  id: z.string().min(1),
  signUpOn: YmdSchema,
  closedOn: YmdSchema.nullable().optional(),
  cancelledOn: YmdSchema.nullable().optional(),
  signedUpWithPromoCode: z.boolean().optional(),
});

export const RevenueLineSchema: z.ZodType<RevenueLine> = z
  .object({
    id: z.string().min(1),
    customerId: z.string().min(1),
    paidOn: YmdSchema,
    currency: CurrencyCodeSchema,
    category: z.enum(REVENUE_CATEGORIES),
    productLine: z.string().nullable().optional(),
    productId: z.string().nullable().optional(),
    priceId: z.string().nullable().optional(),
    grossMinor: SafeNonNegative,
    discountMinor: SafeNonNegative,
    kind: z.enum(['payment', 'refund', 'chargeback']),
    originalLineId: z.string().nullable().optional(),
    cashReceived: z.boolean().optional(),
  })
  .superRefine((line, ctx) => {
    if (line.discountMinor > line.grossMinor) {
      ctx.addIssue({ code: 'custom', path: ['discountMinor'], message: 'The discount is larger than the gross amount' });
    }
    if (line.kind !== 'payment' && !line.originalLineId) {
      ctx.addIssue({ code: 'custom', path: ['originalLineId'], message: `A ${line.kind} must name the payment line it returns` });
    }
  });

export const CommissionInputSchema: z.ZodType<CommissionInput> = z.object({
  plan: CommissionPlanSchema,
  partner: PartnerInputSchema,
  customers: z.array(CustomerInputSchema),
  lines: z.array(RevenueLineSchema),
});

const CATEGORIES: ReadonlySet<unknown> = new Set(REVENUE_CATEGORIES);
const isSafeNonNegative = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isOptionalText = (v: unknown): boolean => v === undefined || v === null || typeof v === 'string';

/**
 * True exactly when RevenueLineSchema accepts `line` (input.property.test.ts checks the two
 * agree). A period run validates thousands of lines per partner: this plain check passes the
 * well-formed ones without building a zod result each, and only a line it refuses is parsed
 * by the schema, for the schema's own message.
 */
export function isValidRevenueLine(line: unknown): line is RevenueLine {
  if (typeof line !== 'object' || line === null || Array.isArray(line)) return false;
  const l = line as Record<string, unknown>;
  return (
    typeof l.id === 'string' && l.id.length >= 1 &&
    typeof l.customerId === 'string' && l.customerId.length >= 1 &&
    isYmd(l.paidOn) &&
    isCurrencyCode(l.currency) &&
    CATEGORIES.has(l.category) &&
    isOptionalText(l.productLine) && isOptionalText(l.productId) && isOptionalText(l.priceId) &&
    isSafeNonNegative(l.grossMinor) && isSafeNonNegative(l.discountMinor) &&
    (l.kind === 'payment' || l.kind === 'refund' || l.kind === 'chargeback') &&
    isOptionalText(l.originalLineId) &&
    (l.cashReceived === undefined || typeof l.cashReceived === 'boolean') &&
    (l.discountMinor as number) <= (l.grossMinor as number) &&
    (l.kind === 'payment' || !!l.originalLineId)
  );
}

export class CommissionInputError extends Error {
  override readonly name = 'CommissionInputError';
}

/**
 * Checks what makes a computation ambiguous: duplicate ids, impossible amounts or
 * dates. Problems of a single line that a person can fix (a refund of an unknown
 * payment) are reported per line in the result instead.
 */
export function assertCommissionInput(input: CommissionInput): void {
  const seenCustomers = new Set<string>();
  for (const customer of input.customers) {
    if (seenCustomers.has(customer.id)) throw new CommissionInputError(`Customer '${customer.id}' appears twice`);
    seenCustomers.add(customer.id);
    for (const [field, value] of [
      ['signUpOn', customer.signUpOn],
      ['closedOn', customer.closedOn],
      ['cancelledOn', customer.cancelledOn],
    ] as const) {
      if (value != null && !isYmd(value)) {
        throw new CommissionInputError(`Customer '${customer.id}' has ${field} '${value}', which is not a YYYY-MM-DD date`);
      }
    }
  }
  const seenLines = new Set<string>();
  for (const line of input.lines) {
    const parsed = isValidRevenueLine(line) ? null : RevenueLineSchema.safeParse(line);
    if (parsed && !parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CommissionInputError(`Revenue line '${line.id}': ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
    }
    if (seenLines.has(line.id)) throw new CommissionInputError(`Revenue line '${line.id}' appears twice`);
    seenLines.add(line.id);
  }
}
