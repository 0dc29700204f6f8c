// What the rules need to know about one paragraph, computed from its text alone so that it can be
// cached and reused when the rest of the document changes (the editor re-reviews on every edit).
import { CompiledLexicons, CueEntry, TermEntry, isSilenced } from './lexicon';
import { passesContext } from './context';
import { nonOverlapping } from './phrases';
import { isInside, quoteSpans } from './quotes';
import { sentenceRanges } from './sentences';
import { namesSource, sourceAnswers } from './sources';
import { EmotiveHit, findEmotive } from './emotive';
import { wordTokens } from './text';
import { bandKeys, sketch, wordHash } from './minhash';
import { OffsetRange, ReviewOptions } from './types';

/** Offsets in this file's structures are relative to the paragraph's start. */
export interface SentenceInfo extends OffsetRange {
  words: number;
  /**
   * Hash of the sentence's words (lower case, punctuation ignored), only for sentences of at
   * least `minWords` words: a match is confirmed on the texts by whoever uses it.
   */
  hash?: number;
  /** The normalised text, computed when a repeat has to be confirmed (and then kept). */
  normalized?: string;
}

export interface ClaimHit extends OffsetRange {
  cue: CueEntry;
  matched: string;
  /** Where "[attribution needed]" goes: the end of the sentence, before its final punctuation. */
  insertAt: number;
}

export interface TermHit extends OffsetRange {
  entry: TermEntry;
  matched: string;
  quoted: boolean;
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
  sentences: SentenceInfo[];
  sketch: Uint32Array | null;
  /** LSH band keys of the sketch. */
  bands: Uint32Array | null;
  /** For near-duplicate confirmation, only on sketched paragraphs: a hash per word. */
  wordHashes: Uint32Array | null;
  claims: ClaimHit[];
  terms: TermHit[];
  emotive: EmotiveHit[];
}

/** Paragraphs longer than this are not sketched (they are compared exactly only). */
export const MAX_SKETCH_WORDS = 5000;

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

function insertionPoint(text: string, sentence: OffsetRange): number {
  let e = sentence.end;
  while (e > sentence.start && /["'\u2019\u201D\u00BB)\]]/.test(text[e - 1])) e--;
  while (e > sentence.start && /[.!?\u2026:;]/.test(text[e - 1])) e--;
  // Keep a closing quote that belongs to the sentence's own quotation outside the marker.
  return e;
}

/** Milliseconds per stage, accumulated over paragraphs. */
export interface StageClock {
  sentences: number;
  claims: number;
  terms: number;
  sketches: number;
}

export function analyzeParagraph(text: string, options: ReviewOptions, lex: CompiledLexicons, clock?: StageClock): ParagraphAnalysis {
  let t0 = clock ? performance.now() : 0;
  const lap = (stage: keyof StageClock) => {
    if (!clock) return;
    const now = performance.now();
    clock[stage] += now - t0;
    t0 = now;
  };
  const tokens = wordTokens(text);
  const ranges = sentenceRanges(text);
  if (ranges.length === 0) ranges.push({ start: 0, end: text.length });
  const wantClaims = options.rules['unattributed-claim'].enabled;
  const wantTerms = options.rules['loaded-term'].enabled;

  // Token span of each sentence.
  const sentenceTokenStart: number[] = [];
  const sentenceTokenEnd: number[] = [];
  const sentences: SentenceInfo[] = ranges.map(r => ({ ...r, words: 0 }));
  const hashes = new Uint32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) hashes[i] = wordHash(tokens[i].norm);
  let t = 0;
  for (let s = 0; s < ranges.length; s++) {
    while (t < tokens.length && tokens[t].start < ranges[s].start) t++;
    sentenceTokenStart.push(t);
    while (t < tokens.length && tokens[t].start < ranges[s].end) t++;
    sentenceTokenEnd.push(t);
    sentences[s].words = t - sentenceTokenStart[s];
    if (sentences[s].words >= options.minWords) sentences[s].hash = sequenceHash(hashes, sentenceTokenStart[s], t);
  }

  lap('sentences');
  const quotes = wantClaims || wantTerms ? quoteSpans(text) : [];
  const claims: ClaimHit[] = [];
  if (wantClaims) {
    for (const m of nonOverlapping(lex.cues.matchAll(tokens, text))) {
      const matched = text.slice(m.start, m.end);
      if (isSilenced(lex.ignoredCues, m.value.cue, matched)) continue;
      const s = sentenceIndexAt(ranges, m.start);
      const from = sentenceTokenStart[s];
      const to = sentenceTokenEnd[s];
      if (!passesContext(m.value.context, tokens, m.first, m.last, from, to)) continue;
      const quoted = isInside(quotes, m.start, m.end);
      const named = namesSource(tokens, from, to, text, 0, m.first, m.last);
      const previous = s > 0 ? { from: sentenceTokenStart[s - 1], to: sentenceTokenEnd[s - 1] } : undefined;
      const earlier = claims.length > 0 && sentenceIndexAt(ranges, claims[claims.length - 1].start) === s;
      if (sourceAnswers({ kind: m.value.kind, first: m.first, last: m.last, quoted, named, earlierCue: earlier }, tokens, text, from, previous)) continue;
      claims.push({ start: m.start, end: m.end, cue: m.value, matched, insertAt: insertionPoint(text, ranges[s]) });
    }
  }

  lap('claims');
  const terms: TermHit[] = [];
  if (wantTerms) {
    for (const m of nonOverlapping(lex.terms.matchAll(tokens, text))) {
      const matched = text.slice(m.start, m.end);
      if (isSilenced(lex.ignoredTerms, m.value.term, matched)) continue;
      const s = sentenceIndexAt(ranges, m.start);
      if (!passesContext(m.value.context, tokens, m.first, m.last, sentenceTokenStart[s], sentenceTokenEnd[s])) continue;
      terms.push({ start: m.start, end: m.end, entry: m.value, matched, quoted: isInside(quotes, m.start, m.end) });
    }
  }

  const emotive: EmotiveHit[] = [];
  if (wantTerms && options.emotiveWording) {
    const sentenceOfToken = (i: number) => {
      const s = sentenceIndexAt(ranges, tokens[i].start);
      return { from: sentenceTokenStart[s], to: sentenceTokenEnd[s] };
    };
    const named = new Map<number, boolean>();
    emotive.push(...findEmotive({
      text,
      tokens,
      sentenceOf: sentenceOfToken,
      reported: i => {
        if (isInside(quotes, tokens[i].start, tokens[i].end)) return true;
        const s = sentenceIndexAt(ranges, tokens[i].start);
        let n = named.get(s);
        if (n === undefined) named.set(s, n = namesSource(tokens, sentenceTokenStart[s], sentenceTokenEnd[s], text, 0));
        return n;
      },
      taken: terms,
      ignored: lex.ignoredTerms,
    }).filter(h => !((h.quoted || h.negated) && options.emotiveSeverity === 'hint')));
  }
  lap('terms');
  const wantSketch = options.rules['near-duplicate'].enabled && tokens.length <= MAX_SKETCH_WORDS;
  const paragraphSketch = wantSketch ? sketch(hashes) : null;
  const wordHashes = paragraphSketch ? hashes : null;
  const keyHash = sequenceHash(hashes, 0, hashes.length);
  lap('sketches');
  return { keyHash, words: tokens.length, sentences, sketch: paragraphSketch, bands: paragraphSketch ? bandKeys(paragraphSketch) : null, wordHashes, claims, terms, emotive };
}

/** A 53-bit hash of a run of word hashes (two 32-bit FNV-style lanes). */
function sequenceHash(hashes: Uint32Array, from: number, to: number): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = from; i < to; i++) {
    a = Math.imul(a ^ hashes[i], 0x01000193);
    b = Math.imul(b + hashes[i], 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) >>> 11);
}
