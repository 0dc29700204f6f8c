// The editor's common case: a few characters typed or deleted inside one paragraph. When the edit
// adds or removes no line break and changes nothing the segmentation looks at, the new version has
// the same articles and paragraphs as the old one, shifted after the edit: no need to segment the
// whole document again, nor to look up every paragraph's analysis.
import { ParagraphAnalysis } from './analysis';
import { Segmentation } from '../segmentation/segment';
import { recheckEdit } from '../segmentation/recheck';
import { LineIndex } from '../text/text';
import { Article, OffsetRange, Paragraph } from '../model/types';

export interface Reviewed {
  text: string;
  lines: LineIndex;
  segmentation: Segmentation;
  analyses: ParagraphAnalysis[];
}

export interface ShiftedSegmentation {
  segmentation: Segmentation;
  /** The paragraph the edit falls in (its analysis must be looked up again). */
  edited: number;
  /** Offsets at or after this one (in the old text) moved by `delta`. */
  at: number;
  delta: number;
}

const LINE_BREAK = /[\r\n\f\u2028\u2029\u0085]/;

/** Compared a block at a time by the native string equality, then character by character. */
const BLOCK = 4096;

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= max && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, max: number): number {
  let n = 0;
  while (n + BLOCK <= max && a.slice(a.length - n - BLOCK, a.length - n) === b.slice(b.length - n - BLOCK, b.length - n)) n += BLOCK;
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

export function shiftAfterEdit(previous: Reviewed, text: string): ShiftedSegmentation | null {
  const old = previous.text;
  const prefix = commonPrefix(old, text);
  if (prefix === old.length && prefix === text.length) return null; // no change: review as usual
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
  const oldEnd = old.length - suffix;
  const newEnd = text.length - suffix;
  if (LINE_BREAK.test(old.slice(prefix, oldEnd)) || LINE_BREAK.test(text.slice(prefix, newEnd))) return null;

  const { layout, articles, paragraphs } = previous.segmentation;
  // The paragraph strictly containing the edit: its first and last characters stay, so its
  // trimmed range only stretches.
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paragraphs[mid].range.start < prefix) lo = mid;
    else hi = mid - 1;
  }
  const p = paragraphs[lo];
  if (!p || p.isMeta || p.isHeading || !(p.range.start < prefix && oldEnd < p.range.end)) return null;
  const delta = text.length - old.length;
  // The segmentation must provably stay the same (the evidence it was chosen from is unchanged).
  const line = previous.lines.lineAt(prefix);
  const lineText = text.slice(previous.lines.lineStart(line), previous.lines.lineContentEnd(line) + delta);
  const evidence = previous.segmentation.evidence &&
    recheckEdit(previous.segmentation.evidence, articles, paragraphs, previous.lines, line, lineText);
  if (!evidence) return null;
  // A title is taken from a line's text: an edit anywhere on that line, its ends included (typing
  // right after the title's last character), can change it.
  const lines = previous.lines;
  const touchesTitleLine = (a: Article) =>
    lines.lineStart(lines.lineAt(a.titleRange.start)) <= oldEnd && prefix <= lines.lineContentEnd(lines.lineAt(a.titleRange.end));
  if (articles.some(touchesTitleLine)) return null;

  const shift = (r: OffsetRange): OffsetRange => ({ start: r.start >= oldEnd ? r.start + delta : r.start, end: r.end >= oldEnd ? r.end + delta : r.end });
  const shiftedParagraphs: Paragraph[] = paragraphs.map((q, i) => i < lo ? q : {
    index: q.index, range: shift(q.range), article: q.article, isHeading: q.isHeading, isMeta: q.isMeta,
  });
  // Articles are fresh objects: the repeat rule sets `duplicateOf` on them.
  const shiftedArticles: Article[] = articles.map(a => ({
    index: a.index, title: a.title, titleRange: shift(a.titleRange), range: shift(a.range), duplicateOf: null, meta: a.meta,
  }));
  return { segmentation: { layout, articles: shiftedArticles, paragraphs: shiftedParagraphs, evidence }, edited: lo, at: oldEnd, delta };
}
