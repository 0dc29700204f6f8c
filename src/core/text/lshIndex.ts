// LSH buckets of MinHash band keys (minhash.ts), in typed arrays: for each band key, the items
// (paragraph positions) added under it, so that near-duplicate candidates are the items sharing a
// band with a paragraph, never every pair. No object per bucket: a large dump has millions of keys.
//
// Two indexes, one lookup: `LshIndex` keeps every item (the editor's review, kept from one version
// of the document to the next, updates it with `replace` and asks for the items `before` one);
// `RecentLshIndex` keeps only the newest few a key, all that a one-shot review ever reads.
import { BANDS } from './minhash';

/** A table slot never used; a slot whose key's list was emptied by `replace`. */
const FREE = -1;
const EMPTIED = -2;

/** Room for half the band keys of the items expected to be distinct (a document's repeats share their keys). */
function initialCapacity(expectedItems: number): number {
  return 1 << Math.max(10, Math.ceil(Math.log2((expectedItems * BANDS) / 2 + 1)));
}

/** An open-addressing table of band keys, two ints a slot: the key and what the index keeps for it. */
function emptyTable(capacity: number): Int32Array {
  const table = new Int32Array(capacity * 2);
  for (let i = 1; i < table.length; i += 2) table[i] = FREE;
  return table;
}

/**
 * The slot of `key` in `table`: where it is, or the free slot where it would go. Band keys are
 * already mixed hashes: their low bits index the table directly; key and value sit side by side,
 * so a probe touches one cache line.
 */
function slotOf(table: Int32Array, capacity: number, key: number): number {
  const mask = capacity - 1;
  const k = key | 0;
  let i = k & mask;
  while (table[2 * i + 1] !== FREE && table[2 * i] !== k) i = (i + 1) & mask;
  return i;
}

/** The table at twice the capacity, every key moved to its new slot. */
function grownTable(old: Int32Array, oldCapacity: number): Int32Array {
  const capacity = oldCapacity * 2;
  const table = emptyTable(capacity);
  for (let i = 0; i < oldCapacity; i++) {
    if (old[2 * i + 1] === FREE) continue;
    const s = slotOf(table, capacity, old[2 * i]);
    table[2 * s] = old[2 * i];
    table[2 * s + 1] = old[2 * i + 1];
  }
  return table;
}

/**
 * The items one `candidates` call met and how many of its bands each shares, counted in arrays by
 * item that a stamp resets lazily; then the `limit` sharing most.
 */
class Tally {
  private stamp = 0;
  private seen = new Int32Array(1024);
  private count = new Int32Array(1024);
  private items: number[] = [];

  /** Starts a count. */
  begin(): void {
    this.stamp++;
    this.items = [];
  }

  add(item: number): void {
    if (this.seen[item] !== this.stamp) {
      this.seen[item] = this.stamp;
      this.count[item] = 0;
      this.items.push(item);
    }
    this.count[item]++;
  }

  /**
   * The items counted, in the order first met; when more than `limit`, the `limit` sharing most
   * bands (newest first among equals), by selection: the lists are short and this runs for every
   * paragraph.
   */
  best(limit: number): number[] {
    const items = this.items;
    if (items.length <= limit) return items;
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

  /** Makes room for items up to `item`. */
  fit(item: number): void {
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

/** What both indexes have: the table of band keys, grown when three quarters full, and the tally. */
abstract class BandTable {
  /** Slot i holds a band key at [2i] and what the index keeps for it at [2i + 1]. */
  protected table: Int32Array;
  protected capacity: number;
  private used = 0;
  protected readonly tally = new Tally();

  constructor(expectedItems: number) {
    this.capacity = initialCapacity(expectedItems);
    this.table = emptyTable(this.capacity);
  }

  /** Makes room for one more key (the table grows: slots found before no longer hold). */
  protected roomForKey(): void {
    if ((this.used + 1) * 4 <= this.capacity * 3) return;
    this.table = grownTable(this.table, this.capacity);
    this.capacity *= 2;
  }

  /** Puts a new key in its free slot `s`, with `value`. */
  protected claim(s: number, key: number, value: number): void {
    this.table[2 * s] = key | 0;
    this.table[2 * s + 1] = value;
    this.used++;
  }
}

/**
 * Every item a key: each key heads a linked list of its items, newest first (list entries in one
 * typed array, an entry's item and next side by side). Kept across reviews of one document.
 */
export class LshIndex extends BandTable {
  /** List entry e: its item at [2e] and the next entry at [2e + 1]. */
  private entry: Int32Array;
  private entries = 0;

  constructor(expectedItems: number) {
    super(expectedItems);
    this.entry = new Int32Array(2 * Math.max(16, expectedItems * BANDS));
  }

  /** Adds an item under its band keys, `keys[at, at + BANDS)`. Items added in increasing order cost O(1) each. */
  add(item: number, keys: ArrayLike<number>, at: number): void {
    this.tally.fit(item);
    for (let k = 0; k < BANDS; k++) this.link(keys[at + k], item);
  }

  /**
   * Replaces an item's band keys (its paragraph was edited), keeping every list in decreasing item
   * order as if the index had been built afresh.
   */
  replace(item: number, oldKeys: ArrayLike<number>, oldAt: number, newKeys: ArrayLike<number>, newAt: number): void {
    for (let k = 0; k < BANDS; k++) {
      const s = slotOf(this.table, this.capacity, oldKeys[oldAt + k]);
      let prev = -1;
      for (let e = this.table[2 * s + 1]; e >= 0; prev = e, e = this.entry[2 * e + 1]) {
        if (this.entry[2 * e] !== item) continue;
        // An emptied list keeps its key (head EMPTIED, not FREE) so that probing goes past it.
        if (prev === -1) this.table[2 * s + 1] = this.entry[2 * e + 1] === FREE ? EMPTIED : this.entry[2 * e + 1];
        else this.entry[2 * prev + 1] = this.entry[2 * e + 1];
        break;
      }
    }
    this.add(item, newKeys, newAt);
  }

  /** Puts an item in a key's list, which stays in decreasing item order. */
  private link(key: number, item: number): void {
    this.roomForKey();
    if (2 * this.entries >= this.entry.length) {
      const bigger = new Int32Array(this.entry.length * 2);
      bigger.set(this.entry);
      this.entry = bigger;
    }
    const s = slotOf(this.table, this.capacity, key);
    if (this.table[2 * s + 1] === FREE) this.claim(s, key, FREE);
    let prev = -1;
    let e = this.table[2 * s + 1];
    while (e >= 0 && this.entry[2 * e] > item) { prev = e; e = this.entry[2 * e + 1]; }
    const entry = this.entries++;
    this.entry[2 * entry] = item;
    this.entry[2 * entry + 1] = e >= 0 ? e : FREE;
    if (prev === -1) this.table[2 * s + 1] = entry;
    else this.entry[2 * prev + 1] = entry;
  }

  /**
   * Items sharing a band with `keys[at, at + BANDS)` (those before `before`, if given), the ones
   * sharing most bands first. Each bucket is read to at most `perBucket` of its newest such
   * items, so boilerplate cannot make this quadratic.
   */
  candidates(keys: ArrayLike<number>, at: number, perBucket: number, limit: number, before = Infinity): number[] {
    const tally = this.tally;
    tally.begin();
    for (let k = 0; k < BANDS; k++) {
      let e = this.table[2 * slotOf(this.table, this.capacity, keys[at + k]) + 1];
      // When the whole document is indexed, skip the items after `before` (newest come first).
      while (e >= 0 && this.entry[2 * e] >= before) e = this.entry[2 * e + 1];
      // (every item in a list went through `add`, which made room for it in the tally)
      for (let n = 0; e >= 0 && n < perBucket; e = this.entry[2 * e + 1], n++) tally.add(this.entry[2 * e]);
    }
    return tally.best(limit);
  }
}

/**
 * The newest `keep` items a key, for an index built in item order and asked for at most that many
 * a bucket (a one-shot review: `candidates`, then `add`, paragraph after paragraph). A key with one
 * item keeps it in its table slot; a key with more has a block of `keep` items used as a ring, so
 * that reading a bucket is one or two cache lines, where a linked list was a miss an item (a large
 * dump's band keys are most of the index's reads). Gives the candidates `LshIndex` gives with
 * `perBucket` up to `keep`.
 */
export class RecentLshIndex extends BandTable {
  // A key's value in the table: its one item (>= 0), or -(its block + 2).
  /** Block b at b * stride: the number of items ever added, then the ring of the newest `keep`. */
  private blocks: Int32Array;
  private blockCount = 0;
  private readonly stride: number;
  /** The slots `candidates` found for its keys, reused by the `add` of the same keys that follows. */
  private lastKeys: ArrayLike<number> | null = null;
  private lastAt = 0;
  private lastCapacity = 0;
  private readonly lastSlots = new Int32Array(BANDS);

  constructor(expectedItems: number, private readonly keep: number) {
    super(expectedItems);
    this.stride = keep + 1;
    this.blocks = new Int32Array(this.stride * Math.max(64, expectedItems));
  }

  /** Adds an item under its band keys, `keys[at, at + BANDS)`; items come in increasing order. */
  add(item: number, keys: ArrayLike<number>, at: number): void {
    this.tally.fit(item);
    // Adding the keys just asked for: their slots are known (a second random read of the table saved).
    const known = keys === this.lastKeys && at === this.lastAt;
    this.lastKeys = null;
    for (let k = 0; k < BANDS; k++) this.link(keys[at + k], item, known ? this.lastSlots[k] : -1);
  }

  private link(key: number, item: number, knownSlot: number): void {
    this.roomForKey();
    // A known slot holds while the table keeps its capacity, unless another key (an earlier band
    // of this item) took the free slot it was.
    const table = this.table;
    const usable = knownSlot >= 0 && this.lastCapacity === this.capacity && (table[2 * knownSlot + 1] === FREE || table[2 * knownSlot] === (key | 0));
    const s = usable ? knownSlot : slotOf(table, this.capacity, key);
    const value = table[2 * s + 1];
    if (value === FREE) this.claim(s, key, item);
    else if (value >= 0) {
      if (this.keep === 1) { table[2 * s + 1] = item; return; }
      const b = this.newBlock();
      const base = b * this.stride;
      this.blocks[base] = 2;
      this.blocks[base + 1] = value;
      this.blocks[base + 2] = item;
      table[2 * s + 1] = -(b + 2);
    } else {
      const base = (-value - 2) * this.stride;
      const added = this.blocks[base];
      this.blocks[base + 1 + (added % this.keep)] = item;
      this.blocks[base] = added + 1;
    }
  }

  private newBlock(): number {
    if ((this.blockCount + 1) * this.stride > this.blocks.length) {
      const bigger = new Int32Array(this.blocks.length * 2);
      bigger.set(this.blocks);
      this.blocks = bigger;
    }
    return this.blockCount++;
  }

  /**
   * Items sharing a band with `keys[at, at + BANDS)`, the ones sharing most bands first; each
   * bucket read to at most `perBucket` (at most `keep`) of its newest items.
   */
  candidates(keys: ArrayLike<number>, at: number, perBucket: number, limit: number): number[] {
    const tally = this.tally;
    tally.begin();
    this.lastKeys = keys;
    this.lastAt = at;
    this.lastCapacity = this.capacity;
    const read = Math.min(perBucket, this.keep);
    for (let k = 0; k < BANDS; k++) {
      const s = slotOf(this.table, this.capacity, keys[at + k]);
      this.lastSlots[k] = s;
      const value = this.table[2 * s + 1];
      if (value === FREE || read < 1) continue;
      if (value >= 0) { tally.add(value); continue; }
      const base = (-value - 2) * this.stride;
      const added = this.blocks[base];
      const n = Math.min(added, read);
      // Newest first: the ring backwards from the last item added.
      for (let t = 1; t <= n; t++) tally.add(this.blocks[base + 1 + ((added - t) % this.keep)]);
    }
    return tally.best(limit);
  }
}
