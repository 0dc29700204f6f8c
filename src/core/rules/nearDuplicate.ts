// near-duplicate: paragraphs that are light edits of an earlier one. Candidates come from LSH
// buckets of MinHash sketches (never all pairs); each is confirmed by a word-level diff.
import { diffArrays } from 'diff';
import { ParagraphAnalysis } from '../analysis';
import { lineRemovalRange } from '../edits';
import { LshIndex, bandKeys, estimate, wordHash } from '../minhash';
import { LineIndex, wordTokens } from '../text';
import { Finding, Paragraph, ReviewOptions } from '../types';

/** Paragraphs with fewer words are too short for a meaningful similarity. */
const MIN_WORDS = 10;
/** At most this many earlier paragraphs are kept per LSH bucket (bounds boilerplate). */
const BUCKET_CAP = 16;
/** At most this many candidates (those sharing the most bands) are estimated per paragraph. */
const MAX_ESTIMATED = 8;
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
}

interface Change {
  removed?: string;
  added?: string;
  /** Position in the earlier passage's words (to pair a removal with the addition after it). */
  at: number;
}

/** The words of a passage: a hash per word, and the start and end of each word in `text`. */
export interface WordList {
  hashes: ArrayLike<number>;
  offsets: ArrayLike<number>;
  text: string;
}

export function wordList(text: string): WordList {
  const tokens = wordTokens(text);
  return { hashes: tokens.map(t => wordHash(t.norm)), offsets: tokens.flatMap(t => [t.start, t.end]), text };
}

/**
 * Dice similarity of the two passages' words as multisets, ignoring order: an upper bound of the
 * diff's similarity that costs two sorts, so that most candidates are dismissed without a diff.
 */
function bagSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const x = Uint32Array.from(a).sort();
  const y = Uint32Array.from(b).sort();
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) { shared++; i++; j++; }
    else if (x[i] < y[j]) i++;
    else j++;
  }
  return (2 * shared) / (x.length + y.length);
}

/**
 * Word-level similarity of two passages (Dice over the words a minimal diff keeps: 1 is identical)
 * and the changes, in order, in the passages' own words. Null when the similarity is below
 * `threshold`: the diff then gives up early instead of finishing a long edit script.
 */
export function compareWords(a: WordList | string, b: WordList | string, threshold = 0): { similarity: number; changes: Change[] } | null {
  const left = typeof a === 'string' ? wordList(a) : a;
  const right = typeof b === 'string' ? wordList(b) : b;
  const total = left.hashes.length + right.hashes.length;
  if (total === 0) return { similarity: 1, changes: [] };
  if (threshold > 0 && bagSimilarity(left.hashes, right.hashes) < threshold) return null;
  const maxEditLength = Math.max(1, Math.ceil((1 - threshold) * total));
  const parts = diffArrays(Array.from(left.hashes), Array.from(right.hashes), { maxEditLength });
  if (!parts) return null;
  const span = (words: WordList, from: number, count: number) =>
    words.text.slice(words.offsets[2 * from], words.offsets[2 * (from + count - 1) + 1]);
  let common = 0;
  let i = 0;
  let j = 0;
  const changes: Change[] = [];
  for (const part of parts) {
    const n = part.count ?? part.value.length;
    if (part.added) {
      const added = span(right, j, n);
      const last = changes[changes.length - 1];
      if (last && last.removed !== undefined && last.added === undefined && last.at === i) last.added = added;
      else changes.push({ added, at: i });
      j += n;
    } else if (part.removed) {
      changes.push({ removed: span(left, i, n), at: i + n });
      i += n;
    } else {
      common += n;
      i += n;
      j += n;
    }
  }
  const similarity = (2 * common) / total;
  return similarity >= threshold ? { similarity, changes } : null;
}

function clip(s: string, n = 40): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? one.slice(0, n - 1) + '\u2026' : one;
}

export function describeChanges(changes: Change[], limit = 3): string {
  const shown = changes.slice(0, limit).map(c => {
    if (c.removed && c.added) return `\u201C${clip(c.removed)}\u201D \u2192 \u201C${clip(c.added)}\u201D`;
    if (c.added) return `added \u201C${clip(c.added)}\u201D`;
    return `removed \u201C${clip(c.removed ?? '')}\u201D`;
  });
  const more = changes.length - limit;
  return shown.join('; ') + (more > 0 ? `; and ${more} more change${more === 1 ? '' : 's'}` : '');
}

export function findNearDuplicates(ctx: NearDuplicateContext): { findings: Finding[]; nearCopies: Set<number> } {
  const { text, lines, paragraphs, analyses, options, copied } = ctx;
  const threshold = options.nearDuplicateThreshold;
  const severity = options.rules['near-duplicate'].severity;
  const index = new LshIndex(paragraphs.length);
  const findings: Finding[] = [];
  const nearCopies = new Set<number>();

  const wordsOf = (p: Paragraph, a: ParagraphAnalysis): WordList => ({
    hashes: a.wordHashes!,
    offsets: a.wordOffsets!,
    text: text.slice(p.range.start, p.range.end),
  });
  for (const p of paragraphs) {
    const a = analyses[p.index];
    const sig = a.sketch;
    if (p.isMeta || !sig || a.words < MIN_WORDS) continue;
    const keys = bandKeys(sig);
    if (!copied.has(p.index)) {
      // The number of shared bands already ranks the candidates; only the best few are estimated.
      const ranked = index.candidates(keys, BUCKET_CAP, MAX_ESTIMATED);
      const candidates = ranked
        .map(q => ({ q, est: estimate(sig, analyses[q].sketch!) }))
        .filter(c => c.est >= MIN_ESTIMATE && analyses[c.q].key !== a.key)
        .sort((x, y) => y.est - x.est || x.q - y.q)
        .slice(0, MAX_CONFIRMED);
      let best: { q: number; similarity: number; changes: Change[] } | null = null;
      const words = wordsOf(p, a);
      for (const { q } of candidates) {
        const cmp = compareWords(wordsOf(paragraphs[q], analyses[q]), words, threshold);
        if (cmp && cmp.similarity < 1) { best = { q, ...cmp }; break; }
      }
      if (best) {
        const original = paragraphs[best.q];
        const percent = Math.floor(best.similarity * 100);
        const at = lines.lineAt(original.range.start) + 1;
        nearCopies.add(p.index);
        findings.push({
          rule: 'near-duplicate',
          severity,
          message: `Near duplicate of the paragraph at line ${at} (${percent}% similar): ${describeChanges(best.changes) || 'only punctuation or case differs'}.`,
          range: p.range,
          related: [{ message: `Original paragraph (${percent}% similar)`, range: original.range }],
          fixes: [{ title: 'Remove near duplicate', edits: [{ range: lineRemovalRange(text, p.lineRange), newText: '' }] }],
          data: { similarity: best.similarity, original: original.range, changes: describeChanges(best.changes, 10) },
        });
      }
    }
    index.add(p.index, keys);
  }
  return { findings, nearCopies };
}
