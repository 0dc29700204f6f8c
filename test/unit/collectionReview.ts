// A collection reviewed as the command line does, for the collection tests: each file reviewed
// alone and fingerprinted, added to one index in the collection's order, then linked into the
// earlier files through fingerprints only.
import { CollectionIndex } from '../../src/core/collection/collectionIndex';
import { FileFingerprint, fingerprintOf } from '../../src/core/collection/fingerprint';
import { withCrossFileFindings } from '../../src/core/collection/crossFileFindings';
import { compileLexicons } from '../../src/core/language/lexicon';
import { review } from '../../src/core/review/review';
import type { Finding, Review, ReviewOptions } from '../../src/core/model/types';
import { MAX_FIX_ROUNDS, settleFixAll } from '../../src/core/review/fixes';

export interface CollectionFile {
  path: string;
  text: string;
}

/** Each file's review with its cross-file findings, in the order given (name order for `dayN.txt`). */
export function reviewCollection(files: readonly CollectionFile[], options: ReviewOptions): Review[] {
  const lexicons = compileLexicons(options);
  const index = new CollectionIndex({ order: 'name', nearDuplicateThreshold: options.nearDuplicateThreshold });
  const own = files.map(f => {
    let fp: FileFingerprint | undefined;
    const r = review(f.text, options, lexicons, seen => (fp = fingerprintOf(seen, { path: f.path, size: f.text.length, mtimeMs: 0 })));
    index.set(fp!);
    return r;
  });
  return files.map((f, i) => withCrossFileFindings(own[i], f.text, index.get(f.path)!, index.linksFor(f.path), options));
}

/** A finding that points into another file (a cross-file repeat or near duplicate). */
export function pointsIntoOtherFile(f: Finding): boolean {
  return (f.rule === 'repeated-passage' || f.rule === 'near-duplicate') && (f.related ?? []).some(rel => rel.path !== undefined);
}

/**
 * The collection after --fix: file by file in the collection's order, each reviewed with its links
 * into the earlier files as already fixed, fix-all applied until a fresh review finds nothing more
 * (at most `rounds` rounds, as `settleFixAll` does for the command line).
 */
export function fixCollection(files: readonly CollectionFile[], options: ReviewOptions, rounds = MAX_FIX_ROUNDS): CollectionFile[] {
  const lexicons = compileLexicons(options);
  const index = new CollectionIndex({ order: 'name', nearDuplicateThreshold: options.nearDuplicateThreshold });
  const reviewInCollection = (path: string, text: string) => {
    let fp: FileFingerprint | undefined;
    const r = review(text, options, lexicons, seen => (fp = fingerprintOf(seen, { path, size: text.length, mtimeMs: 0 })));
    index.set(fp!);
    return withCrossFileFindings(r, text, fp!, index.linksFor(path), options);
  };
  return files.map(f => {
    const settled = settleFixAll(f.text, reviewInCollection(f.path, f.text), t => reviewInCollection(f.path, t), rounds);
    return { path: f.path, text: settled.text };
  });
}
