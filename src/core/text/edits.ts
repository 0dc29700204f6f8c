// Small helpers for building text edits that remove whole lines or replace words.
import { OffsetRange, TextEdit } from '../model/types';
import { byStartThenEnd } from './rangeOrder';

/** Edits that delete each range (copies of the ranges: an edit never shares the caller's object). */
export function deletions(ranges: readonly OffsetRange[]): TextEdit[] {
  const edits: TextEdit[] = new Array(ranges.length);
  for (let i = 0; i < ranges.length; i++) edits[i] = { range: { start: ranges[i].start, end: ranges[i].end }, newText: '' };
  return edits;
}

function isBlankLineAt(text: string, start: number): { end: number } | null {
  let i = start;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\f' || text[i] === '\u00A0')) i++;
  if (i < text.length && (text[i] === '\n' || text[i] === '\r')) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    return { end: i + 1 };
  }
  return i === text.length && i > start ? { end: i } : null;
}

/**
 * The range that removes whole lines [start, end) (end is the start of the next line) together
 * with the blank lines that separate them from what follows, so that the text around them reads
 * exactly as before. At the end of the text the blank lines before the passage go instead.
 */
export function lineRemovalRange(text: string, lines: OffsetRange): OffsetRange {
  let end = lines.end;
  for (let blank = isBlankLineAt(text, end); blank && end < text.length; blank = isBlankLineAt(text, end)) end = blank.end;
  let start = lines.start;
  if (end >= text.length) {
    // The line before `start` runs from q to start (its break included).
    while (start > 0) {
      let q = start - 1;
      if (text[q] === '\n' && text[q - 1] === '\r') q--;
      while (q > 0 && text[q - 1] !== '\n' && text[q - 1] !== '\r') q--;
      if (!/^[ \t\f\u00A0]*\r?\n?$/.test(text.slice(q, start)) || q === start) break;
      start = q;
    }
  }
  return { start, end };
}

function isLineStart(text: string, at: number): boolean {
  return at === 0 || text[at - 1] === '\n' || text[at - 1] === '\r';
}

/**
 * Removals merged where they overlap or touch, in document order: together they remove exactly
 * what each of them removes (dropping one of two overlapping removals would leave its passage
 * behind). Given the text, a merged removal that reaches its end also takes the blank lines
 * before it, as a single one does.
 */
export function mergeRemovals(ranges: readonly OffsetRange[], text?: string): OffsetRange[] {
  const sorted = ranges.filter(r => r.end > r.start).sort(byStartThenEnd);
  const out: OffsetRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ start: r.start, end: r.end });
  }
  const last = out[out.length - 1];
  if (text !== undefined && last && last.end >= text.length && isLineStart(text, last.start)) {
    const tidy = lineRemovalRange(text, { start: last.start, end: last.end });
    const previous = out[out.length - 2];
    last.start = previous && tidy.start <= previous.end ? previous.end : tidy.start;
  }
  return out;
}

/** A replacement with the case pattern of the original: KIEV→KYIV, Liberated→Captured. */
export function matchCase(original: string, replacement: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return replacement.toUpperCase();
  const first = original.match(/\p{L}/u)?.[0];
  if (first && first === first.toUpperCase() && first !== first.toLowerCase()) {
    return replacement.replace(/\p{L}/u, c => c.toUpperCase());
  }
  return replacement;
}
