// Runs the rules over a text. A Reviewer keeps what it learnt about each paragraph, so that
// reviewing the next version of the same document only analyses the paragraphs that changed.
import { ParagraphAnalysis, analyzeParagraph, forgetComparisonData, forgetNormalizedTexts } from './analysis';
import { Stopwatch } from './stopwatch';
import { defaultOptions } from '../options/defaults';
import { CompiledLexicons, compileLexicons } from '../language/lexicon';
import { PendingDebris, findDebris } from '../rules/boilerplate';
import { ComparisonCache, NearDuplicateMemory, NearMatch, findNearDuplicates } from '../rules/nearDuplicate';
import { UpdatedArticlesResult, findUpdatedArticles } from '../rules/updatedArticles';
import { ParagraphEdit, PendingFinding, SentenceMemory, findRepeats, sentenceRepeats } from '../rules/repeated';
import { Segmentation, segment } from '../segmentation/segment';
import { Reviewed, shiftAfterEdit } from './editShift';
import { LineIndex } from '../text/text';
import { mergeRemovals } from '../text/edits';
import { PARAGRAPH_RULES, RULE_IDS } from '../rules/registry';
import { Article, Finding, NearDuplicateFinding, OffsetRange, Paragraph, Review, ReviewOptions, RuleId } from '../model/types';
import type { ParagraphRule } from '../rules/rule';
import { sentenceCount } from '../rules/paragraphAnalysis';
import { byRange, byStartThenEnd } from '../text/rangeOrder';

/**
 * What a review saw of a document besides its result, for work that needs the document's structure
 * without segmenting or analysing it again (a collection's fingerprint of the file). Given to the
 * `observe` callback of `review`/`Reviewer.review`, only when one is passed.
 */
export interface ReviewedStructure {
  text: string;
  lines: LineIndex;
  articles: Article[];
  paragraphs: Paragraph[];
  analyses: ParagraphAnalysis[];
  /** Paragraphs of web debris (never compared). */
  debris: ReadonlySet<number>;
  /** Paragraphs that are exact copies of an earlier paragraph of the document. */
  copied: ReadonlySet<number>;
  /** Paragraphs that are near duplicates of an earlier paragraph of the document. */
  nearCopies: ReadonlySet<number>;
}

/** Called with what a review saw (see `ReviewedStructure`). */
export type ReviewObserver = (seen: ReviewedStructure) => void;

/** Whether an offset falls inside one of sorted, non-overlapping ranges (binary search). */
function isCovered(ranges: readonly OffsetRange[], offset: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].end <= offset) lo = mid + 1;
    else if (ranges[mid].start > offset) hi = mid - 1;
    else return true;
  }
  return false;
}

/** Findings by start, then in the rules' order. */
function byStartThenRule(a: Finding, b: Finding): number {
  return a.range.start - b.range.start || RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule);
}

/** Whether a per-paragraph hit (a range relative to its paragraph, at `base`) lies in what is acted on elsewhere. */
function actedOn(covered: readonly OffsetRange[], hit: unknown, base: number): boolean {
  const start = (hit as Partial<OffsetRange>).start;
  return covered.length > 0 && typeof start === 'number' && isCovered(covered, base + start);
}

export class Reviewer {
  private cache = new Map<string, ParagraphAnalysis>();
  /** Paragraph analyses made (not found in a cache) by the review under way. */
  private analysing = 0;
  private comparisons = new ComparisonCache();
  private nearDuplicates = new NearDuplicateMemory();
  private sentences = new SentenceMemory();
  /** Paragraph analyses computed (not reused) by the last review, for measuring reuse. */
  lastAnalysed = 0;
  /** Whether the last review shifted the previous structure (an edit inside one paragraph). */
  lastShifted = false;
  /** The last version reviewed, for the next one. */
  private last?: Reviewed;

  /** The lexicons compiled for `options` (given, or compiled once here). */
  readonly lexicons: CompiledLexicons;

  /**
   * @param incremental keep what each review learnt for the next version of the document (the
   *   editor); a one-shot review (the CLI) saves the bookkeeping.
   * @param lexicons `compileLexicons(options)`, when the caller already has them (the CLI compiles
   *   once per configuration, not per file).
   * @param reclaim called where a review has just let go of much of what it made (after the
   *   segmentation's line records, the web debris, the repeats, the near duplicates' index, the
   *   paragraphs' comparison data): the CLI collects garbage there on a large text, the engine
   *   itself never does.
   */
  constructor(
    readonly options: ReviewOptions = defaultOptions(),
    private readonly incremental = true,
    lexicons?: CompiledLexicons,
    private readonly reclaim?: () => void,
  ) {
    this.lexicons = lexicons ?? compileLexicons(options);
  }

  /** A paragraph's analysis: the previous version's, or made now (and counted). */
  private analysis(body: string, clock: Stopwatch): ParagraphAnalysis {
    let a = this.cache.get(body);
    if (!a) {
      a = analyzeParagraph(body, this.options, this.lexicons, clock);
      this.analysing++;
    }
    return a;
  }

  /**
   * Every paragraph's analysis, from the cache of the previous version or made now (paragraphs of
   * the same text share one); the incremental review keeps them by text for the next version. A
   * loop in a method of its own, not a callback in `review` (ARCHITECTURE.md: no inline callbacks
   * in per-file code), whose map by text is let go when it returns: a large dump's is tens of MB.
   */
  private analyses(text: string, paragraphs: readonly Paragraph[], clock: Stopwatch): ParagraphAnalysis[] {
    const next = new Map<string, ParagraphAnalysis>();
    const analyses: ParagraphAnalysis[] = [];
    for (const p of paragraphs) {
      // Keyed by the paragraph's own text: the native string hash is the fastest way to find it
      // again, and the keys of the next version release this version's text.
      const body = text.slice(p.range.start, p.range.end);
      const a = next.get(body) ?? this.analysis(body, clock);
      next.set(body, a);
      analyses.push(a);
    }
    // Only the current version's paragraphs stay cached: memory follows the document's size.
    this.cache = this.incremental ? next : new Map();
    return analyses;
  }

  /** Reviews a version of the document; `observe`, when given, also receives what the review saw. */
  review(text: string, observe?: ReviewObserver): Review {
    const options = this.options;
    // `watch.times` are the review's timings; `clock` times the paragraph analyses' stages.
    const watch = new Stopwatch();
    const clock = new Stopwatch();
    clock.zero('sentences');
    for (const rule of PARAGRAPH_RULES) clock.zero(rule.stage);
    clock.zero('sketches');
    this.analysing = 0;

    // An edit inside one paragraph keeps the structure: shift it instead of segmenting again.
    const shifted = this.incremental && this.last ? shiftAfterEdit(this.last, text) : null;
    const lines = shifted && this.last ? LineIndex.shifted(this.last.lines, text, shifted.at, shifted.delta) : new LineIndex(text);
    let segmentation: Segmentation;
    let analyses: ParagraphAnalysis[];
    let edit: ParagraphEdit | undefined;
    if (shifted && this.last) {
      segmentation = shifted.segmentation;
      watch.lap('segmentation');
      const k = shifted.edited;
      const p = segmentation.paragraphs[k];
      const before = this.last.analyses[k];
      const body = text.slice(p.range.start, p.range.end);
      const after = this.analysis(body, clock);
      analyses = this.last.analyses.slice();
      analyses[k] = after;
      edit = { paragraph: k, before, after, at: shifted.at, delta: shifted.delta };
      // Keep the cache to this version's paragraphs: drop the old text's entry unless another
      // paragraph still has it.
      if (before !== after && !analyses.includes(before)) {
        const old = this.last.segmentation.paragraphs[k].range;
        this.cache.delete(this.last.text.slice(old.start, old.end));
      }
      this.cache.set(body, after);
    } else {
      segmentation = segment(text, lines);
      // Only an edit of the next version is checked against the lines and their evidence
      // (editShift.ts): a one-shot review lets them go now, not when it returns.
      if (!this.incremental) segmentation = { ...segmentation, evidence: undefined };
      watch.lap('segmentation');
      this.reclaim?.();
      analyses = this.analyses(text, segmentation.paragraphs, clock);
    }
    const { layout, articles, paragraphs } = segmentation;
    this.last = this.incremental ? { text, lines, segmentation, analyses } : undefined;
    this.lastShifted = shifted !== null;
    this.lastAnalysed = this.analysing;
    watch.lap('analysis');
    Object.assign(watch.times, clock.times);

    const overflow: Partial<Record<RuleId, number>> = {};
    const byRule = Object.fromEntries(RULE_IDS.map(id => [id, []])) as unknown as Record<RuleId, Finding[]>;
    const cap = options.maxFindingsPerRule;
    const repeatsOn = options.rules['repeated-passage'].enabled;
    // Web debris first: its lines are not compared as repeats or near duplicates.
    const debris = options.rules.boilerplate.enabled ? findDebris({ text, lines, paragraphs, articles, analyses, options, keepShapes: this.incremental }) : null;
    const excluded = debris?.paragraphs ?? new Set<number>();
    watch.lap('boilerplate');
    this.reclaim?.();
    const ctx = { text, lines, paragraphs, articles, analyses, options, excluded };
    const repeats = findRepeats(ctx);
    const copied = repeats.copied;
    watch.lap('repeats');
    // The paragraphs' normalised texts confirmed the exact repeats; nothing after reads them.
    const forgets = !this.incremental && !observe;
    if (forgets) forgetNormalizedTexts(analyses);
    this.reclaim?.();

    // Exact copies and debris are never near duplicates themselves (they may still be originals).
    const skipSentences = new Set([...copied, ...excluded]);
    let nearCopies: ReadonlySet<number> = new Set<number>();
    let nearMatches: NearMatch[] = [];
    if (options.rules['near-duplicate'].enabled) {
      const near = this.incremental
        ? findNearDuplicates({ ...ctx, copied: skipSentences, comparisons: this.comparisons }, this.nearDuplicates)
        : findNearDuplicates({ ...ctx, copied: skipSentences });
      nearMatches = near.matches;
      for (const p of near.nearCopies) skipSentences.add(p);
      nearCopies = near.nearCopies;
      this.reclaim?.();
    }
    // An updated version of an earlier article is one finding: its paragraphs are not reported
    // again as repeats or near duplicates, and Remove All leaves it.
    const updated = findUpdatedArticles(ctx, repeats, nearMatches);
    // The last rule that compares paragraphs has run: a one-shot review nobody observes (the CLI on
    // one dump) lets go of their sketches now, not when it returns (a third of a 100 MB dump's
    // memory, otherwise kept through the findings and the report).
    if (forgets) {
      forgetComparisonData(analyses);
      this.reclaim?.();
    }
    if (options.rules['near-duplicate'].enabled) {
      const pending = nearPending(nearMatches, updated, paragraphs);
      // Messages only for the findings that are kept: the rest are counted.
      byRule['near-duplicate'] = buildFirst(pending, cap);
      if (pending.length > cap) overflow['near-duplicate'] = pending.length - cap;
    }
    watch.lap('nearDuplicates');
    let repeatRemovals: OffsetRange[] = [];
    // Each problem once: what lies in a repeated copy or in web debris is acted on there (remove the
    // copy, remove the line), so debris, claims and terms inside a copy, and claims and terms inside
    // debris, are not reported again.
    const copies: OffsetRange[] = [...updated.copies];
    if (repeatsOn) {
      // Only the first `cap` repeats, in document order, are written out; the rest are counted.
      const runFindings = updated.articles.size > 0 ? runsOutside(repeats.findings, updated.articles) : repeats.findings;
      const sentences = this.incremental ? sentenceRepeats(ctx, skipSentences, this.sentences, edit) : sentenceRepeats(ctx, skipSentences);
      const pending = [...runFindings, ...sentences].sort(byStartThenEnd);
      byRule['repeated-passage'] = buildFirst(pending, cap);
      repeatRemovals = mergeRemovals(pendingRemovals(pending), text);
      for (const f of pending) copies.push({ start: f.start, end: f.end });
      if (pending.length > cap) overflow['repeated-passage'] = pending.length - cap;
    }
    watch.lap('repeats');
    const inCopies = mergeRemovals(copies);
    if (debris) {
      const shown = inCopies.length > 0 ? uncovered(debris.lines, inCopies) : debris.lines;
      byRule.boilerplate = buildFirst(shown, cap);
      if (shown.length > cap) overflow.boilerplate = shown.length - cap;
    }
    watch.lap('boilerplate');

    // Findings of the per-paragraph rules come in document order: past the cap they are only counted.
    const covered = debris ? mergeRemovals([...inCopies, ...debris.removals]) : inCopies;
    for (const rule of PARAGRAPH_RULES) {
      if (!options.rules[rule.id].enabled) continue;
      const over = paragraphFindings(rule, { text, paragraphs, analyses, covered, options }, byRule[rule.id]);
      if (over > 0) overflow[rule.id] = (overflow[rule.id] ?? 0) + over;
    }
    watch.lap('findings');

    const truncated: Review['stats']['truncated'] = {};
    const findings: Finding[] = [];
    for (const rule of RULE_IDS) {
      const list = byRule[rule].sort(byRange);
      const total = list.length + (overflow[rule] ?? 0);
      if (total > cap) {
        truncated[rule] = total;
        list.length = Math.min(list.length, cap);
      }
      findings.push(...list);
    }
    findings.sort(byStartThenRule);
    watch.lap('findings');
    observe?.({ text, lines, articles, paragraphs, analyses, debris: excluded, copied, nearCopies });

    return {
      articles,
      findings,
      stats: {
        layout,
        characters: text.length,
        paragraphs: paragraphs.length,
        sentences: sentencesIn(analyses),
        timings: watch.times,
        truncated,
      },
      repeatRemovals,
      debrisRemovals: debris?.removals,
      fixAllRemovesWebDebris: debris !== null && options.fixAllRemovesWebDebris,
    };
  }
}

// The review's loops over paragraphs, matches and findings, as functions of their own
// (ARCHITECTURE.md: no inline callbacks in per-file code).

/** What a finding not built yet offers: it is built only when shown (within the rule's cap). */
interface Buildable<F> {
  build(): F;
}

/** The first `cap` of `pending`, built. */
function buildFirst<F>(pending: readonly Buildable<F>[], cap: number): F[] {
  const n = Math.min(cap, pending.length);
  const built = new Array<F>(n);
  for (let i = 0; i < n; i++) built[i] = pending[i].build();
  return built;
}

/** A paragraph's near duplicate, pending as a finding. */
class PendingNear implements OffsetRange, Buildable<NearDuplicateFinding> {
  constructor(
    readonly start: number,
    readonly end: number,
    private readonly match: NearMatch,
  ) {}

  build(): NearDuplicateFinding {
    return this.match.build();
  }
}

/** The near-duplicate findings in document order: the paragraphs' (outside updated articles) and the updated articles'. */
function nearPending(matches: readonly NearMatch[], updated: UpdatedArticlesResult, paragraphs: readonly Paragraph[]): (OffsetRange & Buildable<NearDuplicateFinding>)[] {
  const pending: (OffsetRange & Buildable<NearDuplicateFinding>)[] = [];
  for (const m of matches) {
    const p = paragraphs[m.paragraph];
    if (updated.articles.size > 0 && updated.articles.has(p.article)) continue;
    pending.push(new PendingNear(p.range.start, p.range.end, m));
  }
  for (const u of updated.updated) pending.push(u);
  return pending.sort(byStartThenEnd);
}

/** The runs of repeats outside the updated articles (those are reported as one finding each). */
function runsOutside(findings: readonly PendingFinding[], updatedArticles: ReadonlySet<number>): PendingFinding[] {
  const kept: PendingFinding[] = [];
  for (const f of findings) if (f.article === undefined || !updatedArticles.has(f.article)) kept.push(f);
  return kept;
}

/** Every range the repeats' fixes remove, shown or not. */
function pendingRemovals(pending: readonly PendingFinding[]): OffsetRange[] {
  const all: OffsetRange[] = [];
  for (const f of pending) all.push(...f.removals());
  return all;
}

/** The debris lines outside the repeated copies. */
function uncovered(lines: readonly PendingDebris[], copies: readonly OffsetRange[]): PendingDebris[] {
  const kept: PendingDebris[] = [];
  for (const d of lines) if (!isCovered(copies, d.start)) kept.push(d);
  return kept;
}

/** What a per-paragraph rule's findings are made from. */
interface ParagraphFindingsInput {
  text: string;
  paragraphs: readonly Paragraph[];
  analyses: readonly ParagraphAnalysis[];
  /** Ranges acted on elsewhere (repeated copies, debris): hits there are not reported. */
  covered: readonly OffsetRange[];
  options: ReviewOptions;
}

/** Adds a per-paragraph rule's findings to `list`, in document order, up to the cap; returns how many more there were. */
function paragraphFindings(rule: ParagraphRule<RuleId>, input: ParagraphFindingsInput, list: Finding[]): number {
  const { text, paragraphs, analyses, covered, options } = input;
  const severity = options.rules[rule.id].severity;
  const cap = options.maxFindingsPerRule;
  let over = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const hits = analyses[i].hits[rule.id];
    if (!hits) continue;
    const base = paragraphs[i].range.start;
    for (let h = 0; h < hits.length; h++) {
      if (actedOn(covered, hits[h], base)) continue;
      if (list.length < cap) list.push(rule.finding(hits[h], { text, base, severity, options }) as Finding);
      else over++;
    }
  }
  return over;
}

function sentencesIn(analyses: readonly ParagraphAnalysis[]): number {
  let n = 0;
  for (const a of analyses) n += sentenceCount(a.sentences);
  return n;
}

/**
 * Reviews a text once (no cache kept). Pass `compileLexicons(options)` when reviewing several
 * texts with the same options; `reclaim` as `Reviewer`'s.
 */
export function review(text: string, options: ReviewOptions = defaultOptions(), lexicons?: CompiledLexicons, observe?: ReviewObserver, reclaim?: () => void): Review {
  return new Reviewer(options, false, lexicons, reclaim).review(text, observe);
}
