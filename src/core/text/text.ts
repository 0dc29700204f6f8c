// Text utilities: line index (UTF-16 offsets <-> line/character) and normalisation for comparing.

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 code unit within the line. */
  character: number;
}

/** Line starts of a text, for converting offsets to positions (VS Code's convention, 0-based). */
export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      // The usual case, LF only: let the native search find the breaks.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 /* \n */) starts.push(i + 1);
        else if (c === 13 /* \r */) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.starts = starts;
  }

  /**
   * The index of a text edited without adding or removing a line break: the line starts after
   * offset `at` (of the old text) move by `delta`.
   */
  static shifted(previous: LineIndex, text: string, at: number, delta: number): LineIndex {
    const index = Object.create(LineIndex.prototype) as LineIndex;
    const starts = previous.starts.map(start => (start > at ? start + delta : start));
    Object.assign(index, { text, starts });
    return index;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** End of a line's content, before its line break. */
  lineContentEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** Start of the next line, or the end of the text for the last line. */
  lineEndWithBreak(line: number): number {
    return line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
  }

  /**
   * The whole lines a range lies on: from its first line's start to the start of the line after its
   * last (the text's end after the last line). A paragraph's lines are these of its range: they are
   * worked out when asked for, not kept with each of a large dump's hundreds of thousands.
   */
  wholeLines(range: { start: number; end: number }): { start: number; end: number } {
    return { start: this.lineStart(this.lineAt(range.start)), end: this.lineEndWithBreak(this.lastLineOf(range)) };
  }

  /** The line of a range's last character (of its start, when it is empty). */
  lastLineOf(range: { start: number; end: number }): number {
    return this.lineAt(Math.max(range.start, range.end - 1));
  }

  lineAt(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    // An offset between \r and \n belongs to the end of the line content.
    return { line, character: Math.min(clamped - this.starts[line], this.lineContentEnd(line) - this.starts[line]) };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, position.line)];
    return Math.min(start + Math.max(0, position.character), this.lineContentEnd(position.line));
  }
}

const QUOTES_AND_DASHES: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u02BC': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00A0': ' ', '\u2009': ' ', '\u202F': ' ', '\u2007': ' ',
  '\u2026': '...',
};
const QUOTE_DASH_PATTERN = /[\u2018\u2019\u201A\u201B\u2032\u02BC\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u2010-\u2015\u2212\u00A0\u2009\u202F\u2007\u2026]/g;

/** Quotes, dashes and odd spaces replaced by their ASCII forms, one for one in length except '…'. */
export function foldPunctuation(text: string): string {
  return text.replace(QUOTE_DASH_PATTERN, c => QUOTES_AND_DASHES[c]);
}

/**
 * The comparison key of a passage: NFKC, ASCII quotes and dashes, collapsed whitespace, lower case,
 * no leading/trailing space. For comparing only: ranges always point into the original text.
 */
export function normalizeForCompare(text: string): string {
  let s = text;
  // NFKC is costly; most news text is already stable under it.
  // eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
  if (/[^\u0000-\u007F\u2018-\u201F\u2013\u2014\u00A0]/.test(s)) s = s.normalize('NFKC');
  // Whitespace runs collapse to one space; a lone space is left as it is (most matches of \s+ were
  // single spaces replaced by themselves: twice the time of the rest).
  return foldPunctuation(s).replace(/\s{2,}|[^\S ]/g, ' ').trim().toLowerCase();
}

/** Word tokens with their offsets, for matching phrases and counting words. */
export interface WordToken {
  /** Lower-cased word with quotes folded (what patterns compare against). */
  norm: string;
  /** `hash32(norm)`, computed once: the sketches use it, and the matchers filter words by it (wordFilter.ts). */
  hash: number;
  start: number;
  end: number;
}

// Letters and digits, with inner apostrophes ("People’s", "don't") kept in the word.
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

function isAsciiWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

function isWordCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiWordCode(c);
  if (c >= 0xd800 && c <= 0xdbff) return LETTER_OR_DIGIT.test(text.slice(i, i + 2));
  return LETTER_OR_DIGIT.test(text[i]);
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/**
 * The end of the word that starts at `i` (a word character), inner apostrophes ("don't",
 * "People’s") included.
 */
function wordEnd(text: string, i: number): number {
  const n = text.length;
  for (;;) {
    while (i < n && isWordCode(text, i)) i += text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff ? 2 : 1;
    if (i + 1 < n && isApostrophe(text.charCodeAt(i)) && isWordCode(text, i + 1)) {
      i++;
      continue;
    }
    return i;
  }
}

/**
 * Word tokens with their offsets, in one pass over the characters (this runs on every paragraph,
 * so it avoids a Unicode regular expression per word on plain ASCII text). The loop is written
 * out here and in `countWords` rather than shared through a callback: a callback called from two
 * places stops being inlined, which made this the slowest part of the analysis.
 */
export function wordTokens(text: string, base = 0): WordToken[] {
  const out: WordToken[] = [];
  const n = text.length;
  for (let i = 0; i < n;) {
    const first = text.charCodeAt(i);
    if (first < 128 ? !isAsciiWordCode(first) : !isWordCode(text, i)) { i++; continue; }
    // Most words are ASCII: their end, their lower-case form's hash and whether they have a
    // capital come from one pass over their codes; the word is sliced once (not lower-cased when
    // it is lower case already). A word with a character past ASCII is read again below.
    let hash = 0x811c9dc5;
    let upper = false;
    let end = i;
    let ascii = first < 128;
    while (ascii && end < n) {
      let c = text.charCodeAt(end);
      if (c >= 65 && c <= 90) { c += 32; upper = true; }
      else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) {
        // An inner apostrophe ("don't") is part of the word. Anything else ends it, unless it is a
        // word character past ASCII or a curly apostrophe before a word character: then the word
        // is read again below.
        const innerApostrophe = c === 39 && end + 1 < n && isWordCode(text, end + 1);
        if (!innerApostrophe) {
          if (c >= 128 && (isWordCode(text, end) || (c === 0x2019 && end + 1 < n && isWordCode(text, end + 1)))) ascii = false;
          break;
        }
      }
      hash = Math.imul(hash ^ c, 0x01000193);
      end++;
    }
    let norm: string;
    if (ascii) {
      norm = upper ? text.slice(i, end).toLowerCase() : text.slice(i, end);
      hash >>>= 0;
    } else {
      end = wordEnd(text, i);
      norm = text.slice(i, end).toLowerCase();
      // A curly apostrophe can only be inside a word (it is not a word character itself).
      if (norm.includes('\u2019')) norm = norm.replace(/\u2019/g, "'");
      hash = hash32(norm);
    }
    out.push({ norm, hash, start: base + i, end: base + end });
    i = end;
  }
  return out;
}

/** The number of `wordTokens` of a text, without building them; counting stops at `limit`. */
export function countWords(text: string, limit = Infinity): number {
  const n = text.length;
  let count = 0;
  for (let i = 0; i < n && count < limit;) {
    if (!isWordCode(text, i)) { i++; continue; }
    i = wordEnd(text, i);
    count++;
  }
  return count;
}

/** 32-bit FNV-1a hash of a string (stable across runs; used for keys and sketches). */
/**
 * A copy of a short string that does not keep alive the text it was cut from. V8 represents a
 * substring of 13 characters or more as a view of its parent, so a module-level cache keyed by
 * lines or words of a file would otherwise hold every file's whole text until the cache is cleared
 * (in a folder review, a worker's heap grew by the size of each file it reviewed).
 */
export function detached(s: string): string {
  // Flattening the concatenation makes a new string; the slice is a view of that one only.
  return s.length < 13 ? s : (' ' + s).slice(1);
}

export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
