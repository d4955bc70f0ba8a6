import type { z } from 'zod';
import type { AppError } from './errors';

/** Turns a zod failure into field errors a form can place next to each field. */
export function validationError(error: z.ZodError, what = 'The form'): AppError {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    fieldErrors[path] ??= issue.message;
  }
  const fields = Object.keys(fieldErrors).filter((f) => f !== '_');
  // The banner repeats the messages a person reads next to each field, without internal keys.
  const message =
    fields.length > 0
      ? `${what} has ${fields.length === 1 ? 'a problem' : `${fields.length} problems`}: ${fields.map((f) => fieldErrors[f]).join('; ')}.`
      : `${what} is not valid: ${fieldErrors._ ?? 'unexpected shape'}`;
  return { kind: 'validation', message, fieldErrors };
}
