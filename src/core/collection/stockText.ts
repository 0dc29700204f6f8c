// Stock text: lines that unrelated articles of different files share without anyone having pasted
// one into the other — a newsroom's labelled notes ("Editor's note: …", "Disclosure: …") and the
// short stock sentences of a wire ("It takes N votes to …", "The agency contributed to this
// report."). Across files they are no pasted passage, so the cross-file step does not report them
// (within one file, the file's own rules still do, as before).
//
// Told from the paragraph alone, never from how often it occurs: a file's links depend only on
// that file and the earlier ones (the command line streams its report in the collection's order),
// and a rule that counted occurrences would stop holding once Remove All took some away — the
// next review would report what this one called stock.
import { sentenceRanges } from '../text/sentences';

/**
 * A note the publication puts to an article: a label such as "Editor's note", "Note to readers",
 * "Disclaimer" or "Correction" at the start of the paragraph, then a colon or a dash.
 */
const NOTE_LABEL = new RegExp(
  String.raw`^[\s*_(\[]*` +
    String.raw`(?:(?:editor|editors|author|authors|publisher|programming|ed)(?:['\u2019]s|s['\u2019])?\.?\s+note|note\s+to\s+(?:our\s+)?readers|note|` +
    String.raw`(?:full\s+)?disclosure|disclaimer|correction|clarification)` +
    String.raw`[\s*_)\]]*[:\u2014\u2013-]`,
  'iu',
);

/** Whether a paragraph is a publication's labelled note to its article. */
export function isLabelledNote(paragraph: string): boolean {
  return NOTE_LABEL.test(paragraph);
}

/**
 * A lone paragraph shared across files is reported from this many words when it is one sentence:
 * a shorter single sentence is as likely a wire's stock line as a paste (a real pasted paragraph
 * is a sentence of ordinary news length or more, or several sentences).
 */
export const LONE_SENTENCE_WORDS = 15;

/** Whether a paragraph found alone in another file (no neighbour copied with it) is too little to call a paste: one short sentence. */
export function isLoneStockSentence(paragraph: string, words: number): boolean {
  return words < LONE_SENTENCE_WORDS && sentenceRanges(paragraph).length <= 1;
}
