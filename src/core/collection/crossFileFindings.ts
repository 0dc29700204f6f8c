// One file's links into earlier files (links.ts) as findings, merged into the file's own review:
// an exact copy of an article of an earlier file is one repeated-passage finding (kind 'article')
// whose related location is in that file; an updated version is a near-duplicate finding of kind
// 'article' with explicit fixes only; pasted paragraphs are repeated passages (or near
// duplicates) pointing at their original. What lies in a copy is not reported again (claims,
// terms, debris, in-file repeats inside it), the cap `maxFindingsPerRule` applies to the merged
// list, and `repeatRemovals` grows by the copies' removals (Remove All and --fix). Needs this
// file's text (for the removal ranges), never the other files'.
import type { FileFingerprint } from './fingerprint';
import type { FileLinks } from './links';
import type { Review, ReviewOptions } from '../model/types';

/**
 * The review of a file with its cross-file findings: a new Review (the given one is not changed);
 * the same review when there are no links. Articles get `duplicateOfFile` / `nearDuplicateOf`.
 */
export function withCrossFileFindings(review: Review, text: string, fp: FileFingerprint, links: FileLinks, options: ReviewOptions): Review {
  throw new Error(`not implemented yet (${review.articles.length}, ${text.length}, ${fp.path}, ${links.path}, ${options.minWords})`);
}
