// Computes what the rules need to know about one paragraph (rules/paragraphAnalysis.ts), from its
// text alone, so that it can be cached and reused when the rest of the document changes (the editor
// re-reviews on every edit); runs each per-paragraph rule's `analyze` on it.
import { CompiledLexicons } from '../language/lexicon';
import { quoteSpans } from '../text/quotes';
import { PARAGRAPH_RULES } from '../rules/registry';
import { ParagraphInput } from '../rules/rule';
import { sentenceRanges } from '../text/sentences';
import { WordToken, wordTokens } from '../text/text';
import { SKETCH_SIZE, canSketch, writeBandKeys, writeSketch } from '../text/minhash';
import { SlabPlace, reserveUint32 } from '../text/slab';
import { OffsetRange, ReviewOptions } from '../model/types';
import { BANDS_AT, MAX_SKETCH_WORDS, NO_HASH, ParagraphAnalysis, SENTENCE_FIELDS, SentenceList, WORDS_AT } from '../rules/paragraphAnalysis';
import { wordSequenceHash } from '../rules/articleVersions';
import type { Stopwatch } from './stopwatch';

export type { ParagraphAnalysis, SentenceList };
export { MAX_SKETCH_WORDS };


function sentenceIndexAt(sentences: OffsetRange[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** What the per-paragraph rules read of a paragraph: a class, not an object of closures made per paragraph (ARCHITECTURE.md: no inline callbacks in per-file code). */
class ParagraphView implements ParagraphInput {
  private quoted: OffsetRange[] | undefined;

  constructor(
    readonly text: string,
    readonly tokens: WordToken[],
    readonly sentences: OffsetRange[],
    readonly sentenceTokenStart: number[],
    readonly sentenceTokenEnd: number[],
    readonly options: ReviewOptions,
    readonly lex: CompiledLexicons,
  ) {}

  sentenceAt(offset: number): number {
    return sentenceIndexAt(this.sentences, offset);
  }

  quotes(): OffsetRange[] {
    return (this.quoted ??= quoteSpans(this.text));
  }
}

/** Most paragraphs have no hits for any rule: they all share one empty record (less to keep per paragraph). */
const NO_HITS: ParagraphAnalysis['hits'] = Object.freeze({});

/**
 * Analyses a paragraph; `clock`, when given, gets the time of its stages (`sentences`, `sketches`
 * and each per-paragraph rule's), added to what it holds.
 */
export function analyzeParagraph(text: string, options: ReviewOptions, lex: CompiledLexicons, clock?: Stopwatch): ParagraphAnalysis {
  clock?.restart();
  const tokens = wordTokens(text);
  const ranges = sentenceRanges(text);
  if (ranges.length === 0) ranges.push({ start: 0, end: text.length });

  // Token span of each sentence.
  const sentenceTokenStart: number[] = [];
  const sentenceTokenEnd: number[] = [];
  // Arrays kept with the analysis are made at their length: one grown by push keeps room for
  // about 17 elements (a 2-sentence list takes 196 bytes instead of 73, for every paragraph).
  const sentences: SentenceList = new Array<number>(ranges.length * SENTENCE_FIELDS);
  const hashes = scratchHashes(tokens.length);
  for (let i = 0; i < tokens.length; i++) hashes[i] = tokens[i].hash;
  let t = 0;
  for (let s = 0; s < ranges.length; s++) {
    while (t < tokens.length && tokens[t].start < ranges[s].start) t++;
    const from = t;
    while (t < tokens.length && tokens[t].start < ranges[s].end) t++;
    sentenceTokenStart.push(from);
    sentenceTokenEnd.push(t);
    const at = s * SENTENCE_FIELDS;
    sentences[at] = ranges[s].start;
    sentences[at + 1] = ranges[s].end;
    sentences[at + 2] = t - from >= options.minWords ? sequenceHash(hashes, from, t) : NO_HASH;
  }

  clock?.lap('sentences');
  const input = new ParagraphView(text, tokens, ranges, sentenceTokenStart, sentenceTokenEnd, options, lex);
  let hits: ParagraphAnalysis['hits'] | null = null;
  for (const rule of PARAGRAPH_RULES) {
    if (!options.rules[rule.id].enabled) continue;
    const found = rule.analyze(input);
    // A copy at its length (see `sentences`): the rule's list was grown by push.
    if (found.length > 0) (hits ??= {})[rule.id] = found.slice();
    clock?.lap(rule.stage);
  }

  const wantSketch = options.rules['near-duplicate'].enabled && tokens.length <= MAX_SKETCH_WORDS && canSketch(tokens.length);
  // Kept only where the near-duplicate rule will need it; the scratch array is reused.
  const room = wantSketch ? comparisonData(hashes) : null;
  const keyHash = sequenceHash(hashes, 0, hashes.length);
  clock?.lap('sketches');
  // Every field from the start, those filled in later too: a field added afterwards moves the
  // object to a new shape and, past its in-object room, to a separate property store.
  return {
    keyHash,
    normalized: undefined,
    words: tokens.length,
    sentences,
    comparison: room ? room.block : null,
    comparisonAt: room ? room.at : 0,
    hits: hits ?? NO_HITS,
    lines: undefined,
  };
}

/** The sketch a paragraph's band keys are made from (reused: it is not kept). */
const sketchScratch = new Uint32Array(SKETCH_SIZE);

/** A paragraph's band keys and word hashes, written in a shared block (`ParagraphAnalysis.comparison`): where. */
function comparisonData(hashes: Uint32Array): SlabPlace {
  const room = reserveUint32(WORDS_AT + hashes.length);
  writeSketch(hashes, 0, hashes.length, sketchScratch, 0);
  writeBandKeys(sketchScratch, 0, room.block, room.at + BANDS_AT);
  room.block.set(hashes, room.at + WORDS_AT);
  return room;
}

/**
 * Lets go of what only the rules that compare paragraphs read (band keys, word hashes), once they
 * have all run. Only for analyses nothing else holds: a one-shot review's, which no cache keeps and
 * no observer reads.
 */
export function forgetComparisonData(analyses: readonly ParagraphAnalysis[]): void {
  for (const a of analyses) a.comparison = null;
}

/** Lets go of the paragraphs' normalised texts, which only the exact repeats read (same terms as `forgetComparisonData`). */
export function forgetNormalizedTexts(analyses: readonly ParagraphAnalysis[]): void {
  for (const a of analyses) a.normalized = undefined;
}

let scratch = new Uint32Array(1024);

/** A reused array for one paragraph's word hashes (a view of `length` elements). */
function scratchHashes(length: number): Uint32Array {
  if (scratch.length < length) scratch = new Uint32Array(Math.max(length, scratch.length * 2));
  return scratch.subarray(0, length);
}

const sequenceHash = wordSequenceHash;
