import type { z } from 'zod';
import type { IntegratorBalanceSchema } from '../../../src-shared/commissions/contract';
import { formatMoney } from '../../components/format';
import { formatDay, movementLabel } from './format';
import { TopUpForm } from './TopUpForm';

type Balance = z.infer<typeof IntegratorBalanceSchema>;

/**
 * Seed 002's integrator: it pays for its clients (minus its discount) from a prepaid balance,
 * and may use a welcome bonus within its window. Movements of the month with running balances.
 */
export function IntegratorBalance({ balance: b, period, onChanged }: { balance: Balance; period: string; onChanged(): void }) {
  const currency = b.currency ?? 'EUR';
  return (
    <section className="com-integrator" aria-label="Integrator balance">
      <h3>Integrator balance</h3>
      <dl className="facts">
        <dt>Prepaid balance at the end of {period}</dt>
        <dd data-testid="prepaid-balance">
          <strong>{formatMoney(b.prepaidBalanceMinor, currency)}</strong>
        </dd>
        <dt>Welcome bonus at the end of {period}</dt>
        <dd>{formatMoney(b.bonusBalanceMinor, currency)}</dd>
        {b.bonusWindow && (
          <>
            <dt>Welcome bonus usable</dt>
            <dd>
              <time dateTime={b.bonusWindow.usableFrom}>{formatDay(b.bonusWindow.usableFrom)}</time> –{' '}
              <time dateTime={b.bonusWindow.usableUntil}>{formatDay(b.bonusWindow.usableUntil)}</time>, expires{' '}
              <time dateTime={b.bonusWindow.expiresOn}>{formatDay(b.bonusWindow.expiresOn)}</time>
            </dd>
          </>
        )}
      </dl>
      <div className="com-scroll">
        <table className="grid com-table" aria-label="Balance movements">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Movement</th>
              <th scope="col">Account</th>
              <th scope="col">Client</th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col" className="num">
                Balance after
              </th>
              <th scope="col">Reference</th>
              <th scope="col">Explanation</th>
            </tr>
          </thead>
          <tbody>
            {b.movements.length === 0 && (
              <tr>
                <td colSpan={8} className="muted">
                  No balance movements in {period}.
                </td>
              </tr>
            )}
            {b.movements.map((m) => (
              <tr key={m.id}>
                <td>
                  <time dateTime={m.occurredOn}>{formatDay(m.occurredOn)}</time>
                </td>
                <td>{movementLabel[m.kind] ?? m.kind}</td>
                <td>{m.account === 'prepaid' ? 'Prepaid' : 'Welcome bonus'}</td>
                <td>{m.customerName ?? '—'}</td>
                <td className="num">
                  <span className={m.amountMinor < 0 ? 'com-negative' : 'com-positive'}>{formatMoney(m.amountMinor, m.currency)}</span>
                </td>
                <td className="num">{formatMoney(m.balanceAfterMinor, m.currency)}</td>
                <td>{m.reference}</td>
                <td className="com-explanation">{m.explanation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <TopUpForm partnerId={b.partnerId} currency={currency} onRecorded={onChanged} />
    </section>
  );
}
