// Length of the longest common subsequence of two word sequences, bit-parallel (Hyyrö 2004):
// one pass over the later sequence, 32 positions of the earlier one per machine word. This gives
// the exact word-level similarity of two paragraphs in microseconds; `diff` is then asked for the
// word-level changes only where they are shown.
//
// It runs millions of times in a folder review, so it allocates nothing in the common case: the
// words of `a` are numbered in an open-addressing table and their position masks kept in one flat
// array, all reused from call to call (a Map of one small typed array per word cost more than the
// comparison itself). Its loops call no built-in (a `fill` per word of `a` was a third of its time).

/** Scratch reused by every call while its sizes stay below this many elements (a huge paragraph gets its own). */
const SCRATCH_LIMIT = 1 << 20;

/** The arrays one comparison works in. */
class LcsScratch {
  /** Open addressing: the word at each table entry, and its number (-1: empty). */
  keys: Float64Array;
  numbers: Int32Array;
  /** Word n's positions in `a`: `masks[n * span .. (n + 1) * span)`. */
  masks: Uint32Array;
  /** How many times each numbered word is in `a` (used up as `b`'s words are counted). */
  counts: Int32Array;
  /** The number of each word of `b` in `a`, or -1. */
  ofB: Int32Array;
  v: Uint32Array;

  constructor(tableSize: number, maskSize: number, m: number, n: number, span: number) {
    this.keys = new Float64Array(tableSize);
    this.numbers = new Int32Array(tableSize);
    this.masks = new Uint32Array(maskSize);
    this.counts = new Int32Array(m);
    this.ofB = new Int32Array(n);
    this.v = new Uint32Array(span);
  }

  /** Makes room for a comparison of these sizes (the arrays grow, never shrink). */
  fit(tableSize: number, maskSize: number, m: number, n: number, span: number): void {
    if (this.keys.length < tableSize) {
      this.keys = new Float64Array(tableSize);
      this.numbers = new Int32Array(tableSize);
    }
    if (this.masks.length < maskSize) this.masks = new Uint32Array(Math.max(maskSize, 2 * this.masks.length));
    if (this.counts.length < m) this.counts = new Int32Array(Math.max(m, 2 * this.counts.length));
    if (this.ofB.length < n) this.ofB = new Int32Array(Math.max(n, 2 * this.ofB.length));
    if (this.v.length < span) this.v = new Uint32Array(Math.max(span, 2 * this.v.length));
  }
}

const shared = new LcsScratch(64, 1024, 1024, 1024, 32);

function hashOf(key: number): number {
  return Math.imul((key >>> 0) ^ ((key / 4294967296) >>> 0), 0x9e3779b1);
}

/**
 * The length of the longest common subsequence of `a[aFrom, aTo)` and `b[bFrom, bTo)` (whole arrays
 * by default). With `atLeast`, a caller that only wants to know whether it reaches that length may
 * get a smaller number instead, an upper bound below `atLeast`: the words the two share as
 * multisets, counted first. Most candidate pairs of a dump share too few words, and for them the
 * bit-parallel pass is never run.
 */
export function lcsLength(a: ArrayLike<number>, b: ArrayLike<number>, aFrom = 0, aTo = a.length, bFrom = 0, bTo = b.length, atLeast = 0): number {
  const m = aTo - aFrom;
  const n = bTo - bFrom;
  if (m <= 0 || n <= 0) return 0;
  const span = (m + 31) >>> 5;
  let size = 16;
  while (size < 2 * m) size <<= 1;
  let work = shared;
  if (size <= SCRATCH_LIMIT && m * span <= SCRATCH_LIMIT && n <= SCRATCH_LIMIT) shared.fit(size, m * span, m, n, span);
  else work = new LcsScratch(size, m * span, m, n, span);
  const { keys, numbers, masks, counts, ofB, v } = work;
  const mask = size - 1;
  for (let h = 0; h < size; h++) numbers[h] = -1;
  // Number the words of `a`, count them and set their position bits.
  let distinct = 0;
  for (let i = 0; i < m; i++) {
    const key = a[aFrom + i];
    let h = hashOf(key) & mask;
    while (numbers[h] !== -1 && keys[h] !== key) h = (h + 1) & mask;
    let w = numbers[h];
    if (w === -1) {
      w = numbers[h] = distinct++;
      keys[h] = key;
      for (let x = w * span; x < (w + 1) * span; x++) masks[x] = 0;
      counts[w] = 0;
    }
    counts[w]++;
    masks[w * span + (i >>> 5)] |= 1 << (i & 31);
  }
  // The number of each word of `b` in `a` (-1: not in it), and the words both share as multisets,
  // which bound the LCS; given up as soon as the words left cannot reach `atLeast`.
  let common = 0;
  for (let j = 0; j < n; j++) {
    const key = b[bFrom + j];
    let h = hashOf(key) & mask;
    while (numbers[h] !== -1 && keys[h] !== key) h = (h + 1) & mask;
    const w = numbers[h];
    ofB[j] = w;
    if (w >= 0 && counts[w] > 0) {
      counts[w]--;
      common++;
    } else if (common + (n - j - 1) < atLeast) return common + (n - j - 1);
  }
  if (common < atLeast) return common;
  // V has a 0 bit at each position of `a` that is matched so far.
  for (let x = 0; x < span; x++) v[x] = 0xffffffff;
  for (let j = 0; j < n; j++) {
    const w = ofB[j];
    if (w < 0) continue;
    const base = w * span;
    // V = (V + (V & M)) | (V & ~M), with the carry running across words.
    let carry = 0;
    for (let x = 0; x < span; x++) {
      const vw = v[x];
      const match = masks[base + x];
      const u = (vw & match) >>> 0;
      const sum = vw + u + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      v[x] = (sum >>> 0) | (vw & ~match);
    }
  }
  // The matched positions: the 0 bits of V within `a`'s m positions.
  let zeros = 0;
  for (let x = 0; x < span; x++) {
    const within = x < span - 1 || (m & 31) === 0 ? 0xffffffff : (1 << (m & 31)) - 1;
    zeros += bitCount(~v[x] & within);
  }
  return zeros;
}

function bitCount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}
