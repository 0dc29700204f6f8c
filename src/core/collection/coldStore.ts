// Where the cross-file index keeps the bulk of a file's fingerprint once the file is linked: the
// band keys and word hashes of its paragraphs (together about a byte for each byte of text). They
// are read again only when a later file's paragraph or article names this file as a candidate, a
// few times per file, so a one-pass review of an archive (the CLI) keeps them out of memory: a
// 1 GB folder would otherwise hold a gigabyte of them. The engine only sees this interface; the
// CLI's store is a temporary file (src/node/coldFile.ts).

export interface ColdStore {
  /** Keeps `data`; returns where it is (a place in 32-bit words, for `read`). */
  write(data: Uint32Array): number;
  /** `length` words from `at`, as a new array. */
  read(at: number, length: number): Uint32Array;
}

/** A store in memory: the same behaviour as a file, for tests and for a caller with no disk to spare. */
export class MemoryColdStore implements ColdStore {
  private chunks: Uint32Array[] = [];
  private starts: number[] = [];
  private size = 0;

  write(data: Uint32Array): number {
    const at = this.size;
    this.chunks.push(data.slice());
    this.starts.push(at);
    this.size += data.length;
    return at;
  }

  read(at: number, length: number): Uint32Array {
    const out = new Uint32Array(length);
    let c = upperBound(this.starts, at) - 1;
    let done = 0;
    while (done < length) {
      const chunk = this.chunks[c];
      const from = at + done - this.starts[c];
      const n = Math.min(length - done, chunk.length - from);
      out.set(chunk.subarray(from, from + n), done);
      done += n;
      c++;
    }
    return out;
  }
}

function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
