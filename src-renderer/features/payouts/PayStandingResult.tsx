import type { z } from 'zod';
import type { payStanding } from '../../../src-shared/payouts/contract';
import { formatMoney } from '../../components/format';
import { formatDay } from '../commissions/format';
import { countsText, RunTotals } from './RunsTable';
import { usePayoutsUi } from './payoutsStore';

export type PayStandingResult = z.output<typeof payStanding.output>;

/** What "Pay under standing approvals now" did: the runs it made, why transfers wait, what is left for a manual run. */
export function PayStandingResultView({ result }: { result: PayStandingResult }) {
  const openRun = usePayoutsUi((s) => s.openRun);
  return (
    <section className="card po-standing-result" aria-label="Paid under standing approvals" role="status">
      {result.runs.length === 0 && <p>Nothing was payable under a standing approval.</p>}
      {result.runs.length > 0 && (
        <ul className="po-standing-runs">
          {result.runs.map((run) => (
            <li key={run.id}>
              Run of {formatDay(run.payDate)}: {countsText(run.counts)} — <RunTotals totals={run.totals} />{' '}
              <button type="button" className="link" onClick={() => openRun(run.id)}>
                Open the run
              </button>
            </li>
          ))}
        </ul>
      )}
      {result.message && <p className="po-waiting">{result.message}</p>}
      {result.left.length > 0 && (
        <>
          <h3>Left for a manual run</h3>
          <table className="grid po-table" aria-label="Left for a manual run">
            <thead>
              <tr>
                <th scope="col">Partner</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {result.left.map((l, i) => (
                <tr key={`${l.partnerCompany}-${l.currency}-${i}`}>
                  <td>{l.partnerCompany}</td>
                  <td className="num">{formatMoney(l.amountMinor, l.currency)}</td>
                  <td>{l.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
