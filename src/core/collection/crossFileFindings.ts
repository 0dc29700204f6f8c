// One file's links into earlier files (links.ts) as findings, merged into the file's own review:
// an exact copy of an article of an earlier file is one repeated-passage finding (kind 'article')
// whose related location is in that file; an updated version is a near-duplicate finding of kind
// 'article' with explicit fixes only; pasted paragraphs are repeated passages (or near
// duplicates) pointing at their original. What lies in a copy is not reported again (claims,
// terms, debris, in-file repeats inside it: they are reported on the original), the cap
// `maxFindingsPerRule` applies to the merged list, and `repeatRemovals` grows by the copies'
// removals (Remove All and --fix). Needs this file's text (for the removal ranges), never the
// other files'.
import type { FileFingerprint } from './fingerprint';
import { headlineHash, linesBesides } from './fingerprint';
import { isLabelledNote, isLoneStockSentence } from './stockText';
import type { ArticleLink, FileLinks, OtherPlace, ParagraphLink } from './links';
import { describeArticleChanges, lostByRemoving, textHash } from '../rules/articleVersions';
import { quoteTitle } from '../rules/repeated';
import { deletions, lineRemovalRange, mergeRemovals } from '../text/edits';
import { normalizeForCompare } from '../text/text';
import type { Article, Finding, NearDuplicateFinding, OffsetRange, RepeatedPassageFinding, Review, ReviewOptions, RuleId } from '../model/types';
import { byRange } from '../text/rangeOrder';

/** "lines 3–9 of day01.txt" */
function placeText(p: OtherPlace): string {
  return `${p.startLine === p.endLine ? `line ${p.startLine}` : `lines ${p.startLine}\u2013${p.endLine}`} of ${p.path}`;
}

/** "article #4", or "articles #4–5" when the earlier file's segmentation cut the story in two. */
function articlesText(o: { index: number; lastIndex: number }): string {
  return o.lastIndex > o.index ? `articles #${o.index}\u2013${o.lastIndex}` : `article #${o.index}`;
}

function related(message: string, p: OtherPlace) {
  return { message, range: { start: p.start, end: p.end }, path: p.path, lines: { start: p.startLine, end: p.endLine } };
}

function inside(r: OffsetRange, spans: readonly OffsetRange[]): boolean {
  if (r.end <= r.start) return false;
  for (const s of spans) if (s.start <= r.start && r.end <= s.end) return true;
  return false;
}

/**
 * What removing an exact copy of an article takes: its lines from its first line to the layout
 * after it, except its own header lines (a `Date:` or `URL:` line) that the original does not have
 * — removing those would lose text found nowhere else.
 */
function copyRemoval(text: string, fp: FileFingerprint, k: number, link: ArticleLink): OffsetRange[] {
  const a = fp.articles[k];
  const cols = fp.paragraphs;
  const theirs = new Set(link.original.extraLines);
  const keep = linesBesides(text, a.start, a.removeEnd, cols, a.firstParagraph, a.paragraphCount).filter(line => {
    const words = text.slice(line.start, line.end);
    return !theirs.has(textHash(normalizeForCompare(words))) && headlineHash(words) !== link.original.titleHash;
  });
  return cutAround(text, { start: a.removeStart, end: a.removeEnd }, keep);
}

/** A removal without the given lines (each kept whole, with its line break): the pieces left. */
function cutAround(text: string, removal: OffsetRange, keep: readonly OffsetRange[]): OffsetRange[] {
  if (keep.length === 0) return [removal];
  const out: OffsetRange[] = [];
  let from = removal.start;
  for (const line of keep) {
    // The kept line stays whole, with its line break.
    let lineEnd = text.indexOf('\n', line.end);
    lineEnd = lineEnd < 0 ? text.length : lineEnd + 1;
    const lineStart = text.lastIndexOf('\n', line.start - 1) + 1;
    if (lineStart > from) out.push({ start: from, end: lineStart });
    from = Math.max(from, lineEnd);
  }
  if (removal.end > from) out.push({ start: from, end: removal.end });
  return out;
}

function copyFinding(text: string, fp: FileFingerprint, link: ArticleLink, options: ReviewOptions): { finding: RepeatedPassageFinding; removals: OffsetRange[] } {
  const k = link.article - 1;
  const a = fp.articles[k];
  const o = link.original;
  const removals = copyRemoval(text, fp, k, link);
  return {
    removals,
    finding: {
      rule: 'repeated-passage',
      severity: options.rules['repeated-passage'].severity,
      message: `Article #${a.index} repeats ${articlesText(o)} of ${o.path} ${quoteTitle(o.title)} (${placeText(o)}).`,
      range: { start: a.start, end: a.end },
      related: [related(`Original: article #${o.index} of ${o.path}`, o)],
      fixes: [{ title: 'Remove repeated article', edits: deletions(removals), preferred: true }],
      data: { kind: 'article', original: { start: o.start, end: o.end }, originalArticle: o.index, article: a.index, originalPath: o.path },
    },
  };
}

function variantFinding(fp: FileFingerprint, link: ArticleLink, options: ReviewOptions): NearDuplicateFinding {
  const a = fp.articles[link.article - 1];
  const o = link.original;
  const percent = Math.floor(link.similarity * 100);
  const changes = describeArticleChanges(link.changes);
  const lostHere = lostByRemoving('later', link.changes);
  const lostThere = lostByRemoving('original', link.changes);
  return {
    rule: 'near-duplicate',
    severity: options.rules['near-duplicate'].severity,
    message: `Article #${a.index} is an updated version of ${articlesText(o)} of ${o.path} ${quoteTitle(o.title)} (${percent}% similar): ${changes}.`,
    range: { start: a.start, end: a.end },
    related: [related(`Earlier version: article #${o.index} of ${o.path} (${percent}% similar)`, o)],
    fixes: [
      { title: `Remove this version (article #${a.index})${lostHere ? `, losing ${lostHere}` : ''}`, edits: [{ range: { start: a.removeStart, end: a.removeEnd }, newText: '' }] },
      {
        title: `Keep this version and remove article #${o.index} of ${o.path}${lostThere ? `, losing ${lostThere}` : ''}`,
        edits: [],
        otherFiles: [{ path: o.path, edits: [{ range: { start: o.removeStart, end: o.removeEnd }, newText: '' }] }],
      },
    ],
    data: { kind: 'article', similarity: link.similarity, original: { start: o.start, end: o.end }, changes, article: a.index, originalArticle: o.index, originalPath: o.path },
  };
}

/** A single pasted paragraph is reported from this many words (a run of two or more always): as within one file. */
const MIN_PARAGRAPH_WORDS = 3;
const SHORT_PARAGRAPH_WORDS = 6;

/** The text of paragraph `i` of the file. */
function paragraphText(text: string, fp: FileFingerprint, i: number): string {
  return text.slice(fp.paragraphs.start[i], fp.paragraphs.end[i]);
}

/**
 * Exact paragraph links grouped in runs: consecutive paragraphs of this file whose originals are
 * consecutive paragraphs of one earlier file — one finding each, as within a file.
 * A run of one short paragraph ("ABSTRACT.", "9:05 p.m.") is no finding, nor is stock text
 * (stockText.ts): a labelled note, or a lone short sentence.
 */
function exactRuns(text: string, fp: FileFingerprint, links: readonly ParagraphLink[], options: ReviewOptions): ParagraphLink[][] {
  const cols = fp.paragraphs;
  const runs: ParagraphLink[][] = [];
  for (const link of links) {
    if (isLabelledNote(paragraphText(text, fp, link.paragraph))) continue;
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    // Not cut where this file's articles meet: two files' segmentations may differ, the copied run is one.
    const continues = last && link.paragraph === last.paragraph + 1 &&
      link.original.path === last.original.path && link.original.paragraph === last.original.paragraph + 1;
    if (continues) run.push(link);
    else runs.push([link]);
  }
  const minWords = Math.max(MIN_PARAGRAPH_WORDS, Math.min(options.minWords, SHORT_PARAGRAPH_WORDS));
  return runs.filter(run => {
    if (run.length > 1) return true;
    const i = run[0].paragraph;
    return cols.words[i] >= minWords && !isLoneStockSentence(paragraphText(text, fp, i), cols.words[i]);
  });
}

/** Whether a lightly edited paragraph from another file is stock text rather than a paste (it is always a run of one). */
function isStockNear(text: string, fp: FileFingerprint, link: ParagraphLink): boolean {
  const words = paragraphText(text, fp, link.paragraph);
  return isLabelledNote(words) || isLoneStockSentence(words, fp.paragraphs.words[link.paragraph]);
}

function runFinding(text: string, fp: FileFingerprint, run: readonly ParagraphLink[], options: ReviewOptions): RepeatedPassageFinding {
  const cols = fp.paragraphs;
  const first = run[0];
  const last = run[run.length - 1];
  const range = { start: cols.start[first.paragraph], end: cols.end[last.paragraph] };
  // Lines between the run's paragraphs that are none of them (web debris, a caption) are no part
  // of the repeat: they may exist only here.
  const between = linesBesides(text, cols.lineStart[first.paragraph], cols.lineEnd[last.paragraph], cols, first.paragraph, run.length);
  const removals = cutAround(text, lineRemovalRange(text, { start: cols.lineStart[first.paragraph], end: cols.lineEnd[last.paragraph] }), between);
  const o: OtherPlace = { path: first.original.path, start: first.original.start, end: last.original.end, startLine: first.original.startLine, endLine: last.original.endLine };
  const where = `article #${first.original.article} of ${o.path} ${quoteTitle(first.original.title)} (${placeText(o)})`;
  return {
    rule: 'repeated-passage',
    severity: options.rules['repeated-passage'].severity,
    message: run.length === 1 ? `This paragraph repeats one of ${where}.` : `These ${run.length} paragraphs repeat ones of ${where}.`,
    range,
    related: [related(`Original: ${placeText(o)}`, o)],
    fixes: [{ title: 'Remove repeated passage', edits: deletions(removals), preferred: true }],
    data: { kind: 'paragraphs', original: { start: o.start, end: o.end }, originalArticle: first.original.article, originalPath: o.path },
  };
}

function nearParagraphFinding(text: string, fp: FileFingerprint, link: ParagraphLink, options: ReviewOptions): NearDuplicateFinding {
  const cols = fp.paragraphs;
  const i = link.paragraph;
  const range = { start: cols.start[i], end: cols.end[i] };
  const removal = lineRemovalRange(text, { start: cols.lineStart[i], end: cols.lineEnd[i] });
  const o = link.original;
  const where = `article #${o.article} of ${o.path} ${quoteTitle(o.title)} (${placeText(o)})`;
  const percent = Math.floor(link.similarity * 100);
  return {
    rule: 'near-duplicate',
    severity: options.rules['near-duplicate'].severity,
    message: `This paragraph is like one of ${where} (${percent}% similar).`,
    range,
    related: [related(`Similar paragraph (${percent}%): ${placeText(o)}`, o)],
    fixes: [{ title: 'Remove near duplicate', edits: [{ range: removal, newText: '' }] }],
    data: { kind: 'paragraph', similarity: link.similarity, original: { start: o.start, end: o.end }, changes: '', originalPath: o.path },
  };
}

/** How many findings of each rule a review found (past the display cap too). */
function foundCounts(review: Review): Map<RuleId, number> {
  const listed = new Map<RuleId, number>();
  for (const f of review.findings) listed.set(f.rule, (listed.get(f.rule) ?? 0) + 1);
  for (const [rule, n] of Object.entries(review.stats.truncated ?? {}) as [RuleId, number][]) listed.set(rule, n);
  return listed;
}

/**
 * The review of a file with its cross-file findings: a new Review (the given one is not changed);
 * the same review when there are no links. Articles get `duplicateOfFile` / `nearDuplicateOf`.
 */
export function withCrossFileFindings(review: Review, text: string, fp: FileFingerprint, links: FileLinks, options: ReviewOptions): Review {
  if (links.articles.length === 0 && links.paragraphs.length === 0) return review;
  const repeatsOn = options.rules['repeated-passage'].enabled;
  const nearOn = options.rules['near-duplicate'].enabled;
  const added: Finding[] = [];
  const removals: OffsetRange[] = [];
  // See CrossFileAdditions.
  const copied: OffsetRange[] = [];
  const versions: OffsetRange[] = [];
  const articles = copiesOf(review.articles);
  for (const link of links.articles) {
    const article = articles[link.article - 1];
    const a = fp.articles[link.article - 1];
    if (!article || !a) continue;
    if (link.kind === 'exact' && repeatsOn) {
      const { finding, removals: r } = copyFinding(text, fp, link, options);
      added.push(finding);
      removals.push(...r);
      copied.push({ start: a.start, end: a.end });
      article.duplicateOf = null;
      article.duplicateOfFile = { path: link.original.path, index: link.original.index };
    } else if (link.kind === 'variant' && nearOn) {
      added.push(variantFinding(fp, link, options));
      versions.push({ start: a.start, end: a.end });
      for (const p of link.sameParagraphs) copied.push({ start: fp.paragraphs.start[p], end: fp.paragraphs.end[p] });
      article.nearDuplicateOf = { path: link.original.path, index: link.original.index, similarity: link.similarity };
    }
  }
  if (repeatsOn) {
    for (const run of exactRuns(text, fp, exactLinks(links.paragraphs), options)) {
      const f = runFinding(text, fp, run, options);
      added.push(f);
      copied.push(f.range);
      for (const e of f.fixes?.[0]?.edits ?? []) removals.push(e.range);
    }
  }
  if (nearOn) for (const link of links.paragraphs) if (link.kind === 'near' && !isStockNear(text, fp, link)) added.push(nearParagraphFinding(text, fp, link, options));
  if (added.length === 0) return review;
  return merged(review, text, { articles, added, removals, copied, versions }, options.maxFindingsPerRule);
}

// withCrossFileFindings' steps as functions of their own, with loops (ARCHITECTURE.md: no inline
// callbacks in per-file code).

/** Each article as a copy of its own, to mark its links on. */
function copiesOf(articles: readonly Article[]): Article[] {
  const copies: Article[] = new Array(articles.length);
  for (let i = 0; i < articles.length; i++) copies[i] = { ...articles[i] };
  return copies;
}

function exactLinks(links: readonly ParagraphLink[]): ParagraphLink[] {
  const exact: ParagraphLink[] = [];
  for (const l of links) if (l.kind === 'exact') exact.push(l);
  return exact;
}

/** What the file's links add to its review, and the spans whose own findings they replace. */
interface CrossFileAdditions {
  articles: Article[];
  added: Finding[];
  removals: OffsetRange[];
  /** Spans whose findings are reported on the original (an exact copy, a pasted paragraph). */
  copied: OffsetRange[];
  /** Spans of updated versions: repeats and near duplicates inside them are the version's one finding. */
  versions: OffsetRange[];
}

/** The review with the additions: the findings they replace gone, the rest in order, each rule's cap applied to the merged list. */
function merged(review: Review, text: string, more: CrossFileAdditions, cap: number): Review {
  const { copied, versions, added } = more;
  const counts = foundCounts(review);
  const kept: Finding[] = [];
  for (const f of review.findings) {
    const gone = inside(f.range, copied) || ((f.rule === 'repeated-passage' || f.rule === 'near-duplicate') && inside(f.range, versions));
    if (gone) counts.set(f.rule, (counts.get(f.rule) ?? 1) - 1);
    else kept.push(f);
  }
  for (const f of added) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  const all = [...kept, ...added].sort(byRange);
  const listed = new Map<RuleId, number>();
  const findings: Finding[] = [];
  for (const f of all) {
    const n = (listed.get(f.rule) ?? 0) + 1;
    listed.set(f.rule, n);
    if (n <= cap) findings.push(f);
  }
  const truncated: Partial<Record<RuleId, number>> = {};
  for (const [rule, n] of counts) if (n > cap) truncated[rule] = n;
  return {
    ...review,
    articles: more.articles,
    findings,
    stats: { ...review.stats, truncated },
    repeatRemovals: mergeRemovals([...(review.repeatRemovals ?? []), ...more.removals], text),
  };
}
