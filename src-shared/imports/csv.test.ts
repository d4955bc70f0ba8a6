import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv, utf8Bytes } from './csv';
import { checkFile } from './formats';

describe('reading a CSV file', () => {
  it('numbers records by the line they start on, counting blank lines and quoted line breaks', () => {
    const text = 'name,notes\nA,one\n\n,\nB,"two\nlines"\nC,three\n';
    const parsed = parseCsv(text);
    expect(parsed.records.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, 'A'],
      [5, 'B'],
      [7, 'C'],
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it.each([
    ['comma', 'a,b;c\n1,2;3', ','],
    ['semicolon', 'a;b;c\n1;2;3', ';'],
    ['semicolon with a quoted comma in the header', '"a,b";c;d\n1;2;3', ';'],
    ['a single column', 'name\nA', ','],
  ])('detects the delimiter: %s', (_what, text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });

  it('reads a file with a byte-order mark, semicolons and CRLF line ends', () => {
    const parsed = parseCsv('\uFEFFname;email\r\nA;a@x.example\r\nB;b@x.example\r\n');
    expect(parsed.delimiter).toBe(';');
    expect(parsed.header).toEqual(['name', 'email']);
    expect(parsed.records.map((r) => r.line)).toEqual([2, 3]);
  });

  it('reports an unclosed quote on the line where it starts', () => {
    const parsed = parseCsv('name,notes\nA,ok\nB,"never closed\nC,x\n');
    expect(parsed.problems[0]).toMatchObject({ line: 3, message: expect.stringMatching(/never closed/) });
  });

  it('counts UTF-8 bytes like the file on disk', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => utf8Bytes(s) === new TextEncoder().encode(s).length));
  });

  it('gives every data line its true line number whatever the blank lines between them', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 20 }), (blanks) => {
        let text = 'name\n';
        let line = 1;
        const expected: number[] = [];
        blanks.forEach((b, i) => {
          text += '\n'.repeat(b);
          line += b + 1;
          expected.push(line);
          text += `row${i}\n`;
        });
        expect(parseCsv(text).records.map((r) => r.line)).toEqual(expected);
      }),
    );
  });
});

describe('checking a file against its format', () => {
  it('names a missing required column once, on the header', () => {
    const checked = checkFile('customers', parseCsv('external_ref,email\nc1,a@x.example\n'));
    expect(checked.fileProblems).toEqual(
      expect.arrayContaining([
        { line: 1, column: 'name', message: 'The required column "name" is missing from the header.' },
        { line: 1, column: 'sign_up_on', message: 'The required column "sign_up_on" is missing from the header.' },
      ]),
    );
    expect(checked.lines[0]!.problems).toEqual([]);
  });

  it('refuses an unknown column so a misspelt one never loses data', () => {
    const checked = checkFile('customers', parseCsv('external_ref,name,signup,sign_up_on\nc1,A,x,2026-01-01\n'));
    expect(checked.fileProblems).toEqual([expect.objectContaining({ line: 1, column: 'signup', message: expect.stringMatching(/Unknown column "signup"/) })]);
  });

  it('accepts column names in any case, with spaces or dashes', () => {
    const checked = checkFile('customers', parseCsv('External Ref,Name,Sign-up on\nc1,A,2026-01-01\n'));
    expect(checked.fileProblems).toEqual([]);
    expect(checked.lines[0]!.values).toEqual({ external_ref: 'c1', name: 'A', sign_up_on: '2026-01-01' });
  });

  it.each([
    ['sign_up_on', '2026-02-30', /February 2026 has only 28 days/],
    ['sign_up_on', '01/02/2026', /not a date in the form YYYY-MM-DD/],
    ['email', 'not-an-email', /not an e-mail address/],
    ['attribution', 'billboard', /not one of: referral_link/],
  ])('reports a bad %s value (%s) with its column', (column, value, message) => {
    const row = { external_ref: 'c1', name: 'A', email: 'a@x.example', attribution: 'import', sign_up_on: '2026-01-01', [column]: value };
    const text = `${Object.keys(row).join(',')}\n${Object.values(row).join(',')}\n`;
    const problems = checkFile('customers', parseCsv(text)).lines[0]!.problems;
    expect(problems).toEqual([{ column, message: expect.stringMatching(message) }]);
  });

  it('refuses a close or a cancellation before the sign-up', () => {
    const text = 'external_ref,name,sign_up_on,closed_on,cancelled_on\nc1,A,2026-03-01,2026-02-28,2026-01-01\n';
    const problems = checkFile('customers', parseCsv(text)).lines[0]!.problems;
    expect(problems.map((p) => p.column)).toEqual(['closed_on', 'cancelled_on']);
  });

  it('refuses a line with more or fewer values than the header', () => {
    const problems = checkFile('customers', parseCsv('external_ref,name,sign_up_on\nc1,A\n')).lines[0]!.problems;
    expect(problems[0]!.message).toMatch(/2 values but the header has 3 columns/);
  });

  it('needs an external_ref or an email on each customer line, so a second import finds it again', () => {
    const problems = checkFile('customers', parseCsv('external_ref,email,name,sign_up_on\n,,A,2026-01-01\n')).lines[0]!.problems;
    expect(problems).toEqual([{ column: 'external_ref', message: expect.stringMatching(/external_ref or an email/) }]);
  });
});
