import { z } from 'zod';
import { PartnerFormat, PartnerStatus, StripeAccountState } from './schemas';

// The partner list is windowed on the server: the renderer asks for the rows it is about to
// show (offset + limit) in the order and with the filters the person chose, and gets the
// total for the scrollbar. 100,000 partners never travel to the renderer at once.

export const PartnerSortColumn = z.enum([
  'company',
  'programme',
  'format',
  'status',
  'contactEmail',
  'country',
  'registeredOn',
  'customers',
  'stripeAccountState',
]);
export type PartnerSortColumn = z.infer<typeof PartnerSortColumn>;

export const PartnerSort = z.array(z.object({ id: PartnerSortColumn, desc: z.boolean() }).strict()).max(3, 'Sort by at most 3 columns');
export type PartnerSort = z.infer<typeof PartnerSort>;

export const PartnerFilters = z
  .object({
    status: z.array(PartnerStatus).max(5).optional(),
    programmeId: z.array(z.string().min(1)).max(50).optional(),
    format: z.array(PartnerFormat).max(5).optional(),
  })
  .strict();
export type PartnerFilters = z.infer<typeof PartnerFilters>;

export const MAX_WINDOW = 1000;

export const PartnerListQuery = z
  .object({
    offset: z.number().int().min(0, 'The first row is row 0').default(0),
    limit: z.number().int().min(1, 'Ask for at least one row').max(MAX_WINDOW, `Ask for at most ${MAX_WINDOW} rows at a time`).default(100),
    sort: PartnerSort.default([]),
    filters: PartnerFilters.default({}),
    globalSearch: z.string().trim().max(200, 'Search text is limited to 200 characters').default(''),
  })
  .strict();
export type PartnerListQuery = z.input<typeof PartnerListQuery>;

export const PartnerRow = z.object({
  id: z.string(),
  company: z.string(),
  programmeId: z.string(),
  programme: z.string(),
  format: PartnerFormat,
  status: PartnerStatus,
  contactName: z.string(),
  contactEmail: z.string(),
  country: z.string(),
  registeredOn: z.string(),
  customers: z.number().int(),
  stripeAccountState: StripeAccountState,
});
export type PartnerRow = z.infer<typeof PartnerRow>;

export const PartnerPage = z.object({ rows: z.array(PartnerRow), total: z.number().int(), offset: z.number().int() });
export type PartnerPage = z.infer<typeof PartnerPage>;

/** Which list columns a saved view shows (absent = shown). */
export const PartnerColumnId = z.enum([
  'company',
  'programme',
  'format',
  'status',
  'contactEmail',
  'country',
  'registeredOn',
  'customers',
  'stripeAccountState',
]);
export type PartnerColumnId = z.infer<typeof PartnerColumnId>;

/** A saved view: everything needed to put the list back the way it was. */
export const PartnerViewState = z
  .object({
    sort: PartnerSort,
    filters: PartnerFilters,
    columns: z.partialRecord(PartnerColumnId, z.boolean()),
    globalSearch: z.string().max(200, 'Search text is limited to 200 characters'),
  })
  .strict();
export type PartnerViewState = z.infer<typeof PartnerViewState>;

export const SavedView = z.object({ id: z.string(), name: z.string(), state: PartnerViewState, createdAt: z.string() });
export type SavedView = z.infer<typeof SavedView>;
