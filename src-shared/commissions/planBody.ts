import type { z } from 'zod';
import { IntegratorPlanSchema, type IntegratorPlan } from './integratorPlan';
import { CommissionPlanSchema, type CommissionPlan } from './plan';

// A stored plan version's body: a CommissionPlan (a share of revenue) or an
// IntegratorPlan (seed 002's reseller model). The integrator body says so with
// kind: 'integrator'; a commission plan has no `kind`.

export type PlanBody = CommissionPlan | IntegratorPlan;

export function isIntegratorPlan(body: PlanBody): body is IntegratorPlan {
  return (body as { kind?: unknown }).kind === 'integrator';
}

export type PlanBodyCheck = { ok: true; body: PlanBody } | { ok: false; fieldErrors: Record<string, string> };

function fieldErrorsOf(error: z.ZodError, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    out[path] ??= issue.message;
  }
  return out;
}

/**
 * Validates an untrusted body (from the editor or a JSON file) with `id` and `version`
 * set by the caller. Field errors are keyed by the JSON path inside the body, with
 * `prefix` in front ('body.rate.tiers.1.from').
 */
export function checkPlanBody(raw: Record<string, unknown>, id: string, version: number, prefix = 'body'): PlanBodyCheck {
  const candidate = { ...raw, id, version };
  const schema = raw.kind === 'integrator' ? IntegratorPlanSchema : CommissionPlanSchema;
  const parsed = schema.safeParse(candidate);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error, prefix) };
  return { ok: true, body: parsed.data };
}
