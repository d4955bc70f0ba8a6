import type { CurrencyTotalsRow } from '../../../src-shared/commissions/contract';
import { formatCount, formatMoney } from '../../components/format';

/**
 * Totals, one row per currency: amounts in different currencies are never added.
 * earned + reversed = net = payable + on hold.
 */
export function CurrencyTotals({ totals, label }: { totals: readonly CurrencyTotalsRow[]; label: string }) {
  return (
    <table className="grid com-totals" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Currency</th>
          <th scope="col" className="num">
            Earned
          </th>
          <th scope="col" className="num">
            Reversed
          </th>
          <th scope="col" className="num">
            Net
          </th>
          <th scope="col" className="num">
            Payable
          </th>
          <th scope="col" className="num">
            On hold
          </th>
          <th scope="col" className="num">
            Entries
          </th>
        </tr>
      </thead>
      <tbody>
        {totals.length === 0 && (
          <tr>
            <td colSpan={7} className="muted">
              No entries.
            </td>
          </tr>
        )}
        {totals.map((t) => (
          <tr key={t.currency} data-currency={t.currency}>
            <th scope="row">{t.currency}</th>
            <td className="num">{formatMoney(t.earnedMinor, t.currency)}</td>
            <td className="num">{formatMoney(t.reversedMinor, t.currency)}</td>
            <td className="num" data-testid={`net-${t.currency}`}>
              <strong>{formatMoney(t.netMinor, t.currency)}</strong>
            </td>
            <td className="num">{formatMoney(t.payableMinor, t.currency)}</td>
            <td className="num">{formatMoney(t.onHoldMinor, t.currency)}</td>
            <td className="num">{formatCount(t.entryCount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
