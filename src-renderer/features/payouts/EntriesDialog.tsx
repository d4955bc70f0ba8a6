import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { Line, LineEntrySchema } from '../../../src-shared/payouts/contract';
import type { AppError } from '../../../src-shared/rpc/errors';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatMoney } from '../../components/format';
import { formatDay, formatRate, ruleLabel } from '../commissions/format';

type Entry = z.output<typeof LineEntrySchema>;

/** A payout line's drill-down: the ledger entries it pays, each with the words that explain it. */
export function EntriesDialog({ line, onCancel }: { line: Line; onCancel(): void }) {
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    void api.payoutsLineEntries({ lineId: line.id }).then((r) => (r.ok ? setEntries(r.value.entries) : setError(r.error)));
  }, [line.id]);

  const money = (minor: number) => formatMoney(minor, line.currency);
  return (
    <Dialog title={`${line.partnerCompany} — ledger entries (${line.currency})`} onCancel={onCancel} className="po-dialog po-dialog-wide">
      <p className="muted">
        Earned {money(line.earnedMinor)}, withheld {money(line.withheldMinor)}: {money(line.amountMinor)} from {line.entryCount} {line.entryCount === 1 ? 'entry' : 'entries'}.
      </p>
      <ErrorBanner error={error} />
      {!entries && !error && <p className="muted">Loading…</p>}
      {entries && (
        <div className="po-scroll po-entries">
          <table className="grid po-table" aria-label="Ledger entries of the line">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Period</th>
                <th scope="col">Customer</th>
                <th scope="col">Rule</th>
                <th scope="col" className="num">
                  Base
                </th>
                <th scope="col" className="num">
                  Rate
                </th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col">Explanation</th>
              </tr>
            </thead>
            <tbody>
              {entries.length === 0 && (
                <tr>
                  <td colSpan={8} className="muted">
                    No entries.
                  </td>
                </tr>
              )}
              {entries.map((e) => (
                <tr key={e.key}>
                  <td className="po-nowrap">{formatDay(e.occurredOn)}</td>
                  <td className="po-nowrap">{e.period}</td>
                  <td>{e.customerName}</td>
                  <td>{ruleLabel[e.rule] ?? e.rule}</td>
                  <td className="num">{money(e.baseMinor)}</td>
                  <td className="num">{formatRate(e.rateBps)}</td>
                  <td className={`num${e.amountMinor < 0 ? ' po-negative' : ''}`}>{money(e.amountMinor)}</td>
                  <td className="po-explanation">
                    {e.explanation}
                    {e.holdUntil && <div className="muted po-small">held until {formatDay(e.holdUntil)}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="po-buttons po-dialog-buttons">
        <button type="button" onClick={onCancel}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
