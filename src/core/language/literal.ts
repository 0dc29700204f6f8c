// User terms with punctuation ("U.S.", "9/11", "C++", "x|y") matched as literal text: never as a
// regular expression, case-insensitive, with curly quotes folded, any run of white space matching
// any other, and word boundaries only at an end where the term has a letter or digit. The search
// is plain `indexOf` over the text, so no term can make it slow.
import { wordTokens } from '../text/text';
import { OffsetRange } from '../model/types';

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

/** The character (a whole code point) at or before an offset is a letter, digit or mark. */
function wordCharAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c >= 0xdc00 && c <= 0xdfff && i > 0) return LETTER_OR_DIGIT.test(text.slice(i - 1, i + 1));
  if (c >= 0xd800 && c <= 0xdbff) return LETTER_OR_DIGIT.test(text.slice(i, i + 2));
  return LETTER_OR_DIGIT.test(text[i]);
}

const FOLDED: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u02BC': "'", '\u201C': '"', '\u201D': '"' };

/**
 * Lower case and straight quotes, one UTF-16 unit for one (so offsets in the folded text are
 * offsets in the original). Characters whose lower case is longer ("İ") stay as they are.
 */
export function foldForLiteral(text: string): string {
  let out = text.toLowerCase();
  if (out.length !== text.length) {
    out = '';
    for (const ch of text) {
      const lower = ch.toLowerCase();
      out += lower.length === ch.length ? lower : ch;
    }
  }
  return out.replace(/[\u2018\u2019\u02BC\u201C\u201D]/g, c => FOLDED[c]);
}

/**
 * Whether a term is a phrase of plain words (letters and digits, inner apostrophes, separated by
 * spaces or hyphens), which the phrase matcher handles, possessives and word forms included.
 */
export function isPlainPhrase(term: string): boolean {
  const parts = term.trim().split(/[\s\-\u2010-\u2014]+/).filter(Boolean);
  return parts.length > 0 && parts.every(part => {
    const tokens = wordTokens(part);
    return tokens.length === 1 && tokens[0].start === 0 && tokens[0].end === part.length;
  });
}

/** A term searched as literal text. */
export class LiteralPattern {
  /** The term's pieces between runs of white space, folded. */
  private readonly pieces: string[];
  private readonly boundaryBefore: boolean;
  private readonly boundaryAfter: boolean;

  constructor(term: string) {
    const trimmed = term.trim();
    this.pieces = foldForLiteral(trimmed).split(/\s+/).filter(Boolean);
    this.boundaryBefore = wordCharAt(trimmed, 0);
    this.boundaryAfter = wordCharAt(trimmed, trimmed.length - 1);
  }

  /** Every non-overlapping occurrence in a text already folded with `foldForLiteral`. */
  find(folded: string): OffsetRange[] {
    const out: OffsetRange[] = [];
    const [first, ...rest] = this.pieces;
    if (first === undefined) return out;
    for (let at = folded.indexOf(first); at >= 0; at = folded.indexOf(first, at + 1)) {
      if (this.boundaryBefore && wordCharAt(folded, at - 1)) continue;
      let end = at + first.length;
      let ok = true;
      for (const piece of rest) {
        let gap = end;
        while (gap < folded.length && /\s/.test(folded[gap])) gap++;
        if (gap === end || !folded.startsWith(piece, gap)) { ok = false; break; }
        end = gap + piece.length;
      }
      if (!ok || (this.boundaryAfter && wordCharAt(folded, end))) continue;
      out.push({ start: at, end });
      at = end - 1;
    }
    return out;
  }
}
