import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRow, readCsv } from './csv';

describe('the CSV reader', () => {
  it.each([
    ['plain lines', 'a,b\n1,2\n', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['CRLF and a byte-order mark', '\uFEFFa,b\r\n1,2\r\n', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['no newline at the end', 'a,b\n1,2', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['blank lines carry no record but count', 'a\n\n\nb\n', [[1, ['a']], [4, ['b']]]],
    ['empty fields', ',,\n', [[1, ['', '', '']]]],
    ['quoted comma and doubled quote', '"x, ""y""",z\n', [[1, ['x, "y"', 'z']]]],
    ['a quoted line break: the next record starts two lines down', '"a\nb",c\nd\n', [[1, ['a\nb', 'c']], [3, ['d']]]],
  ])('%s', (_what, text, expected) => {
    expect([...readCsv(text)].map((r) => [r.line, r.fields])).toEqual(expected);
  });

  it('reads back what csvRow writes, whatever the text', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\n', '\r', 'é') }), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = rows.map(csvRow).join('\r\n');
        expect([...readCsv(text)].map((r) => r.fields)).toEqual(rows);
      }),
    );
  });
});
