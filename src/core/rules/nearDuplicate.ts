// near-duplicate: paragraphs that are light edits of an earlier one. Candidates come from LSH
// buckets of MinHash sketches (never all pairs); each is confirmed by a word-level diff.
import { diffArrays } from 'diff';
import { ParagraphAnalysis, bandsAt, bandsOf, wordsAt, wordsEnd } from './paragraphAnalysis';
import { lineRemovalRange } from '../text/edits';
import { lcsLength } from '../text/lcs';
import { SKETCH_SIZE, sameRows, writeSketch } from '../text/minhash';
import { LshIndex, RecentLshIndex } from '../text/lshIndex';
import { LineIndex, WordToken, wordTokens } from '../text/text';
import { NearDuplicateData, NearDuplicateFinding, Paragraph, ReviewOptions } from '../model/types';

export type { NearDuplicateData, NearDuplicateFinding };
import { RuleDefinition } from './rule';

/** Paragraphs with fewer words are too short for a meaningful similarity. */
export const MIN_NEAR_WORDS = 10;
const MIN_WORDS = MIN_NEAR_WORDS;
/** At most this many earlier paragraphs are kept per LSH bucket (bounds boilerplate). */
const BUCKET_CAP = 8;
/** At most this many candidates (those sharing the most bands) are estimated per paragraph. */
const MAX_ESTIMATED = 6;
/** At most this many candidates are confirmed with a diff per paragraph. */
const MAX_CONFIRMED = 3;
/** Candidates whose estimated shingle overlap is below this are not diffed. */
const MIN_ESTIMATE = 0.2;


export interface NearDuplicateContext {
  text: string;
  lines: LineIndex;
  paragraphs: Paragraph[];
  analyses: ParagraphAnalysis[];
  options: ReviewOptions;
  /** Exact copies: never near duplicates, but still originals for later paragraphs. */
  copied: Set<number>;
  /**
   * Comparisons already made, by the two paragraphs' analyses (the same text gives the same
   * analysis object): a re-review after an edit diffs only pairs it has not seen.
   */
  comparisons?: ComparisonCache;
}

type Comparison = (WordDiff & { summary?: string; details?: string }) | null;

export class ComparisonCache {
  private previous = new Map<ParagraphAnalysis, Map<ParagraphAnalysis, Comparison>>();
  private current = new Map<ParagraphAnalysis, Map<ParagraphAnalysis, Comparison>>();

  /** The comparison of `a` with `b` made by this review or the previous one (then kept for the next), or undefined. */
  known(a: ParagraphAnalysis, b: ParagraphAnalysis): Comparison | undefined {
    const row = this.current.get(a);
    if (row?.has(b)) return row.get(b)!;
    const old = this.previous.get(a);
    if (!old?.has(b)) return undefined;
    const result = old.get(b)!;
    this.keep(a, b, result);
    return result;
  }

  /** Keeps a comparison this review made, for the next. */
  keep(a: ParagraphAnalysis, b: ParagraphAnalysis, result: Comparison): void {
    let row = this.current.get(a);
    if (!row) this.current.set(a, (row = new Map()));
    row.set(b, result);
  }

  /** Keeps only the comparisons the latest review used. */
  endReview(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

interface Change {
  removed?: string;
  added?: string;
  /** Position in the earlier passage's words (to pair a removal with the addition after it). */
  at: number;
}

/** The words of a passage: a hash per word. */
export interface WordList {
  hashes: ArrayLike<number>;
}

export function wordList(text: string): WordList {
  return { hashes: wordTokens(text).map(t => t.hash) };
}

/** Words two passages of `total` words must share to reach `threshold`; the margin keeps rounding from dismissing a pair exactly at it. */
function sharedWordsNeeded(total: number, threshold: number): number {
  return (threshold * total) / 2 - 1e-9;
}

/** Whether passages of these word counts can reach `threshold` at all (the shorter one shared whole). */
export function lengthsMayReach(a: number, b: number, threshold: number): boolean {
  return Math.min(a, b) >= sharedWordsNeeded(a + b, threshold);
}

/** The word-level similarity of two passages. */
export interface WordDiff {
  similarity: number;
}

/**
 * Word-level similarity of two passages: Dice over the words they share in order (their longest
 * common subsequence, which is what a minimal diff keeps): 1 means the same words. Null when it
 * is below `threshold`.
 */
export function compareWords(a: WordList | string, b: WordList | string, threshold = 0): WordDiff | null {
  const left = typeof a === 'string' ? wordList(a) : a;
  const right = typeof b === 'string' ? wordList(b) : b;
  return similarityInOrder(left.hashes, 0, left.hashes.length, right.hashes, 0, right.hashes.length, threshold);
}

/**
 * `compareWords` of the words `a[aFrom, aTo)` and `b[bFrom, bTo)` (the in-file rule reads them in
 * each paragraph's comparison array). Most candidates share too few words: `lcsLength` counts the
 * words both share as multisets first, from the table of `a`'s words it makes anyway (an upper
 * bound of the similarity, which a sorted copy of each side once gave), and stops there when they
 * cannot reach the threshold.
 */
export function similarityInOrder(a: ArrayLike<number>, aFrom: number, aTo: number, b: ArrayLike<number>, bFrom: number, bTo: number, threshold = 0): WordDiff | null {
  const total = aTo - aFrom + (bTo - bFrom);
  if (total === 0) return { similarity: 1 };
  if (threshold > 0 && !lengthsMayReach(aTo - aFrom, bTo - bFrom, threshold)) return null;
  const atLeast = threshold > 0 ? Math.ceil(sharedWordsNeeded(total, threshold)) : 0;
  const similarity = (2 * lcsLength(a, b, aFrom, aTo, bFrom, bTo, atLeast)) / total;
  return similarity >= threshold ? { similarity } : null;
}

/** The changes from one passage to the other, in their own words, from `diff`'s word-level diff. */
export function changesOf(earlier: string, later: string): Change[] {
  const leftTokens = wordTokens(earlier);
  const rightTokens = wordTokens(later);
  const parts = diffArrays(normsOf(leftTokens), normsOf(rightTokens));
  let i = 0;
  let j = 0;
  const changes: Change[] = [];
  for (const part of parts) {
    const count = part.count ?? part.value.length;
    if (part.added) {
      const added = span(later, rightTokens, j, count);
      const last = changes[changes.length - 1];
      if (last && last.removed !== undefined && last.added === undefined && last.at === i) last.added = added;
      else changes.push({ added, at: i });
      j += count;
    } else if (part.removed) {
      changes.push({ removed: span(earlier, leftTokens, i, count), at: i + count });
      i += count;
    } else {
      i += count;
      j += count;
    }
  }
  return changes;
}

// Functions of their own, not callbacks made for each finding (ARCHITECTURE.md: no inline
// callbacks in per-file code).

function normsOf(tokens: readonly WordToken[]): string[] {
  const norms: string[] = new Array(tokens.length);
  for (let t = 0; t < tokens.length; t++) norms[t] = tokens[t].norm;
  return norms;
}

/** The text of `count` tokens from `from`. */
function span(text: string, tokens: readonly WordToken[], from: number, count: number): string {
  return text.slice(tokens[from].start, tokens[from + count - 1].end);
}

function clip(s: string, n = 40): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? one.slice(0, n - 1) + '\u2026' : one;
}

export function describeChanges(changes: Change[], limit = 3): string {
  const shown: string[] = [];
  for (let k = 0; k < changes.length && k < limit; k++) shown.push(describeChange(changes[k]));
  const more = changes.length - limit;
  return shown.join('; ') + (more > 0 ? `; and ${more} more change${more === 1 ? '' : 's'}` : '');
}

function describeChange(c: Change): string {
  if (c.removed && c.added) return `\u201C${clip(c.removed)}\u201D \u2192 \u201C${clip(c.added)}\u201D`;
  if (c.added) return `added \u201C${clip(c.added)}\u201D`;
  return `removed \u201C${clip(c.removed ?? '')}\u201D`;
}

/** A paragraph found to be a near duplicate of an earlier one; its finding is built on demand. */
export interface NearMatch {
  /** Paragraph indexes of the near duplicate and of its original. */
  paragraph: number;
  original: number;
  similarity: number;
  build(): NearDuplicateFinding;
}

export interface NearDuplicateResult {
  /** Every near duplicate, in document order (findings are built only for those shown). */
  matches: NearMatch[];
  nearCopies: Set<number>;
}

/**
 * What the last review decided, position by position over the paragraphs that can be near
 * duplicates, so that the next review of the same document redoes only what an edit can change.
 */
export class NearDuplicateMemory {
  sequence: ParagraphAnalysis[] = [];
  copied: Uint8Array = new Uint8Array(0);
  /** Position of the original of each position, or -1. */
  originals: Int32Array = new Int32Array(0);
  comparisons: Comparison[] = [];
  /** The LSH index over the whole `sequence`. */
  index?: LshIndex;
}

/** Up to this many edited positions, the previous index is updated rather than built again. */
const MAX_INDEX_UPDATES = 32;

/** The previous index, updated for the positions whose paragraph changed; null if too different. */
function updatedIndex(memory: NearDuplicateMemory | undefined, sequence: ParagraphAnalysis[]): LshIndex | null {
  if (!memory?.index || memory.sequence.length !== sequence.length) return null;
  const changed: number[] = [];
  for (let i = 0; i < sequence.length; i++) {
    if (memory.sequence[i] === sequence[i]) continue;
    changed.push(i);
    if (changed.length > MAX_INDEX_UPDATES) return null;
  }
  for (const i of changed) memory.index.replace(i, memory.sequence[i].comparison!, bandsAt(memory.sequence[i]), sequence[i].comparison!, bandsAt(sequence[i]));
  return memory.index;
}

export function findNearDuplicates(ctx: NearDuplicateContext, memory?: NearDuplicateMemory): NearDuplicateResult {
  const { paragraphs, analyses, copied } = ctx;
  const threshold = ctx.options.nearDuplicateThreshold;
  const eligible: Paragraph[] = [];
  const sequence: ParagraphAnalysis[] = [];
  for (const p of paragraphs) {
    const a = analyses[p.index];
    if (p.isMeta || a.comparison === null || a.words < MIN_WORDS) continue;
    eligible.push(p);
    sequence.push(a);
  }
  const n = eligible.length;
  const isCopy = new Uint8Array(n);
  for (let i = 0; i < n; i++) isCopy[i] = copied.has(eligible[i].index) ? 1 : 0;
  // The decision at each position: the original's position (or -1) and the comparison.
  const originals = new Int32Array(n).fill(-1);
  const comparisons: Comparison[] = new Array(n).fill(null);

  // Positions whose previous decision still holds: the common prefix, and those of the common
  // suffix that share no LSH band with the paragraphs that changed.
  const reuse = reuser(memory, sequence, isCopy, originals, comparisons);
  // With decisions to reuse, the whole document is indexed up front (the previous index, updated,
  // when only a few paragraphs changed); otherwise it is built as the loop goes.
  // A one-shot review's index keeps only the entries the rule reads (the BUCKET_CAP newest a key);
  // one kept for the next review keeps them all (an edit may uncover older ones).
  const full = memory ? (reuse && updatedIndex(memory, sequence)) || new LshIndex(n) : null;
  const index = full ?? new RecentLshIndex(n, BUCKET_CAP);
  if (full && reuse && full !== memory?.index) for (let i = 0; i < n; i++) full.add(i, sequence[i].comparison!, bandsAt(sequence[i]));

  // The estimated candidates of one paragraph, best first (at most MAX_ESTIMATED): reused arrays,
  // not an object per pair.
  const estQ = new Int32Array(MAX_ESTIMATED);
  const estSame = new Int32Array(MAX_ESTIMATED);
  const sketches = recentSketches.reset();

  for (let i = 0; i < n; i++) {
    const a = sequence[i];
    if (reuse?.(i) || isCopy[i]) {
      if (!reuse) index.add(i, a.comparison!, bandsAt(a));
      continue;
    }
    // The number of shared bands already ranks the candidates; only the best few are estimated.
    let estimated = 0;
    const own = a.comparison!;
    const ranked = full && reuse ? full.candidates(own, bandsAt(a), BUCKET_CAP, MAX_ESTIMATED, i) : index.candidates(own, bandsAt(a), BUCKET_CAP, MAX_ESTIMATED);
    const ownAt = ranked.length > 0 ? sketches.at(i, a) : 0;
    for (const q of ranked) {
      const other = sequence[q];
      if (other === a) continue;
      const same = sketches.sameRows(ownAt, i, q, other);
      if (same < MIN_ESTIMATE * SKETCH_SIZE) continue;
      // Insertion in order: more rows in common first, then the earlier paragraph.
      let k = estimated++;
      while (k > 0 && (estSame[k - 1] < same || (estSame[k - 1] === same && estQ[k - 1] > q))) {
        estSame[k] = estSame[k - 1];
        estQ[k] = estQ[k - 1];
        k--;
      }
      estSame[k] = same;
      estQ[k] = q;
    }
    for (let k = 0; k < estimated && k < MAX_CONFIRMED; k++) {
      const q = estQ[k];
      let cmp = ctx.comparisons?.known(sequence[q], a);
      if (cmp === undefined) {
        const theirs = sequence[q];
        cmp = similarityInOrder(theirs.comparison!, wordsAt(theirs), wordsEnd(theirs), own, wordsAt(a), wordsEnd(a), threshold);
        ctx.comparisons?.keep(sequence[q], a, cmp);
      }
      // Similar in every word but not an exact copy (this paragraph is not one): the punctuation
      // or case differs.
      if (cmp) {
        originals[i] = q;
        comparisons[i] = cmp;
        break;
      }
    }
    if (!reuse) index.add(i, own, bandsAt(a));
  }
  ctx.comparisons?.endReview();

  if (memory) {
    memory.index = full!;
    memory.sequence = sequence;
    memory.copied = isCopy;
    memory.originals = originals;
    memory.comparisons = comparisons;
  }
  const nearCopies = new Set<number>();
  const matches: NearMatch[] = [];
  for (let i = 0; i < n; i++) {
    if (originals[i] < 0) continue;
    nearCopies.add(eligible[i].index);
    const p = eligible[i];
    const original = eligible[originals[i]];
    const cmp = comparisons[i]!;
    matches.push(new FoundNear(ctx, p, original, cmp));
  }
  return { matches, nearCopies };
}

/** Sketches kept by `RecentSketches` (256 bytes each). */
const SKETCH_SLOTS = 4096;

/**
 * The sketches of the paragraphs estimated lately, by position in the compared sequence, made
 * again from their words when not here: kept with every analysis they were a tenth of a 100 MB
 * dump's memory, and made afresh for every pair estimated they cost a tenth of the rule's time.
 * Direct-mapped: a position has one slot, a later position with the same slot replaces it.
 */
class RecentSketches {
  private readonly positions = new Int32Array(SKETCH_SLOTS);
  private readonly rows = new Uint32Array((SKETCH_SLOTS + 1) * SKETCH_SIZE);

  /** Empty, for a new sequence. */
  reset(): this {
    this.positions.fill(-1);
    return this;
  }

  /** Where position `i`'s sketch is in the slots (made from the words of `a` if it is not there). */
  at(i: number, a: ParagraphAnalysis): number {
    const slot = i & (SKETCH_SLOTS - 1);
    if (this.positions[slot] !== i) {
      writeSketch(a.comparison!, wordsAt(a), wordsEnd(a), this.rows, slot * SKETCH_SIZE);
      this.positions[slot] = i;
    }
    return slot * SKETCH_SIZE;
  }

  /** The rows position `q` (paragraph `a`) shares with the sketch at `ownAt` (position `i`'s). */
  sameRows(ownAt: number, i: number, q: number, a: ParagraphAnalysis): number {
    // A position in the slot of `i` is made in the spare slot past the end, not over `i`'s.
    if ((q & (SKETCH_SLOTS - 1)) !== (i & (SKETCH_SLOTS - 1))) return sameRows(this.rows, ownAt, this.rows, this.at(q, a));
    const spare = SKETCH_SLOTS * SKETCH_SIZE;
    writeSketch(a.comparison!, wordsAt(a), wordsEnd(a), this.rows, spare);
    return sameRows(this.rows, ownAt, this.rows, spare);
  }
}

const recentSketches = new RecentSketches();

/**
 * For an edited version of the document, a function that copies the previous decision into
 * `originals`/`comparisons` at a position where it still holds and says whether it did; null
 * when there is nothing to reuse.
 */
function reuser(
  memory: NearDuplicateMemory | undefined,
  sequence: ParagraphAnalysis[],
  isCopy: Uint8Array,
  originals: Int32Array,
  comparisons: Comparison[],
): ((i: number) => boolean) | null {
  if (!memory || memory.sequence.length === 0) return null;
  const old = memory.sequence;
  // Whether a paragraph is an exact copy only decides whether it is looked at itself: a change of
  // that status is handled at its own position, not as an edit.
  let prefix = 0;
  while (prefix < old.length && prefix < sequence.length && old[prefix] === sequence[prefix]) prefix++;
  let suffix = 0;
  while (suffix < old.length - prefix && suffix < sequence.length - prefix && old[old.length - 1 - suffix] === sequence[sequence.length - 1 - suffix]) suffix++;
  const shift = sequence.length - old.length;
  const oldSuffixStart = old.length - suffix;
  const newSuffixStart = sequence.length - suffix;
  // Bands of every paragraph that changed, before and after the edit.
  const changedBands = new Set<number>();
  for (let i = prefix; i < oldSuffixStart; i++) for (const b of bandsOf(old[i])) changedBands.add(b);
  for (let i = prefix; i < newSuffixStart; i++) for (const b of bandsOf(sequence[i])) changedBands.add(b);
  const copyFrom = (i: number, oldPos: number): boolean => {
    if (memory.copied[oldPos] !== isCopy[i]) return false;
    const original = memory.originals[oldPos];
    if (original < 0) return true;
    if (original >= prefix && original < oldSuffixStart) return false; // its original changed
    originals[i] = original < prefix ? original : original + shift;
    comparisons[i] = memory.comparisons[oldPos];
    return true;
  };
  // A later paragraph sees, per band, only the BUCKET_CAP newest earlier paragraphs with that band.
  // Once that many unchanged paragraphs with a changed band stand between the edit and it, the
  // edit is out of its sight for that band. Calls come in increasing order of i.
  const seenAfterEdit = new Map<number, number>();
  return (i: number) => {
    if (i < prefix) return copyFrom(i, i);
    if (i < newSuffixStart) return false;
    const comparison = sequence[i].comparison!;
    let affected = false;
    for (let b = bandsAt(sequence[i]), end = wordsAt(sequence[i]); b < end; b++) {
      const band = comparison[b];
      if (!changedBands.has(band)) continue;
      const seen = seenAfterEdit.get(band) ?? 0;
      if (seen < BUCKET_CAP) affected = true;
      seenAfterEdit.set(band, seen + 1);
    }
    return !affected && copyFrom(i, i - shift);
  };
}

/**
 * A near duplicate found; its finding's message is made only for the findings that are kept (the
 * rest are counted). One object, where a closure would add itself and its scope to every match
 * (a 20 MB dump has about 30,000, kept until the review's findings are made).
 */
class FoundNear implements NearMatch {
  constructor(
    private readonly ctx: NearDuplicateContext,
    private readonly p: Paragraph,
    private readonly originalParagraph: Paragraph,
    private readonly cmp: NonNullable<Comparison>,
  ) {}

  get paragraph(): number {
    return this.p.index;
  }

  get original(): number {
    return this.originalParagraph.index;
  }

  get similarity(): number {
    return this.cmp.similarity;
  }

  build(): NearDuplicateFinding {
    return nearFinding(this.ctx, this.p, this.originalParagraph, this.cmp);
  }
}

function nearFinding(ctx: NearDuplicateContext, p: Paragraph, original: Paragraph, cmp: NonNullable<Comparison>): NearDuplicateFinding {
  const percent = Math.floor(cmp.similarity * 100);
  const at = ctx.lines.lineAt(original.range.start) + 1;
  // Comparisons are cached between reviews, and so are their descriptions.
  if (cmp.summary === undefined || cmp.details === undefined) {
    const changes = changesOf(ctx.text.slice(original.range.start, original.range.end), ctx.text.slice(p.range.start, p.range.end));
    cmp.summary = describeChanges(changes);
    cmp.details = describeChanges(changes, 10);
  }
  return {
    rule: 'near-duplicate',
    severity: ctx.options.rules['near-duplicate'].severity,
    message: `Near duplicate of the paragraph at line ${at} (${percent}% similar): ${cmp.summary || 'only the punctuation differs'}.`,
    range: p.range,
    related: [{ message: `Original paragraph (${percent}% similar)`, range: original.range }],
    fixes: [{ title: 'Remove near duplicate', edits: [{ range: lineRemovalRange(ctx.text, ctx.lines.wholeLines(p.range)), newText: '' }] }],
    data: { similarity: cmp.similarity, original: original.range, changes: cmp.details },
  };
}

/** The rule's metadata; its detection runs document-wide (`findNearDuplicates`). */
export const nearDuplicate: RuleDefinition<'near-duplicate', NearDuplicateData> = {
  id: 'near-duplicate',
  name: 'NearDuplicate',
  title: 'Near duplicate',
  shortDescription: 'A paragraph that is a light edit of an earlier one.',
  fullDescription:
    'A paragraph whose words are at least `nearDuplicateThreshold` similar to an earlier paragraph ' +
    '(a few words changed, a clause added or removed). The message says how similar they are and what differs.',
  docsAnchor: 'near-duplicate',
  defaultEnabled: true,
  defaultSeverity: 'warning',
  settingKey: 'nearDuplicate',
  label: { one: 'near duplicate', many: 'near duplicates' },
  icon: 'diff',
  options: [
    {
      key: 'nearDuplicateThreshold',
      type: 'number',
      default: 0.8,
      min: 0.5,
      max: 1,
      description: 'Word-level similarity (0.5 to 1) from which a paragraph counts as a near duplicate of an earlier one.',
    },
  ],
};
