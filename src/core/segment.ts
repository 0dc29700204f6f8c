// Splits a dump into articles and paragraphs. The layout is detected per file (see detectLayout).
import { Article, Layout, OffsetRange, Paragraph } from './types';
import { LineIndex } from './text';

export interface Segmentation {
  layout: Layout;
  articles: Article[];
  paragraphs: Paragraph[];
}

const SEPARATOR_LINE = /^[ \t]*(?:-{3,}|={3,}|\*{3,}|_{3,}|(?:\* ?){3,}|\f+)[ \t]*$/;
const HEADER_LINE = /^[ \t]*(title|date|url|source|author|byline|published|link|headline)[ \t]*:[ \t]*(.*)$/i;
const MARKDOWN_HEADING = /^[ \t]{0,3}(#{1,6})[ \t]+(\S.*?)[ \t#]*$/;
const BLANK = /^[ \t\v\u00A0\u200B\uFEFF]*$/;

/** Longest headline we accept for a line without final punctuation. */
const MAX_HEADLINE_CHARS = 300;

interface Line {
  /** 0-based line number. */
  no: number;
  start: number;
  /** End of content, before the line break. */
  end: number;
  /** Start of the next line. */
  next: number;
  text: string;
  blank: boolean;
  /** A `====` or `----` line right under a headline (a setext heading): part of it, not a separator. */
  underline?: boolean;
}

function splitLines(text: string, index: LineIndex): Line[] {
  const lines: Line[] = [];
  for (let i = 0; i < index.lineCount; i++) {
    const start = index.lineStart(i);
    const end = index.lineContentEnd(i);
    const next = index.lineEndWithBreak(i);
    // The last "line" after a final line break is empty and not part of the text's lines.
    if (i === index.lineCount - 1 && start === text.length && i > 0) break;
    const lineText = text.slice(start, end);
    lines.push({ no: i, start, end, next, text: lineText, blank: BLANK.test(lineText) });
  }
  for (let i = 1; i < lines.length; i++) {
    const above = lines[i - 1];
    // The headline stands alone: the line above it is blank, a separator or the start of the text.
    const alone = i < 2 || lines[i - 2].blank || SEPARATOR_LINE.test(lines[i - 2].text);
    if (/^[ \t]*(?:={3,}|-{3,})[ \t]*$/.test(lines[i].text) && alone && !above.blank && !above.underline &&
      !SEPARATOR_LINE.test(above.text) && !HEADER_LINE.test(above.text) && looksLikeHeadline(above.text)) {
      lines[i].underline = true;
    }
  }
  return lines;
}

function isSeparator(line: Line): boolean {
  return !line.underline && SEPARATOR_LINE.test(line.text);
}

/** A form feed (page break) at the start of a line with text: a boundary that is also content. */
function startsWithFormFeed(line: Line): boolean {
  return line.text.startsWith('\f') && !isSeparator(line);
}

function isBoundary(line: Line): boolean {
  return isSeparator(line) || startsWithFormFeed(line);
}

/** Fewer words than this is a label ("Advertisement", "Photo: Reuters"), not a headline. */
const MIN_HEADLINE_WORDS = 3;

const CLOSING = new Set(['"', "'", '\u2019', '\u201D', '\u00BB', ')', ']', ' ', '\t', '\u00A0']);
const SENTENCE_END = new Set(['.', '!', '?', '\u2026', ':', ';']);

/** Whether a line ends a sentence: final . ! ? … : or ; possibly followed by closing quotes. */
function endsSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && CLOSING.has(text[i])) i--;
  return i >= 0 && SENTENCE_END.has(text[i]);
}

function wordCountAtLeast(text: string, wanted: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c > 127 && /[\p{L}\p{N}]/u.test(text[i]));
    if (letter && !inWord && ++words >= wanted) return true;
    inWord = letter;
  }
  return false;
}

// Runs for every line of the dump, so it checks the cheap conditions first and uses no regex.
function looksLikeHeadline(lineText: string): boolean {
  if (lineText.length > MAX_HEADLINE_CHARS + 20) return false;
  const t = lineText.trim();
  return t.length > 0 && t.length <= MAX_HEADLINE_CHARS && !endsSentence(t) && wordCountAtLeast(t, MIN_HEADLINE_WORDS);
}

/** True while an article holds only headings: a second headline there is its subtitle. */
function hasNoBody(draft: ArticleDraft | undefined): boolean {
  return draft !== undefined && draft.paragraphs.every(p => p.isHeading);
}

export function detectLayout(lines: Line[]): Layout {
  const nonBlank = lines.filter(l => !l.blank);
  if (nonBlank.length === 0) return 'single';
  const separators = nonBlank.filter(isBoundary).length;
  const headers = nonBlank.filter(l => HEADER_LINE.test(l.text)).length;
  const headings = nonBlank.filter(l => { const m = MARKDOWN_HEADING.exec(l.text); return m !== null && m[1].length <= 2; }).length;
  if (separators >= 1 && (headers >= 1 || headings === 0)) return 'separated';
  if (headings >= 1) return 'markdown';
  const hasBlankLines = lines.some((l, i) => l.blank && i > 0 && i < lines.length - 1);
  if (hasBlankLines) {
    const blocks = blocksOf(lines, 0, lines.length);
    // Blocks of several lines that each end a sentence (or are headlines) are paragraphs one per
    // line with blank lines between articles, not hard-wrapped text.
    if (linesAreParagraphs(blocks)) {
      return nonBlank.slice(1).some(l => looksLikeHeadline(l.text)) ? 'line-per-paragraph' : 'single';
    }
    return blocks.some(isHeadingBlock) ? 'headline-blocks' : 'single';
  }
  if (nonBlank.length >= 2 && nonBlank.slice(1).some(l => looksLikeHeadline(l.text))) return 'line-per-paragraph';
  return 'single';
}

/** Share of lines that must end a sentence or be headlines for lines to be paragraphs. */
const PARAGRAPH_LINES_SHARE = 0.9;

/**
 * Whether the lines that continue a block are paragraphs of their own: they start like a
 * paragraph (capital, digit, quote) and end a sentence. Hard-wrapped text continues in lower case
 * and mid-sentence.
 */
function linesAreParagraphs(blocks: Line[][]): boolean {
  let continuations = 0;
  let whole = 0;
  for (const block of blocks) {
    for (let i = 1; i < block.length; i++) {
      continuations++;
      const t = block[i].text.trim();
      if (/^[\p{Lu}\p{N}"'\u201C\u2018\u00AB(]/u.test(t) && endsSentence(t)) whole++;
    }
  }
  return continuations > 0 && whole >= PARAGRAPH_LINES_SHARE * continuations;
}

/** Runs of non-blank lines between blank lines, within [from, to). */
function blocksOf(lines: Line[], from: number, to: number): Line[][] {
  const blocks: Line[][] = [];
  let current: Line[] = [];
  for (let i = from; i < to; i++) {
    if (lines[i].blank) {
      if (current.length) blocks.push(current);
      current = [];
    } else current.push(lines[i]);
  }
  if (current.length) blocks.push(current);
  return blocks;
}

interface ArticleDraft {
  /** First line of the article (its separator or heading line). */
  firstLine: number;
  title?: { text: string; range: OffsetRange };
  paragraphs: { lines: Line[]; isHeading: boolean; isMeta: boolean }[];
}

function trimmedRange(line: Line, from = line.start): OffsetRange {
  let s = from;
  let e = line.end;
  const text = line.text;
  while (s < e && /\s/.test(text[s - line.start])) s++;
  while (e > s && /\s/.test(text[e - 1 - line.start])) e--;
  return { start: s, end: e };
}

/** Most lines a heading block has: headline, standfirst, byline, date. */
const MAX_HEADING_BLOCK_LINES = 4;
/** Longest byline or dateline under a headline. */
const MAX_HEADING_LINE_CHARS = 120;

/**
 * A block that opens an article: a one-line headline, or a headline with a few short lines under
 * it (byline, date) none of which ends a sentence. A hard-wrapped paragraph is not one: its last
 * line ends with a full stop.
 */
function isHeadingBlock(block: Line[]): boolean {
  if (!looksLikeHeadline(block[0].text)) return false;
  if (block.length === 1) return true;
  return block.length <= MAX_HEADING_BLOCK_LINES &&
    block.slice(1).every(l => l.text.trim().length <= MAX_HEADING_LINE_CHARS && !endsSentence(l.text.trim()));
}

function headingParagraphs(block: Line[]): ArticleDraft['paragraphs'] {
  return block.map(line => ({ lines: [line], isHeading: true, isMeta: false }));
}

function draftFromBlocks(blocks: Line[][], firstLine: number, allowHeadline: boolean): ArticleDraft {
  const draft: ArticleDraft = { firstLine, paragraphs: [] };
  blocks.forEach((block, b) => {
    if (b === 0 && allowHeadline && looksLikeHeadline(block[0].text)) {
      draft.paragraphs.push({ lines: [block[0]], isHeading: true, isMeta: false });
      if (block.length > 1) draft.paragraphs.push({ lines: block.slice(1), isHeading: false, isMeta: false });
    } else draft.paragraphs.push({ lines: block, isHeading: false, isMeta: false });
  });
  return draft;
}

function segmentLinePerParagraph(lines: Line[]): ArticleDraft[] {
  const drafts: ArticleDraft[] = [];
  lines.forEach((line, i) => {
    if (line.blank) return;
    const headline = looksLikeHeadline(line.text);
    if ((headline && !hasNoBody(drafts[drafts.length - 1])) || drafts.length === 0) drafts.push({ firstLine: i, paragraphs: [] });
    drafts[drafts.length - 1].paragraphs.push({ lines: [line], isHeading: headline, isMeta: false });
  });
  return drafts;
}

function segmentHeadlineBlocks(lines: Line[]): ArticleDraft[] {
  const drafts: ArticleDraft[] = [];
  for (const block of blocksOf(lines, 0, lines.length)) {
    const firstLine = block[0].no;
    const startsArticle = isHeadingBlock(block);
    if (startsArticle && hasNoBody(drafts[drafts.length - 1])) {
      drafts[drafts.length - 1].paragraphs.push(...headingParagraphs(block));
    } else if (startsArticle) {
      drafts.push({ firstLine, paragraphs: headingParagraphs(block) });
    } else if (drafts.length === 0) {
      drafts.push(draftFromBlocks([block], firstLine, true));
    } else {
      drafts[drafts.length - 1].paragraphs.push({ lines: block, isHeading: false, isMeta: false });
    }
  }
  return drafts;
}

function segmentSeparated(lines: Line[]): ArticleDraft[] {
  const drafts: ArticleDraft[] = [];
  let sectionStart = 0;
  const flush = (end: number) => {
    const bodyLines: Line[] = [];
    let title: ArticleDraft['title'];
    const meta: Line[] = [];
    let i = sectionStart;
    if (i < end && isSeparator(lines[i])) i++;
    // Header lines come first, possibly after blank lines.
    for (; i < end; i++) {
      const l = lines[i];
      if (l.blank) { if (meta.length) { i++; break; } continue; }
      const m = HEADER_LINE.exec(l.text);
      if (!m) break;
      meta.push(l);
      if (!title && /^(title|headline)$/i.test(m[1]) && m[2].trim()) {
        const valueStart = l.start + l.text.length - m[2].length;
        title = { text: m[2].trim(), range: trimmedRange(l, valueStart) };
      }
    }
    for (; i < end; i++) bodyLines.push(lines[i]);
    const hasContent = meta.length > 0 || bodyLines.some(l => !l.blank);
    if (!hasContent) {
      // A section that is only a separator: attach to the previous article (trailing separator).
      return;
    }
    const hasBlank = bodyLines.some(l => l.blank);
    const blocks = hasBlank ? blocksOf(bodyLines, 0, bodyLines.length) : bodyLines.filter(l => !l.blank).map(l => [l]);
    const draft = draftFromBlocks(blocks, sectionStart, !title);
    draft.paragraphs.unshift(...meta.map(l => ({ lines: [l], isHeading: true, isMeta: true })));
    draft.title = title;
    drafts.push(draft);
  };
  for (let i = 0; i < lines.length; i++) {
    if (isBoundary(lines[i]) && i > sectionStart) {
      flush(i);
      sectionStart = i;
    }
  }
  flush(lines.length);
  return drafts;
}

function segmentMarkdown(lines: Line[]): ArticleDraft[] {
  const levels = new Map<number, number>();
  for (const l of lines) {
    const m = MARKDOWN_HEADING.exec(l.text);
    if (m) levels.set(m[1].length, (levels.get(m[1].length) ?? 0) + 1);
  }
  // Articles start at the highest heading level that occurs more than once (else the highest).
  const present = [...levels.keys()].filter(l => l <= 2).sort();
  const boundary = present.find(l => (levels.get(l) ?? 0) > 1) ?? present[0];
  const drafts: ArticleDraft[] = [];
  let current: Line[] = [];
  let currentStart = 0;
  let heading: Line | undefined;
  const flush = () => {
    if (!heading && current.every(l => l.blank)) return;
    const draft: ArticleDraft = { firstLine: currentStart, paragraphs: [] };
    if (heading) {
      const m = MARKDOWN_HEADING.exec(heading.text)!;
      const textStart = heading.start + heading.text.indexOf(m[2], m[1].length);
      draft.title = { text: m[2], range: { start: textStart, end: textStart + m[2].length } };
      draft.paragraphs.push({ lines: [heading], isHeading: true, isMeta: false });
    }
    for (const block of blocksOf(current, 0, current.length)) {
      // Lower-level headings inside an article are their own paragraphs.
      let run: Line[] = [];
      for (const l of block) {
        if (MARKDOWN_HEADING.test(l.text)) {
          if (run.length) draft.paragraphs.push({ lines: run, isHeading: false, isMeta: false });
          run = [];
          draft.paragraphs.push({ lines: [l], isHeading: true, isMeta: false });
        } else run.push(l);
      }
      if (run.length) draft.paragraphs.push({ lines: run, isHeading: false, isMeta: false });
    }
    drafts.push(draft);
  };
  lines.forEach((l, i) => {
    const m = MARKDOWN_HEADING.exec(l.text);
    if (m && m[1].length <= boundary) {
      flush();
      heading = l;
      current = [];
      currentStart = i;
    } else current.push(l);
  });
  flush();
  // A heading with nothing under it before the next article's heading (a document title, a
  // section name) opens that article rather than being an article of its own.
  const merged: ArticleDraft[] = [];
  let pending: ArticleDraft | undefined;
  for (const draft of drafts) {
    if (pending) {
      draft.paragraphs.unshift(...pending.paragraphs);
      draft.firstLine = pending.firstLine;
      pending = undefined;
    }
    if (hasNoBody(draft) && draft !== drafts[drafts.length - 1]) pending = draft;
    else merged.push(draft);
  }
  return merged;
}

function segmentSingle(lines: Line[]): ArticleDraft[] {
  const hasBlank = lines.some(l => l.blank);
  const blocks = hasBlank ? blocksOf(lines, 0, lines.length) : lines.filter(l => !l.blank).map(l => [l]);
  return [draftFromBlocks(blocks, 0, blocks.length > 1)];
}

const TITLE_CHARS = 120;

/** Title of an article without a heading: its first words. */
function fallbackTitle(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (oneLine.length <= TITLE_CHARS) return oneLine;
  const cut = oneLine.lastIndexOf(' ', TITLE_CHARS);
  return oneLine.slice(0, cut > 40 ? cut : TITLE_CHARS) + '\u2026';
}

const UNDERLINE = /^[ \t]*(?:={3,}|-{3,})[ \t]*$/;
const STARTS_PARAGRAPH = /^[\p{Lu}\p{N}"'\u201C\u2018\u00AB(]/u;

/**
 * Everything the segmentation decides from one line's own text, as a string: two lines with the
 * same signature in the same place lead to the same articles and paragraphs. (An edit that keeps
 * every line's signature and adds no line break can shift offsets but not the structure.)
 */
export function lineSignature(lineText: string): string {
  const t = lineText.trim();
  const heading = MARKDOWN_HEADING.exec(lineText);
  return [
    BLANK.test(lineText), SEPARATOR_LINE.test(lineText), UNDERLINE.test(lineText), HEADER_LINE.test(lineText),
    heading ? heading[1].length : 0, lineText.startsWith('\f'), looksLikeHeadline(lineText), endsSentence(t),
    t.length <= MAX_HEADING_LINE_CHARS, STARTS_PARAGRAPH.test(t),
  ].map(x => (x === true ? 1 : x === false ? 0 : x)).join('');
}

export function segment(text: string, index: LineIndex = new LineIndex(text)): Segmentation {
  const lines = splitLines(text, index);
  const layout = detectLayout(lines);
  let drafts: ArticleDraft[];
  switch (layout) {
    case 'line-per-paragraph': drafts = segmentLinePerParagraph(lines); break;
    case 'headline-blocks': drafts = segmentHeadlineBlocks(lines); break;
    case 'separated': drafts = segmentSeparated(lines); break;
    case 'markdown': drafts = segmentMarkdown(lines); break;
    default: drafts = segmentSingle(lines);
  }
  if (drafts.length === 0) drafts = [{ firstLine: 0, paragraphs: [] }];

  const articles: Article[] = [];
  const paragraphs: Paragraph[] = [];
  drafts.forEach((draft, a) => {
    const startLine = a === 0 ? 0 : draft.firstLine;
    const nextStart = a + 1 < drafts.length ? lines[drafts[a + 1].firstLine].start : text.length;
    // The first article also owns any blank lines or stray text before it.
    const range = { start: a === 0 ? 0 : lines[startLine]?.start ?? text.length, end: nextStart };
    for (const p of draft.paragraphs) {
      const first = p.lines[0];
      const last = p.lines[p.lines.length - 1];
      const r = { start: trimmedRange(first).start, end: trimmedRange(last).end };
      paragraphs.push({
        index: paragraphs.length,
        range: r,
        lineRange: { start: first.start, end: last.next },
        article: a,
        isHeading: p.isHeading,
        isMeta: p.isMeta,
      });
    }
    let title = draft.title;
    if (!title) {
      const firstPara = draft.paragraphs.find(p => !p.isMeta);
      if (firstPara) {
        const first = firstPara.lines[0];
        const r = trimmedRange(first);
        const firstText = text.slice(r.start, r.end);
        // A headline is the title as it stands; a body paragraph lends its first words.
        title = { text: firstPara.isHeading ? firstText.trim() : fallbackTitle(firstText), range: r };
      } else title = { text: '(untitled)', range: { start: range.start, end: range.start } };
    }
    articles.push({ index: a + 1, title: title.text, titleRange: title.range, range, duplicateOf: null });
  });
  return { layout, articles, paragraphs };
}
