import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useCan } from '../../app/useCan';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { AgreementView } from '../../../src-shared/agreements/contract';
import { monthOfAgreement } from '../../../src-shared/agreements/dates';
import type { IsoDate } from '../../../src-shared/dates/isoDate';
import type { AppError } from '../../../src-shared/rpc/errors';
import { AgreementTimeline } from './AgreementTimeline';
import { useAgreementsRevision } from './agreementsStore';
import { BreachDialog } from './BreachDialog';
import { CureDialog } from './CureDialog';
import { DateText } from './DateText';
import { humanDates } from './format';
import { NewVersionDialog } from './NewVersionDialog';
import { ServeNoticeDialog } from './ServeNoticeDialog';
import { StateBadge } from './StateBadge';
import { TerminateDialog } from './TerminateDialog';
import { afterInitialText, breachOutcomeText, days, months, noticeText, postTerminationText } from './termsText';
import './agreements.css';

type Action = 'notice' | 'breach' | 'cure' | 'terminate' | 'version';

/** The agreement tab of a partner page: versions, actions and the timeline. */
export function PartnerAgreementTab({ partnerId }: { partnerId: string }) {
  // The UI only hides what a role cannot do; the core checks agreements.write on every call.
  const canWrite = useCan('agreements.write');
  const changed = useAgreementsRevision((s) => s.changed);
  const [view, setView] = useState<AgreementView | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [action, setAction] = useState<Action | null>(null);
  const [said, setSaid] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await api.agreementsForPartner({ partnerId });
    if (r.ok) {
      setView(r.value);
      setError(null);
    } else setError(r.error);
  }, [partnerId]);

  useEffect(() => {
    setView(null);
    setSaid(null);
    void load();
  }, [load]);

  const done = (next: AgreementView, sentence: string) => {
    setView(next);
    setAction(null);
    setSaid(sentence);
    changed();
  };
  const close = () => setAction(null);

  if (error) return <ErrorBanner error={error} />;
  if (!view) return <p className="muted">Loading the agreement…</p>;
  const c = view.current;
  const over = c?.state === 'terminated' || c?.state === 'ended';

  return (
    <section className="agr agr-tab" aria-label="Agreement">
      {said && (
        <p className="hint-box" role="status">
          {said}
        </p>
      )}
      <div className="agr-head">
        {c ? <StateBadge state={c.state} label={c.stateLabel} /> : <StateBadge state={null} label="No agreement" />}
        {c && (
          <span>
            Version {c.version}
            {over && c.end ? (
              <>
                {' · '}
                {/* Seed 000: "If you serve notice in Month 13, the contract ends in Month 16." */}
                <strong data-testid="agreement-month">Ended in month {monthOfAgreement(c.terms, c.end.on as IsoDate)}</strong>
              </>
            ) : c.monthNumber !== null && (
              <>
                {' · '}
                <strong data-testid="agreement-month">Month {c.monthNumber}</strong> of the agreement today
              </>
            )}
          </span>
        )}
        {c?.next && (
          <span className="muted">
            Next, on <DateText iso={c.next.date} />: {humanDates(c.next.label)}
          </span>
        )}
      </div>

      {canWrite && (
        <div className="agr-actions" role="toolbar" aria-label="Agreement actions">
          {c && (
            <>
              <button type="button" onClick={() => setAction('notice')} disabled={over}>
                Serve notice
              </button>
              <button type="button" onClick={() => setAction('breach')} disabled={over}>
                Record breach
              </button>
              <button type="button" onClick={() => setAction('cure')} disabled={!c.openBreach}>
                Mark cured
              </button>
              <button type="button" onClick={() => setAction('terminate')} disabled={over}>
                Terminate
              </button>
            </>
          )}
          <button type="button" onClick={() => setAction('version')}>
            New version
          </button>
        </div>
      )}

      {!c && <p className="muted">{view.partner.company} has no agreement yet. Record its first version with "New version".</p>}

      {c && (
        <div className="agr-columns">
          <div className="card">
            <h2>Terms (version {c.version})</h2>
            <dl className="facts" aria-label="Terms">
              <dt>Effective</dt>
              <dd><DateText iso={c.terms.effectiveOn} /></dd>
              <dt>Initial term</dt>
              <dd>
                {c.terms.initialTermMonths === 0 ? 'None' : <>{months(c.terms.initialTermMonths)}, until <DateText iso={c.initialTermEndsOn} /></>}
              </dd>
              <dt>Then</dt>
              <dd>{afterInitialText[c.terms.afterInitialTerm]}</dd>
              <dt>Notice period</dt>
              <dd>{noticeText(c.terms.noticePeriod)}</dd>
              <dt>Notice can first be served</dt>
              <dd data-testid="first-notice"><DateText iso={c.firstNoticeOn} /></dd>
              <dt>Governing law</dt>
              <dd>{c.terms.governingLaw}</dd>
              <dt>After termination</dt>
              <dd>{postTerminationText[c.terms.postTermination]}</dd>
              <dt>Cure period</dt>
              <dd>{days(c.terms.curePeriodDays)}</dd>
              <dt>Non-solicit</dt>
              <dd>{months(c.terms.nonSolicitMonths)}</dd>
              <dt>Uncured breach leads to</dt>
              <dd>{breachOutcomeText[c.terms.breachOutcome]}</dd>
              {c.end && (
                <>
                  <dt>Agreement ends</dt>
                  <dd data-testid="agreement-end"><DateText iso={c.end.on} /></dd>
                </>
              )}
              {c.commissionStopsOn && (
                <>
                  <dt>Commission stops</dt>
                  <dd><DateText iso={c.commissionStopsOn} /></dd>
                </>
              )}
              {c.nonSolicitEndsOn && (
                <>
                  <dt>Non-solicit ends</dt>
                  <dd><DateText iso={c.nonSolicitEndsOn} /></dd>
                </>
              )}
            </dl>
          </div>
          <div className="card">
            <h2>Timeline</h2>
            <AgreementTimeline entries={c.timeline} />
          </div>
        </div>
      )}

      {view.versions.length > 1 && (
        <div className="card">
          <h2>Versions</h2>
          <table className="grid" aria-label="Agreement versions">
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Effective</th>
                <th scope="col">Terms</th>
                <th scope="col">Standing</th>
              </tr>
            </thead>
            <tbody>
              {view.versions.map((v) => (
                <tr key={v.agreementId}>
                  <td>{v.version}</td>
                  <td><DateText iso={v.terms.effectiveOn} /></td>
                  <td>
                    {v.terms.initialTermMonths > 0 ? `${months(v.terms.initialTermMonths)} initial term, ` : ''}
                    {noticeText(v.terms.noticePeriod)}
                  </td>
                  <td>{v.standing === 'in_force' ? 'In force' : v.standing === 'superseded' ? 'Superseded' : 'Pending'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {c && action === 'notice' && <ServeNoticeDialog agreement={c} today={view.today} onClose={close} onDone={done} />}
      {c && action === 'breach' && <BreachDialog agreement={c} today={view.today} onClose={close} onDone={done} />}
      {c && action === 'cure' && <CureDialog agreement={c} today={view.today} onClose={close} onDone={done} />}
      {c && action === 'terminate' && <TerminateDialog agreement={c} today={view.today} onClose={close} onDone={done} />}
      {action === 'version' && <NewVersionDialog partnerId={partnerId} defaults={view.newVersionDefaults} onClose={close} onDone={done} />}
    </section>
  );
}
