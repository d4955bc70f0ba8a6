import type { TimelineEntry } from '../../../src-shared/agreements/contract';
import { DateText } from './DateText';
import { humanDates } from './format';

/** Recorded events and the key dates they imply, newest first; future dates hollow. */
export function AgreementTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  if (entries.length === 0) return <p className="muted">Nothing recorded yet.</p>;
  return (
    <ol className="agr-timeline" aria-label="Agreement timeline">
      {entries.map((e, i) => (
        <li key={`${e.date}-${e.kind}-${i}`} className={`${e.past ? 'agr-past' : 'agr-future'} ${e.source === 'key_date' ? 'agr-keydate' : ''}`} data-kind={e.kind}>
          <DateText iso={e.date} />
          <span>{humanDates(e.label)}</span>
          {e.source === 'key_date' && <span className="muted">{e.past ? 'key date' : 'upcoming'}</span>}
        </li>
      ))}
    </ol>
  );
}
