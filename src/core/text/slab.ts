// Small typed arrays carved out of shared blocks. Every paragraph keeps a few short Uint32Arrays
// (its word hashes, MinHash sketch and band keys); made one by one, each has its own ArrayBuffer
// and off-heap backing store, which cost more memory than the numbers they hold (several hundred
// bytes per array, hundreds of thousands of arrays in a 100 MB dump). Views into one large block
// cost only the view.

/** Elements per block (1 MiB of Uint32). Arrays longer than a quarter of it get their own buffer. */
const BLOCK = 1 << 18;

let block = new Uint32Array(0);
let used = 0;

/**
 * A zero-filled Uint32Array of `length` elements. It is a view into a shared block: never read or
 * write its `buffer`, and a block stays alive while any of its arrays does.
 */
export function allocUint32(length: number): Uint32Array {
  if (length > BLOCK >> 2) return new Uint32Array(length);
  if (used + length > block.length) {
    block = new Uint32Array(BLOCK);
    used = 0;
  }
  const view = block.subarray(used, used + length);
  used += length;
  return view;
}

/** A copy of `source[from, to)` in a slab array. */
export function copyUint32(source: Uint32Array, from: number, to: number): Uint32Array {
  const out = allocUint32(to - from);
  out.set(source.subarray(from, to));
  return out;
}
