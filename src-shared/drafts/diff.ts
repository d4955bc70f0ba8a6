/** One line of a line diff: kept, added in the new version, or removed from the old one. */
export interface DiffLine {
  op: 'same' | 'add' | 'remove';
  text: string;
  /** 1-based line numbers in the old and the new text (null where the line is absent). */
  oldLine: number | null;
  newLine: number | null;
}

export const splitLines = (text: string): string[] => (text === '' ? [] : text.replace(/\r\n?/g, '\n').split('\n'));

/**
 * A line diff by longest common subsequence: what a reviewer needs to see of a resubmission
 * against the version last reviewed. O(n·m) memory, fine for marketing copy; longer inputs
 * (over 4,000 × 4,000 lines) fall back to "all removed, all added".
 */
export function lineDiff(oldText: string, newText: string): DiffLine[] {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  const n = a.length;
  const m = b.length;
  if (n * m > 16_000_000) {
    return [
      ...a.map((text, i) => ({ op: 'remove' as const, text, oldLine: i + 1, newLine: null })),
      ...b.map((text, j) => ({ op: 'add' as const, text, oldLine: null, newLine: j + 1 })),
    ];
  }
  // lcs[i][j] = length of the LCS of a[i..] and b[j..]
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ op: 'same', text: a[i]!, oldLine: i + 1, newLine: j + 1 });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      out.push({ op: 'remove', text: a[i]!, oldLine: i + 1, newLine: null });
      i++;
    } else {
      out.push({ op: 'add', text: b[j]!, oldLine: null, newLine: j + 1 });
      j++;
    }
  }
  for (; i < n; i++) out.push({ op: 'remove', text: a[i]!, oldLine: i + 1, newLine: null });
  for (; j < m; j++) out.push({ op: 'add', text: b[j]!, oldLine: null, newLine: j + 1 });
  return out;
}
