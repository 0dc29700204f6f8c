// Sentence boundaries inside a paragraph, as offsets.
//
// natural's SentenceTokenizer returns trimmed strings rather than offsets, matches abbreviations
// inside longer words ("Co." in "Mexico.") and restores each placeholder with its own regular
// expression (quadratic on a long paragraph), so the boundaries are found here in one linear pass.
import { OffsetRange } from '../model/types';

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'cpl', 'adm', 'gov', 'sen', 'rep',
  'pres', 'st', 'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'no', 'nos', 'vs', 'etc', 'approx', 'dept', 'est', 'fig',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft', 'rev', 'hon',
  'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'e.u', 'a.m', 'p.m', 'd.c',
]);

const CLOSERS = '"\'\u2019\u201D\u00BB)]}';

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00A0';
}

/** . ! ? or … (by character code). */
function isTerminal(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 0x2026;
}

const LETTER_OR_DOT = /[\p{L}.]/u;
const NO_BOUNDARY_AFTER = /[\p{Ll}\d,;]/u;

/** A letter or a dot (`LETTER_OR_DOT`), without the regular expression for ASCII (most text). */
function isLetterOrDot(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return code === 46 || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return LETTER_OR_DOT.test(c);
}

/** A lower-case letter, a digit, a comma or a semicolon (`NO_BOUNDARY_AFTER`), ASCII first. */
function isNoBoundaryAfter(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 44 || code === 59;
  return NO_BOUNDARY_AFTER.test(c);
}

const CAPITAL = /^\p{Lu}$/u;

/** Whether the character at `i` is a capital letter (`CAPITAL`), ASCII first. */
function isCapital(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return code >= 65 && code <= 90;
  return CAPITAL.test(text[i]);
}

/** The word (letters and inner dots) that ends just before a full stop at `dot`. */
function wordBefore(text: string, dot: number, from: number): string {
  let i = dot;
  while (i > from && isLetterOrDot(text[i - 1])) i--;
  return text.slice(i, dot).toLowerCase();
}

/**
 * Sentences of text[from, to): each range trimmed of surrounding whitespace. A sentence ends at
 * . ! ? or … (with any closing quotes or brackets after it) followed by whitespace and then a
 * character that can start a sentence; abbreviations, initials and decimal numbers do not end one.
 */
export function sentenceRanges(text: string, from = 0, to = text.length): OffsetRange[] {
  const out: OffsetRange[] = [];
  let start = from;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let i = from; i < to; i++) {
    // Most characters end nothing: they are dismissed by their code, without making a string.
    if (!isTerminal(text.charCodeAt(i))) continue;
    const c = text[i];
    let j = i + 1;
    while (j < to && isTerminal(text.charCodeAt(j))) j++;
    while (j < to && CLOSERS.includes(text[j])) j++;
    if (j < to && !isSpace(text[j])) { i = j - 1; continue; }
    let k = j;
    while (k < to && isSpace(text[k])) k++;
    if (k < to) {
      const next = text[k];
      // A lower-case letter or a digit after a full stop usually means no boundary ("approx. 5").
      if (c === '.' && isNoBoundaryAfter(next)) { i = j - 1; continue; }
      if (c === '.') {
        const word = wordBefore(text, i, start);
        const bare = word.endsWith('.') ? word.slice(0, -1) : word;
        // An abbreviation, or an initial: one capital letter.
        if (ABBREVIATIONS.has(bare) || (word.length === 1 && isCapital(text, i - 1))) {
          i = j - 1;
          continue;
        }
      }
    }
    push(j);
    start = j;
    i = j - 1;
  }
  push(to);
  return out;
}
