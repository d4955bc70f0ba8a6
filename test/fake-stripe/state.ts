import type Stripe from 'stripe';
import { addAccount, completeOnboarding, setAccountCapability, type AccountInput, type CapabilityName, type CapabilityStatus } from './accounts';
import { addCoupon, addPrice, addProduct, addPromotionCode, type CouponInput, type PriceInput, type ProductInput, type PromotionCodeInput } from './catalog';
import { disputeCharge, refundCharge, type DisputeOptions, type DisputeStatus, type RefundOptions } from './charges';
import { StripeCore, clone } from './core';
import { addCustomer, updateCustomer, type CustomerInput } from './customers';
import { pruneEvents } from './events';
import { addInvoice, type AddedInvoice, type InvoiceInput } from './invoices';
import { PLATFORM } from './lists';
import { addSubscription, cancelSubscription, type SubscriptionInput } from './subscriptions';
import { createTransfer, reverseTransfer, type TransferInput } from './transfers';

/**
 * The fake account as tests and the demo see it: helpers that create and change objects
 * the way Stripe would (with the matching events), plus read access to every collection.
 * Times are epoch seconds on the fake's clock; an object created "in the past" gets events
 * at that time, which the 30-day event window may already have dropped.
 */
export class FakeState extends StripeCore {
  addCustomer(input: CustomerInput = {}): Stripe.Customer {
    return addCustomer(this, input);
  }

  updateCustomer(id: string, changes: Parameters<typeof updateCustomer>[2]): Stripe.Customer {
    return updateCustomer(this, id, changes);
  }

  addProduct(input: ProductInput): Stripe.Product {
    return addProduct(this, input);
  }

  addPrice(input: PriceInput): Stripe.Price {
    return addPrice(this, input);
  }

  addCoupon(input: CouponInput): Stripe.Coupon {
    return addCoupon(this, input);
  }

  addPromotionCode(input: PromotionCodeInput): Stripe.PromotionCode {
    return addPromotionCode(this, input);
  }

  addSubscription(input: SubscriptionInput): Stripe.Subscription {
    return addSubscription(this, input);
  }

  cancelSubscription(id: string, at?: number): Stripe.Subscription {
    return cancelSubscription(this, id, at);
  }

  /** An invoice with its lines; a paid one (the default) also gets its charge. */
  addInvoice(input: InvoiceInput): AddedInvoice {
    return addInvoice(this, input);
  }

  refund(chargeId: string, amount?: number, opts?: RefundOptions): Stripe.Refund {
    return refundCharge(this, chargeId, amount, opts);
  }

  dispute(chargeId: string, status: DisputeStatus, opts?: DisputeOptions): Stripe.Dispute {
    return disputeCharge(this, chargeId, status, opts);
  }

  addAccount(input: AccountInput = {}): Stripe.Account {
    return addAccount(this, input);
  }

  setAccountCapability(accountId: string, capability: CapabilityName, status: CapabilityStatus): Stripe.Account {
    return setAccountCapability(this, accountId, capability, status);
  }

  completeOnboarding(accountId: string): Stripe.Account {
    return completeOnboarding(this, accountId);
  }

  /** A transfer as if the platform had made it (no idempotency: that is the API's). */
  transfer(input: TransferInput): Stripe.Transfer {
    return createTransfer(this, input);
  }

  reverseTransfer(transferId: string, amount?: number): Stripe.TransferReversal {
    return reverseTransfer(this, transferId, amount);
  }

  /** Adds to the platform's available balance (a top-up), in minor units. */
  addFunds(currency: string, amount: number): void {
    this.credit(PLATFORM, currency.toLowerCase(), amount);
  }

  /** Events still inside the 30-day window, oldest first (copies, with plain snapshots). */
  eventLog(account = PLATFORM): Stripe.Event[] {
    pruneEvents(this);
    return this.events.all(account).map((e) => clone(e));
  }

  /** Every transfer, oldest first (what the payout tests count). */
  transferList(): Stripe.Transfer[] {
    return this.transfers.all();
  }
}
