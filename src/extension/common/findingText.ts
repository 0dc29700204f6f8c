// Short texts about a finding for places with little room (tree rows, the map's ticks), read from
// its typed `data`: the original of a copy, the words as written, the suggestions.
import { Finding, OffsetRange } from '../../core/model/types';

/** The original passage of a repeat or near duplicate. */
export function originalOf(finding: Finding): OffsetRange | undefined {
  if (finding.rule === 'repeated-passage' || finding.rule === 'near-duplicate') return finding.data.original;
  return undefined;
}

/** The words as written (a loaded term or a claim's cue). */
export function matchedWords(finding: Finding): string | undefined {
  return finding.rule === 'loaded-term' || finding.rule === 'unattributed-claim' ? finding.data.matched : undefined;
}

/** Neutral wordings of a loaded term, best first. */
export function suggestionsOf(finding: Finding): readonly string[] {
  return finding.rule === 'loaded-term' ? finding.data.suggestions : [];
}

/** A few words for a tree row (the full message goes in the tooltip). */
export function shortLabel(finding: Finding, lineOf: (offset: number) => number): string {
  // Rules added later show the start of their message until they get words of their own here.
  const fallback = finding.message.length > 60 ? `${finding.message.slice(0, 59)}…` : finding.message;
  switch (finding.rule) {
    case 'repeated-passage':
      return `repeat of line ${lineOf(finding.data.original.start)}`;
    case 'near-duplicate':
      return `like line ${lineOf(finding.data.original.start)} (${Math.round(finding.data.similarity * 100)} %)`;
    case 'unattributed-claim':
      return `\u201C${finding.data.matched}\u201D`;
    case 'loaded-term': {
      const first = finding.data.suggestions[0];
      return first ? `\u201C${finding.data.matched}\u201D \u2192 ${first}` : `\u201C${finding.data.matched}\u201D`;
    }
    default:
      return fallback;
  }
}

/** The first words of a text (for "the original begins …"). */
export function firstWords(text: string, words = 12): string {
  const parts = text.replace(/\s+/g, ' ').trim().split(' ');
  return parts.length > words ? `${parts.slice(0, words).join(' ')} …` : parts.join(' ');
}
