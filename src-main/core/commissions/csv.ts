// A small RFC 4180 reader that knows the line each record starts on, so an import can
// say "line 17: …". Quoted fields may hold commas, doubled quotes and line breaks;
// CRLF and LF both end a record; a leading byte-order mark is dropped.

export type CsvRecord = { line: number; fields: string[] };

export function* readCsv(text: string): Generator<CsvRecord> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    for (;;) {
      if (i < n && text.charCodeAt(i) === 34 /* " */) {
        i += 1;
        let start = i;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            // An unterminated quote runs to the end of the file.
            field += text.slice(start);
            for (let k = start; k < n; k++) if (text.charCodeAt(k) === 10) line += 1;
            i = n;
            break;
          }
          for (let k = start; k < q; k++) if (text.charCodeAt(k) === 10) line += 1;
          if (text.charCodeAt(q + 1) === 34) {
            field += `${text.slice(start, q)}"`;
            i = q + 2;
            start = i;
            continue;
          }
          field += text.slice(start, q);
          i = q + 1;
          break;
        }
        // Anything between the closing quote and the separator is kept as written.
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === 44 || c === 10 || c === 13) break;
          field += text[i];
          i += 1;
        }
      } else {
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === 44 || c === 10 || c === 13) break;
          i += 1;
        }
        field = text.slice(start, i);
      }
      fields.push(field);
      field = '';
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === 44) {
        i += 1;
        continue;
      }
      // End of record: CRLF or LF (a lone CR too).
      if (c === 13 && text.charCodeAt(i + 1) === 10) i += 2;
      else i += 1;
      line += 1;
      break;
    }
    // Blank lines carry no record.
    if (fields.length === 1 && fields[0] === '') continue;
    yield { line: startLine, fields };
  }
}

/** One CSV field, quoted when it must be. */
export function csvField(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvRow = (values: readonly (string | number | null | undefined)[]): string => values.map(csvField).join(',');
