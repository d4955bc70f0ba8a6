import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { formatMoney, formatMonth } from '../../components/format';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

interface Props {
  label: string;
  months: readonly string[];
  /** Minor units per month (null: nothing that month). */
  values: readonly (number | null)[];
  currency: string;
  color: string;
  /** A bar was clicked: open the rows behind it. */
  onPick(month: string): void;
}

/**
 * One currency's amounts by month as bars (chart.js draws on a canvas, which the CSP
 * allows). A bar opens the rows behind it; the table beside the chart offers the same for
 * keyboard and screen-reader users.
 */
export function MonthChart({ label, months, values, currency, color, onPick }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  useEffect(() => {
    if (!canvas.current) return;
    const digits = currency === 'JPY' || currency === 'KRW' ? 0 : 2;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: months.map(formatMonth),
        datasets: [{ label, data: values.map((v) => (v === null ? null : v / 10 ** digits)), backgroundColor: color, borderRadius: 3 }],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        onClick: (_e, elements) => {
          const i = elements[0]?.index;
          if (i !== undefined && months[i]) pick.current(months[i]!);
        },
        onHover: (e, elements) => {
          const target = e.native?.target as HTMLCanvasElement | undefined;
          if (target) target.style.cursor = elements.length ? 'pointer' : 'default';
        },
        plugins: {
          tooltip: { callbacks: { label: (ctx) => formatMoney(values[ctx.dataIndex] ?? 0, currency) } },
        },
        scales: { y: { beginAtZero: true, ticks: { callback: (v) => formatMoney(Number(v) * 10 ** digits, currency) } } },
      },
    });
    return () => chart.destroy();
  }, [label, months, values, currency, color]);
  return (
    <div className="ov-chart">
      <canvas ref={canvas} role="img" aria-label={`${label} in ${currency} by month (bars open the rows behind them)`} />
    </div>
  );
}
