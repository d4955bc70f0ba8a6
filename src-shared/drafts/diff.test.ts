import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineDiff, splitLines } from './diff';

const show = (a: string, b: string) => lineDiff(a, b).map((l) => `${{ same: ' ', add: '+', remove: '-' }[l.op]}${l.text}`);

describe('the line diff between two versions of a draft', () => {
  it.each([
    ['', '', []],
    ['a', 'a', [' a']],
    ['', 'a\nb', ['+a', '+b']],
    ['a\nb', '', ['-a', '-b']],
    ['a\nb\nc', 'a\nc', [' a', '-b', ' c']],
    ['a\nc', 'a\nb\nc', [' a', '+b', ' c']],
    ['Guaranteed results\nSign up', 'Great results\nSign up', ['-Guaranteed results', '+Great results', ' Sign up']],
    ['a\r\nb', 'a\nb', [' a', ' b']],
  ])('diffs %j against %j', (a, b, expected) => {
    expect(show(a, b)).toEqual(expected);
  });

  it('numbers lines in the old and the new text', () => {
    expect(lineDiff('x\ny', 'y\nz')).toEqual([
      { op: 'remove', text: 'x', oldLine: 1, newLine: null },
      { op: 'same', text: 'y', oldLine: 2, newLine: 1 },
      { op: 'add', text: 'z', oldLine: null, newLine: 2 },
    ]);
  });

  it('always rebuilds both texts, and keeps a longest common subsequence', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 12 }).map((l) => l.join('\n'));
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const d = lineDiff(a, b);
        expect(d.filter((l) => l.op !== 'add').map((l) => l.text)).toEqual(splitLines(a));
        expect(d.filter((l) => l.op !== 'remove').map((l) => l.text)).toEqual(splitLines(b));
        // diffing a text with itself changes nothing
        expect(lineDiff(a, a).every((l) => l.op === 'same')).toBe(true);
      }),
    );
  });
});
