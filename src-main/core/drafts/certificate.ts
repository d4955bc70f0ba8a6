/**
 * The review certificate: a one-page PDF written by hand (no PDF package is installed). Text
 * objects in the Helvetica base font — which every PDF reader has, so nothing is embedded —
 * and a cross-reference table with the byte offset of each object, as the PDF format requires.
 */
export interface CertificateFacts {
  workspaceName: string;
  partner: string;
  programme: string;
  title: string;
  channel: string;
  version: number;
  contentHash: string;
  reviewer: string;
  decidedOn: string;
  registeredBy: string;
  files: string[];
  checklist: { label: string; ticked: boolean }[];
  note: string;
}

/** PDF strings are Latin-1 here (Helvetica's standard encoding covers it); other characters become '?'. */
const pdfString = (s: string) =>
  '(' +
  [...s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-').replace(/…/g, '...')]
    .map((c) => (c.charCodeAt(0) > 255 ? '?' : c))
    .join('')
    .replace(/[\\()]/g, (c) => `\\${c}`) +
  ')';

/** Breaks a long value into lines of at most `width` characters (the page has no text reflow). */
function wrap(s: string, width: number): string[] {
  const out: string[] = [];
  for (const para of s.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/)) {
      if (word.length > width) {
        if (line) out.push(line);
        for (let i = 0; i < word.length; i += width) out.push(word.slice(i, i + width));
        line = '';
      } else if ((line ? line.length + 1 : 0) + word.length > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) out.push(line);
  }
  return out;
}

export function certificatePdf(f: CertificateFacts): Buffer {
  type Line = { text: string; size: number; bold?: boolean; gap?: number };
  const lines: Line[] = [
    { text: 'Marketing draft review certificate', size: 18, bold: true, gap: 8 },
    { text: f.workspaceName, size: 10, gap: 14 },
  ];
  const fact = (label: string, value: string) => {
    wrap(value, 70).forEach((v, i) => lines.push({ text: `${i === 0 ? label.padEnd(16, ' ') : ''.padEnd(16, ' ')}${v}`, size: 10 }));
  };
  fact('Partner:', `${f.partner} (${f.programme})`);
  fact('Draft:', f.title);
  fact('Channel:', f.channel);
  fact('Version:', String(f.version));
  fact('Decision:', 'Approved');
  fact('Decided on:', f.decidedOn);
  fact('Reviewer:', f.reviewer);
  fact('Registered by:', f.registeredBy);
  lines.push({ text: 'Content hash (SHA-256) of exactly what was approved:', size: 10, gap: 4 });
  lines.push({ text: f.contentHash, size: 9 });
  lines.push({ text: 'Files:', size: 10, bold: true, gap: 4 });
  for (const file of f.files) lines.push({ text: `  ${file}`, size: 10 });
  lines.push({ text: 'Checklist:', size: 10, bold: true, gap: 4 });
  for (const c of f.checklist) lines.push({ text: `  [${c.ticked ? 'x' : ' '}] ${c.label}`, size: 10 });
  if (f.note) {
    lines.push({ text: 'Reviewer note:', size: 10, bold: true, gap: 4 });
    for (const l of wrap(f.note, 86)) lines.push({ text: `  ${l}`, size: 10 });
  }
  lines.push({ text: 'Seed 000: partners share marketing drafts for review before use. Any change to the files', size: 8, gap: 10 });
  lines.push({ text: 'changes the hash above; only material with this hash is approved.', size: 8 });

  let y = 800;
  const ops: string[] = ['BT'];
  for (const l of lines.slice(0, 60)) {
    y -= l.size + 6 + (l.gap ?? 0);
    ops.push(`/${l.bold ? 'F2' : 'F1'} ${l.size} Tf`, `1 0 0 1 50 ${y} Tm`, `${pdfString(l.text)} Tj`);
  }
  ops.push('ET');
  const stream = ops.join('\n');

  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Title ${pdfString(`Review certificate - ${f.title}`)} /Producer (Partnerdesk) >>`,
  ];
  let body = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 7 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
