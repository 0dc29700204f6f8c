// Short texts about a finding for places with little room (tree rows, the map's ticks) and the
// facts the fronts read from its `data`: the original of a copy, the words as written, the
// suggestions.
import { Finding, OffsetRange } from '../core/types';

/** The original passage of a repeat or near duplicate. */
export function originalOf(finding: Finding): OffsetRange | undefined {
  const data = finding.data as { original?: OffsetRange } | undefined;
  if (data?.original && typeof data.original.start === 'number') return data.original;
  return finding.related?.[0]?.range;
}

/** The words as written (a loaded term or a claim's cue). */
export function matchedWords(finding: Finding): string | undefined {
  const v = (finding.data as { matched?: unknown } | undefined)?.matched;
  return typeof v === 'string' ? v : undefined;
}

/** Neutral wordings of a loaded term, best first. */
export function suggestionsOf(finding: Finding): string[] {
  const v = (finding.data as { suggestions?: unknown } | undefined)?.suggestions;
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
}

export function similarityOf(finding: Finding): number | undefined {
  const v = (finding.data as { similarity?: unknown } | undefined)?.similarity;
  return typeof v === 'number' ? v : undefined;
}

/** A few words for a tree row (the full message goes in the tooltip). */
export function shortLabel(finding: Finding, lineOf: (offset: number) => number): string {
  const original = originalOf(finding);
  switch (finding.rule) {
    case 'repeated-passage':
      return original ? `repeat of line ${lineOf(original.start)}` : 'repeat';
    case 'near-duplicate': {
      const s = similarityOf(finding);
      const like = original ? `like line ${lineOf(original.start)}` : 'near duplicate';
      return s !== undefined ? `${like} (${Math.round(s * 100)} %)` : like;
    }
    case 'unattributed-claim': {
      const words = matchedWords(finding);
      return words ? `\u201C${words}\u201D` : 'unattributed claim';
    }
    case 'loaded-term': {
      const words = matchedWords(finding);
      const first = suggestionsOf(finding)[0];
      if (!words) return 'loaded term';
      return first ? `\u201C${words}\u201D \u2192 ${first}` : `\u201C${words}\u201D`;
    }
    default:
      return finding.message;
  }
}

/** The first words of a text (for "the original begins …"). */
export function firstWords(text: string, words = 12): string {
  const parts = text.replace(/\s+/g, ' ').trim().split(' ');
  return parts.length > words ? `${parts.slice(0, words).join(' ')} …` : parts.join(' ');
}
