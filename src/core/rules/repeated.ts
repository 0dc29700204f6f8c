// repeated-passage: paragraphs (as runs) and long sentences that appear again later in the file.
import { NO_HASH, ParagraphAnalysis, bandsAt, sentenceCount, sentenceEnd, sentenceHash, sentenceStart, wordsAt, wordsEnd } from './paragraphAnalysis';
import { deletions, lineRemovalRange, mergeRemovals } from '../text/edits';
import { FirstSeenTable } from '../text/hashTable';
import { LineIndex, normalizeForCompare } from '../text/text';
import { Article, OffsetRange, Paragraph, RepeatedPassageData, RepeatedPassageFinding, ReviewOptions, RuleOptions } from '../model/types';
import { VersionArticle, VersionParagraph, compareArticles, wordSequenceHash } from './articleVersions';
import { wordTokens } from '../text/text';

export type { RepeatedPassageData, RepeatedPassageFinding };
import { RuleDefinition } from './rule';

/** Paragraphs shorter than this are never reported on their own ("Advertisement", "Read more"). */
const MIN_PARAGRAPH_WORDS = 3;


export interface RepeatContext {
  text: string;
  lines: LineIndex;
  paragraphs: Paragraph[];
  articles: Article[];
  analyses: ParagraphAnalysis[];
  options: ReviewOptions;
  /** Paragraphs never compared (web debris). */
  excluded?: ReadonlySet<number>;
}

/**
 * A finding not yet written out: where it starts and ends, and how to build it. Documents with
 * thousands of repeats keep only `maxFindingsPerRule` findings, so only those are built.
 */
export interface PendingFinding {
  start: number;
  end: number;
  /** The article (0-based) of a run of repeated paragraphs: dropped when that article is an updated version. */
  article?: number;
  build(): RepeatedPassageFinding;
  /** The ranges its fix removes (every repeat is removed by Remove All, shown or not). */
  removals(): OffsetRange[];
}

export interface RepeatResult {
  findings: PendingFinding[];
  /** Paragraph indexes that are exact copies of an earlier paragraph (no other repeat rule applies). */
  copied: Set<number>;
  /** Per paragraph index: the paragraph index of its first occurrence when it is an exact copy, else -1. */
  firstOf: Int32Array;
  /** The compared paragraphs of each article, in order. */
  comparableOf: Paragraph[][];
  /** Each article as the version comparison sees it (articleVersions.ts), made when asked. */
  versions: ArticleVersions;
}

export function lineSpan(lines: LineIndex, range: OffsetRange): string {
  const a = lines.lineAt(range.start) + 1;
  const b = lines.lastLineOf(range) + 1;
  return a === b ? `line ${a}` : `lines ${a}\u2013${b}`;
}

export function quoteTitle(title: string): string {
  return `\u201C${title.length > 60 ? title.slice(0, 57).trimEnd() + '\u2026' : title}\u201D`;
}

/** Content range of an article: from its first line to the end of its last paragraph. */
export function articleContent(text: string, lines: LineIndex, article: Article, own: Paragraph[]): OffsetRange {
  if (own.length === 0) return article.range;
  // From the article's first non-blank line (its separator, header or headline).
  let start = article.range.start;
  while (start < own[0].range.start && /\s/.test(text[start])) start++;
  return { start: lines.lineStart(lines.lineAt(start)), end: own[own.length - 1].range.end };
}

export function byArticle(articles: Article[], paragraphs: Paragraph[]): Paragraph[][] {
  // Each list made at its length: the lists live as long as the review's findings, and a list
  // grown by push keeps room for about 17 elements.
  const counts = new Uint32Array(articles.length);
  for (const p of paragraphs) counts[p.article]++;
  const lists: Paragraph[][] = articles.map((_, a) => new Array<Paragraph>(counts[a]));
  counts.fill(0);
  for (const p of paragraphs) lists[p.article][counts[p.article]++] = p;
  return lists;
}

/**
 * Each comparable paragraph's earlier occurrence of the same text (its position in `comparable`,
 * -1 when none; the one that continues the previous paragraph's run of originals when there are
 * several) and, by paragraph index, the first occurrence's paragraph index (-1 for a first one).
 * A function of its own so that the groups by key go once it returns: the findings' builders keep
 * `findRepeats`'s variables for as long as the review's findings live.
 */
function occurrences(comparable: Paragraph[], paragraphCount: number, analyses: ParagraphAnalysis[], texts: SameText): { original: number[]; firstOf: Int32Array } {
  // The distinct texts seen so far for each key hash (a typed table, not a Map of 53-bit numbers:
  // see hashTable.ts), as a list index.
  const byKey = new FirstSeenTable(comparable.length);
  const withKey: number[][] = [];
  const original: number[] = new Array(comparable.length).fill(-1);
  const firstOf = new Int32Array(paragraphCount).fill(-1);
  for (let i = 0; i < comparable.length; i++) {
    const p = comparable[i];
    const slot = byKey.getOrAdd(analyses[p.index].keyHash, withKey.length);
    if (slot < 0) {
      withKey.push([i]);
      continue;
    }
    const earlier = withKey[slot];
    let first = -1;
    for (let e = 0; e < earlier.length; e++) {
      if (texts.same(comparable[earlier[e]], p)) { first = earlier[e]; break; }
    }
    if (first < 0) {
      earlier.push(i);
      continue;
    }
    firstOf[p.index] = comparable[first].index;
    // Prefer the occurrence that continues the previous paragraph's run of originals.
    const prev = i > 0 ? original[i - 1] : -1;
    const continues = prev >= 0 && prev + 1 < i && texts.same(comparable[prev + 1], p);
    original[i] = continues ? prev + 1 : first;
  }
  return { original, firstOf };
}

/**
 * Whether two paragraphs are the same text: word hashes propose, the normalised texts (computed
 * only then, and kept with the analyses) decide. A class rather than closures made by each review
 * (ARCHITECTURE.md: no inline callbacks in per-file code).
 */
class SameText {
  constructor(private readonly text: string, private readonly analyses: ParagraphAnalysis[]) {}

  normalized(p: Paragraph): string {
    const a = this.analyses[p.index];
    return (a.normalized ??= normalizeForCompare(this.text.slice(p.range.start, p.range.end)));
  }

  same(a: Paragraph, b: Paragraph): boolean {
    return this.analyses[a.index].keyHash === this.analyses[b.index].keyHash && this.normalized(a) === this.normalized(b);
  }
}

/** The versions of a file's articles as `compareArticles` takes them (made when asked; see `findRepeats`). */
export class ArticleVersions {
  constructor(private readonly ctx: RepeatContext, private readonly comparableOf: Paragraph[][], private readonly firstOf: Int32Array) {}

  of(a: number): VersionArticle {
    return versionOf(this.ctx, this.ctx.articles[a], this.comparableOf[a], this.firstOf);
  }
}

export function findRepeats(ctx: RepeatContext): RepeatResult {
  const { paragraphs, articles, analyses, options } = ctx;
  const findings: PendingFinding[] = [];
  const copied = new Set<number>();

  // Paragraphs that take part in comparison, in document order.
  const comparable = comparableParagraphs(paragraphs, analyses, ctx.excluded);
  const comparableOf = byArticle(articles, comparable);
  const paragraphsOf = byArticle(articles, paragraphs);
  const { original, firstOf } = occurrences(comparable, paragraphs.length, analyses, new SameText(ctx.text, analyses));
  const runs = repeatedRuns(ctx, comparable, original);
  for (const r of runs.runs) for (const p of r.run) copied.add(p.index);

  // An article is the duplicate of the earlier article it repeats most when every paragraph of it
  // exists in that article (otherwise its repeated paragraphs are reported as runs, or it is an
  // updated version: see nearDuplicate.ts). Each article's version is made once here and not kept
  // (an object per paragraph, 11 MB of a 100 MB dump's peak); updatedArticles.ts asks `fresh` again.
  const fresh = new ArticleVersions(ctx, comparableOf, firstOf);
  markDuplicateArticles(ctx, fresh, runs.wordsFrom);

  // A duplicate article is one finding, worded and bounded the same in every layout: the whole
  // article, whatever runs of paragraphs (broken by a lightly edited paragraph or skipped debris)
  // make it up. Nothing inside it is reported again.
  const shapes = new RepeatShapes(ctx, comparableOf, paragraphsOf, options.rules['repeated-passage'].severity);
  const runsOf: RepeatedRun[][] = new Array(articles.length);
  for (let a = 0; a < articles.length; a++) runsOf[a] = [];
  for (const r of runs.runs) runsOf[r.run[0].article].push(r);
  for (let a = 0; a < articles.length; a++) {
    if (articles[a].duplicateOf === null) continue;
    const parts = runsOf[a];
    const shape = shapes.articleShape(a, parts);
    if (!shape) continue;
    for (const p of paragraphsOf[a]) copied.add(p.index);
    runsOf[a] = [];
    findings.push(new PendingArticle(shapes, a, parts, shape));
  }
  for (const list of runsOf) for (const r of list) findings.push(new PendingRun(shapes, r));

  return { findings, copied, firstOf, comparableOf, versions: fresh };
}

// findRepeats' steps as functions and classes of their own, not closures made by each review
// (ARCHITECTURE.md: no inline callbacks in per-file code); a pending finding is an object with
// methods, not an object of closures.

/** A run of consecutive repeated paragraphs and the consecutive paragraphs they repeat. */
interface RepeatedRun {
  run: Paragraph[];
  originals: Paragraph[];
}

/** The paragraphs compared for repeats (and fingerprinted for the collection): not metadata, not empty, not web debris. */
export function comparableParagraphs(paragraphs: readonly Paragraph[], analyses: readonly ParagraphAnalysis[], excluded: ReadonlySet<number> | undefined): Paragraph[] {
  const comparable: Paragraph[] = [];
  for (const p of paragraphs) if (!p.isMeta && analyses[p.index].words > 0 && !excluded?.has(p.index)) comparable.push(p);
  return comparable;
}

/**
 * Runs of consecutive copies whose originals are consecutive too, cut at article boundaries, and
 * for each article the words its repeated paragraphs take from each earlier article.
 */
function repeatedRuns(ctx: RepeatContext, comparable: Paragraph[], original: readonly number[]): { runs: RepeatedRun[]; wordsFrom: Map<number, number>[] } {
  const { analyses, articles, options } = ctx;
  const runs: RepeatedRun[] = [];
  const wordsFrom: Map<number, number>[] = new Array(articles.length);
  for (let a = 0; a < articles.length; a++) wordsFrom[a] = new Map<number, number>();
  for (let i = 0; i < comparable.length; i++) {
    if (original[i] < 0) continue;
    let j = i;
    while (
      j + 1 < comparable.length && original[j + 1] === original[j] + 1 &&
      comparable[j + 1].article === comparable[i].article && original[j + 1] < i
    ) j++;
    const run = comparable.slice(i, j + 1);
    const originals = comparable.slice(original[i], original[j] + 1);
    let words = 0;
    for (const p of run) words += analyses[p.index].words;
    for (let k = i; k <= j; k++) {
      const from = comparable[original[k]].article;
      const counts = wordsFrom[comparable[k].article];
      counts.set(from, (counts.get(from) ?? 0) + analyses[comparable[k].index].words);
    }
    if (words >= Math.max(MIN_PARAGRAPH_WORDS, Math.min(options.minWords, 2 * MIN_PARAGRAPH_WORDS)) || run.length > 1) runs.push({ run, originals });
    i = j;
  }
  return { runs, wordsFrom };
}

/** Sets `duplicateOf` of each article that is an exact copy of the earlier article it takes most words from. */
function markDuplicateArticles(ctx: RepeatContext, versions: ArticleVersions, wordsFrom: readonly Map<number, number>[]): void {
  const { articles, options } = ctx;
  const made = new Map<number, VersionArticle>();
  for (let a = 0; a < articles.length; a++) {
    let best = -1;
    let bestWords = 0;
    for (const [from, n] of wordsFrom[a]) if (from < a && n > bestWords) { best = from; bestWords = n; }
    if (best < 0) continue;
    const mine = made.get(a) ?? versions.of(a);
    made.set(a, mine);
    const theirs = made.get(best) ?? versions.of(best);
    made.set(best, theirs);
    if (compareArticles(mine, theirs, options.nearDuplicateThreshold).exact) articles[a].duplicateOf = best + 1;
  }
}

/** Where an article found a duplicate is reported and what its fix removes (`RepeatShapes.articleShape`). */
interface ArticleShape {
  range: OffsetRange;
  removals: OffsetRange[];
  originalRange: OffsetRange;
}

/** The bounds, removals and findings of a file's repeats. */
class RepeatShapes {
  constructor(
    private readonly c: RepeatContext,
    private readonly comparableOf: Paragraph[][],
    private readonly paragraphsOf: Paragraph[][],
    private readonly severity: RuleOptions['severity'],
  ) {}

  /**
   * Article `a` (a duplicate of an earlier article) as one finding, from its first line (its
   * separator) to its last, when every line of it is layout or repeats the original: then its fix
   * removes it whole. Null when it holds a line of its own (a header, an edited paragraph): that
   * line is never removed, and its repeated runs are reported as they are.
   */
  articleShape(a: number, parts: readonly RepeatedRun[]): ArticleShape | null {
    const { text, lines, articles } = this.c;
    const article = articles[a];
    const m = article.duplicateOf! - 1;
    const originalRange = articleContent(text, lines, articles[m], this.paragraphsOf[m]);
    const content = articleContent(text, lines, article, this.paragraphsOf[a]);
    const whole = lineRemovalRange(text, { start: content.start, end: article.range.end });
    const repeated: Paragraph[] = [];
    for (const r of parts) repeated.push(...r.run);
    if (repeated.length === 0 || linesBesides(text, lines, whole, repeated, originalRange).unique.length > 0) return null;
    return { range: content, removals: [whole], originalRange };
  }

  articleFinding(a: number, shape: ArticleShape): RepeatedPassageFinding {
    const { lines, articles } = this.c;
    const article = articles[a];
    const origArticle = articles[article.duplicateOf! - 1];
    const { range, originalRange, removals } = shape;
    return {
      rule: 'repeated-passage',
      severity: this.severity,
      message: `Article #${article.index} repeats article #${origArticle.index} ${quoteTitle(origArticle.title)} (${lineSpan(lines, originalRange)}).`,
      range,
      related: [{ message: `Original: article #${origArticle.index}`, range: originalRange }],
      fixes: [{ title: 'Remove repeated passage', edits: deletions(mergeRemovals(removals)), preferred: true }],
      data: { kind: 'article', original: originalRange, originalArticle: origArticle.index, article: article.index },
    };
  }

  /** Where a run of repeated paragraphs is reported, what its fix removes, and its original. */
  runShape(run: Paragraph[], originals: Paragraph[]) {
    const { text, lines, articles } = this.c;
    const article = articles[run[0].article];
    const own = this.comparableOf[run[0].article];
    const wholeArticle = own[0] === run[0] && own[own.length - 1] === run[run.length - 1];
    const origArticle = articles[originals[0].article];
    const origOwn = this.comparableOf[originals[0].article];
    const originalIsArticle = origOwn[0] === originals[0] && origOwn[origOwn.length - 1] === originals[originals.length - 1];
    const originalRange = originalIsArticle
      ? articleContent(text, lines, origArticle, this.paragraphsOf[originals[0].article])
      : { start: originals[0].range.start, end: originals[originals.length - 1].range.end };
    // A removal takes nothing that exists only once: the lines it takes besides the repeated
    // paragraphs (an article's header, a line between two paragraphs of the run) must be layout
    // or repeat the original too. Otherwise it narrows: to the run's lines, and then to the run's
    // paragraphs and the lines between them that repeat the original, keeping the others.
    const runLines = lineRemovalRange(text, lines.wholeLines({ start: run[0].range.start, end: run[run.length - 1].range.end }));
    const between = linesBesides(text, lines, runLines, run, originalRange);
    let range: OffsetRange = { start: run[0].range.start, end: run[run.length - 1].range.end };
    let removals: OffsetRange[];
    if (between.unique.length === 0) removals = [runLines];
    else {
      removals = [];
      for (const p of run) removals.push(lineRemovalRange(text, lines.wholeLines(p.range)));
      for (const r of between.repeated) removals.push(lineRemovalRange(text, r));
    }
    if (wholeArticle) {
      const content = articleContent(text, lines, article, this.paragraphsOf[run[0].article]);
      const whole = lineRemovalRange(text, { start: content.start, end: article.range.end });
      // Otherwise the finding, like its fix, covers the repeated body only.
      if (linesBesides(text, lines, whole, run, originalRange).unique.length === 0) { range = content; removals = [whole]; }
    }
    return { wholeArticle, origArticle, originalIsArticle, originalRange, range, removals, article };
  }

  runFinding(run: Paragraph[], originals: Paragraph[]): RepeatedPassageFinding {
    const { lines } = this.c;
    const { wholeArticle, origArticle, originalIsArticle, originalRange, range, removals, article } = this.runShape(run, originals);
    const message = !wholeArticle
      ? run.length === 1
        ? `This paragraph repeats ${lineSpan(lines, originalRange)}.`
        : `These ${run.length} paragraphs repeat ${lineSpan(lines, originalRange)}.`
      : originalIsArticle
        ? `Article #${article.index} repeats article #${origArticle.index} ${quoteTitle(origArticle.title)} (${lineSpan(lines, originalRange)}).`
        : `Article #${article.index} repeats ${lineSpan(lines, originalRange)}.`;
    return {
      rule: 'repeated-passage',
      severity: this.severity,
      message,
      range,
      related: [{ message: originalIsArticle ? `Original: article #${origArticle.index}` : 'Original passage', range: originalRange }],
      fixes: [{ title: 'Remove repeated passage', edits: deletions(mergeRemovals(removals)), preferred: true }],
      data: {
        kind: wholeArticle ? 'article' : 'paragraphs',
        original: originalRange,
        originalArticle: originalIsArticle ? origArticle.index : undefined,
        article: wholeArticle ? article.index : undefined,
      },
    };
  }
}

/** A duplicate article, reported whole. */
class PendingArticle implements PendingFinding {
  readonly start: number;
  readonly end: number;

  constructor(
    private readonly shapes: RepeatShapes,
    private readonly a: number,
    private readonly parts: RepeatedRun[],
    private readonly shape: ArticleShape,
  ) {
    this.start = shape.range.start;
    this.end = shape.range.end;
  }

  build(): RepeatedPassageFinding {
    // The shape again, as it was first computed (a finding is built from fresh objects).
    return this.shapes.articleFinding(this.a, this.shapes.articleShape(this.a, this.parts)!);
  }

  removals(): OffsetRange[] {
    return this.shape.removals;
  }
}

/** A run of repeated paragraphs. */
class PendingRun implements PendingFinding {
  readonly start: number;
  readonly end: number;
  readonly article: number;

  constructor(
    private readonly shapes: RepeatShapes,
    private readonly r: RepeatedRun,
  ) {
    this.start = r.run[0].range.start;
    this.end = r.run[r.run.length - 1].range.end;
    this.article = r.run[0].article;
  }

  build(): RepeatedPassageFinding {
    return this.shapes.runFinding(this.r.run, this.r.originals);
  }

  removals(): OffsetRange[] {
    return this.shapes.runShape(this.r.run, this.r.originals).removals;
  }
}

/** A title's hash: the words of its text (see `VersionArticle.titleHash`). */
export function titleHash(title: string): number {
  return wordSequenceHash(Uint32Array.from(wordTokens(title), t => t.hash));
}

/**
 * An article's compared paragraphs as the version comparison sees them (articleVersions.ts). A
 * body paragraph's text is named by its first occurrence in the file (`firstOf`, -1 for a first
 * one: `RepeatResult.firstOf`): equal for paragraphs that are the same after normalisation, with
 * no second normalisation of every paragraph.
 */
function versionOf(ctx: RepeatContext, article: Article, own: Paragraph[], firstOf: Int32Array): VersionArticle {
  // Made at its length (an array grown by push keeps room for more: one per article of a dump).
  const paragraphs = new Array<VersionParagraph>(own.length);
  for (let i = 0; i < own.length; i++) {
    const p = own[i];
    const a = ctx.analyses[p.index];
    // Headings by their words only (`## Title` is `Title`); body text by its first occurrence.
    const hash = p.isHeading ? a.keyHash : -1 - (firstOf[p.index] >= 0 ? firstOf[p.index] : p.index);
    paragraphs[i] = new AnalysedParagraph(a, p.isHeading, hash);
  }
  return { paragraphs, titleHash: titleHash(article.title) };
}

/** A paragraph of this file as a version comparison sees it: read from its analysis (three fields, not eight). */
class AnalysedParagraph implements VersionParagraph {
  constructor(
    private readonly analysis: ParagraphAnalysis,
    readonly heading: boolean,
    readonly hash: number,
  ) {}

  get words(): number {
    return this.analysis.words;
  }

  get bands(): Uint32Array | null {
    return this.analysis.comparison;
  }

  get bandsAt(): number {
    return bandsAt(this.analysis);
  }

  get wordHashes(): Uint32Array | null {
    return this.analysis.comparison;
  }

  get wordsFrom(): number {
    return wordsAt(this.analysis);
  }

  get wordsTo(): number {
    return this.analysis.comparison ? wordsEnd(this.analysis) : 0;
  }
}

/** Letters or digits: a line without any is layout (a separator, a blank line), not text. */
const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * The lines of `span` outside the run's paragraphs that hold words (layout lines are left out),
 * split into those the original passage holds too (the same header line, a repeated label) and
 * those it does not. Each line runs to the start of the next.
 */
function linesBesides(text: string, lines: LineIndex, span: OffsetRange, run: Paragraph[], original: OffsetRange): { repeated: OffsetRange[]; unique: OffsetRange[] } {
  const repeated: OffsetRange[] = [];
  const unique: OffsetRange[] = [];
  let originalLines: Set<string> | undefined;
  let k = 0;
  let inLines = run.length > 0 ? lines.wholeLines(run[0].range) : null;
  for (let at = span.start; at < span.end;) {
    let next = text.indexOf('\n', at);
    next = next < 0 || next >= span.end ? span.end : next + 1;
    while (inLines && inLines.end <= at) inLines = ++k < run.length ? lines.wholeLines(run[k].range) : null;
    const inRun = inLines !== null && inLines.start <= at;
    const line = text.slice(at, next);
    if (!inRun && HAS_WORD.test(line)) {
      originalLines ??= new Set(text.slice(original.start, original.end).split(/\r\n|\r|\n/).map(normalizeForCompare));
      (originalLines.has(normalizeForCompare(line)) ? repeated : unique).push({ start: at, end: next });
    }
    at = next;
  }
  return { repeated, unique };
}

interface SentenceRef {
  paragraph: number;
  start: number;
  end: number;
}

/** Consecutive repeated sentences of one paragraph and the sentences they repeat. */
interface SentenceGroup {
  paragraph: number;
  start: number;
  end: number;
  originals: SentenceRef[];
}

/**
 * What the last pass over the sentences found, for the editor's next version: how often each
 * sentence hash occurs, and the groups of repeats.
 */
export class SentenceMemory {
  table?: FirstSeenTable;
  /** Occurrences per slot of `table`. */
  counts: number[] = [];
  groups: SentenceGroup[] = [];
  skip = new Set<number>();
}

/** An edit inside one paragraph (see editShift.ts): which, its analyses, and the text shift. */
export interface ParagraphEdit {
  paragraph: number;
  before: ParagraphAnalysis;
  after: ParagraphAnalysis;
  /** Offsets at or after this one (in the old text) moved by `delta`. */
  at: number;
  delta: number;
}

function sameSet(a: Set<number>, b: Set<number>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/**
 * After an edit inside one paragraph, the previous groups still hold when none of the paragraph's
 * sentences, before the edit or after it, occurs anywhere else, in that paragraph included (and the
 * paragraphs reported as a whole are the same): then the paragraph took part in no repeat and
 * takes part in none. Updates the counts either way.
 */
function reusableGroups(memory: SentenceMemory, edit: ParagraphEdit, skip: Set<number>): SentenceGroup[] | null {
  const table = memory.table;
  if (!table || table.crowded) return null;
  let unique = true;
  const before = edit.before.sentences;
  for (let i = 0; i < sentenceCount(before); i++) {
    const hash = sentenceHash(before, i);
    if (hash === NO_HASH) continue;
    const slot = table.get(hash);
    if (slot < 0) continue;
    // Counted more than once before the edit: this sentence was a repeat or an original.
    if (memory.counts[slot] > 1) unique = false;
    memory.counts[slot]--;
  }
  const added: number[] = [];
  const after = edit.after.sentences;
  for (let i = 0; i < sentenceCount(after); i++) {
    const hash = sentenceHash(after, i);
    if (hash === NO_HASH) continue;
    let slot = table.getOrAdd(hash, memory.counts.length);
    if (slot < 0) { slot = memory.counts.length; memory.counts.push(0); }
    memory.counts[slot]++;
    added.push(slot);
  }
  if (!unique || !added.every(slot => memory.counts[slot] === 1) || !sameSet(memory.skip, skip)) return null;
  const move = (x: number) => (x >= edit.at ? x + edit.delta : x);
  return memory.groups.map(g => ({
    paragraph: g.paragraph,
    start: move(g.start),
    end: move(g.end),
    originals: g.originals.map(o => ({ paragraph: o.paragraph, start: move(o.start), end: move(o.end) })),
  }));
}

/**
 * Long sentences repeated inside another paragraph; adjacent ones in a paragraph make one finding.
 * Paragraphs in `skip` (exact copies, near duplicates) are already reported as a whole. With a
 * memory and an edit, the previous pass is reused where the edit cannot change it.
 */
export function sentenceRepeats(ctx: RepeatContext, skip: Set<number>, memory?: SentenceMemory, edit?: ParagraphEdit): PendingFinding[] {
  const { paragraphs } = ctx;
  const severity = ctx.options.rules['repeated-passage'].severity;
  let groups = memory && edit ? reusableGroups(memory, edit, skip) : null;
  if (!groups) groups = findSentenceGroups(ctx, skip, memory);
  if (memory) {
    memory.groups = groups;
    memory.skip = skip;
  }
  return groups.map(g => ({
    start: g.start,
    end: g.end,
    build: () => sentenceFinding(ctx, g, paragraphs[g.paragraph], severity),
    removals: () => [sentenceRemoval(ctx, g, paragraphs[g.paragraph])],
  }));
}

function findSentenceGroups(ctx: RepeatContext, skip: Set<number>, memory?: SentenceMemory): SentenceGroup[] {
  const { text, paragraphs, analyses } = ctx;
  // First occurrences by hash, in parallel arrays (one entry per sentence of the document: no
  // object each).
  let sentences = 0;
  for (const p of paragraphs) sentences += sentenceCount(analyses[p.index].sentences);
  // Room for the sentences typed later in the editor.
  const seen = new FirstSeenTable(sentences + 64);
  // Occurrences per first occurrence: only for the editor's next version (`SentenceMemory`).
  const counts: number[] | null = memory ? [] : null;
  // Where each first occurrence is, at its number (typed: a large dump has a million sentences).
  const firstParagraph = new Int32Array(sentences);
  const firstStart = new Int32Array(sentences);
  const firstEnd = new Int32Array(sentences);
  let firsts = 0;
  // A first occurrence's normalised text, made when a repeat is first confirmed against it.
  const firstNormalized = new Map<number, string>();
  const groups: SentenceGroup[] = [];
  for (const p of paragraphs) {
    if (p.isMeta) continue;
    const a = analyses[p.index];
    const base = p.range.start;
    let group: SentenceGroup | null = null;
    const flush = () => {
      if (group) groups.push(group);
      group = null;
    };
    const list = a.sentences;
    for (let i = 0; i < sentenceCount(list); i++) {
      const hash = sentenceHash(list, i);
      if (hash === NO_HASH) { flush(); continue; }
      const start = base + sentenceStart(list, i);
      const end = base + sentenceEnd(list, i);
      const slot = seen.getOrAdd(hash, firsts);
      if (slot < 0) {
        firstParagraph[firsts] = p.index;
        firstStart[firsts] = start;
        firstEnd[firsts] = end;
        firsts++;
        counts?.push(1);
        flush();
        continue;
      }
      if (counts) counts[slot]++;
      if (skip.has(p.index) || (firstParagraph[slot] === p.index && firstStart[slot] === start)) { flush(); continue; }
      // Hashes only propose a repeat: the normalised texts decide.
      let original = firstNormalized.get(slot);
      if (original === undefined) firstNormalized.set(slot, (original = normalizeForCompare(text.slice(firstStart[slot], firstEnd[slot]))));
      if (original !== normalizeForCompare(text.slice(start, end))) { flush(); continue; }
      const first: SentenceRef = { paragraph: firstParagraph[slot], start: firstStart[slot], end: firstEnd[slot] };
      if (group) { group.end = end; group.originals.push(first); }
      else group = { paragraph: p.index, start, end, originals: [first] };
    }
    flush();
  }
  if (memory && counts) {
    memory.table = seen;
    memory.counts = counts;
  }
  return groups;
}

/**
 * The sentences with the spaces after them, or before them (a line break included, so that no
 * blank line is left inside the paragraph) when they end the paragraph.
 */
function sentenceRemoval(ctx: RepeatContext, g: SentenceGroup, p: Paragraph): OffsetRange {
  const { text } = ctx;
  const { start, end } = g;
  if (start <= p.range.start && end >= p.range.end) return lineRemovalRange(text, ctx.lines.wholeLines(p.range));
  let s = start;
  let e = end;
  if (e < p.range.end) { while (e < p.range.end && /\s/.test(text[e])) e++; }
  else { while (s > p.range.start && /\s/.test(text[s - 1])) s--; }
  return { start: s, end: e };
}

function sentenceFinding(ctx: RepeatContext, g: SentenceGroup, p: Paragraph, severity: RuleOptions['severity']): RepeatedPassageFinding {
  const { lines } = ctx;
  const { start, end, originals } = g;
  const removal = sentenceRemoval(ctx, g, p);
  const n = originals.length;
  return {
    rule: 'repeated-passage',
    severity,
    message: n === 1
      ? `This sentence repeats one at ${lineSpan(lines, originals[0])}.`
      : `These ${n} sentences repeat ones at ${lineSpan(lines, { start: originals[0].start, end: originals[n - 1].end })}.`,
    range: { start, end },
    related: originals.map(o => ({ message: 'Original sentence', range: { start: o.start, end: o.end } })),
    fixes: [{ title: 'Remove repeated passage', edits: [{ range: removal, newText: '' }], preferred: true }],
    data: { kind: 'sentence', original: { start: originals[0].start, end: originals[n - 1].end } },
  };
}

/** The rule's metadata; its detection runs document-wide (`findRepeats`, `sentenceRepeats`). */
export const repeatedPassage: RuleDefinition<'repeated-passage', RepeatedPassageData> = {
  id: 'repeated-passage',
  name: 'RepeatedPassage',
  title: 'Repeated passage',
  shortDescription: 'Text that appears again later in the file.',
  fullDescription:
    'A paragraph, a run of paragraphs (such as a whole article) or a sentence of at least `minWords` words ' +
    'that repeats earlier text, compared after normalising case, quotes, dashes and white space. ' +
    'The later copy is reported and points at the original; the fix removes it.',
  docsAnchor: 'repeated-passage',
  defaultEnabled: true,
  defaultSeverity: 'warning',
  settingKey: 'repeatedPassage',
  label: { one: 'repeat', many: 'repeats' },
  icon: 'copy',
  options: [
    {
      key: 'minWords',
      type: 'integer',
      default: 8,
      min: 1,
      max: 100,
      description: 'Minimum number of words for a sentence repeated inside another paragraph to be reported.',
    },
  ],
};
