// What the rules know about one paragraph, computed from its text alone by review/analysis.ts and
// cached with the paragraph: the rules that compare paragraphs (repeats, near duplicates, debris)
// read it.
import type { LineShape } from '../debris/debrisLines';
import type { RuleId } from '../model/types';
import { BANDS } from '../text/minhash';

/**
 * A paragraph's sentences, three numbers each in one flat array: start, end (relative to the
 * paragraph's start, as every offset in this file's structures), and the hash of the
 * sentence's words (lower case, punctuation ignored) or `NO_HASH` for a sentence of fewer than
 * `minWords` words (a match is confirmed on the texts by whoever uses the hash). Numbers in a plain
 * array, not an object a sentence: a large dump has about a million sentences, and an object each,
 * with its hash boxed as a heap number, took four times the memory.
 */
export type SentenceList = number[];

/** The numbers a sentence takes in a `SentenceList`. */
export const SENTENCE_FIELDS = 3;
/** The hash of a sentence too short to be compared (hashes are non-negative integers). */
export const NO_HASH = -1;

export function sentenceCount(list: SentenceList): number {
  return list.length / SENTENCE_FIELDS;
}
export function sentenceStart(list: SentenceList, i: number): number {
  return list[i * SENTENCE_FIELDS];
}
export function sentenceEnd(list: SentenceList, i: number): number {
  return list[i * SENTENCE_FIELDS + 1];
}
export function sentenceHash(list: SentenceList, i: number): number {
  return list[i * SENTENCE_FIELDS + 2];
}

export interface ParagraphAnalysis {
  /**
   * Hash of the paragraph's words: equal for paragraphs that may be the same after
   * normalisation. A match is confirmed on the normalised texts (`normalized`).
   */
  keyHash: number;
  /** The normalised text, computed when a repeat has to be confirmed (and then kept). */
  normalized?: string;
  words: number;
  sentences: SentenceList;
  /**
   * What near duplicates are found and confirmed by, only on sketched paragraphs: the LSH band
   * keys of its MinHash sketch, then a hash per word (`words` of them), from `comparisonAt` in
   * this block, which other paragraphs' share (text/slab.ts; read it through `bandsAt`, `wordsAt`
   * and `wordsEnd`). A block and an offset, not a view of its own: a typed array is an object of
   * about 96 bytes on the heap, more than the band keys it would hold, and a large dump has
   * hundreds of thousands of paragraphs. The sketch itself is made again from the words where a
   * pair is estimated (`RecentSketches`): kept, it was 256 bytes a paragraph, a tenth of a large
   * dump's memory.
   */
  comparison: Uint32Array | null;
  comparisonAt: number;
  /** What each enabled per-paragraph rule found (its `analyze`), by rule id; a rule that found nothing is absent. */
  hits: Partial<Record<RuleId, readonly unknown[]>>;
  /**
   * The shape of each non-blank line, for web debris: computed by the boilerplate rule when it first
   * needs it (never for a paragraph that is only an article's title), then kept with the analysis
   * when the analyses are kept for the next version (the incremental review; not a one-shot one).
   */
  lines?: LineShape[];
}

/** Paragraphs longer than this are not sketched (they are compared exactly only). */
export const MAX_SKETCH_WORDS = 5000;

/** Where a paragraph's comparison data holds its band keys and word hashes, from `comparisonAt`. */
export const BANDS_AT = 0;
export const WORDS_AT = BANDS_AT + BANDS;

/** Where a sketched paragraph's band keys start in its `comparison` block. */
export function bandsAt(a: ParagraphAnalysis): number {
  return a.comparisonAt + BANDS_AT;
}

/** Where a sketched paragraph's word hashes start in its `comparison` block. */
export function wordsAt(a: ParagraphAnalysis): number {
  return a.comparisonAt + WORDS_AT;
}

/** Where a sketched paragraph's word hashes end in its `comparison` block. */
export function wordsEnd(a: ParagraphAnalysis): number {
  return a.comparisonAt + WORDS_AT + a.words;
}

/** A sketched paragraph's band keys (a view: for code that runs per comparison, not per paragraph). */
export function bandsOf(a: ParagraphAnalysis): Uint32Array {
  return a.comparison!.subarray(bandsAt(a), wordsAt(a));
}
