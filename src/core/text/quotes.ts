// Direct quotations inside a paragraph: “…”, «…», „…“, straight "…" pairs, and the doubled
// apostrophes some news archives print for quotation marks (''…'', ``…'').
import { OffsetRange } from '../model/types';

const PAIRS: Record<string, string> = { '\u201C': '\u201D', '\u00AB': '\u00BB', '\u201E': '\u201C', "''": "''", '``': "''" };
const OPENING = /["\u201C\u00AB\u201E]|''|``/g;

/** Quoted spans of text[from, to), quote marks included. An unclosed quote runs to `to`. */
export function quoteSpans(text: string, from = 0, to = text.length): OffsetRange[] {
  const spans: OffsetRange[] = [];
  OPENING.lastIndex = from;
  let i = from;
  while (i < to) {
    // Jump to the next opening mark with the native search.
    OPENING.lastIndex = i;
    const found = OPENING.exec(text);
    if (!found || found.index >= to) break;
    i = found.index;
    const c = found[0];
    const close = c === '"' ? '"' : PAIRS[c];
    // A straight quote between two letters or after a digit is an inch mark or typo, not a quote.
    if (c === '"' && i > from && /[\p{L}\p{N}]/u.test(text[i - 1]) && i + 1 < to && /[\p{L}\p{N}]/u.test(text[i + 1])) { i++; continue; }
    const j = text.indexOf(close, i + c.length);
    let end = j + close.length;
    if (j < 0 || end > to) end = to;
    spans.push({ start: i, end });
    i = end;
  }
  return spans;
}

export function isInside(spans: OffsetRange[], start: number, end: number): boolean {
  for (const s of spans) {
    if (s.start <= start && end <= s.end) return true;
    if (s.start > start) return false;
  }
  return false;
}
