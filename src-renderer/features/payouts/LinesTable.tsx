import type { Line } from '../../../src-shared/payouts/contract';
import { formatMoney } from '../../components/format';
import { useCan } from '../../app/useCan';
import { formatDay } from '../commissions/format';
import { lineStateLabel, methodLabel } from './labels';
import { missingDocuments } from './RecordDocumentDialog';

export type LineAction = 'entries' | 'retry' | 'release' | 'markPaid' | 'remittance' | 'document' | 'notice';

/** What the line says about itself beyond its state: blockers in words, the transfer, the reference, the failure. */
function LineDetails({ line }: { line: Line }) {
  return (
    <div className="po-details">
      {line.blockers.length > 0 && (
        <ul className="po-blockers" aria-label={`Why ${line.partnerCompany} is not paid`}>
          {line.blockers.map((b) => (
            <li key={b.code} data-code={b.code}>
              {b.message}
            </li>
          ))}
        </ul>
      )}
      {line.failureReason && (
        <div className={line.state === 'failed' ? 'po-failure' : 'po-waiting'}>
          {line.state === 'failed' ? 'Failed: ' : ''}
          {line.failureReason}
          {line.attempt > 1 && <span className="muted"> (attempt {line.attempt})</span>}
        </div>
      )}
      {line.state === 'queued' && line.waitingReason && <div className="po-waiting">Waiting: {line.waitingReason}</div>}
      {line.transferId && (
        <div>
          Transfer <code>{line.transferId}</code>
        </div>
      )}
      {line.paidReference && (
        <div>
          Reference {line.paidReference}
          {line.paidAt && <span className="muted"> · paid {formatDay(line.paidAt)}</span>}
        </div>
      )}
      {line.method === 'stripe_connect' && line.stripeAccountId && !line.transferId && <div className="muted po-small">to {line.stripeAccountId}</div>}
    </div>
  );
}

/** One row per partner and currency, with what can be done to the line in its state. */
export function LinesTable({ lines, busyLine, onAction }: { lines: Line[]; busyLine: string | null; onAction(action: LineAction, line: Line): void }) {
  const canApprove = useCan('payouts.approve');
  const canPrepare = useCan('payouts.prepare');
  return (
    <div className="po-scroll">
      <table className="grid po-table po-lines" aria-label="Payout lines">
        <thead>
          <tr>
            <th scope="col">Partner</th>
            <th scope="col">Currency</th>
            <th scope="col" className="num">
              Earned
            </th>
            <th scope="col" className="num">
              Withheld
            </th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Method</th>
            <th scope="col">State</th>
            <th scope="col">Details</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {lines.length === 0 && (
            <tr>
              <td colSpan={9} className="muted">
                No partner has a payable balance for this pay date.
              </td>
            </tr>
          )}
          {lines.map((l) => {
            const busy = busyLine === l.id;
            const act = (a: LineAction) => () => onAction(a, l);
            const who = `${l.partnerCompany} (${l.currency})`;
            return (
              <tr key={l.id} data-line-id={l.id} data-state={l.state}>
                <th scope="row">{l.partnerCompany}</th>
                <td>{l.currency}</td>
                <td className="num">{formatMoney(l.earnedMinor, l.currency)}</td>
                <td className={`num${l.withheldMinor < 0 ? ' po-negative' : ''}`}>{formatMoney(l.withheldMinor, l.currency)}</td>
                <td className="num">
                  <strong>{formatMoney(l.amountMinor, l.currency)}</strong>
                </td>
                <td>{methodLabel[l.method] ?? l.method}</td>
                <td>
                  <span className={`badge po-line-${l.state}`}>{lineStateLabel[l.state]}</span>
                </td>
                <td>
                  <LineDetails line={l} />
                </td>
                <td>
                  <div className="po-actions">
                    <button type="button" onClick={act('entries')} aria-label={`Ledger entries of ${who}`}>
                      Entries
                    </button>
                    {l.state === 'failed' && canApprove && (
                      <>
                        <button type="button" disabled={busy} onClick={act('retry')} aria-label={`Retry ${who}`}>
                          Retry
                        </button>
                        <button type="button" disabled={busy} onClick={act('release')} aria-label={`Release ${who}`}>
                          Release
                        </button>
                      </>
                    )}
                    {l.state === 'queued' && l.method === 'outside' && canApprove && (
                      <button type="button" onClick={act('markPaid')} aria-label={`Mark ${who} paid`}>
                        Mark paid
                      </button>
                    )}
                    {(l.state === 'paid' || l.state === 'queued') && (
                      <button type="button" disabled={busy} onClick={act('remittance')} aria-label={`Remittance advice for ${who}`}>
                        Remittance PDF
                      </button>
                    )}
                    {canPrepare && missingDocuments(l).length > 0 && (
                      <button type="button" onClick={act('document')} aria-label={`Record referral report or invoice of ${who}`}>
                        Record report / invoice
                      </button>
                    )}
                    {l.withheldMinor < 0 && (
                      <button type="button" onClick={act('notice')} aria-label={`Chargeback notice to ${who}`}>
                        Chargeback notice
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
