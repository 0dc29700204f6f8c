// Runs the rules over a text. A Reviewer keeps what it learnt about each paragraph, so that
// reviewing the next version of the same document only analyses the paragraphs that changed.
import { ParagraphAnalysis, StageClock, analyzeParagraph } from './analysis';
import { defaultOptions } from './defaults';
import { compileLexicons } from './lexicon';
import { claimFinding } from './rules/attribution';
import { emotiveFinding, termFinding } from './rules/loaded';
import { ComparisonCache, NearDuplicateMemory, findNearDuplicates } from './rules/nearDuplicate';
import { ParagraphEdit, SentenceMemory, findRepeats, sentenceRepeats } from './rules/repeated';
import { Segmentation, segment } from './segment';
import { Reviewed, shiftAfterEdit } from './editShift';
import { LineIndex } from './text';
import { Finding, RULE_IDS, Review, ReviewOptions, RuleId } from './types';

function now(): number {
  return performance.now();
}

export class Reviewer {
  private cache = new Map<string, ParagraphAnalysis>();
  private comparisons = new ComparisonCache();
  private nearDuplicates = new NearDuplicateMemory();
  private sentences = new SentenceMemory();
  /** Paragraph analyses computed (not reused) by the last review, for measuring reuse. */
  lastAnalysed = 0;
  /** Whether the last review shifted the previous structure (an edit inside one paragraph). */
  lastShifted = false;
  /** The last version reviewed, for the next one. */
  private last?: Reviewed;

  /**
   * @param incremental keep what each review learnt for the next version of the document (the
   *   editor); a one-shot review (the CLI) saves the bookkeeping.
   */
  constructor(readonly options: ReviewOptions = defaultOptions(), private readonly incremental = true) {}

  review(text: string): Review {
    const options = this.options;
    const timings: Record<string, number> = {};
    let t = now();
    const lap = (stage: string) => {
      const n = now();
      timings[stage] = (timings[stage] ?? 0) + (n - t);
      t = n;
    };

    const lex = compileLexicons(options);
    const clock: StageClock = { sentences: 0, claims: 0, terms: 0, sketches: 0 };
    let analysed = 0;
    const analyse = (body: string, cached: Map<string, ParagraphAnalysis>) => {
      let a = cached.get(body);
      if (!a) {
        a = analyzeParagraph(body, options, lex, clock);
        analysed++;
      }
      return a;
    };

    // An edit inside one paragraph keeps the structure: shift it instead of segmenting again.
    const shifted = this.incremental && this.last ? shiftAfterEdit(this.last, text) : null;
    const lines = shifted && this.last ? LineIndex.shifted(this.last.lines, text, shifted.at, shifted.delta) : new LineIndex(text);
    let segmentation: Segmentation;
    let analyses: ParagraphAnalysis[];
    let edit: ParagraphEdit | undefined;
    if (shifted && this.last) {
      segmentation = shifted.segmentation;
      lap('segmentation');
      const k = shifted.edited;
      const p = segmentation.paragraphs[k];
      const before = this.last.analyses[k];
      const body = text.slice(p.range.start, p.range.end);
      const after = analyse(body, this.cache);
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
      lap('segmentation');
      const previous = this.cache;
      const next = new Map<string, ParagraphAnalysis>();
      analyses = segmentation.paragraphs.map(p => {
        // Keyed by the paragraph's own text: the native string hash is the fastest way to find
        // it again, and the keys of the next version release this version's text.
        const body = text.slice(p.range.start, p.range.end);
        const a = next.get(body) ?? analyse(body, previous);
        next.set(body, a);
        return a;
      });
      // Only the current version's paragraphs stay cached: memory follows the document's size.
      this.cache = this.incremental ? next : new Map();
    }
    const { layout, articles, paragraphs } = segmentation;
    this.last = this.incremental ? { text, lines, segmentation, analyses } : undefined;
    this.lastShifted = shifted !== null;
    this.lastAnalysed = analysed;
    lap('analysis');
    Object.assign(timings, { sentences: clock.sentences, claims: clock.claims, terms: clock.terms, sketches: clock.sketches });

    const overflow: Partial<Record<RuleId, number>> = {};
    const byRule: Record<RuleId, Finding[]> = { 'repeated-passage': [], 'near-duplicate': [], 'unattributed-claim': [], 'loaded-term': [] };
    const repeatsOn = options.rules['repeated-passage'].enabled;
    const ctx = { text, lines, paragraphs, articles, analyses, options };
    const { findings: runFindings, copied } = findRepeats(ctx);
    lap('repeats');

    const skipSentences = new Set(copied);
    if (options.rules['near-duplicate'].enabled) {
      const near = this.incremental
        ? findNearDuplicates({ ...ctx, copied, comparisons: this.comparisons }, this.nearDuplicates)
        : findNearDuplicates({ ...ctx, copied });
      byRule['near-duplicate'] = near.findings;
      if (near.total > near.findings.length) overflow['near-duplicate'] = near.total - near.findings.length;
      for (const p of near.nearCopies) skipSentences.add(p);
    }
    lap('nearDuplicates');
    if (repeatsOn) {
      // Only the first `cap` repeats, in document order, are written out; the rest are counted.
      const sentences = this.incremental ? sentenceRepeats(ctx, skipSentences, this.sentences, edit) : sentenceRepeats(ctx, skipSentences);
      const pending = [...runFindings, ...sentences].sort((a, b) => a.start - b.start || a.end - b.end);
      byRule['repeated-passage'] = pending.slice(0, options.maxFindingsPerRule).map(f => f.build());
      if (pending.length > options.maxFindingsPerRule) overflow['repeated-passage'] = pending.length - options.maxFindingsPerRule;
    }
    lap('repeats');

    const claimSeverity = options.rules['unattributed-claim'].severity;
    const termSeverity = options.rules['loaded-term'].severity;
    // Claims and terms come in document order: past the cap they are only counted.
    const cap = options.maxFindingsPerRule;
    const claims = byRule['unattributed-claim'];
    const terms = byRule['loaded-term'];
    paragraphs.forEach((p, i) => {
      const a = analyses[i];
      for (const hit of a.claims) {
        if (claims.length < cap) claims.push(claimFinding(hit, p.range.start, text, claimSeverity));
        else overflow['unattributed-claim'] = (overflow['unattributed-claim'] ?? 0) + 1;
      }
      for (const hit of a.terms) {
        if (terms.length < cap) terms.push(termFinding(hit, p.range.start, termSeverity));
        else overflow['loaded-term'] = (overflow['loaded-term'] ?? 0) + 1;
      }
      for (const hit of a.emotive) {
        if (terms.length < cap) terms.push(emotiveFinding(hit, p.range.start, options.emotiveSeverity));
        else overflow['loaded-term'] = (overflow['loaded-term'] ?? 0) + 1;
      }
    });
    lap('findings');

    const truncated: Review['stats']['truncated'] = {};
    const findings: Finding[] = [];
    for (const rule of RULE_IDS) {
      const list = byRule[rule].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
      const total = list.length + (overflow[rule] ?? 0);
      if (total > cap) {
        truncated[rule] = total;
        list.length = Math.min(list.length, cap);
      }
      findings.push(...list);
    }
    findings.sort((a, b) => a.range.start - b.range.start || RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule));
    lap('findings');

    return {
      articles,
      findings,
      stats: {
        layout,
        characters: text.length,
        paragraphs: paragraphs.length,
        sentences: analyses.reduce((n, a) => n + a.sentences.length, 0),
        timings,
        truncated,
      },
    };
  }
}

/** Reviews a text once (no cache kept). */
export function review(text: string, options: ReviewOptions = defaultOptions()): Review {
  return new Reviewer(options, false).review(text);
}
