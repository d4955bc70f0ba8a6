// PDFKit's built-in Helvetica (nothing embedded, every reader has it) encodes text as
// WinAnsi: Latin-1 plus a few typographic marks. Anything else is written as its closest
// letter without accents (Łódź → Lodz), else '?', rather than as wrong glyphs.

const EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const LOOKALIKE: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', ı: 'i', Ħ: 'H', ħ: 'h', ŋ: 'n', Ŧ: 'T', ŧ: 't', '−': '-', '→': '->', '≤': '<=', '≥': '>=', '×': 'x' };

const fits = (ch: string) => {
  const c = ch.codePointAt(0)!;
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || EXTRA.has(ch);
};

export function winAnsi(s: string): string {
  let out = '';
  for (const ch of s) {
    if (fits(ch)) out += ch;
    else if (ch === '\n' || ch === '\r' || ch === '\t') out += ' ';
    else if (LOOKALIKE[ch] !== undefined) out += LOOKALIKE[ch];
    else {
      const bare = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += bare && [...bare].every(fits) ? bare : '?';
    }
  }
  return out;
}
