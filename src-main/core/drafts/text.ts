import { inflateSync } from 'node:zlib';

/**
 * The readable text of a draft's file, for the compliance rules and anchored comments.
 * HTML: tags dropped, scripts and styles removed, entities decoded, block ends as new lines.
 * PDF: page count and the text of its content streams (Flate or uncompressed), without a
 * PDF package — good enough for marketing one-pagers; page rendering needs pdfjs-dist.
 */
export function extractText(mimeType: string, content: Buffer): { text: string | null; pageCount: number | null } {
  if (mimeType === 'text/plain') return { text: content.toString('utf8').replace(/\r\n?/g, '\n'), pageCount: null };
  if (mimeType === 'text/html') return { text: htmlToText(content.toString('utf8')), pageCount: null };
  if (mimeType === 'application/pdf') return pdfText(content);
  return { text: null, pageCount: null };
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', mdash: '—', ndash: '–', hellip: '…', copy: '©', reg: '®', trade: '™' };

export function htmlToText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head|template|noscript|iframe|object)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<(br|\/p|\/div|\/h[1-6]|\/li|\/tr|\/section|\/article|\/header|\/footer)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
      }
      return entities[e.toLowerCase()] ?? m;
    })
    .replace(/[ \t\f\v]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function pdfText(pdf: Buffer): { text: string; pageCount: number } {
  const raw = pdf.toString('latin1');
  const pageCount = (raw.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
  const parts: string[] = [];
  const streamRe = /<<([\s\S]*?)>>\s*stream\r?\n/g;
  for (let m = streamRe.exec(raw); m; m = streamRe.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    let data: Buffer = pdf.subarray(start, end);
    if (/\/FlateDecode/.test(m[1]!)) {
      try {
        data = inflateSync(data);
      } catch {
        continue; // a damaged or image stream: skip it, the rest still reads
      }
    } else if (/\/Filter/.test(m[1]!)) continue;
    const t = textOperators(data.toString('latin1'));
    if (t) parts.push(t);
    streamRe.lastIndex = end;
  }
  return { text: parts.join('\n').trim(), pageCount };
}

/** The strings shown by Tj, TJ, ' and " in a content stream, one line per text line. */
function textOperators(stream: string): string {
  if (!/\b(Tj|TJ)\b|'/.test(stream)) return '';
  const lines: string[] = [];
  let line = '';
  const tokenRe = /\((?:\\.|[^\\)])*\)|\[|\]|T\*|Td|TD|Tj|TJ|ET|'/g;
  let pending: string[] = [];
  for (let m = tokenRe.exec(stream); m; m = tokenRe.exec(stream)) {
    const tok = m[0];
    if (tok.startsWith('(')) pending.push(unescapePdf(tok.slice(1, -1)));
    else if (tok === 'Tj' || tok === 'TJ') {
      line += pending.join('');
      pending = [];
    } else if (tok === "'") {
      lines.push(line);
      line = pending.join('');
      pending = [];
    } else if (tok === 'T*' || tok === 'Td' || tok === 'TD' || tok === 'ET') {
      if (line) lines.push(line);
      line = '';
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function unescapePdf(s: string): string {
  return s.replace(/\\(\d{1,3}|.)/g, (_m, e: string) => {
    if (/^\d/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e;
  });
}
