import type Stripe from 'stripe';
import type { Ctx, Route, StripeCore } from './core';
import { emit, update } from './events';
import { invalidParam, noSuch, refused } from './errors';
import { mergeMetadata } from './forms';
import { LIST_PARAMS, PLATFORM, createdIn, paginate } from './lists';

/**
 * Connect accounts for partners: created with requested capabilities (inactive until the
 * partner completes onboarding through an account link), their requirements, and the
 * account.updated / capability.updated events — which occur ON the connected account
 * (`event.account`), so a platform lists them with the Stripe-Account header.
 */
export type CapabilityName = 'transfers' | 'card_payments';
export type CapabilityStatus = 'active' | 'inactive' | 'pending';

/** What a new Express account must still provide before it can receive transfers. */
export const ONBOARDING_REQUIREMENTS = [
  'business_type',
  'external_account',
  'individual.dob.day',
  'individual.email',
  'individual.first_name',
  'individual.last_name',
  'tos_acceptance.date',
  'tos_acceptance.ip',
];

const requirements = (due: string[], disabled: Stripe.Account.Requirements.DisabledReason | null): Stripe.Account.Requirements => ({
  alternatives: [],
  current_deadline: null,
  currently_due: due,
  disabled_reason: disabled,
  errors: [],
  eventually_due: due,
  past_due: due,
  pending_verification: [],
});

export interface AccountInput {
  type?: 'express' | 'standard' | 'custom';
  country?: string;
  email?: string | null;
  business_type?: Stripe.Account.BusinessType;
  business_name?: string;
  capabilities?: CapabilityName[];
  metadata?: Record<string, string>;
  created?: number;
  /** Seed an account that has finished onboarding (capabilities active). */
  onboarded?: boolean;
}

export function addAccount(core: StripeCore, input: AccountInput = {}): Stripe.Account {
  const created = input.created ?? core.now();
  const type = input.type ?? 'express';
  const caps = input.capabilities ?? ['transfers'];
  const onboarded = input.onboarded ?? false;
  const account: Stripe.Account = {
    id: core.id('acct'),
    object: 'account',
    business_profile: {
      mcc: null,
      minority_owned_business_designation: null,
      name: input.business_name ?? null,
      specified_commercial_transactions_act_url: null,
      support_address: null,
      support_email: null,
      support_phone: null,
      support_url: null,
      url: null,
    },
    business_type: input.business_type ?? null,
    capabilities: Object.fromEntries(caps.map((c) => [c, onboarded ? 'active' : 'inactive'])),
    charges_enabled: onboarded && caps.includes('card_payments'),
    controller: {
      fees: { payer: type === 'standard' ? 'account' : 'application' },
      is_controller: true,
      losses: { payments: type === 'standard' ? 'stripe' : 'application' },
      requirement_collection: type === 'custom' ? 'application' : 'stripe',
      stripe_dashboard: { type: type === 'standard' ? 'full' : type === 'express' ? 'express' : 'none' },
      type: 'application',
    },
    country: input.country ?? 'US',
    created,
    default_currency: (input.country ?? 'US') === 'GB' ? 'gbp' : ['EE', 'DE', 'PL', 'ES', 'FR'].includes(input.country ?? '') ? 'eur' : 'usd',
    details_submitted: onboarded,
    email: input.email ?? null,
    future_requirements: requirements([], null),
    metadata: input.metadata ?? {},
    payouts_enabled: onboarded,
    requirements: onboarded ? requirements([], null) : requirements([...ONBOARDING_REQUIREMENTS], 'requirements.past_due'),
    settings: null,
    tos_acceptance: onboarded ? { date: created, ip: '127.0.0.1', user_agent: null } : { date: null, ip: null, user_agent: null },
    type,
  };
  return core.accounts.add(account, created);
}

function capabilityObject(account: Stripe.Account, name: string, now: number): Stripe.Capability {
  const status = (account.capabilities as Record<string, string> | undefined)?.[name] ?? 'unrequested';
  const due = status === 'active' ? [] : (account.requirements?.currently_due ?? []);
  return {
    id: name,
    object: 'capability',
    account: account.id,
    requested: status !== 'unrequested',
    requested_at: status !== 'unrequested' ? (account.created ?? now) : null,
    requirements: { alternatives: [], current_deadline: null, currently_due: due, disabled_reason: due.length ? 'requirements.past_due' : null, errors: [], eventually_due: due, past_due: due, pending_verification: [] },
    status: status as Stripe.Capability.Status,
  };
}

/** Changes one capability (and what follows from it) with account.updated + capability.updated. */
export function setAccountCapability(core: StripeCore, accountId: string, name: CapabilityName, status: CapabilityStatus, at = core.now()): Stripe.Account {
  const account = core.accounts.require(accountId);
  update(core, account, 'account.updated', (a) => {
    a.capabilities = { ...(a.capabilities ?? {}), [name]: status };
    if (name === 'card_payments') a.charges_enabled = status === 'active';
  }, { at, account: account.id });
  emit(core, 'capability.updated', capabilityObject(account, name, at), { at, account: account.id });
  return account;
}

/** What completing the hosted onboarding does: requirements met, every requested capability active. */
export function completeOnboarding(core: StripeCore, accountId: string, at = core.now()): Stripe.Account {
  const account = core.accounts.require(accountId);
  const names = Object.keys(account.capabilities ?? {});
  update(core, account, 'account.updated', (a) => {
    a.capabilities = Object.fromEntries(names.map((n) => [n, 'active']));
    a.requirements = requirements([], null);
    a.details_submitted = true;
    a.payouts_enabled = true;
    a.charges_enabled = names.includes('card_payments');
    a.tos_acceptance = { date: at, ip: '127.0.0.1', user_agent: 'fake-stripe onboarding' };
  }, { at, account: account.id });
  for (const n of names) emit(core, 'capability.updated', capabilityObject(account, n, at), { at, account: account.id });
  return account;
}

/** The platform itself, for GET /v1/account (a connection check). */
function platformAccount(core: StripeCore): Stripe.Account {
  return {
    id: 'acct_1PartnerdeskDemo',
    object: 'account',
    business_profile: { mcc: null, minority_owned_business_designation: null, name: 'Partnerdesk demo', specified_commercial_transactions_act_url: null, support_address: null, support_email: null, support_phone: null, support_url: null, url: null },
    business_type: 'company',
    capabilities: { card_payments: 'active', transfers: 'active' },
    charges_enabled: true,
    country: 'GB',
    details_submitted: true,
    email: 'finance@partnerdesk.example',
    metadata: {},
    payouts_enabled: true,
    settings: null,
    type: 'standard',
  };
}

function createLink(ctx: Ctx): Stripe.AccountLink {
  const { core, params } = ctx;
  const accountId = params.requiredString('account');
  const account = core.accounts.get(accountId);
  if (!account) throw noSuch('account', accountId, 'account', 400);
  const type = params.oneOf('type', ['account_onboarding', 'account_update'] as const);
  if (!type) throw invalidParam('Missing required param: type.', 'type', 'parameter_missing');
  if (type === 'account_update' && account.type === 'express') throw refused('You cannot create `account_update` type Account Links for Express accounts.', 'account_invalid', 'type');
  const created = core.now();
  const token = core.id('link').slice(5);
  core.accountLinks.set(token, {
    account: accountId,
    refreshUrl: params.string('refresh_url') ?? `${core.baseUrl}/connect/refresh`,
    returnUrl: params.string('return_url') ?? `${core.baseUrl}/connect/return`,
    expiresAt: created + 300,
    type,
  });
  return { object: 'account_link', created, expires_at: created + 300, url: `${core.baseUrl}/connect/onboarding/${token}` };
}

const ACCOUNT_CREATE = ['type', 'country', 'email', 'business_type', 'business_profile', 'capabilities', 'controller', 'metadata', 'default_currency', 'tos_acceptance', 'settings', 'individual', 'company', 'external_account', 'expand'];

export const accountRoutes: Route[] = [
  { method: 'GET', path: /^\/v1\/account$/, params: ['expand'], handle: ({ core, account }) => (account === PLATFORM ? platformAccount(core) : core.accounts.require(account)) },
  {
    method: 'GET',
    path: /^\/v1\/accounts$/,
    params: [...LIST_PARAMS, 'created'],
    handle: ({ core, params }) => paginate(core.accounts.view(), params, '/v1/accounts', createdIn(params.range('created')), 'account'),
  },
  { method: 'GET', path: /^\/v1\/accounts\/([^/]+)$/, params: ['expand'], handle: ({ core, match }) => core.accounts.require(match[0]!) },
  {
    method: 'GET',
    path: /^\/v1\/accounts\/([^/]+)\/capabilities$/,
    params: ['expand'],
    handle: ({ core, match }) => {
      const account = core.accounts.require(match[0]!);
      const data = Object.keys(account.capabilities ?? {}).map((n) => capabilityObject(account, n, core.now()));
      return { object: 'list', data, has_more: false, url: `/v1/accounts/${account.id}/capabilities` };
    },
  },
  {
    method: 'POST',
    path: /^\/v1\/accounts$/,
    params: ACCOUNT_CREATE,
    handle: ({ core, params }) => {
      const type = params.oneOf('type', ['express', 'standard', 'custom'] as const);
      const controller = params.object('controller');
      if (!type && !controller) throw invalidParam('You must specify either `type` or `controller` to create an account.', 'type', 'parameter_missing');
      const caps = params.object('capabilities');
      const requested = (['transfers', 'card_payments'] as const).filter((c) => caps?.object(c)?.boolean('requested'));
      const businessType = params.oneOf('business_type', ['company', 'government_entity', 'individual', 'non_profit'] as const);
      const dashboard = controller?.object('stripe_dashboard')?.string('type');
      return addAccount(core, {
        type: type ?? (dashboard === 'full' ? 'standard' : dashboard === 'none' ? 'custom' : 'express'),
        country: params.string('country') ?? 'US',
        email: params.string('email') ?? null,
        ...(businessType ? { business_type: businessType } : {}),
        ...(params.object('business_profile')?.string('name') ? { business_name: params.object('business_profile')!.string('name')! } : {}),
        capabilities: requested.length ? [...requested] : type === 'standard' ? ['transfers', 'card_payments'] : [],
        metadata: params.metadata() ?? {},
      });
    },
  },
  {
    method: 'POST',
    path: /^\/v1\/accounts\/([^/]+)$/,
    params: ['email', 'metadata', 'business_profile', 'expand'],
    handle: ({ core, params, match }) => {
      const account = core.accounts.require(match[0]!);
      const email = params.string('email');
      const metadata = params.metadata();
      const name = params.object('business_profile')?.string('name');
      return update(core, account, 'account.updated', (a) => {
        if (email !== undefined) a.email = email || null;
        if (metadata !== undefined) a.metadata = mergeMetadata(a.metadata ?? {}, metadata);
        if (name !== undefined && a.business_profile) a.business_profile.name = name || null;
      }, { account: account.id });
    },
  },
  { method: 'POST', path: /^\/v1\/account_links$/, params: ['account', 'refresh_url', 'return_url', 'type', 'collect', 'collection_options', 'expand'], handle: createLink },
];

export interface PageResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The hosted onboarding an account link opens: a page with one button that completes the
 * partner's onboarding and returns to `return_url`. An expired or used link goes to
 * `refresh_url`, as Stripe's do.
 */
export function onboardingPage(core: StripeCore, method: string, token: string): PageResponse {
  const link = core.accountLinks.get(token);
  if (!link) return { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'Unknown onboarding link' };
  if (link.expiresAt < core.now()) return { status: 303, headers: { Location: link.refreshUrl }, body: '' };
  if (method === 'POST') {
    core.accountLinks.delete(token);
    completeOnboarding(core, link.account);
    return { status: 303, headers: { Location: link.returnUrl }, body: '' };
  }
  const account = core.accounts.require(link.account);
  const due = account.requirements?.currently_due ?? [];
  const body = `<!doctype html><html><head><meta charset="utf-8"><title>Fake Stripe onboarding</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto">
<h1>Fake Stripe Connect onboarding</h1>
<p>Account <code>${escape(account.id)}</code> (${escape(account.email ?? 'no e-mail')}) — ${escape(link.type.replace('_', ' '))}.</p>
<p>Still due: ${due.length ? due.map((d) => `<code>${escape(d)}</code>`).join(', ') : 'nothing'}.</p>
<form method="post"><button type="submit">Complete onboarding</button></form>
</body></html>`;
  return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body };
}
