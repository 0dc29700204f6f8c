// MinHash sketches of word shingles (one permutation hashing with densification) and LSH banding,
// so that near-duplicate candidates are found without comparing every pair of paragraphs (the
// buckets: lshIndex.ts).
import { allocUint32 } from './slab';

export const SKETCH_SIZE = 64;
export const BANDS = 21;
export const ROWS = 3;
const SHINGLE = 3;
const EMPTY = 0xffffffff;

function mix(h: number): number {
  // murmur3 finaliser: spreads the bits of a 32-bit hash.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Whether a paragraph of this many words has shingles enough to be sketched. */
export function canSketch(words: number): boolean {
  return words >= SHINGLE + 2;
}

/** Sketch of a paragraph's word 3-shingles, or null when it has too few words to compare. */
export function sketch(hashes: ArrayLike<number>): Uint32Array | null {
  if (!canSketch(hashes.length)) return null;
  const sig = allocUint32(SKETCH_SIZE);
  writeSketch(hashes, 0, hashes.length, sig, 0);
  return sig;
}

/** Writes the sketch of `hashes[from, to)` (enough of them: `canSketch`) into `out[at, at + SKETCH_SIZE)`. */
export function writeSketch(hashes: ArrayLike<number>, from: number, to: number, out: Uint32Array, at: number): void {
  out.fill(EMPTY, at, at + SKETCH_SIZE);
  for (let i = from; i + SHINGLE <= to; i++) {
    const h = mix((Math.imul(hashes[i], 0x9e3779b1) ^ Math.imul(hashes[i + 1], 0x85ebca77) ^ hashes[i + 2]) >>> 0);
    // One mixed hash gives both the bucket (low bits) and the value (the rest).
    const bucket = at + (h & (SKETCH_SIZE - 1));
    const value = h >>> 6;
    if (value < out[bucket]) out[bucket] = value;
  }
  // Densification: an empty bucket borrows the value of the next filled one (salted by distance).
  for (let b = 0; b < SKETCH_SIZE; b++) {
    if (out[at + b] !== EMPTY) continue;
    for (let d = 1; d < SKETCH_SIZE; d++) {
      const v = out[at + ((b + d) % SKETCH_SIZE)];
      if (v !== EMPTY) { out[at + b] = mix((v + d) >>> 0); break; }
    }
  }
}

/** The hash of each band of a sketch (its LSH bucket keys). */
export function bandKeys(sig: Uint32Array): Uint32Array {
  const keys = allocUint32(BANDS);
  writeBandKeys(sig, 0, keys, 0);
  return keys;
}

/** Writes the band keys of the sketch at `sig[sigAt…]` into `out[at, at + BANDS)`. */
export function writeBandKeys(sig: Uint32Array, sigAt: number, out: Uint32Array, at: number): void {
  for (let b = 0; b < BANDS; b++) {
    let h = b + 1;
    for (let r = 0; r < ROWS; r++) h = mix((h ^ sig[sigAt + b * ROWS + r]) >>> 0);
    out[at + b] = h;
  }
}

/** The number of rows two sketches share (out of SKETCH_SIZE), at `aAt` in `a` and `bAt` in `b`. */
export function sameRows(a: Uint32Array, aAt: number, b: Uint32Array, bAt: number): number {
  let same = 0;
  for (let i = 0; i < SKETCH_SIZE; i++) if (a[aAt + i] === b[bAt + i]) same++;
  return same;
}
