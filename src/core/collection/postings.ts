// Posting lists in typed arrays: (key, item) pairs sorted by key, so that every item with a key is
// one contiguous run found by binary search — the "group by key" of the cross-file step. Eight
// bytes a posting (six in a large run, whose directory holds the keys' top 16 bits) and no object
// per key: a 100 MB folder has millions of band keys. Items added
// since the last query wait in a buffer; the next query sorts them (radix sort, linear) and merges
// them in, dropping the items no longer alive (a file replaced or removed). A list whose items never
// die (an append-only index) may keep only the first items of each key that a lookup can read.

/**
 * A sorted run. A small one keeps whole keys; a large one keeps a directory of where the keys with
 * each top 16 bits start (65,537 offsets: a lookup then searches a few postings instead of the
 * whole run, which on a big run is a cache miss a step) and only the keys' low 16 bits, the top
 * ones being implied by the directory: the same keys, two bytes a posting fewer.
 */
interface Segment {
  length: number;
  /** Whole keys (a small run), or null. */
  keys: Uint32Array | null;
  /** Low 16 bits of the keys (a large run), or null. */
  low: Uint16Array | null;
  directory: Uint32Array | null;
  items: Uint32Array;
}

/** Runs at least this long get a directory (256 KiB each, so only the large ones). */
const DIRECTORY_MIN = 1 << 16;
/**
 * Runs are not merged past this many postings (about 50 MB): a merge holds both runs and the
 * result at once, so one merge of all of a 1 GB folder's band keys would briefly take a gigabyte
 * more. Past it a lookup searches a few large runs, each through its directory (a file's keys
 * together: `forEachOf` walks each run once).
 */
const MERGED_MAX = 1 << 23;

/** A run being written in key order: whole keys, or (large) the low bits and a directory. */
class RunBuilder {
  readonly keys: Uint32Array | null;
  readonly low: Uint16Array | null;
  readonly directory: Uint32Array | null;
  readonly items: Uint32Array;
  length = 0;

  constructor(capacity: number) {
    const large = capacity >= DIRECTORY_MIN;
    this.keys = large ? null : new Uint32Array(capacity);
    this.low = large ? new Uint16Array(capacity) : null;
    this.directory = large ? new Uint32Array(65537) : null;
    this.items = new Uint32Array(capacity);
  }

  push(key: number, item: number): void {
    if (this.keys) this.keys[this.length] = key;
    else {
      this.low![this.length] = key & 0xffff;
      this.directory![(key >>> 16) + 1]++;
    }
    this.items[this.length++] = item;
  }

  /** The run (cut to the postings written). */
  done(): Segment {
    const d = this.directory;
    if (d) for (let t = 0; t < 65536; t++) d[t + 1] += d[t];
    const n = this.length;
    const full = n === this.items.length;
    return {
      length: n,
      keys: this.keys && (full ? this.keys : this.keys.slice(0, n)),
      low: this.low && (full ? this.low : this.low.slice(0, n)),
      directory: d,
      items: full ? this.items : this.items.slice(0, n),
    };
  }
}

function segment(keys: Uint32Array, items: Uint32Array): Segment {
  if (keys.length < DIRECTORY_MIN) return { length: keys.length, keys, low: null, directory: null, items };
  const run = new RunBuilder(keys.length);
  for (let i = 0; i < keys.length; i++) run.push(keys[i], items[i]);
  return run.done();
}

/** A run's keys, whole (a large run's rebuilt from its directory and low bits). */
function wholeKeys(s: Segment): Uint32Array {
  if (s.keys) return s.keys;
  const keys = new Uint32Array(s.length);
  const d = s.directory!;
  const low = s.low!;
  for (let top = 0; top < 65536; top++) {
    const high = top << 16;
    for (let i = d[top]; i < d[top + 1]; i++) keys[i] = (high | low[i]) >>> 0;
  }
  return keys;
}

export class Postings {
  /**
   * Sorted runs, oldest first, each at least twice the size of the next (a log-structured merge):
   * adding a file sorts only its own postings and merges runs of like size, so building the index
   * of n files costs n log n, not n² (one sorted array merged on every file would).
   */
  private segments: Segment[] = [];
  private newKeys: Uint32Array = new Uint32Array(1024);
  private newItems: Uint32Array = new Uint32Array(1024);
  private newSize = 0;
  /** Postings of the sorted runs that are no longer alive, to drop at the next full merge. */
  private stale = 0;

  private readonly alive: (item: number) => boolean;
  private readonly mergedMax: number;
  private readonly keepPerKey: number;

  /**
   * @param alive whether an item still counts (checked when merging after `forget`).
   * @param mergedMax the longest run a merge makes (smaller in tests, to have several large runs).
   * @param keepPerKey how many items of a key each run keeps, the earliest added (default all).
   *   Only for a list that never calls `forget` and whose lookups read at most this many: a
   *   lookup's first items are then the same, and in an archive where the same stories come back
   *   a band key may be shared by hundreds of paragraphs.
   */
  constructor(alive: (item: number) => boolean, options: { mergedMax?: number; keepPerKey?: number } = {}) {
    this.alive = alive;
    this.mergedMax = options.mergedMax ?? MERGED_MAX;
    this.keepPerKey = options.keepPerKey ?? Infinity;
  }

  add(key: number, item: number): void {
    if (this.newSize === this.newKeys.length) {
      this.newKeys = grow(this.newKeys, this.newKeys.length * 2);
      this.newItems = grow(this.newItems, this.newItems.length * 2);
    }
    this.newKeys[this.newSize] = key;
    this.newItems[this.newSize] = item;
    this.newSize++;
  }

  /** Notes that `count` postings went stale (their items are no longer alive): they are dropped at a merge. */
  forget(count: number): void {
    if (count > 0 && this.keepPerKey !== Infinity) throw new Error('Postings: items were forgotten in a list that keeps only the first items of a key');
    this.stale += count;
  }

  private get sortedSize(): number {
    let n = 0;
    for (const s of this.segments) n += s.length;
    return n;
  }

  /** Number of postings held. */
  get length(): number {
    return this.sortedSize + this.newSize;
  }

  /** Bytes held by the typed arrays. */
  get bytes(): number {
    let n = this.newKeys.byteLength + this.newItems.byteLength;
    for (const s of this.segments) n += (s.keys?.byteLength ?? 0) + (s.low?.byteLength ?? 0) + (s.directory?.byteLength ?? 0) + s.items.byteLength;
    return n;
  }

  /**
   * Calls `visit(item)` for the items with `key` (alive or not: the caller checks), in the order
   * they were added, up to `limit` of them.
   */
  forEach(key: number, visit: (item: number) => void, limit = Infinity): void {
    this.forEachOf(Uint32Array.of(key >>> 0), (_, item) => visit(item), limit);
  }

  /**
   * For each `keys[q]` (sorted ascending), calls `visit(q, item)` for the items `forEach(keys[q], …,
   * limit)` visits, in the same order for each key (`collect`, then one call per pair).
   */
  forEachOf(keys: Uint32Array, visit: (query: number, item: number) => void, limit = Infinity): void {
    const n = this.collect(keys, limit);
    const { queries, items } = this.found;
    for (let r = 0; r < n; r++) visit(queries[r], items[r]);
  }

  /**
   * What `forEachOf` would visit, as pairs in `found` (`queries[r]`, `items[r]` for r below the
   * count returned; valid until the next call). The code that runs for every file reads these
   * arrays in a loop of its own: a visitor called tens of millions of times a folder, by three
   * callers, is a call V8 cannot inline.
   *
   * Each run is searched once for all the keys, from where the previous key was found: a file's
   * lookups in key order touch each run's arrays front to back, where one lookup at a time misses
   * the cache at nearly every step of a large run.
   */
  collect(keys: Uint32Array, limit = Infinity): number {
    this.settle();
    const seen = new Uint32Array(keys.length);
    let n = 0;
    for (const { keys: whole, low, items, directory, length } of this.segments) {
      let from = 0;
      for (let q = 0; q < keys.length; q++) {
        const k = keys[q];
        if (seen[q] >= limit) continue;
        let lo: number;
        let end: number;
        if (whole) {
          // Galloping from where the previous key was found (the next key is usually near), then
          // a binary search in the last step.
          lo = from;
          let hi = from;
          for (let step = 1; hi < length && whole[hi] < k; step <<= 1) {
            lo = hi + 1;
            hi = Math.min(length, lo + step);
          }
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (whole[mid] < k) lo = mid + 1;
            else hi = mid;
          }
          from = lo;
          end = lo;
          while (end < length && whole[end] === k) end++;
        } else {
          const top = k >>> 16;
          const bottom = k & 0xffff;
          lo = Math.max(from, directory![top]);
          end = directory![top + 1];
          let hi = end;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (low![mid] < bottom) lo = mid + 1;
            else hi = mid;
          }
          from = lo;
          let last = lo;
          while (last < end && low![last] === bottom) last++;
          end = last;
        }
        const take = Math.min(end - lo, limit - seen[q]);
        if (take <= 0) continue;
        seen[q] += take;
        if (n + take > this.found.items.length) this.growFound(n + take);
        const out = this.found;
        for (let i = lo; i < lo + take; i++) {
          out.queries[n] = q;
          out.items[n++] = items[i];
        }
      }
    }
    return n;
  }

  /** The pairs `collect` found (reused from call to call). */
  readonly found = { queries: new Uint32Array(1024), items: new Uint32Array(1024) };

  private growFound(needed: number): void {
    let size = this.found.items.length;
    while (size < needed) size *= 2;
    const queries = new Uint32Array(size);
    const items = new Uint32Array(size);
    queries.set(this.found.queries);
    items.set(this.found.items);
    this.found.queries = queries;
    this.found.items = items;
  }

  /** Sorts the buffered postings into a run and merges runs of like size (all of them when many postings went stale). */
  private settle(): void {
    if (this.newSize === 0 && this.stale === 0) return;
    if (this.newSize > 0) {
      const [keys, items] = radixSort(this.newKeys, this.newItems, this.newSize);
      const kept = firstPerKey(keys, items, this.keepPerKey);
      const whole = kept === keys.length;
      this.segments.push(segment(whole ? keys : keys.slice(0, kept), whole ? items : items.slice(0, kept)));
      this.newSize = 0;
      if (this.newKeys.length > 1024) {
        this.newKeys = new Uint32Array(1024);
        this.newItems = new Uint32Array(1024);
      }
    }
    const all = this.stale > 0 && this.stale * 4 >= this.sortedSize;
    while (this.segments.length > 1) {
      const b = this.segments[this.segments.length - 1];
      const a = this.segments[this.segments.length - 2];
      if (!all && (a.length > 2 * b.length || a.length + b.length > this.mergedMax)) break;
      this.segments.splice(this.segments.length - 2, 2, this.merge(a, b, all));
    }
    if (all) {
      if (this.segments.length === 1) this.segments[0] = this.merge(this.segments[0], segment(new Uint32Array(0), new Uint32Array(0)), true);
      this.stale = 0;
    }
  }

  /**
   * Two runs as one, older items first for equal keys; without the dead items when `dropStale`.
   * A large run's keys are rebuilt whole first: one tight loop, where decoding each posting as the
   * merge reaches it took most of the merge's time.
   */
  private merge(a: Segment, b: Segment, dropStale: boolean): Segment {
    const run = new RunBuilder(a.length + b.length);
    const ka = wholeKeys(a);
    const kb = wholeKeys(b);
    const ia = a.items;
    const ib = b.items;
    const keepPerKey = this.keepPerKey;
    let last = -1;
    let ofKey = 0;
    for (let x = 0, y = 0; x < a.length || y < b.length; ) {
      let key: number;
      let item: number;
      if (y >= b.length || (x < a.length && ka[x] <= kb[y])) {
        key = ka[x];
        item = ia[x++];
      } else {
        key = kb[y];
        item = ib[y++];
      }
      if (dropStale && !this.alive(item)) continue;
      ofKey = key === last ? ofKey + 1 : 1;
      last = key;
      if (ofKey <= keepPerKey) run.push(key, item);
    }
    return run.done();
  }
}

/** Keeps the first `keep` items of each key of a sorted run, moved to the front; returns how many are left. */
function firstPerKey(keys: Uint32Array, items: Uint32Array, keep: number): number {
  if (keep === Infinity) return keys.length;
  let n = 0;
  let ofKey = 0;
  for (let i = 0; i < keys.length; i++) {
    ofKey = i > 0 && keys[i] === keys[i - 1] ? ofKey + 1 : 1;
    if (ofKey > keep) continue;
    keys[n] = keys[i];
    items[n++] = items[i];
  }
  return n;
}

function grow(a: Uint32Array, size: number): Uint32Array {
  const b = new Uint32Array(size);
  b.set(a.subarray(0, Math.min(a.length, size)));
  return b;
}

/** Bits a pass of `radixSort` reads: 11, 11 and 10 of a key in three passes. */
const RADIX_BITS = 11;
const RADIX = 1 << RADIX_BITS;
const radixCounts = new Uint32Array(RADIX + 1);

/**
 * The first `n` (key, item) pairs sorted by key, stably (LSD radix sort). Three passes of 11 bits,
 * not two of 16: a file adds some thousands of postings, and clearing and summing 65,536 counters
 * twice for each batch cost more than sorting it.
 */
function radixSort(keys: Uint32Array, items: Uint32Array, n: number): [Uint32Array, Uint32Array] {
  let k = keys.slice(0, n);
  let v = items.slice(0, n);
  let k2 = new Uint32Array(n);
  let v2 = new Uint32Array(n);
  const counts = radixCounts;
  for (let shift = 0; shift < 32; shift += RADIX_BITS) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((k[i] >>> shift) & (RADIX - 1)) + 1]++;
    for (let d = 0; d < RADIX; d++) counts[d + 1] += counts[d];
    for (let i = 0; i < n; i++) {
      const at = counts[(k[i] >>> shift) & (RADIX - 1)]++;
      k2[at] = k[i];
      v2[at] = v[i];
    }
    const keysSorted = k2;
    k2 = k;
    k = keysSorted;
    const itemsSorted = v2;
    v2 = v;
    v = itemsSorted;
  }
  return [k, v];
}

/**
 * Keys sorted, and for each the index it had in `keys` (equal keys in their order): a batch of
 * lookups for `Postings.forEachOf`, which wants its keys sorted. The radix sort is stable, so the
 * indexes, in order to begin with, stay in order among equal keys (four times faster than sorting
 * each key packed with its index into a double, natively).
 */
export function inKeyOrder(keys: Uint32Array): { sorted: Uint32Array; order: Uint32Array } {
  const n = keys.length;
  const indexes = new Uint32Array(n);
  for (let q = 0; q < n; q++) indexes[q] = q;
  const [sorted, order] = radixSort(keys, indexes, n);
  return { sorted, order };
}
