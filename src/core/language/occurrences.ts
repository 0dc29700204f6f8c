// One occurrence of a loaded term or a claim's cue, kept by a fingerprint of its words and of the
// sentence it stands in: what "Ignore this occurrence" writes to `.editorial-review.json`. It
// survives edits elsewhere in the file (no offsets) and stops matching when that sentence itself
// changes. Comparison is after normalisation (case, quotes, dashes, white space).
import { hash32, normalizeForCompare } from '../text/text';
import { IgnoredOccurrence } from '../model/types';

/** The words as written, normalised: what `term` holds. */
export function occurrenceTerm(words: string): string {
  return normalizeForCompare(words);
}

/** The fingerprint of a sentence: 8 hex digits of a hash of its normalised text, and its length. */
export function sentenceFingerprint(sentence: string): string {
  const n = normalizeForCompare(sentence);
  return `${(hash32(n) >>> 0).toString(16).padStart(8, '0')}-${n.length.toString(36)}`;
}

export function occurrenceOf(words: string, sentence: string): IgnoredOccurrence {
  return { term: occurrenceTerm(words), sentence: sentenceFingerprint(sentence) };
}

/** One string per occurrence, for sets. */
export function occurrenceKey(o: IgnoredOccurrence): string {
  return `${occurrenceTerm(o.term)}\u0000${o.sentence}`;
}

export function occurrenceSet(list: readonly IgnoredOccurrence[]): Set<string> {
  return new Set(list.map(occurrenceKey));
}

/** True when the words in that sentence were silenced (free when nothing was). */
export function isIgnoredOccurrence(ignored: ReadonlySet<string>, words: string, sentence: string): boolean {
  return ignored.size > 0 && ignored.has(occurrenceKey(occurrenceOf(words, sentence)));
}
