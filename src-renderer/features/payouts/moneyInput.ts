import { isCurrencyCode } from '../../../src-shared/money/currency';
import { formatMinorPlain } from '../../../src-shared/money/format';
import { parseDecimalToMinor } from '../../../src-shared/money/parse';

/**
 * Limits and thresholds are typed in major units ("2500.00") and sent in minor units: the
 * decimal text is parsed digit by digit by the shared money parser, never through a float.
 */
export function majorToMinor(text: string, currency: string): { ok: true; minor: number } | { ok: false; message: string } {
  if (!isCurrencyCode(currency)) return { ok: false, message: `${currency || 'That'} is not a currency this workspace knows` };
  try {
    return { ok: true, minor: parseDecimalToMinor(text, currency) };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

/** Minor units back to the plain decimal a person edits ("2500.00"). */
export function minorToMajor(minor: number, currency: string): string {
  return isCurrencyCode(currency) ? formatMinorPlain(minor, currency) : String(minor);
}
