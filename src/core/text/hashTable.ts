// A hash table from 53-bit hashes to small integers, in typed arrays: the repeat rules look up every
// sentence of a document on every review, and a Map of tens of thousands of number keys costs more
// (hashing of heap numbers, rehashing while it grows) than this open-addressing table.
export class FirstSeenTable {
  private readonly keys: Float64Array;
  private readonly values: Int32Array;
  private readonly mask: number;
  private size = 0;

  constructor(expected: number) {
    const capacity = 1 << Math.max(4, Math.ceil(Math.log2(expected * 2 + 1)));
    this.keys = new Float64Array(capacity);
    this.values = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
  }

  /** The value stored for `hash`, or, when there is none, stores `value` and returns -1. */
  getOrAdd(hash: number, value: number): number {
    // The low 32 bits of the hash pick the slot (they are well mixed).
    let i = (hash % 0x100000000) & this.mask;
    for (;;) {
      const stored = this.values[i];
      if (stored === -1) {
        this.keys[i] = hash;
        this.values[i] = value;
        this.size++;
        return -1;
      }
      if (this.keys[i] === hash) return stored;
      i = (i + 1) & this.mask;
    }
  }

  /** The value stored for `hash`, or -1. */
  get(hash: number): number {
    let i = (hash % 0x100000000) & this.mask;
    for (;;) {
      const stored = this.values[i];
      if (stored === -1 || this.keys[i] === hash) return stored;
      i = (i + 1) & this.mask;
    }
  }

  /** True when more than three quarters full: time to build a new one. */
  get crowded(): boolean {
    return this.size * 4 > this.keys.length * 3;
  }
}
