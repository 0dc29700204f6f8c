// The cross-file step: an index of the fingerprints of every file of a collection, and each file's
// links into earlier files. It reads fingerprints only, never a file's text, and never compares
// every pair of files: paragraphs are grouped by their exact hash and by their MinHash band keys
// (sorted postings, `postings.ts`), then each candidate is confirmed (same hash and word count;
// word-level similarity over the stored word hashes). In SQL over the stored rows this is a join on
// `hash` (or on `band_key`) where the other file comes earlier in the collection's order, keeping
// the earliest occurrence per paragraph.
//
// Usage (the CLI): review each file with an observer, fingerprint it, add it; then ask each file's
// links and merge them into its review (crossFileFindings.ts):
//
//   const index = new CollectionIndex({ order: 'name', nearDuplicateThreshold: options.nearDuplicateThreshold });
//   for (const f of files) { let fp; const review = reviewFile(f.text, options, lexicons, s => (fp = fingerprintOf(s, f))); index.set(fp); }
//   for (const f of files) merged = withCrossFileFindings(review, f.text, index.get(f.path)!, index.linksFor(f.path), options);
//
// The editor keeps one index per workspace and updates it as files change: `set` on save or
// create (with the new fingerprint), `delete`, `rename`; each returns the paths whose links may
// have changed (to publish again).
import type { CollectionOrder } from './order';
import type { FileFingerprint } from './fingerprint';
import type { FileLinks, Story } from './links';

export interface CollectionIndexOptions {
  order: CollectionOrder;
  /** Word-level similarity from which a paragraph is a near duplicate (the option `nearDuplicateThreshold`). */
  nearDuplicateThreshold: number;
  /** Whether near duplicates (paragraphs and updated articles) are looked for at all. */
  nearDuplicates?: boolean;
}

export class CollectionIndex {
  constructor(readonly options: CollectionIndexOptions) {}

  /** The number of files indexed. */
  get size(): number {
    throw new Error('not implemented yet');
  }

  /** Adds a file, or replaces its fingerprint. Returns the paths whose links may have changed (this one included). */
  set(fp: FileFingerprint): string[] {
    throw new Error(`not implemented yet (${fp.path})`);
  }

  /** Removes a file. Returns the paths whose links may have changed. */
  delete(path: string): string[] {
    throw new Error(`not implemented yet (${path})`);
  }

  /** A file moved: same fingerprint under a new path (its place in the order may change). Returns the paths whose links may have changed. */
  rename(from: string, to: string): string[] {
    throw new Error(`not implemented yet (${from}, ${to})`);
  }

  get(path: string): FileFingerprint | undefined {
    throw new Error(`not implemented yet (${path})`);
  }

  /** The paths indexed, in the collection's order. */
  paths(): string[] {
    throw new Error('not implemented yet');
  }

  /** One file's links into earlier files (empty for the first file, or a file indexed alone). */
  linksFor(path: string): FileLinks {
    throw new Error(`not implemented yet (${path})`);
  }

  /** The stories found in two files or more, in the order of their first occurrence. */
  stories(): Story[] {
    throw new Error('not implemented yet');
  }

  /** Bytes held by the index (typed arrays and an estimate for the rest), for the figures of the archive work. */
  memoryBytes(): number {
    throw new Error('not implemented yet');
  }
}
