// MinHash sketches of word shingles (one permutation hashing with densification) and LSH banding,
// so that near-duplicate candidates are found without comparing every pair of paragraphs.

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

function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Sketch of a paragraph's word 3-shingles, or null when it has too few words to compare. */
export function sketch(words: string[]): Uint32Array | null {
  if (words.length < SHINGLE + 2) return null;
  const hashes = words.map(wordHash);
  const sig = new Uint32Array(SKETCH_SIZE).fill(EMPTY);
  for (let i = 0; i + SHINGLE <= hashes.length; i++) {
    const h = mix((Math.imul(hashes[i], 0x9e3779b1) ^ Math.imul(hashes[i + 1], 0x85ebca77) ^ hashes[i + 2]) >>> 0);
    const bucket = h % SKETCH_SIZE;
    const value = mix(h ^ 0x5bd1e995);
    if (value < sig[bucket]) sig[bucket] = value;
  }
  // Densification: an empty bucket borrows the value of the next filled one (salted by distance).
  for (let b = 0; b < SKETCH_SIZE; b++) {
    if (sig[b] !== EMPTY) continue;
    for (let d = 1; d < SKETCH_SIZE; d++) {
      const v = sig[(b + d) % SKETCH_SIZE];
      if (v !== EMPTY) { sig[b] = mix((v + d) >>> 0); break; }
    }
  }
  return sig;
}

/** The hash of each band of a sketch (its LSH bucket keys). */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = b + 1;
    for (let r = 0; r < ROWS; r++) h = mix((h ^ sig[b * ROWS + r]) >>> 0);
    keys.push(h);
  }
  return keys;
}

/** Estimated Jaccard similarity of two sketches. */
export function estimate(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SKETCH_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SKETCH_SIZE;
}
