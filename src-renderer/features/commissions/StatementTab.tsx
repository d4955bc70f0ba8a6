import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import type { Statement } from '../../../src-shared/commissions/contract';
import type { AppError } from '../../../src-shared/rpc/errors';
import { useCommissionsUi } from './commissionsStore';
import { downloadFile } from './download';
import { formatDay, formatLabel, monthFromNow } from './format';
import { SelectField } from '../../components/FormFields';
import { StatementView } from './StatementView';
import { PartnerOptions, usePartners } from './usePartners';

/** A partner's statement for one month, with its CSV and JSON exports. */
export function StatementTab() {
  const { partners } = usePartners();
  const { statementPartnerId, statementPeriod, setStatementTarget } = useCommissionsUi();
  const period = statementPeriod || monthFromNow(-1);
  const [statement, setStatement] = useState<Statement | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [exporting, setExporting] = useState<'csv' | 'json' | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!statementPartnerId || !/^\d{4}-\d{2}$/.test(period)) {
      setStatement(null);
      return;
    }
    let live = true;
    void api.commissionsStatement({ partnerId: statementPartnerId, period }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setStatement(r.value);
        setError(null);
      } else {
        setStatement(null);
        setError(r.error);
      }
    });
    return () => {
      live = false;
    };
  }, [statementPartnerId, period, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);

  async function exportAs(format: 'csv' | 'json') {
    setExporting(format);
    const r = await api.commissionsExportStatement({ partnerId: statementPartnerId, period, format });
    setExporting(null);
    if (r.ok) downloadFile(r.value);
    else setError(r.error);
  }

  const shown = statement && statement.partner.id === statementPartnerId && statement.period === period ? statement : null;

  return (
    <div className="com-statement">
      <form className="com-filters" aria-label="Statement of" onSubmit={(e) => e.preventDefault()}>
        <SelectField label="Partner" name="statement-partner" value={statementPartnerId} onChange={(e) => setStatementTarget({ partnerId: e.target.value })}>
          <option value="">Choose a partner…</option>
          <PartnerOptions partners={partners} />
        </SelectField>
        <Field label="Period" name="statement-period" type="month" value={period} onChange={(e) => setStatementTarget({ period: e.target.value })} />
        <div className="com-buttons">
          <button type="button" onClick={() => void exportAs('csv')} disabled={!shown || exporting !== null}>
            {exporting === 'csv' ? 'Exporting…' : 'Export CSV'}
          </button>
          <button type="button" onClick={() => void exportAs('json')} disabled={!shown || exporting !== null}>
            {exporting === 'json' ? 'Exporting…' : 'Export JSON'}
          </button>
        </div>
      </form>
      <ErrorBanner error={error} />
      {!statementPartnerId && <p className="muted">Choose a partner and a month to see its statement.</p>}
      {shown && (
        <>
          <header className="com-statement-head">
            <h2>
              {shown.partner.company} — statement for {shown.period}
            </h2>
            <p className="muted">
              {shown.partner.programme} · {formatLabel[shown.partner.format] ?? shown.partner.format} · {shown.partner.status} ·{' '}
              {shown.plan ? (
                <>
                  plan <code>{`${shown.plan.code}@${shown.plan.version}`}</code> ({shown.plan.name})
                </>
              ) : (
                'no plan assigned'
              )}{' '}
              · as of {formatDay(shown.asOf)}
            </p>
          </header>
          <StatementView statement={shown} onChanged={reload} />
        </>
      )}
    </div>
  );
}
