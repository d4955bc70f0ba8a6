import { formatMoney, formatMonth } from '../../components/format';

interface Props {
  label: string;
  months: readonly string[];
  currencies: readonly string[];
  cell(month: string, currency: string): { netMinor: number; count: number } | undefined;
  onPick(month: string, currency: string): void;
}

/** Months × currencies; every amount is a button that opens the rows it sums. */
export function MonthTable({ label, months, currencies, cell, onPick }: Props) {
  return (
    <table className="grid ov-months" aria-label={label}>
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
                  {v ? (
                    <button type="button" className="link" title={`Open the ${v.count} rows behind this amount`} onClick={() => onPick(m, c)}>
                      {formatMoney(v.netMinor, c)}
                    </button>
                  ) : (
                    '—'
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
