import {
  columnFilteringFeature,
  columnVisibilityFeature,
  createColumnHelper,
  globalFilteringFeature,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import type { PartnerRow } from '../../../src-shared/partners/contract';
import { formatCount } from '../../components/format';
import { formatDate } from './dates';
import { formatLabel, statusLabel, stripeStateLabel } from './labels';

/**
 * TanStack Table v9 registers only the features a table uses. Sorting, filtering and the
 * global search run in the core (manual* options in PartnersPage), so no client row models
 * are registered: the table holds their state and the column/header APIs.
 */
export const features = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  columnVisibilityFeature,
});

const helper = createColumnHelper<typeof features, PartnerRow>();

export const columns = helper.columns([
  helper.accessor('company', { header: 'Company', enableHiding: false, sortDescFirst: false }),
  helper.accessor('programme', { header: 'Programme', sortDescFirst: false }),
  helper.accessor('format', { header: 'Format', cell: (c) => formatLabel[c.getValue()], sortDescFirst: false }),
  helper.accessor('status', {
    header: 'Status',
    cell: (c) => <span className={`badge badge-${c.getValue()}`}>{statusLabel[c.getValue()]}</span>,
    sortDescFirst: false,
  }),
  helper.accessor('contactEmail', { header: 'Contact e-mail', sortDescFirst: false }),
  helper.accessor('country', { header: 'Country', sortDescFirst: false }),
  helper.accessor('registeredOn', { header: 'Registered', cell: (c) => formatDate(c.getValue()), sortDescFirst: true }),
  helper.accessor('customers', { header: 'Customers', cell: (c) => formatCount(c.getValue()), sortDescFirst: true, meta: { numeric: true } }),
  helper.accessor('stripeAccountState', { header: 'Stripe', cell: (c) => stripeStateLabel[c.getValue()], sortDescFirst: false }),
]);

/** Columns a person may hide (the company names the row, so it stays). */
export const hideableColumns = columns.filter((c) => c.enableHiding !== false);
