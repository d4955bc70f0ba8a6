import { formatMoney, formatMonth } from '../../components/format';

interface Props {
  label: string;
  months: readonly string[];
  currencies: readonly string[];
  cell(month: string, currency: string): { minor: number; count?: number } | undefined;
  /** Given: every amount is a button that opens the rows it sums; absent: plain amounts. */
  onPick?(month: string, currency: string): void;
  className?: string;
}

/** Months × currencies, one amount per cell. */
export function MonthTable({ label, months, currencies, cell, onPick, className = 'grid ov-months' }: Props) {
  return (
    <table className={className} aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Month</th>
          {currencies.map((c) => (
            <th scope="col" key={c} className="num">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {months.map((m) => (
          <tr key={m}>
            <th scope="row">{formatMonth(m)}</th>
            {currencies.map((c) => {
              const v = cell(m, c);
              return (
                <td key={c} className="num">
                  {!v ? (
                    '—'
                  ) : onPick ? (
                    <button type="button" className="link" title={`Open the ${v.count ?? ''} rows behind this amount`} onClick={() => onPick(m, c)}>
                      {formatMoney(v.minor, c)}
                    </button>
                  ) : (
                    formatMoney(v.minor, c)
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
