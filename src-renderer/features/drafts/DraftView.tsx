import { useEffect, useState } from 'react';
import type { DraftDetail } from '../../../src-shared/drafts/contract';
import { CHECKLIST, channelLabel, REJECTION_REASONS, reasonLabel, stateLabel } from '../../../src-shared/drafts/states';
import type { AppError, Result } from '../../../src-shared/rpc/errors';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FilePreview, HighlightedText } from './Preview';
import { downloadBase64, readFilesAsBase64 } from './readFiles';

const when = (iso: string) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
const day = (iso: string | null) => (iso ? new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`)) : '—');

export function StateBadge({ state }: { state: DraftDetail['state'] }) {
  return <span className={`badge dr-state dr-state-${state}`}>{stateLabel[state]}</span>;
}

/** One draft: preview, automatic checks, diff, comments, checklist and the decision. */
export function DraftView({ id, reviewers, onBack, onChanged }: { id: string; reviewers: { id: string; displayName: string }[]; onBack: () => void; onChanged: () => void }) {
  const [d, setD] = useState<DraftDetail | null>(null);
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api.draftsGet({ id, version }).then((r) => (r.ok ? setD(r.value) : setError(r.error)));
  }, [id, version]);

  async function run(call: () => Promise<Result<DraftDetail>>): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      const r = await call();
      if (!r.ok) {
        setError(r.error);
        return false;
      }
      setD(r.value);
      setVersion(r.value.viewingVersion);
      onChanged();
      return true;
    } finally {
      setBusy(false);
    }
  }

  if (!d) return <ErrorBanner error={error} />;
  const isCurrent = d.viewingVersion === d.currentVersion;
  return (
    <div className="dr-detail" aria-label={`Draft ${d.title}`}>
      <div className="dr-head">
        <button type="button" onClick={onBack}>
          ← Queue
        </button>
        <h2>{d.title}</h2>
        <StateBadge state={d.state} />
        {d.overdue && <span className="badge dr-overdue">Overdue</span>}
      </div>
      <ErrorBanner error={error} />
      <dl className="facts dr-facts">
        <dt>Partner</dt>
        <dd>
          {d.partnerName} <span className="muted">({d.programmeCode})</span>
        </dd>
        <dt>Agreement</dt>
        <dd>{d.agreementVersion ? `version ${d.agreementVersion}` : 'none on file'}</dd>
        <dt>Channel</dt>
        <dd>{channelLabel[d.channel]}</dd>
        <dt>Campaign</dt>
        <dd>
          {day(d.campaignStartsOn)} – {day(d.campaignEndsOn)}
        </dd>
        <dt>Registered by</dt>
        <dd>
          {d.registeredByName}, {when(d.registeredAt)}
        </dd>
        <dt>Review due</dt>
        <dd>{day(d.dueOn)}</dd>
        <dt>Reviewer</dt>
        <dd>
          <select
            aria-label="Reviewer"
            value={d.assignedTo ?? ''}
            disabled={busy || ['approved', 'rejected', 'withdrawn'].includes(d.state)}
            onChange={(e) => void run(() => api.draftsAssign({ id: d.id, reviewerId: e.target.value || null }))}
          >
            <option value="">Unassigned</option>
            {reviewers.map((r) => (
              <option key={r.id} value={r.id}>
                {r.displayName}
              </option>
            ))}
          </select>
        </dd>
        {d.approvedHash && (
          <>
            <dt>Approved content (SHA-256)</dt>
            <dd className="dr-hash" aria-label="Approved content hash">
              {d.approvedHash}
            </dd>
          </>
        )}
      </dl>

      <div className="dr-versions" role="tablist" aria-label="Versions">
        {d.versions.map((v) => (
          <button key={v.version} type="button" role="tab" aria-selected={v.version === d.viewingVersion} onClick={() => setVersion(v.version)}>
            Version {v.version}
            {v.reviewedAt ? ' · reviewed' : ''}
          </button>
        ))}
      </div>

      {d.diff && (
        <section className="card" aria-label="Changes since the last reviewed version">
          <h3>Changes since version {d.diff.againstVersion}</h3>
          <pre className="dr-diff">
            {d.diff.lines.map((l, i) => (
              <div key={i} className={`dr-diff-${l.op}`}>
                {l.op === 'add' ? '+ ' : l.op === 'remove' ? '− ' : '  '}
                {l.text}
              </div>
            ))}
          </pre>
        </section>
      )}

      <div className="dr-columns">
        <div className="dr-files">
          {d.files.map((f) => (
            <FileCard key={f.id} draft={d} file={f} busy={busy} onComment={(input) => run(() => api.draftsComment({ id: d.id, version: d.viewingVersion, ...input }))} />
          ))}
        </div>
        <aside className="dr-side">
          <Decision draft={d} busy={busy} isCurrent={isCurrent} run={run} />
          <History draft={d} />
        </aside>
      </div>
    </div>
  );
}

function FileCard({
  draft,
  file,
  busy,
  onComment,
}: {
  draft: DraftDetail;
  file: DraftDetail['files'][number];
  busy: boolean;
  onComment: (i: { fileId: string; anchorStart: number | null; anchorEnd: number | null; anchorPage: number | null; body: string }) => Promise<boolean>;
}) {
  const [range, setRange] = useState<{ start: number; end: number } | null>(null);
  const [page, setPage] = useState('');
  const [body, setBody] = useState('');
  const comments = draft.comments.filter((c) => c.version === draft.viewingVersion && c.fileId === file.id);
  return (
    <section className="card dr-file" aria-label={`File ${file.fileName}`}>
      <h3>
        {file.fileName} <span className="muted">({file.mimeType}, {Math.ceil(file.size / 1024)} KB)</span>
      </h3>
      <FilePreview file={file} />
      {file.text !== null && (
        <>
          <ul className="dr-findings" aria-label={`Checks on ${file.fileName}`}>
            {file.findings.length === 0 && <li className="dr-ok">No rule found anything to flag.</li>}
            {file.findings.map((f, i) => (
              <li key={i} className={`dr-finding dr-${f.severity}`}>
                {f.match && <mark className={`dr-mark dr-${f.severity}`}>{f.match}</mark>} {f.message}
              </li>
            ))}
          </ul>
          <HighlightedText file={file} comments={comments} onSelect={setRange} />
        </>
      )}
      {comments.length > 0 && (
        <ul className="dr-comments" aria-label={`Comments on ${file.fileName}`}>
          {comments.map((c) => (
            <li key={c.id}>
              <strong>{c.byName}</strong>
              {c.quote && (
                <>
                  {' on '}
                  <q>{c.quote}</q>
                </>
              )}
              {c.anchorPage && <span className="muted"> page {c.anchorPage}</span>}: {c.body}
            </li>
          ))}
        </ul>
      )}
      <form
        className="dr-comment-form"
        aria-label={`Comment on ${file.fileName}`}
        onSubmit={async (e) => {
          e.preventDefault();
          const ok = await onComment({ fileId: file.id, anchorStart: range?.start ?? null, anchorEnd: range?.end ?? null, anchorPage: page ? Number(page) : null, body });
          if (ok) (setBody(''), setRange(null), setPage(''));
        }}
      >
        <span className="muted">{range ? `On the selected text (characters ${range.start}–${range.end})` : file.text !== null ? 'Select text above to anchor the comment' : 'On the whole file'}</span>
        {file.pageCount !== null && (
          <label>
            Page <input type="number" min={1} max={file.pageCount} value={page} onChange={(e) => setPage(e.target.value)} />
          </label>
        )}
        <textarea aria-label="Comment" value={body} onChange={(e) => setBody(e.target.value)} rows={2} />
        <button type="submit" disabled={busy || !body.trim()}>
          Add comment
        </button>
      </form>
    </section>
  );
}

function Decision({ draft: d, busy, isCurrent, run }: { draft: DraftDetail; busy: boolean; isCurrent: boolean; run: (c: () => Promise<Result<DraftDetail>>) => Promise<boolean> }) {
  const [checklist, setChecklist] = useState<Record<string, boolean>>({});
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<FileList | null>(null);
  const decide = (decision: 'approve' | 'request_changes' | 'reject') =>
    run(() => api.draftsDecide({ id: d.id, version: d.currentVersion, decision, reason: (reason || null) as never, note, checklist }));

  return (
    <section className="card" aria-label="Decision">
      <h3>Decision</h3>
      {!isCurrent && <p className="muted">You are looking at an earlier version; decisions apply to version {d.currentVersion}.</p>}
      {d.state === 'submitted' && (
        <button type="button" className="primary" disabled={busy} onClick={() => void run(() => api.draftsStartReview({ id: d.id }))}>
          Start review
        </button>
      )}
      {d.state === 'in_review' && (
        <>
          <fieldset className="dr-checklist">
            <legend>Checklist</legend>
            {CHECKLIST.map((c) => (
              <label key={c.id}>
                <input type="checkbox" checked={Boolean(checklist[c.id])} onChange={(e) => setChecklist((v) => ({ ...v, [c.id]: e.target.checked }))} /> {c.label}
              </label>
            ))}
          </fieldset>
          <label className="field">
            <span className="field-label">Reason (when rejecting)</span>
            <select aria-label="Reason" value={reason} onChange={(e) => setReason(e.target.value)}>
              <option value="">—</option>
              {REJECTION_REASONS.map((r) => (
                <option key={r} value={r}>
                  {reasonLabel[r]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">Note for the partner</span>
            <textarea aria-label="Decision note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <div className="dr-buttons">
            <button type="button" className="primary" disabled={busy || !d.canApprove} title={d.canApprove ? undefined : 'You registered this draft; someone else must approve it'} onClick={() => void decide('approve')}>
              Approve
            </button>
            <button type="button" disabled={busy} onClick={() => void decide('request_changes')}>
              Request changes
            </button>
            <button type="button" disabled={busy} onClick={() => void decide('reject')}>
              Reject
            </button>
          </div>
          {!d.canApprove && <p className="muted">You registered this draft, so another reviewer approves it.</p>}
        </>
      )}
      {d.state === 'changes_requested' && (
        <form
          aria-label="Resubmit"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!files) return;
            const read = await readFilesAsBase64(files);
            if (await run(() => api.draftsResubmit({ id: d.id, note, files: read }))) setNote('');
          }}
        >
          <p>The partner sends a new version with the changes:</p>
          <label className="field">
            <span className="field-label">Files of the new version</span>
            <input type="file" multiple aria-label="Files of the new version" onChange={(e) => setFiles(e.target.files)} />
          </label>
          <label className="field">
            <span className="field-label">What changed</span>
            <textarea aria-label="What changed" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={busy || !files?.length}>
            Resubmit as version {d.currentVersion + 1}
          </button>
        </form>
      )}
      {d.state === 'approved' && (
        <button
          type="button"
          className="primary"
          onClick={async () => {
            const r = await api.draftsCertificate({ id: d.id });
            if (r.ok) downloadBase64(r.value.fileName, 'application/pdf', r.value.contentBase64);
          }}
        >
          Download the review certificate (PDF)
        </button>
      )}
      {['submitted', 'in_review', 'changes_requested'].includes(d.state) && (
        <button type="button" disabled={busy} onClick={() => void run(() => api.draftsWithdraw({ id: d.id, note: '' }))}>
          Withdraw the draft
        </button>
      )}
    </section>
  );
}

function History({ draft: d }: { draft: DraftDetail }) {
  return (
    <section className="card" aria-label="History">
      <h3>History</h3>
      <ol className="dr-history">
        {d.events.map((e, i) => (
          <li key={i}>
            <span className="muted">{when(e.at)}</span> v{e.version}: {stateLabel[e.toState as DraftDetail['state']] ?? e.toState} by {e.byName}
            {e.reason && ` — ${reasonLabel[e.reason as keyof typeof reasonLabel] ?? e.reason}`}
            {e.note && <div className="dr-note">{e.note}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}
