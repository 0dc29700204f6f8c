// Inside one article: which lines are its title, headers and heading lines (byline, date,
// standfirst), and how its body blocks split into paragraphs.
import { OffsetRange } from '../model/types';
import { HEADER_LINE, Line, MARKDOWN_HEADING, endsSentence, headingLevel, isSeparator } from './lines';
import { CANDIDATE_FLOOR, ownScore } from './features';
import { isMetaLine } from './meta';

export interface ParagraphDraft {
  lines: Line[];
  isHeading: boolean;
  isMeta: boolean;
}

export interface ArticleDraft {
  /** First line of the article (its separator or heading line). */
  firstLine: number;
  title?: { text: string; range: OffsetRange };
  paragraphs: ParagraphDraft[];
}

const LOWER_START = /^\p{Ll}/u;
/** Most lines under a title taken as its heading lines (standfirst, byline, date). */
const MAX_HEADING_LINES = 3;
/** Longest standfirst or byline under a title. */
const MAX_HEADING_LINE_CHARS = 150;
/** Widest line of hard-wrapped text (typed or mailed text wraps at 60–80 characters). */
const MAX_WRAP_WIDTH = 120;

/** What `\s` matches in a regular expression, by code unit. */
function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export function trimmedRange(line: Line, from = line.start): OffsetRange {
  let s = from;
  let e = line.end;
  const text = line.text;
  while (s < e && isSpaceCode(text.charCodeAt(s - line.start))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1 - line.start))) e--;
  return { start: s, end: e };
}

/** A line under the title that belongs to the heading: a byline, a date, a short standfirst. */
function headingLineLike(text: string, own: number): boolean {
  const t = text.trim();
  if (isMetaLine(t)) return true;
  return t.length <= MAX_HEADING_LINE_CHARS && !endsSentence(t) && own > 0;
}

/**
 * Paragraphs of one block (lines between blank lines): one paragraph when the text is hard-wrapped
 * (lines of similar width broken mid-sentence), else one paragraph a line.
 */
export function splitBlock(block: Line[]): Line[][] {
  if (block.length < 2) return [block];
  const texts: string[] = new Array(block.length);
  let widest = 0;
  for (let i = 0; i < block.length; i++) {
    texts[i] = block[i].text.trim();
    widest = Math.max(widest, texts[i].length);
  }
  let wraps = 0;
  let similar = 0;
  for (let i = 0; i + 1 < texts.length; i++) {
    const a = texts[i];
    if (a.length >= 0.75 * widest) similar++;
    if (!endsSentence(a) && (LOWER_START.test(texts[i + 1]) || (widest <= MAX_WRAP_WIDTH && a.length >= 0.6 * widest))) wraps++;
  }
  const breaks = texts.length - 1;
  const hardWrapped = wraps * 2 > breaks || (widest <= MAX_WRAP_WIDTH && texts.length >= 3 && similar === breaks && wraps >= 1);
  if (hardWrapped) return [block];
  const lineByLine: Line[][] = new Array(block.length);
  for (let i = 0; i < block.length; i++) lineByLine[i] = [block[i]];
  return lineByLine;
}

/**
 * The article over lines [from, to): title, headers, heading lines and body paragraphs.
 * `ownByLine[n]`, when given, is the evidence of line n's own text (features.ts `ownScore`), as the
 * segmentation computed it already.
 */
export function draftArticle(lines: Line[], from: number, to: number, topLevel = 0, ownByLine?: Float64Array): ArticleDraft {
  const draft: ArticleDraft = { firstLine: from, paragraphs: [] };
  let i = skipGaps(lines, from, to);
  // Header lines (`Title:`, `Date:`…) come first.
  while (i < to && HEADER_LINE.test(lines[i].text)) {
    const l = lines[i];
    const m = HEADER_LINE.exec(l.text)!;
    draft.paragraphs.push({ lines: [l], isHeading: true, isMeta: true });
    if (!draft.title && /^(title|headline)$/i.test(m[1]) && m[2].trim()) {
      draft.title = { text: m[2].trim(), range: trimmedRange(l, l.start + l.text.length - m[2].length) };
    }
    i++;
    if (i < to && lines[i].blank) { i = skipGaps(lines, i, to); break; }
  }
  i = skipGaps(lines, i, to);
  // The title line (unless a header gave the title), then the lines of the heading under it.
  if (!draft.title && i < to) {
    const l = lines[i];
    const m = MARKDOWN_HEADING.exec(l.text);
    if (m && m[1].length < topLevel && nextHeadingLevel(lines, i + 1, to) === topLevel) {
      // A document title right above the first article's heading: a heading of that article.
      draft.paragraphs.push({ lines: [l], isHeading: true, isMeta: false });
      i = skipGaps(lines, i + 1, to);
    }
  }
  if (!draft.title && i < to) {
    const l = lines[i];
    const m = MARKDOWN_HEADING.exec(l.text);
    if (m) {
      const textStart = l.start + l.text.indexOf(m[2], m[1].length);
      draft.title = { text: m[2], range: { start: textStart, end: textStart + m[2].length } };
      draft.paragraphs.push({ lines: [l], isHeading: true, isMeta: false });
      i++;
    } else if (ownAt(lines, l.no, ownByLine) > CANDIDATE_FLOOR) {
      // A line whose own evidence is not against a title.
      const r = trimmedRange(l);
      draft.title = { text: l.text.slice(r.start - l.start, r.end - l.start), range: r };
      draft.paragraphs.push({ lines: [l], isHeading: true, isMeta: false });
      i++;
    }
  }
  if (draft.title) {
    let taken = 0;
    for (;;) {
      while (i < to && (lines[i].blank || lines[i].underline)) i++;
      if (i >= to || taken >= MAX_HEADING_LINES || isSeparator(lines[i])) break;
      const t = lines[i].text;
      if (!(headingLevel(t) > 0 || headingLineLike(t, ownAt(lines, lines[i].no, ownByLine)))) break;
      draft.paragraphs.push({ lines: [lines[i]], isHeading: true, isMeta: false });
      taken++;
      i++;
    }
  }
  // The body: blocks between blank lines; Markdown headings are paragraphs of their own.
  let block: Line[] = [];
  for (; i < to; i++) {
    const l = lines[i];
    if (l.blank || l.underline || isSeparator(l)) { block = flush(draft, block); continue; }
    if (headingLevel(l.text)) {
      block = flush(draft, block);
      draft.paragraphs.push({ lines: [l], isHeading: true, isMeta: false });
      continue;
    }
    block.push(l);
  }
  flush(draft, block);
  return draft;
}

// draftArticle's steps as functions, not closures made per article (ARCHITECTURE.md: no inline
// callbacks in per-file code).

/** The first line from `i` (before `to`) that is neither blank nor a separator. */
function skipGaps(lines: readonly Line[], i: number, to: number): number {
  while (i < to && (lines[i].blank || isSeparator(lines[i]))) i++;
  return i;
}

/** Line n's own evidence: as the segmentation computed it, or now. */
function ownAt(lines: readonly Line[], n: number, ownByLine: Float64Array | undefined): number {
  return ownByLine ? ownByLine[n] : ownScore(lines[n].text);
}

/** Adds a block's paragraphs to the draft; gives the next (empty) block. */
function flush(draft: ArticleDraft, block: Line[]): Line[] {
  if (block.length === 0) return block;
  for (const p of splitBlock(block)) if (p.length) draft.paragraphs.push({ lines: p, isHeading: false, isMeta: false });
  return [];
}

/** Markdown level of the next line with text from `i` (0 when it is no heading). */
function nextHeadingLevel(lines: Line[], i: number, to: number): number {
  while (i < to && lines[i].blank) i++;
  return i < to ? headingLevel(lines[i].text) : 0;
}

/** True while an article holds only headings: it opens the next article rather than being one. */
export function hasNoBody(draft: ArticleDraft): boolean {
  return draft.paragraphs.every(p => p.isHeading);
}
