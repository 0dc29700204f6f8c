// Length of the longest common subsequence of two word sequences, bit-parallel (Hyyrö 2004):
// one pass over the later sequence, 32 positions of the earlier one per machine word. This gives
// the exact word-level similarity of two paragraphs in microseconds; `diff` is then asked for the
// word-level changes only where they are shown.
//
// It runs millions of times in a folder review, so it allocates nothing in the common case: the
// words of `a` are numbered in an open-addressing table and their position masks kept in one flat
// array, all reused from call to call (a Map of one small typed array per word cost more than the
// comparison itself).

/** Scratch reused by every call while its sizes stay below this many elements (a huge paragraph gets its own). */
const SCRATCH_LIMIT = 1 << 20;

let tableKeys = new Float64Array(64);
/** For each table entry, the word's number in `masks` (-1: empty). */
let tableWords = new Int32Array(64);
/** Word n's positions in `a`: `masks[n * span .. (n + 1) * span)`. */
let maskScratch = new Uint32Array(1024);
let vScratch = new Uint32Array(32);

function hashOf(key: number): number {
  return Math.imul((key >>> 0) ^ ((key / 4294967296) >>> 0), 0x9e3779b1);
}

function scratch<T extends Uint32Array | Int32Array | Float64Array>(current: T, size: number, make: (n: number) => T): T {
  if (size <= current.length) return current;
  return make(size);
}

/** The length of the longest common subsequence of `a[aFrom, aTo)` and `b[bFrom, bTo)` (whole arrays by default). */
export function lcsLength(a: ArrayLike<number>, b: ArrayLike<number>, aFrom = 0, aTo = a.length, bFrom = 0, bTo = b.length): number {
  const m = aTo - aFrom;
  if (m <= 0 || bTo <= bFrom) return 0;
  const span = (m + 31) >>> 5;
  let size = 16;
  while (size < 2 * m) size <<= 1;
  const keep = size <= SCRATCH_LIMIT && m * span <= SCRATCH_LIMIT;
  const keys = scratch(tableKeys, size, n => new Float64Array(n));
  const numbers = scratch(tableWords, size, n => new Int32Array(n));
  const masks = scratch(maskScratch, m * span, n => new Uint32Array(n));
  const v = scratch(vScratch, span, n => new Uint32Array(n));
  if (keep) {
    tableKeys = keys;
    tableWords = numbers;
    maskScratch = masks;
    vScratch = v;
  }
  const mask = size - 1;
  numbers.fill(-1, 0, size);
  // Number the words of `a` and set their position bits.
  let distinct = 0;
  for (let i = 0; i < m; i++) {
    const key = a[aFrom + i];
    let h = hashOf(key) & mask;
    while (numbers[h] !== -1 && keys[h] !== key) h = (h + 1) & mask;
    if (numbers[h] === -1) {
      numbers[h] = distinct;
      keys[h] = key;
      masks.fill(0, distinct * span, (distinct + 1) * span);
      distinct++;
    }
    masks[numbers[h] * span + (i >>> 5)] |= 1 << (i & 31);
  }
  // V has a 0 bit at each position of `a` that is matched so far.
  v.fill(0xffffffff, 0, span);
  for (let j = bFrom; j < bTo; j++) {
    const key = b[j];
    let h = hashOf(key) & mask;
    while (numbers[h] !== -1 && keys[h] !== key) h = (h + 1) & mask;
    if (numbers[h] === -1) continue;
    const base = numbers[h] * span;
    // V = (V + (V & M)) | (V & ~M), with the carry running across words.
    let carry = 0;
    for (let w = 0; w < span; w++) {
      const vw = v[w];
      const match = masks[base + w];
      const u = (vw & match) >>> 0;
      const sum = vw + u + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      v[w] = (sum >>> 0) | (vw & ~match);
    }
  }
  let zeros = 0;
  for (let i = 0; i < m; i++) if ((v[i >>> 5] & (1 << (i & 31))) === 0) zeros++;
  return zeros;
}
