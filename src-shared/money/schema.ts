import { z } from 'zod';
import { isCurrencyCode, type CurrencyCode } from './currency';
import { isMinor, type Minor, type Money } from './money';

export const CurrencyCodeSchema = z.custom<CurrencyCode>(isCurrencyCode, {
  message: 'Expected a supported ISO 4217 currency code such as GBP, EUR, USD or JPY',
});

export const MinorSchema = z.custom<Minor>(isMinor, {
  message: 'Expected a whole number of minor units (pence, cents)',
});

export const MoneySchema: z.ZodType<Money> = z.object({ currency: CurrencyCodeSchema, minor: MinorSchema });
