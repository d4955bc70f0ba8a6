import { useMemo, useRef } from 'react';
import type { DraftDetail } from '../../../src-shared/drafts/contract';
import { downloadBase64 } from './readFiles';
import { previewDocument, sanitizeHtml } from './sanitize';

type FileView = DraftDetail['files'][number];
type Comment = DraftDetail['comments'][number];

/** The HTML as it would look, sanitised, in a frame that can run no script and reach no network. */
function HtmlPreview({ file }: { file: FileView }) {
  const { html, report } = useMemo(() => {
    const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
    return sanitizeHtml(new TextDecoder().decode(bytes));
  }, [file.contentBase64]);
  const removed = [
    report.scripts && `${report.scripts} script${report.scripts === 1 ? '' : 's'}`,
    report.eventHandlers && `${report.eventHandlers} event handler${report.eventHandlers === 1 ? '' : 's'}`,
    report.frames && `${report.frames} embedded frame${report.frames === 1 ? '' : 's'}`,
    report.remoteResources && `${report.remoteResources} remote resource${report.remoteResources === 1 ? '' : 's'}`,
    report.links && `${report.links} link target${report.links === 1 ? '' : 's'} (shown, not followed)`,
  ].filter(Boolean);
  return (
    <div className="dr-preview">
      {removed.length > 0 && <p className="muted dr-removed">Removed for the preview: {removed.join(', ')}.</p>}
      <iframe title={`Preview of ${file.fileName}`} sandbox="" srcDoc={previewDocument(html)} className="dr-frame" referrerPolicy="no-referrer" />
    </div>
  );
}

/** The file's text with rule findings and comment anchors highlighted; selecting text anchors a comment. */
export function HighlightedText({ file, comments, onSelect }: { file: FileView; comments: Comment[]; onSelect?: (range: { start: number; end: number } | null) => void }) {
  const ref = useRef<HTMLPreElement>(null);
  const text = file.text ?? '';
  const marks = [
    ...file.findings.filter((f) => f.end > f.start).map((f) => ({ start: f.start, end: f.end, cls: `dr-mark dr-${f.severity}`, title: f.message })),
    ...comments.filter((c) => c.fileId === file.id && c.anchorStart !== null && c.anchorEnd !== null).map((c) => ({ start: c.anchorStart!, end: c.anchorEnd!, cls: 'dr-mark dr-comment', title: `${c.byName}: ${c.body}` })),
  ].sort((a, b) => a.start - b.start);
  const parts: React.ReactNode[] = [];
  let at = 0;
  marks.forEach((m, i) => {
    if (m.start < at) return; // overlapping marks: the first one wins
    if (m.start > at) parts.push(text.slice(at, m.start));
    parts.push(
      <mark key={i} className={m.cls} title={m.title}>
        {text.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  });
  parts.push(text.slice(at));
  const select = () => {
    const sel = window.getSelection();
    const pre = ref.current;
    if (!onSelect || !sel || sel.rangeCount === 0 || !pre) return;
    const range = sel.getRangeAt(0);
    if (range.collapsed || !pre.contains(range.startContainer) || !pre.contains(range.endContainer)) return onSelect(null);
    const before = document.createRange();
    before.setStart(pre, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const start = before.toString().length;
    onSelect({ start, end: start + range.toString().length });
  };
  return (
    <pre ref={ref} className="dr-text" aria-label={`Text of ${file.fileName}`} onMouseUp={select} onKeyUp={select}>
      {parts}
    </pre>
  );
}

export function FilePreview({ file }: { file: FileView }) {
  if (file.mimeType === 'text/html') return <HtmlPreview file={file} />;
  if (file.mimeType.startsWith('image/')) return <img className="dr-image" alt={file.fileName} src={`data:${file.mimeType};base64,${file.contentBase64}`} />;
  if (file.mimeType === 'application/pdf') {
    return (
      <div className="dr-preview">
        <p>
          PDF, {file.pageCount ?? '?'} page{file.pageCount === 1 ? '' : 's'}. Its text is shown below; pages are not drawn here.{' '}
          <button type="button" onClick={() => downloadBase64(file.fileName, file.mimeType, file.contentBase64)}>
            Download the PDF
          </button>
        </p>
      </div>
    );
  }
  return null;
}
