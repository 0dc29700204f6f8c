// Whether a file's cross-file links, stored in the on-disk index by an earlier run, still hold.
//
// A file's links point only into the files before it in the collection's order, and are computed
// from their fingerprints alone (core/collection/links.ts). So they hold as long as every file up
// to and including it is the same, in the same order, reviewed with the same options, and the
// cross-file step is asked the same question (order, near-duplicate threshold). A chain key says
// all of that: the key of file k is a digest of the key of the file before it and of file k's
// path, size, modification time, content hash and options. The links are stored with the key they
// were computed under; a later run reuses them where its own key for that file is the same. After
// an edit, a deletion or a new file, the files from there on have new keys: their links are
// computed again, the earlier files' are taken from the index.
import { createHash } from 'crypto';

/** Bumped when the cross-file step could give other links for the same files: stored links are then computed again. */
const LINKS_FORMAT = 1;

/** What decides a file's place and identity in the chain. */
export interface ChainedFile {
  path: string;
  size: number;
  mtimeMs: number;
  contentHash: number;
  /** The options the file was reviewed with (a key of them). */
  optionsKey: string;
}

export class LinkChain {
  private last: string;

  /** @param question what the cross-file step is asked, the same for every file (a key of its options and the fingerprint version). */
  constructor(question: string) {
    this.last = digest(`links ${LINKS_FORMAT}\n${question}`);
  }

  /** The key of the next file of the collection (files are given in the collection's order). */
  next(file: ChainedFile): string {
    this.last = digest(`${this.last}\n${JSON.stringify([file.path, file.size, file.mtimeMs, file.contentHash, file.optionsKey])}`);
    return this.last;
  }
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
