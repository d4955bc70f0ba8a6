import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { DocumentSchema, Line } from '../../../src-shared/payouts/contract';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/FormFields';
import { useForm } from '../../components/useForm';
import { formatDay, todayIso } from '../commissions/format';
import { bannerOf, DialogButtons } from './dialogBits';
import { DOCUMENT_BLOCKERS, documentKindLabel } from './labels';

type PartnerDocument = z.output<typeof DocumentSchema>;

/** The documents this line still waits for, in the order the programme asks for them. */
export function missingDocuments(line: Line): ('referral_report' | 'invoice')[] {
  return line.blockers.map((b) => DOCUMENT_BLOCKERS[b.code]).filter((k): k is 'referral_report' | 'invoice' => k !== undefined);
}

/**
 * Seed 001: commission is payable only once the partner's referral report and invoice for the
 * period are in. Recording one here unblocks the line when the run is next looked at.
 */
export function RecordDocumentDialog(props: { line: Line; period: string; onCancel(): void; onDone(doc: PartnerDocument): void }) {
  const { line } = props;
  const missing = missingDocuments(line);
  const form = useForm({ kind: missing[0] ?? 'invoice', period: props.period, reference: '', receivedOn: todayIso() });
  const [onFile, setOnFile] = useState<PartnerDocument[]>([]);

  useEffect(() => {
    void api.payoutsDocuments({ partnerId: line.partnerId }).then((r) => r.ok && setOnFile(r.value.documents));
  }, [line.partnerId]);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const doc = await form.submit((v) =>
      api.payoutsRecordDocument({ partnerId: line.partnerId, kind: v.kind as 'referral_report' | 'invoice', period: v.period, reference: v.reference, receivedOn: v.receivedOn }),
    );
    if (doc) props.onDone(doc);
  }

  return (
    <Dialog title={`Record a document from ${line.partnerCompany}`} onCancel={props.onCancel} className="po-dialog">
      <form aria-label="Record document" onSubmit={submit} noValidate className="po-form">
        <p className="muted">
          Still missing: {missing.length ? missing.map((k) => documentKindLabel[k].toLowerCase()).join(' and ') : 'nothing'}.
        </p>
        <ErrorBanner error={bannerOf(form.error, ['kind', 'period', 'reference', 'receivedOn'])} />
        <SelectField label="Document" id="po-doc-kind" {...form.bind('kind')} error={form.fieldError('kind')}>
          <option value="referral_report">{documentKindLabel.referral_report}</option>
          <option value="invoice">{documentKindLabel.invoice}</option>
        </SelectField>
        <Field label="Period" id="po-doc-period" type="month" {...form.bind('period')} error={form.fieldError('period')} hint="The month the document covers." />
        <Field label="Reference" id="po-doc-reference" {...form.bind('reference')} error={form.fieldError('reference')} hint="e.g. the invoice number" />
        <Field label="Received on" id="po-doc-received" type="date" {...form.bind('receivedOn')} error={form.fieldError('receivedOn')} />
        {onFile.length > 0 && (
          <div>
            <h3 className="po-subhead">On file</h3>
            <ul className="po-doc-list" aria-label="Documents on file">
              {onFile.map((d) => (
                <li key={d.id}>
                  {documentKindLabel[d.kind]} for {d.period}: {d.reference} <span className="muted">(received {formatDay(d.receivedOn)})</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        <DialogButtons busy={form.busy} submit="Record document" onCancel={props.onCancel} />
      </form>
    </Dialog>
  );
}
