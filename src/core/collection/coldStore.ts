// Where the cross-file index keeps the bulk of a file's fingerprint once the file is linked: the
// band keys and word hashes of its paragraphs (together about a byte for each byte of text). They
// are read again only when a later file's paragraph or article names this file as a candidate, a
// few times per file, so a one-pass review of an archive (the CLI) keeps them out of memory: a
// 1 GB folder would otherwise hold a gigabyte of them. The engine only sees this interface; the
// CLI's store is a temporary file (src/node/coldFile.ts).

import { copyUint32 } from '../text/slab';

export interface ColdStore {
  /** Keeps `data`; returns where it is (a place in 32-bit words, for `read`). */
  write(data: Uint32Array): number;
  /** A copy of `length` words from `at` (a view into a shared block, as `allocUint32` gives: never use its `buffer`). */
  read(at: number, length: number): Uint32Array;
}

/** A store in memory: the same behaviour as a file, for tests and for a caller with no disk to spare. */
export class MemoryColdStore implements ColdStore {
  private data = new Uint32Array(1024);
  private size = 0;

  write(data: Uint32Array): number {
    const at = this.size;
    if (at + data.length > this.data.length) {
      const grown = new Uint32Array(Math.max(2 * this.data.length, at + data.length));
      grown.set(this.data.subarray(0, at));
      this.data = grown;
    }
    this.data.set(data, at);
    this.size += data.length;
    return at;
  }

  read(at: number, length: number): Uint32Array {
    return copyUint32(this.data, at, at + length);
  }
}
