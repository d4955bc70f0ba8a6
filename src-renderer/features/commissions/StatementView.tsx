import type { Statement } from '../../../src-shared/commissions/contract';
import { formatMoney } from '../../components/format';
import { CurrencyTotals } from './CurrencyTotals';
import { IntegratorBalance } from './IntegratorBalance';
import { RuleBadge, StatusCell } from './ledgerColumns';
import { formatDay, formatRate } from './format';

function Empty({ columns, children }: { columns: number; children: string }) {
  return (
    <tr>
      <td colSpan={columns} className="muted">
        {children}
      </td>
    </tr>
  );
}

/** The body of a statement: blockers, totals, entries, excluded lines, programme costs, integrator balance. */
export function StatementView({ statement: s, onChanged }: { statement: Statement; onChanged(): void }) {
  // Excluded lines and costs carry the customer's id; the entries carry its name.
  const customerNames = new Map(s.entries.map((e) => [e.customerId, e.customerName]));
  const customer = (id: string) => customerNames.get(id) ?? id;
  const showCommission = s.plan?.kind !== 'integrator' || s.entries.length > 0;

  return (
    <div className="com-statement-body">
      {s.payabilityBlockers.length > 0 && (
        <div className="com-blockers" role="note" aria-label="What blocks a payout">
          <strong>Not payable yet:</strong>
          <ul>
            {s.payabilityBlockers.map((b) => (
              <li key={b.code}>{b.message}</li>
            ))}
          </ul>
        </div>
      )}

      {showCommission && (
        <>
          <h3>Totals</h3>
          <CurrencyTotals totals={s.totals} label="Statement totals by currency" />

          <h3>Entries</h3>
          <div className="com-scroll">
            <table className="grid com-table" aria-label="Statement entries">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Customer</th>
                  <th scope="col" className="num">
                    Base
                  </th>
                  <th scope="col" className="num">
                    Rate
                  </th>
                  <th scope="col">Tier</th>
                  <th scope="col">Plan version</th>
                  <th scope="col" className="num">
                    Amount
                  </th>
                  <th scope="col">Status</th>
                  <th scope="col">Explanation</th>
                </tr>
              </thead>
              <tbody>
                {s.entries.length === 0 && <Empty columns={9}>No ledger entries in this month.</Empty>}
                {s.entries.map((e) => (
                  <tr key={e.id}>
                    <td>
                      <time dateTime={e.occurredOn}>{formatDay(e.occurredOn)}</time>
                    </td>
                    <td>{e.customerName}</td>
                    <td className="num">{formatMoney(e.baseMinor, e.currency)}</td>
                    <td className="num">{formatRate(e.rateBps)}</td>
                    <td>{e.tier ?? '—'}</td>
                    <td>
                      <code>{e.planVersion}</code>
                    </td>
                    <td className="num">
                      <strong className={e.amountMinor < 0 ? 'com-negative' : undefined}>{formatMoney(e.amountMinor, e.currency)}</strong>
                    </td>
                    <td>
                      <StatusCell row={e} />
                    </td>
                    <td className="com-explanation">
                      <RuleBadge rule={e.rule} />
                      {e.explanation}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <h3>Excluded revenue lines</h3>
          <table className="grid com-table" aria-label="Excluded revenue lines">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Customer</th>
                <th scope="col">Reason</th>
                <th scope="col">Explanation</th>
              </tr>
            </thead>
            <tbody>
              {s.excluded.length === 0 && <Empty columns={4}>Every revenue line of this month counted.</Empty>}
              {s.excluded.map((x) => (
                <tr key={`${x.revenueLineId}-${x.reason}`}>
                  <td>
                    <time dateTime={x.occurredOn}>{formatDay(x.occurredOn)}</time>
                  </td>
                  <td>{customer(x.customerId)}</td>
                  <td>
                    <span className="badge">{x.reason.replaceAll('_', ' ')}</span>
                  </td>
                  <td className="com-explanation">{x.explanation}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <h3>Programme costs</h3>
      <p className="muted com-note">Seed 002: the €5 a new client gets with the partner's promo code is a cost of the programme, recorded against the partner and never deducted from its commission.</p>
      <table className="grid com-table" aria-label="Programme costs">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Customer</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Explanation</th>
          </tr>
        </thead>
        <tbody>
          {s.costs.length === 0 && <Empty columns={4}>No programme costs in this month.</Empty>}
          {s.costs.map((c) => (
            <tr key={c.key}>
              <td>
                <time dateTime={c.occurredOn}>{formatDay(c.occurredOn)}</time>
              </td>
              <td>{customer(c.customerId)}</td>
              <td className="num">{formatMoney(c.amountMinor, c.currency)}</td>
              <td className="com-explanation">{c.explanation}</td>
            </tr>
          ))}
        </tbody>
        {s.costTotals.length > 0 && (
          <tfoot>
            {s.costTotals.map((t) => (
              <tr key={t.currency}>
                <th scope="row" colSpan={2}>
                  Total {t.currency}
                </th>
                <td className="num">
                  <strong>{formatMoney(t.minor, t.currency)}</strong>
                </td>
                <td />
              </tr>
            ))}
          </tfoot>
        )}
      </table>

      {s.integrator && <IntegratorBalance balance={s.integrator} period={s.period} onChanged={onChanged} />}
    </div>
  );
}
