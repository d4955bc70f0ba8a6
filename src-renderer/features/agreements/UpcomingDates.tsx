import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { UpcomingKind, upcomingKindLabels, type UpcomingRow } from '../../../src-shared/agreements/contract';
import type { AppError } from '../../../src-shared/rpc/errors';
import { useAgreementsRevision } from './agreementsStore';
import { DateText } from './DateText';
import { downloadFile } from './downloadFile';
import { addDaysIso, humanDates, todayIso } from './format';
import { SelectField } from './SelectField';

const kindOptions = [['', 'All kinds'], ...UpcomingKind.options.map((k) => [k, upcomingKindLabels[k]] as const)] as const;

/** Key dates across all partners in a date range, filterable by kind, exportable as .ics. */
export function UpcomingDates({ onOpen }: { onOpen(row: { partnerId: string; company: string }): void }) {
  const revision = useAgreementsRevision((s) => s.revision);
  const [from, setFrom] = useState(todayIso);
  // Six months ahead: a 3-month notice served today still shows.
  const [to, setTo] = useState(() => addDaysIso(todayIso(), 183));
  const [kind, setKind] = useState('');
  const [search, setSearch] = useState('');
  const [rows, setRows] = useState<UpcomingRow[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [exportNote, setExportNote] = useState<string | null>(null);
  const range = { from, to, kinds: kind ? [kind as UpcomingKind] : [] };

  useEffect(() => {
    let live = true;
    void api.agreementsUpcoming({ from, to, kinds: kind ? [kind as UpcomingKind] : [] }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setRows(r.value.rows);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [from, to, kind, revision]);

  async function exportIcs() {
    const r = await api.agreementsExportIcs(range);
    if (!r.ok) return setError(r.error);
    downloadFile(r.value.fileName, r.value.text, 'text/calendar');
    setExportNote(`${r.value.fileName}: ${r.value.events} event${r.value.events === 1 ? '' : 's'}. Importing it again updates these events instead of adding copies.`);
  }

  const q = search.trim().toLowerCase();
  const shown = rows?.filter((r) => !q || r.company.toLowerCase().includes(q) || r.label.toLowerCase().includes(q)) ?? null;

  return (
    <div className="agr">
      <div className="agr-filters" role="search" aria-label="Filter upcoming dates">
        <Field id="agr-from" label="From" type="date" name="from" value={from} onChange={(e) => setFrom(e.target.value)} error={error?.fieldErrors?.from} />
        <Field id="agr-to" label="To" type="date" name="to" value={to} onChange={(e) => setTo(e.target.value)} error={error?.fieldErrors?.to} />
        <SelectField id="agr-kind" label="Kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value)} options={kindOptions} />
        <div className="agr-grow">
          <Field id="agr-search" label="Partner" type="search" name="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Company or text" />
        </div>
        <button type="button" onClick={exportIcs}>
          Export .ics
        </button>
      </div>
      {exportNote && (
        <p className="hint-box" role="status">
          {exportNote}
        </p>
      )}
      <ErrorBanner error={error && !error.fieldErrors?.to && !error.fieldErrors?.from ? error : null} />
      {shown && shown.length === 0 && <p className="muted">No dates in this range.</p>}
      {shown && shown.length > 0 && (
        <table className="grid" aria-label="Upcoming dates">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Partner</th>
              <th scope="col">What</th>
              <th scope="col">Details</th>
              <th scope="col">Programme</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.uid} className="agr-clickable" onClick={() => onOpen(r)} data-kind={r.kind}>
                <td><DateText iso={r.date} /></td>
                <td>
                  <button type="button" className="link" onClick={(e) => (e.stopPropagation(), onOpen(r))}>
                    {r.company}
                  </button>
                </td>
                <td>
                  <span className={`agr-kind agr-kind-${r.kind}`}>{upcomingKindLabels[r.kind]}</span>
                </td>
                <td>{humanDates(r.label)}</td>
                <td className="muted">{r.programme}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
