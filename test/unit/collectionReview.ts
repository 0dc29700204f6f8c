// A collection reviewed as the command line does, for the collection tests: each file reviewed
// alone and fingerprinted, added to one index in the collection's order, then linked into the
// earlier files through fingerprints only.
import { CollectionIndex } from '../../src/core/collection/collectionIndex';
import { FileFingerprint, fingerprintOf } from '../../src/core/collection/fingerprint';
import { withCrossFileFindings } from '../../src/core/collection/crossFileFindings';
import { compileLexicons } from '../../src/core/language/lexicon';
import { review } from '../../src/core/review/review';
import type { Finding, Review, ReviewOptions } from '../../src/core/model/types';

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
