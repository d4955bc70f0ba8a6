import Papa from 'papaparse';

// Reads a CSV text into cells with the line number each record starts on, so every problem
// can be reported as "line 7, partner: …" — the line a person sees in a text editor or a
// spreadsheet (the header is line 1; a quoted value spanning lines counts every line).

export interface CsvProblem {
  /** 1-based line in the file; the header is line 1. */
  line: number;
  /** The column the problem is in, or null for the whole line / file. */
  column: string | null;
  message: string;
}

export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  delimiter: ',' | ';';
  header: string[];
  records: CsvRecord[];
  problems: CsvProblem[];
}

const BOM = '\uFEFF';

/** Strips a UTF-8 byte-order mark (Excel writes one) so it does not stick to the first column's name. */
export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** Bytes the text takes as UTF-8, without encoding it (the size limit is about the file). */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Comma or semicolon, whichever splits the header into more columns (Excel in much of Europe writes ';'). */
export function detectDelimiter(text: string): ',' | ';' {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n|\r|$/)));
  const count = (ch: string) => {
    let n = 0;
    let quoted = false;
    for (const c of firstLine) {
      if (c === '"') quoted = !quoted;
      else if (c === ch && !quoted) n++;
    }
    return n;
  };
  return count(';') > count(',') ? ';' : ',';
}

export function parseCsv(input: string): ParsedCsv {
  const text = stripBom(input);
  const delimiter = detectDelimiter(text);
  const problems: CsvProblem[] = [];
  const records: CsvRecord[] = [];
  const state: { header: string[] | null } = { header: null };

  // Line numbers: count line breaks up to where each record starts. Papa's cursor is the
  // offset just past the record; blank lines skipped between records are stepped over here.
  const newline = text.includes('\r\n') ? '\r\n' : text.includes('\n') ? '\n' : '\r';
  let scanned = 0;
  let line = 1;
  let cursor = 0;
  const advanceTo = (offset: number) => {
    for (let i = text.indexOf(newline, scanned); i !== -1 && i < offset; i = text.indexOf(newline, i + newline.length)) line++;
    scanned = Math.max(scanned, offset);
  };
  const skipBlankLines = (from: number): number => {
    let at = from;
    for (;;) {
      const c = text[at];
      // Fast path: a record nearly always starts with a value.
      if (c !== undefined && c !== '\n' && c !== '\r' && c !== ' ' && c !== '\t' && c !== delimiter) return at;
      const end = text.indexOf(newline, at);
      // Papa's 'greedy' skips lines of only blanks and separators (Excel writes ";;;" for an empty row).
      if (end === -1 || text.slice(at, end).split(delimiter).join('').trim() !== '') return at;
      at = end + newline.length;
    }
  };

  Papa.parse<string[]>(text, {
    delimiter,
    newline: newline as '\r\n' | '\n' | '\r',
    skipEmptyLines: 'greedy',
    step: (result) => {
      const start = skipBlankLines(cursor);
      advanceTo(start);
      const startLine = line;
      cursor = result.meta.cursor;
      for (const e of result.errors) {
        if (e.code === 'UndetectableDelimiter') continue;
        problems.push({
          line: startLine,
          column: null,
          message: e.code === 'MissingQuotes' ? 'A quoted value is never closed (a " is missing), so the rest of the file cannot be read.' : `${e.message}.`,
        });
      }
      const cells = result.data.map((c) => c.trim());
      if (!state.header) state.header = cells;
      else records.push({ line: startLine, cells });
    },
  });

  const header = state.header;
  if (!header) problems.push({ line: 1, column: null, message: 'The file is empty: its first line must name the columns (see the format).' });
  return { delimiter, header: header ?? [], records, problems };
}
