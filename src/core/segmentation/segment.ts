// Splits a dump into articles and paragraphs, from the evidence of every line over the whole file
// (segmentation/: lines, features, decode, paragraphs, meta). No layout is chosen first: the
// layout in the result only describes what was found.
import { Article, Layout, Paragraph } from '../model/types';
import { LineIndex } from '../text/text';
import { Line, headingLevel, isSeparator, splitLines, startsWithFormFeed } from './lines';
import { Evidence, gatherEvidence } from './features';
import { decodeStarts, learnWeights } from './decode';
import { ArticleDraft, draftArticle, hasNoBody, trimmedRange } from './paragraphs';
import { articleMeta } from './meta';

export interface Segmentation {
  layout: Layout;
  articles: Article[];
  paragraphs: Paragraph[];
  /** The lines and the evidence the articles were chosen from (for checking an edit: editShift.ts). */
  evidence?: { lines: Line[]; evidence: Evidence };
}

const TITLE_CHARS = 120;

/** Title of an article without a heading: its first words. */
function fallbackTitle(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (oneLine.length <= TITLE_CHARS) return oneLine;
  const cut = oneLine.lastIndexOf(' ', TITLE_CHARS);
  return oneLine.slice(0, cut > 40 ? cut : TITLE_CHARS) + '\u2026';
}

/** The line an article starts at: its title line, or the separator above it. */
function openingLine(lines: Line[], first: number): number {
  let i = first - 1;
  while (i >= 0 && lines[i].blank) i--;
  return i >= 0 && isSeparator(lines[i]) ? i : first;
}

/** A description of the dominant layout, from the articles found. */
function describe(lines: Line[], drafts: ArticleDraft[]): Layout {
  if (drafts.length === 0) return 'single';
  const opening = drafts.map(d => lines[d.firstLine]);
  if (opening.some(l => isSeparator(l) || startsWithFormFeed(l))) return 'separated';
  if (drafts.some(d => d.paragraphs.some(p => p.isHeading && headingLevel(p.lines[0].text) > 0))) return 'markdown';
  if (drafts.length === 1 && !drafts[0].paragraphs.some(p => p.isHeading)) return 'single';
  // Headlines among blocks of text, or one paragraph a line between them.
  // Counted in one pass over the body paragraphs (a 10 MB dump has tens of thousands).
  let body = 0;
  let oneLine = 0;
  let hasBlankInside = false;
  for (const d of drafts) {
    let k = 0;
    for (const p of d.paragraphs) {
      if (p.isHeading) continue;
      body++;
      if (p.lines.length === 1) oneLine++;
      if (k++ > 0 && lines[p.lines[0].no - 1]?.blank) hasBlankInside = true;
    }
  }
  return !hasBlankInside && oneLine >= 0.9 * body ? 'line-per-paragraph' : 'headline-blocks';
}

export function segment(text: string, index: LineIndex = new LineIndex(text)): Segmentation {
  const lines = splitLines(text, index);
  const evidence = gatherEvidence(lines);
  const starts = decodeStarts(evidence, learnWeights(evidence)).map(k => openingLine(lines, evidence.content[k]));
  const ownByLine = new Float64Array(lines.length);
  for (let k = 0; k < evidence.content.length; k++) ownByLine[evidence.content[k]] = evidence.own[k];
  // Loops rather than callbacks in this per-file pass (ARCHITECTURE.md: no inline callbacks in per-file code).
  let drafts: ArticleDraft[] = [];
  for (let a = 0; a < starts.length; a++) drafts.push(draftArticle(lines, starts[a], a + 1 < starts.length ? starts[a + 1] : lines.length, evidence.topLevel, ownByLine));
  // An article of headings only (a document title, a section name) opens the next one.
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
  drafts = merged;
  if (drafts.length === 0) drafts = [{ firstLine: 0, paragraphs: [] }];

  const articles: Article[] = [];
  const paragraphs: Paragraph[] = [];
  for (let a = 0; a < drafts.length; a++) {
    const draft = drafts[a];
    const nextStart = a + 1 < drafts.length ? lines[drafts[a + 1].firstLine].start : text.length;
    // The first article also owns any blank lines or stray text before it.
    const range = { start: a === 0 ? 0 : lines[draft.firstLine]?.start ?? text.length, end: nextStart };
    for (const p of draft.paragraphs) {
      const first = p.lines[0];
      const last = p.lines[p.lines.length - 1];
      paragraphs.push({
        index: paragraphs.length,
        range: { start: trimmedRange(first).start, end: trimmedRange(last).end },
        article: a,
        isHeading: p.isHeading,
        isMeta: p.isMeta,
      });
    }
    let title = draft.title;
    if (!title) {
      const firstPara = draft.paragraphs.find(p => !p.isMeta);
      if (firstPara) {
        const r = trimmedRange(firstPara.lines[0]);
        title = { text: fallbackTitle(text.slice(r.start, r.end)), range: r };
      } else title = { text: '(untitled)', range: { start: range.start, end: range.start } };
    }
    const headingLines = draft.paragraphs.filter(p => p.isHeading).map(p => p.lines[0].text);
    const meta = articleMeta(headingLines, draft.paragraphs.find(p => !p.isHeading)?.lines[0].text);
    articles.push({ index: a + 1, title: title.text, titleRange: title.range, range, duplicateOf: null, meta });
  }
  return { layout: describe(lines, drafts), articles, paragraphs, evidence: { lines, evidence } };
}
