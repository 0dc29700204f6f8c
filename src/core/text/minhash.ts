// MinHash sketches of word shingles (one permutation hashing with densification) and LSH banding,
// so that near-duplicate candidates are found without comparing every pair of paragraphs.
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

/**
 * LSH buckets in typed arrays (an open-addressing table of band keys, each heading a linked list
 * of paragraphs, newest first): no per-bucket objects, so millions of entries cost little memory
 * and no garbage collection.
 */
/** A table slot never used; a slot whose key's list was emptied by `replace`. */
const FREE = -1;
const EMPTIED = -2;

export class LshIndex {
  /** Open addressing: slot i holds a band key at [2i] and the head of its list at [2i + 1]. */
  private table: Int32Array;
  private capacity: number;
  private used = 0;
  /** List entry e: its item at [2e] and the next entry at [2e + 1] (side by side: one cache line). */
  private entry: Int32Array;
  private entries = 0;
  /** Entries cut off the end of a list (`newest`), reused before new ones: a chain through their next. */
  private spare = FREE;

  /**
   * @param newest when set, an index built in item order and asked for at most this many items a
   *   bucket (`candidates`' `perBucket`, never with `before`) keeps only that many a key: an item
   *   added right after `candidates` read its key's list reuses the entry of the oldest one
   *   instead of a new one. The entries array is made whole but touched only as used, so a large
   *   dump's index takes a third less memory (boilerplate repeats a key hundreds of times).
   */
  constructor(expectedItems: number, private readonly newest = 0) {
    // Room for half the band keys to be distinct: a document's repeats share their keys (a large
    // dump's are a quarter distinct). The table grows when it is three quarters full.
    this.capacity = 1 << Math.max(10, Math.ceil(Math.log2((expectedItems * BANDS) / 2 + 1)));
    this.table = LshIndex.emptyTable(this.capacity);
    this.entry = new Int32Array(2 * Math.max(16, expectedItems * BANDS));
  }

  private static emptyTable(capacity: number): Int32Array {
    const table = new Int32Array(capacity * 2);
    for (let i = 1; i < table.length; i += 2) table[i] = -1;
    return table;
  }

  /** The slot of a key: where it is, or the empty slot where it would go. */
  private slot(key: number): number {
    const mask = this.capacity - 1;
    const k = key | 0;
    // Band keys are already mixed hashes: their low bits index the table directly. Key and head
    // sit side by side, so a probe touches one cache line.
    let i = k & mask;
    while (this.table[2 * i + 1] !== FREE && this.table[2 * i] !== k) i = (i + 1) & mask;
    return i;
  }

  private grow(): void {
    const old = this.table;
    const oldCapacity = this.capacity;
    this.capacity *= 2;
    this.table = LshIndex.emptyTable(this.capacity);
    for (let i = 0; i < oldCapacity; i++) {
      if (old[2 * i + 1] === FREE) continue;
      const s = this.slot(old[2 * i]);
      this.table[2 * s] = old[2 * i];
      this.table[2 * s + 1] = old[2 * i + 1];
    }
  }

  /**
   * Adds an item under its band keys, `keys[at, at + BANDS)`. Items added in increasing order cost
   * O(1) each.
   */
  add(item: number, keys: ArrayLike<number>, at: number): void {
    this.ensureItem(item);
    // Adding the bands just asked for (`candidates` then `add`, as a review goes): their slots are
    // known, which saves a second random read of the table per band.
    const known = keys === this.lastKeys && at === this.lastAt;
    this.lastKeys = null;
    // (a link may grow the table, after which the slots found before no longer hold)
    for (let k = 0; k < BANDS; k++) {
      const slot = known && this.lastCapacity === this.capacity ? this.lastSlots[k] : -1;
      if (slot >= 0 && this.lastPast[k] !== FREE) this.cutAfter(k, slot);
      this.link(keys[at + k], item, slot);
    }
  }

  /**
   * Ends band k's list (at `slot`) at its entry before last of those kept, so that the item about to
   * head it leaves `newest` in it; the entry past goes to `spare`. Another band with the same key
   * (the same slot) must not cut the list again.
   */
  private cutAfter(k: number, slot: number): void {
    const past = this.lastPast[k];
    this.entry[2 * this.lastKept[k] + 1] = FREE;
    this.entry[2 * past + 1] = this.spare;
    this.spare = past;
    for (let j = k + 1; j < BANDS; j++) if (this.lastSlots[j] === slot) this.lastPast[j] = FREE;
  }

  /** The slots `candidates` found for its band keys, while the table keeps its capacity. */
  private lastKeys: ArrayLike<number> | null = null;
  private lastAt = 0;
  private lastCapacity = 0;
  private lastSlots = new Int32Array(BANDS);
  /** With `newest`: for each band `candidates` read, the list's last entry kept and the one past it (FREE: none). */
  private lastKept = new Int32Array(BANDS);
  private lastPast = new Int32Array(BANDS);

  /**
   * Replaces an item's band keys (its paragraph was edited), keeping every list in decreasing item
   * order as if the index had been built afresh.
   */
  replace(item: number, oldKeys: ArrayLike<number>, oldAt: number, newKeys: ArrayLike<number>, newAt: number): void {
    for (let k = 0; k < BANDS; k++) {
      const s = this.slot(oldKeys[oldAt + k]);
      let prev = -1;
      for (let e = this.table[2 * s + 1]; e >= 0; prev = e, e = this.entry[2 * e + 1]) {
        if (this.entry[2 * e] !== item) continue;
        // An emptied list keeps its key (head EMPTIED, not FREE) so that probing goes past it.
        if (prev === -1) this.table[2 * s + 1] = this.entry[2 * e + 1] === FREE ? EMPTIED : this.entry[2 * e + 1];
        else this.entry[2 * prev + 1] = this.entry[2 * e + 1];
        break;
      }
    }
    this.ensureItem(item);
    for (let k = 0; k < BANDS; k++) this.link(newKeys[newAt + k], item);
  }

  /** Puts an item in a key's list, which stays in decreasing item order. */
  private link(key: number, item: number, knownSlot = -1): void {
    if ((this.used + 1) * 4 > this.capacity * 3) { this.grow(); knownSlot = -1; }
    this.ensureEntries();
    // A known slot still holds: keys are never moved or removed, so a slot that was free stays where
    // the key goes until some key takes it.
    const s = knownSlot >= 0 && (this.table[2 * knownSlot + 1] === FREE || this.table[2 * knownSlot] === (key | 0)) ? knownSlot : this.slot(key);
    if (this.table[2 * s + 1] === FREE) { this.table[2 * s] = key | 0; this.used++; }
    let prev = -1;
    let e = this.table[2 * s + 1];
    while (e >= 0 && this.entry[2 * e] > item) { prev = e; e = this.entry[2 * e + 1]; }
    let entry = this.spare;
    if (entry !== FREE) this.spare = this.entry[2 * entry + 1];
    else entry = this.entries++;
    this.entry[2 * entry] = item;
    this.entry[2 * entry + 1] = e >= 0 ? e : FREE;
    if (prev === -1) this.table[2 * s + 1] = entry;
    else this.entry[2 * prev + 1] = entry;
  }

  private ensureEntries(): void {
    if (2 * this.entries < this.entry.length) return;
    const bigger = new Int32Array(this.entry.length * 2);
    bigger.set(this.entry);
    this.entry = bigger;
  }

  /**
   * Items sharing a band with `keys[at, at + BANDS)` (those before `before`, if given), the ones
   * sharing most bands first.
   * Each bucket is read to at most `perBucket` of its newest such items, so boilerplate cannot
   * make this quadratic.
   */
  candidates(keys: ArrayLike<number>, at: number, perBucket: number, limit: number, before = Infinity): number[] {
    const items: number[] = [];
    const stamp = ++this.stamp;
    this.lastKeys = keys;
    this.lastAt = at;
    this.lastCapacity = this.capacity;
    // Only an index that keeps `newest` a key, read that deep, may cut its lists in `add`.
    const cuts = this.newest > 1 && perBucket === this.newest && before === Infinity;
    for (let k = 0; k < BANDS; k++) {
      const s = this.slot(keys[at + k]);
      this.lastSlots[k] = s;
      this.lastPast[k] = FREE;
      let e = this.table[2 * s + 1];
      // When the whole document is indexed, skip the items after `before` (newest come first).
      while (e >= 0 && this.entry[2 * e] >= before) e = this.entry[2 * e + 1];
      for (let n = 0; e >= 0 && n < perBucket; e = this.entry[2 * e + 1], n++) {
        if (cuts && n === perBucket - 2) this.lastKept[k] = e;
        if (cuts && n === perBucket - 1) this.lastPast[k] = e;
        // (every item in a list went through `add` or `replace`, which made room for it)
        const item = this.entry[2 * e];
        if (this.seen[item] !== stamp) {
          this.seen[item] = stamp;
          this.count[item] = 0;
          items.push(item);
        }
        this.count[item]++;
      }
    }
    if (items.length <= limit) return items;
    // The `limit` items sharing most bands (newest first among equals), by selection: the lists
    // are short and this runs for every paragraph.
    const count = this.count;
    const best: number[] = [];
    for (const item of items) {
      let k = best.length;
      if (k === limit && !(count[item] > count[best[k - 1]] || (count[item] === count[best[k - 1]] && item > best[k - 1]))) continue;
      if (k === limit) { best.pop(); k--; }
      while (k > 0 && (count[item] > count[best[k - 1]] || (count[item] === count[best[k - 1]] && item > best[k - 1]))) k--;
      best.splice(k, 0, item);
    }
    return best;
  }

  // Per-item scratch counters for `candidates`, reset lazily by a stamp.
  private stamp = 0;
  private seen = new Int32Array(1024);
  private count = new Int32Array(1024);

  private ensureItem(item: number): void {
    if (item < this.seen.length) return;
    let size = this.seen.length;
    while (size <= item) size *= 2;
    const seen = new Int32Array(size);
    seen.set(this.seen);
    const count = new Int32Array(size);
    count.set(this.count);
    this.seen = seen;
    this.count = count;
  }
}
