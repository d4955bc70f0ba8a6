import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useCan } from '../../app/useCan';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { AppError } from '../../../src-shared/rpc/errors';
import type { LeadRow } from '../../../src-shared/referrals/contract';
import { LEAD_STATUSES, leadActionsFrom, type LeadAction } from '../../../src-shared/referrals/leadFlow';
import { LoseLeadDialog, QualifyLeadDialog, RegisterLeadDialog, WinLeadDialog } from './LeadDialogs';
import { PartnerSelectOptions, sourceLabel, usePartnerOptions } from './ui';

const stageTitle: Record<LeadRow['status'], string> = { registered: 'Registered', qualified: 'Qualified', won: 'Won', lost: 'Lost' };
const actionLabel: Record<LeadAction, string> = { qualify: 'Qualify…', win: 'Mark won…', lose: 'Mark lost…' };

type Open = { kind: 'register' } | { kind: LeadAction; lead: LeadRow } | null;

/** Seed 001's pipeline, one column per stage; a card offers only the moves the pipeline allows. */
export function LeadsTab({ partnerId }: { partnerId?: string }) {
  const canWrite = useCan('partners.write');
  const options = usePartnerOptions();
  const [filterPartner, setFilterPartner] = useState('');
  const [rows, setRows] = useState<LeadRow[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [reload, setReload] = useState(0);
  const shownPartner = partnerId ?? (filterPartner || undefined);

  useEffect(() => {
    let live = true;
    void api.referralsListLeads({ partnerId: shownPartner }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setRows(r.value.rows);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [shownPartner, reload]);

  const close = useCallback(() => setOpen(null), []);
  const done = useCallback(() => {
    setOpen(null);
    setReload((n) => n + 1);
  }, []);
  // Seed 001 is the lead-referral programme: offer its partners first, all others if there are none.
  const leadPartners = options.partners.filter((p) => p.format === 'lead_referral');
  const pickable = leadPartners.length > 0 ? leadPartners : options.partners;

  return (
    <div>
      <div className="ref-toolbar">
        {!partnerId ? (
          <div className="field">
            <label className="field-label" htmlFor="lf-partner">
              Partner
            </label>
            <select id="lf-partner" value={filterPartner} onChange={(e) => setFilterPartner(e.target.value)}>
              <option value="">All partners</option>
              <PartnerSelectOptions partners={pickable} />
            </select>
          </div>
        ) : (
          <span />
        )}
        {canWrite && (
          <button type="button" onClick={() => setOpen({ kind: 'register' })}>
            Register lead
          </button>
        )}
      </div>
      <ErrorBanner error={error} />
      {partnerId && rows?.length === 0 ? (
        <p className="muted">No leads registered by this partner.</p>
      ) : (
        <div className="ref-pipeline" aria-label="Lead pipeline">
          {LEAD_STATUSES.map((status) => {
            const inStage = (rows ?? []).filter((l) => l.status === status);
            return (
              <section key={status} className="ref-stage" aria-label={stageTitle[status]} data-stage={status}>
                <h2>
                  {stageTitle[status]} <span>{inStage.length}</span>
                </h2>
                {inStage.map((l) => (
                  <article key={l.id} className="ref-lead" aria-label={l.company}>
                    <strong>{l.company}</strong>
                    <span className="muted">
                      {l.partnerCompany} · {sourceLabel[l.source]} · registered {l.registeredOn}
                    </span>
                    {l.qualifiedOn && <span className="muted">qualified {l.qualifiedOn}</span>}
                    {l.qualificationNote && <q>{l.qualificationNote}</q>}
                    {l.status === 'won' && (
                      <span className="muted">
                        closed {l.decidedOn}
                        {l.customerName ? ` · customer ${l.customerName}` : ''}
                      </span>
                    )}
                    {l.status === 'lost' && (
                      <span className="muted">
                        lost {l.decidedOn}: {l.lostReason}
                      </span>
                    )}
                    <div className="ref-actions">
                      {leadActionsFrom(l.status).map((a) => (
                        <button key={a} type="button" onClick={() => setOpen({ kind: a, lead: l })}>
                          {actionLabel[a]}
                        </button>
                      ))}
                    </div>
                  </article>
                ))}
              </section>
            );
          })}
        </div>
      )}
      {open?.kind === 'register' && <RegisterLeadDialog partners={partnerId ? options.partners : pickable} {...(partnerId ? { partnerId } : {})} onDone={done} onCancel={close} />}
      {open?.kind === 'qualify' && <QualifyLeadDialog lead={open.lead} onDone={done} onCancel={close} />}
      {open?.kind === 'win' && <WinLeadDialog lead={open.lead} onDone={done} onCancel={close} />}
      {open?.kind === 'lose' && <LoseLeadDialog lead={open.lead} onDone={done} onCancel={close} />}
    </div>
  );
}
