// Small typed arrays carved out of shared blocks. Every paragraph keeps a few short Uint32Arrays
// (its word hashes, MinHash sketch and band keys); made one by one, each has its own ArrayBuffer
// and off-heap backing store, which cost more memory than the numbers they hold (several hundred
// bytes per array, hundreds of thousands of arrays in a 100 MB dump). Views into one large block
// cost only the view.

/** Elements per block (1 MiB of Uint32). Arrays longer than a quarter of it get their own buffer. */
const BLOCK = 1 << 18;

let block = new Uint32Array(0);
let used = 0;

/** Where `reserveUint32` made room: a block and the offset of the room in it. */
export interface SlabPlace {
  block: Uint32Array;
  at: number;
}

/** `reserveUint32`'s answer, reused by every call: read it at once. */
const place: SlabPlace = { block, at: 0 };

/**
 * Room for `length` zero-filled elements in a shared block (or a block of their own, when long),
 * for a holder that keeps the block and the offset instead of a view: a view is an object of about
 * 96 bytes, more than many paragraphs' numbers. A block stays alive while anything holds it.
 */
export function reserveUint32(length: number): SlabPlace {
  if (length > BLOCK >> 2) {
    place.block = new Uint32Array(length);
    place.at = 0;
    return place;
  }
  if (used + length > block.length) {
    block = new Uint32Array(BLOCK);
    used = 0;
  }
  place.block = block;
  place.at = used;
  used += length;
  return place;
}

/**
 * A zero-filled Uint32Array of `length` elements. It is a view into a shared block: never read or
 * write its `buffer`, and a block stays alive while any of its arrays does.
 */
export function allocUint32(length: number): Uint32Array {
  const room = reserveUint32(length);
  return room.at === 0 && room.block.length === length ? room.block : room.block.subarray(room.at, room.at + length);
}

/** A copy of `source[from, to)` in a slab array. */
export function copyUint32(source: Uint32Array, from: number, to: number): Uint32Array {
  const out = allocUint32(to - from);
  out.set(source.subarray(from, to));
  return out;
}
