// Posting lists in typed arrays: (key, item) pairs sorted by key, so that every item with a key is
// one contiguous run found by binary search — the "group by key" of the cross-file step. Eight
// bytes a posting and no object per key: a 100 MB folder has millions of band keys. Items added
// since the last query wait in a buffer; the next query sorts them (radix sort, linear) and merges
// them in, dropping the items no longer alive (a file replaced or removed).

export class Postings {
  private keys: Uint32Array = new Uint32Array(0);
  private items: Uint32Array = new Uint32Array(0);
  private size = 0;
  private newKeys: Uint32Array = new Uint32Array(1024);
  private newItems: Uint32Array = new Uint32Array(1024);
  private newSize = 0;
  /** Items of the sorted part that are no longer alive, to drop at the next merge. */
  private stale = 0;

  /** @param alive whether an item still counts (checked when merging after `forget`). */
  constructor(private readonly alive: (item: number) => boolean) {}

  add(key: number, item: number): void {
    if (this.newSize === this.newKeys.length) {
      this.newKeys = grow(this.newKeys, this.newKeys.length * 2);
      this.newItems = grow(this.newItems, this.newItems.length * 2);
    }
    this.newKeys[this.newSize] = key;
    this.newItems[this.newSize] = item;
    this.newSize++;
  }

  /** Notes that `count` postings went stale (their items are no longer alive): they are dropped at the next merge. */
  forget(count: number): void {
    this.stale += count;
  }

  /** Number of postings held. */
  get length(): number {
    return this.size + this.newSize;
  }

  /** Bytes held by the typed arrays. */
  get bytes(): number {
    return this.keys.byteLength + this.items.byteLength + this.newKeys.byteLength + this.newItems.byteLength;
  }

  /** Calls `visit(item)` for the items with `key` (alive or not: the caller checks), up to `limit` of them. */
  forEach(key: number, visit: (item: number) => void, limit = Infinity): void {
    this.settle();
    const keys = this.keys;
    let lo = 0;
    let hi = this.size;
    const k = key >>> 0;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid] < k) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo, n = 0; i < this.size && keys[i] === k && n < limit; i++, n++) visit(this.items[i]);
  }

  /** Sorts the buffered postings and merges them into the sorted part. */
  private settle(): void {
    if (this.newSize === 0 && this.stale === 0) return;
    const [addKeys, addItems] = radixSort(this.newKeys, this.newItems, this.newSize);
    const total = this.size + this.newSize;
    const keys = new Uint32Array(total);
    const items = new Uint32Array(total);
    let i = 0;
    let j = 0;
    let n = 0;
    const dropStale = this.stale > 0;
    while (i < this.size || j < this.newSize) {
      const fromOld = j >= this.newSize || (i < this.size && this.keys[i] <= addKeys[j]);
      const key = fromOld ? this.keys[i] : addKeys[j];
      const item = fromOld ? this.items[i++] : addItems[j++];
      if (dropStale && !this.alive(item)) continue;
      keys[n] = key;
      items[n] = item;
      n++;
    }
    this.keys = n === total ? keys : keys.slice(0, n);
    this.items = n === total ? items : items.slice(0, n);
    this.size = n;
    this.newSize = 0;
    this.stale = 0;
    if (this.newKeys.length > 1024) {
      this.newKeys = new Uint32Array(1024);
      this.newItems = new Uint32Array(1024);
    }
  }
}

function grow(a: Uint32Array, size: number): Uint32Array {
  const b = new Uint32Array(size);
  b.set(a.subarray(0, Math.min(a.length, size)));
  return b;
}

/** The first `n` (key, item) pairs sorted by key, stably: two passes of 16 bits (LSD radix sort). */
function radixSort(keys: Uint32Array, items: Uint32Array, n: number): [Uint32Array, Uint32Array] {
  let k = keys.slice(0, n);
  let v = items.slice(0, n);
  let k2 = new Uint32Array(n);
  let v2 = new Uint32Array(n);
  const counts = new Uint32Array(65537);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((k[i] >>> shift) & 0xffff) + 1]++;
    for (let d = 0; d < 65536; d++) counts[d + 1] += counts[d];
    for (let i = 0; i < n; i++) {
      const at = counts[(k[i] >>> shift) & 0xffff]++;
      k2[at] = k[i];
      v2[at] = v[i];
    }
    [k, k2] = [k2, k];
    [v, v2] = [v2, v];
  }
  return [k, v];
}
