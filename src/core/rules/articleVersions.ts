// Whether an article is an exact copy of an earlier one, an updated version of it, or neither, by
// aligning their paragraphs: exactly (the same after normalisation) or lightly edited (word-level
// similarity at least the near-duplicate threshold). One comparison for both places it matters:
// inside one file (rules/repeated.ts, review.ts) and across the files of a collection
// (collection/), which give the paragraphs from a review's analyses or from fingerprints.
import { lcsLength } from '../text/lcs';
import { BANDS } from '../text/minhash';

/** What the comparison needs of a paragraph. */
export interface VersionParagraph {
  words: number;
  /** A headline or heading line (compared by its words only: `# Title` and `Title` are the same). */
  heading: boolean;
  /** Equal for paragraphs that are the same (normalised text; words only for headings). */
  hash: number;
  /**
   * When the paragraph is long enough to be a near duplicate: its LSH band keys,
   * `bands[bandsAt, bandsAt + BANDS)`, and its word hashes, `wordHashes[wordsFrom, wordsTo)`. Both
   * null otherwise. Places in arrays that many paragraphs share (a review's analysis, a file's
   * columns), not a view each: a view is an object of about 96 bytes, and a review compares the
   * versions of thousands of articles.
   */
  bands: ArrayLike<number> | null;
  bandsAt: number;
  wordHashes: ArrayLike<number> | null;
  wordsFrom: number;
  wordsTo: number;
}

export interface VersionArticle {
  paragraphs: VersionParagraph[];
  /** Hash of the title's words (`titleHash`): a title given in a header line is no paragraph. */
  titleHash: number;
}

/** How an updated version differs from its original, counted by paragraph (headings apart). */
export interface ArticleChanges {
  headlineChanged: boolean;
  /** Paragraphs of the original missing here, and whether its last one is among them. */
  dropped: number;
  lastDropped: boolean;
  /** Paragraphs here that the original does not hold, not even lightly edited. */
  added: number;
  /** Paragraphs lightly edited (near duplicates of one of the original). */
  edited: number;
}

export interface ArticleComparison {
  /** Every paragraph of the later article exists in the original (and it has at least one). */
  exact: boolean;
  /** Word-level similarity of the two articles (0..1): the words each shares with the other, over all their words. */
  similarity: number;
  /** Share of the later article's words found in the original, and of the original's found in it. */
  fromOriginal: number;
  ofOriginal: number;
  /** Paragraphs of the later article matched exactly or lightly edited, and its words. */
  matched: number;
  words: number;
  changes: ArticleChanges;
  /** Per paragraph of the later article: the index of its match in the original, or -1; and the similarity (1 exact). */
  matchOf: Int32Array;
  similarityOf: Float64Array;
}

/** An updated version takes most of its words from the original and keeps most of the original's. */
const MIN_FROM_ORIGINAL = 0.6;
const MIN_OF_ORIGINAL = 0.5;
/** Paragraphs that must match: one shared paragraph is a pasted passage, not a version. */
const MIN_MATCHED = 2;
/** Words an article needs to be a version of another (shorter ones are compared as paragraphs). */
const MIN_WORDS = 20;
/**
 * An update adds a paragraph or so (an update line, a new last paragraph): an article holding
 * another whole plus several paragraphs of its own is two stories run together, whose repeated
 * paragraphs are repeats.
 */
function fewAdded(c: ArticleComparison): boolean {
  return c.changes.added <= Math.max(1, Math.floor(c.matched / 4));
}

/** Whether two paragraphs with band keys share one. */
function shareBand(p: VersionParagraph, q: VersionParagraph): boolean {
  const a = p.bands!;
  const b = q.bands!;
  for (let k = 0; k < BANDS; k++) if (a[p.bandsAt + k] === b[q.bandsAt + k]) return true;
  return false;
}

/** The word-level similarity of two paragraphs with word hashes (Dice over their longest common subsequence of words). */
function wordSimilarity(p: VersionParagraph, q: VersionParagraph): number {
  const total = p.wordsTo - p.wordsFrom + (q.wordsTo - q.wordsFrom);
  return total === 0 ? 1 : (2 * lcsLength(p.wordHashes!, q.wordHashes!, p.wordsFrom, p.wordsTo, q.wordsFrom, q.wordsTo)) / total;
}

/** A 53-bit hash of a run of word hashes (two 32-bit FNV-style lanes): a paragraph's `keyHash`, a title's hash. */
export function wordSequenceHash(hashes: ArrayLike<number>, from = 0, to = hashes.length): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = from; i < to; i++) {
    a = Math.imul(a ^ hashes[i], 0x01000193);
    b = Math.imul(b + hashes[i], 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) >>> 11);
}

/** A 53-bit hash of a normalised text (two 32-bit lanes): equal texts, equal hashes. */
export function textHash(normalized: string): number {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < normalized.length; i++) {
    const c = normalized.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) >>> 11);
}

/**
 * Aligns the paragraphs of a later article with those of an earlier one and measures how much of
 * each the other holds. `threshold` is the word-level similarity from which a paragraph is a light
 * edit of another (the option `nearDuplicateThreshold`).
 */
export function compareArticles(later: VersionArticle, original: VersionArticle, threshold: number): ArticleComparison {
  const a = later.paragraphs;
  const b = original.paragraphs;
  const byHash = new Map<number, number[]>();
  b.forEach((p, j) => {
    const list = byHash.get(p.hash);
    if (list) list.push(j);
    else byHash.set(p.hash, [j]);
  });
  const matchOf = new Int32Array(a.length).fill(-1);
  const similarityOf = new Float64Array(a.length);
  const used = new Uint8Array(b.length);
  let exactAll = a.length > 0;
  let titleMatched = false;
  // Exact matches first, each of the original's paragraphs used once while an unused one is left.
  a.forEach((p, i) => {
    const list = byHash.get(p.hash);
    if (list) {
      const j = list.find(k => !used[k] && b[k].words === p.words) ?? list.find(k => b[k].words === p.words);
      if (j !== undefined) {
        matchOf[i] = j;
        similarityOf[i] = 1;
        used[j] = 1;
        return;
      }
    }
    // A headline against a title given in a header line (no paragraph of the original).
    if (p.heading && p.hash === original.titleHash && !titleMatched) {
      titleMatched = true;
      similarityOf[i] = 1;
      return;
    }
    exactAll = false;
  });
  let edited = 0;
  a.forEach((p, i) => {
    if (similarityOf[i] > 0 || !p.bands || !p.wordHashes) return;
    let best = -1;
    let bestSimilarity = threshold;
    b.forEach((q, j) => {
      if (used[j] || !q.bands || !q.wordHashes || !shareBand(p, q)) return;
      const s = wordSimilarity(q, p);
      if (s >= bestSimilarity) { best = j; bestSimilarity = s; }
    });
    if (best >= 0) {
      matchOf[i] = best;
      similarityOf[i] = bestSimilarity;
      used[best] = 1;
      edited++;
    }
  });
  let wordsA = 0;
  let fromB = 0;
  let matched = 0;
  let added = 0;
  a.forEach((p, i) => {
    wordsA += p.words;
    fromB += p.words * similarityOf[i];
    if (similarityOf[i] > 0) matched++;
    else if (!p.heading) added++;
  });
  let wordsB = 0;
  let ofB = 0;
  let dropped = 0;
  let lastBody = -1;
  b.forEach((q, j) => {
    wordsB += q.words;
    if (!q.heading) lastBody = j;
    if (used[j]) ofB += q.words;
    else if (!q.heading) dropped++;
  });
  // A matched paragraph of the original counts with the similarity of its match.
  a.forEach((p, i) => {
    if (matchOf[i] >= 0 && similarityOf[i] < 1) ofB -= b[matchOf[i]].words * (1 - similarityOf[i]);
  });
  const changes: ArticleChanges = {
    headlineChanged: later.titleHash !== original.titleHash,
    dropped,
    lastDropped: lastBody >= 0 && !used[lastBody],
    added,
    edited,
  };
  return {
    exact: exactAll,
    similarity: wordsA + wordsB > 0 ? (fromB + ofB) / (wordsA + wordsB) : 0,
    fromOriginal: wordsA > 0 ? fromB / wordsA : 0,
    ofOriginal: wordsB > 0 ? ofB / wordsB : 0,
    matched,
    words: wordsA,
    changes,
    matchOf,
    similarityOf,
  };
}

/**
 * Whether `later` can be an exact copy or an updated version of `original` at all: the words of its
 * paragraphs that could match one of the original's (the same hash, the original's title, or a
 * shared LSH band) reach the share of its words an updated version takes from the original. A
 * cheap bound that spares the word alignment of `compareArticles` for articles that share only a
 * pasted paragraph or two; it never rules out one that `compareArticles` would find a copy or a
 * version (it sums, in the same order, the words that comparison could count at most).
 */
export function mayBeVersionOf(later: VersionArticle, original: VersionArticle): boolean {
  const hashes = new Set<number>();
  for (const q of original.paragraphs) hashes.add(q.hash);
  let words = 0;
  let matchable = 0;
  for (const p of later.paragraphs) {
    words += p.words;
    if (hashes.has(p.hash) || (p.heading && p.hash === original.titleHash) || sharesBandWithAny(p, original.paragraphs)) matchable += p.words;
  }
  return words === 0 || matchable / words >= MIN_FROM_ORIGINAL;
}

function sharesBandWithAny(p: VersionParagraph, others: readonly VersionParagraph[]): boolean {
  if (!p.bands || !p.wordHashes) return false;
  for (const q of others) if (q.bands && q.wordHashes && shareBand(p, q)) return true;
  return false;
}

/** Whether a comparison shows an updated version of the original (not an exact copy). */
export function isUpdatedVersion(c: ArticleComparison): boolean {
  return !c.exact && c.matched >= MIN_MATCHED && c.words >= MIN_WORDS && c.fromOriginal >= MIN_FROM_ORIGINAL && c.ofOriginal >= MIN_OF_ORIGINAL && fewAdded(c);
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** "headline reworded; last paragraph dropped; 1 paragraph added; 2 paragraphs edited". */
export function describeArticleChanges(c: ArticleChanges): string {
  const parts: string[] = [];
  if (c.headlineChanged) parts.push('headline reworded');
  if (c.dropped === 1 && c.lastDropped) parts.push('last paragraph dropped');
  else if (c.dropped > 0) parts.push(`${count(c.dropped, 'paragraph')} dropped${c.lastDropped ? ' (the last among them)' : ''}`);
  if (c.added > 0) parts.push(`${count(c.added, 'paragraph')} added`);
  if (c.edited > 0) parts.push(`${count(c.edited, 'paragraph')} edited`);
  return parts.length > 0 ? parts.join('; ') : 'the same paragraphs in another order or form';
}

/**
 * What removing one version loses (for the explicit fixes): the paragraphs only it holds, in words
 * ("its 1 added paragraph and 2 edited ones"); empty when it holds none.
 */
export function lostByRemoving(side: 'later' | 'original', c: ArticleChanges): string {
  const own = side === 'later' ? c.added : c.dropped;
  const parts: string[] = [];
  if (own > 0) parts.push(side === 'later' ? `${count(own, 'added paragraph')}` : c.lastDropped && own === 1 ? 'the last paragraph' : `${count(own, 'paragraph')} missing from the other`);
  if (c.edited > 0) parts.push(`${c.edited} edited ${c.edited === 1 ? 'paragraph' : 'paragraphs'} as written there`);
  if (c.headlineChanged) parts.push('its headline');
  return parts.join(', ');
}
