/**
 * Stripe's error envelope: `{ error: { type, code?, message, param?, doc_url? } }`, with the
 * HTTP status the SDK maps to its error classes (400/404 → StripeInvalidRequestError,
 * 401 → StripeAuthenticationError, 403 → StripePermissionError, 429 → StripeRateLimitError,
 * 400 + type idempotency_error → StripeIdempotencyError, 5xx → StripeAPIError).
 */
export type StripeErrorType = 'invalid_request_error' | 'api_error' | 'card_error' | 'idempotency_error';

export interface StripeErrorBody {
  error: { type: StripeErrorType; message: string; code?: string; param?: string; doc_url?: string };
}

const docUrl = (code: string) => `https://stripe.com/docs/error-codes/${code.replace(/_/g, '-')}`;

/**
 * A failed request. `saved` says whether Stripe's idempotency layer stores it: errors raised
 * while the endpoint executes are saved and replayed; parameter validation errors are not
 * ("We save results only after the execution of an endpoint begins").
 */
export class StripeFail extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    readonly saved = false,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.error.message);
  }
}

function fail(status: number, type: StripeErrorType, message: string, extra: { code?: string; param?: string } = {}, saved = false, headers: Record<string, string> = {}) {
  const error: StripeErrorBody['error'] = { type, message };
  if (extra.code) {
    error.code = extra.code;
    error.doc_url = docUrl(extra.code);
  }
  if (extra.param) error.param = extra.param;
  return new StripeFail(status, { error }, saved, headers);
}

export const invalidParam = (message: string, param?: string, code = 'parameter_invalid_empty') =>
  fail(400, 'invalid_request_error', message, { code, ...(param ? { param } : {}) });

export const unknownParam = (param: string) =>
  fail(400, 'invalid_request_error', `Received unknown parameter: ${param}`, { code: 'parameter_unknown', param });

export const missingParam = (param: string) =>
  fail(400, 'invalid_request_error', `Missing required param: ${param}.`, { code: 'parameter_missing', param });

export const noSuch = (kind: string, id: string, param = 'id', status = 404) =>
  fail(status, 'invalid_request_error', `No such ${kind}: '${id}'`, { code: 'resource_missing', param });

/** A business rule refusing the request once the endpoint ran: saved for idempotent replay. */
export const refused = (message: string, code: string, param?: string) =>
  fail(400, 'invalid_request_error', message, { code, ...(param ? { param } : {}) }, true);

export const unrecognizedUrl = (method: string, path: string) =>
  fail(404, 'invalid_request_error', `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`);

export const missingKey = () =>
  fail(401, 'invalid_request_error', "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.");

export const invalidKey = (key: string) =>
  fail(401, 'invalid_request_error', `Invalid API Key provided: ${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`, { code: 'api_key_invalid' });

export const noAccountAccess = (key: string, account: string) =>
  fail(403, 'invalid_request_error', `The provided key '${key.slice(0, 8)}****${key.slice(-4)}' does not have access to account '${account}' (or that account does not exist). Application access may have been revoked.`, { code: 'account_invalid' });

/** Stripe's rate limiter: the SDK does not retry it (stripe-node #1110), the caller must back off. */
export const rateLimited = () =>
  fail(429, 'invalid_request_error', 'Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.', { code: 'rate_limit' });

/** A 429 for a lock timeout carries `Stripe-Should-Retry: true`, which the SDK honours. */
export const lockTimeout = () =>
  fail(429, 'invalid_request_error', 'This object cannot be accessed right now because another API request or Stripe process is currently accessing it. If you see this error intermittently, retry the request.', { code: 'lock_timeout' }, false, { 'Stripe-Should-Retry': 'true' });

export const serverError = () =>
  fail(500, 'api_error', 'Sorry, something went wrong. We\'ve already been notified of the problem, but if you need any help, you can reach us at support.stripe.com/contact.');

export const idempotencyMismatch = (key: string) =>
  fail(400, 'idempotency_error', `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`);

export const idempotencyInFlight = () =>
  fail(409, 'idempotency_error', 'There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): please try again later.', { code: 'idempotency_key_in_use' });
