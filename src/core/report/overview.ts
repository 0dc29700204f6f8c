// The overview of one review: how many articles and repeats, how much of the text is duplicated,
// how many findings of each rule (and which rules stopped at their cap). Pure; shared by the
// extension's Articles view, its map and the status bar.
import { OffsetRange, RULE_IDS, Review, RuleId } from '../model/types';

export interface Overview {
  articles: number;
  repeatedArticles: number;
  characters: number;
  /** Characters inside repeated passages or near duplicates (overlaps counted once). */
  duplicatedCharacters: number;
  /** duplicatedCharacters / characters, 0..1. */
  duplicatedShare: number;
  byRule: Record<RuleId, number>;
  /** Rules cut at maxFindingsPerRule, with the number found before the cut. */
  capped: Partial<Record<RuleId, number>>;
}

const DUPLICATION_RULES: readonly RuleId[] = ['repeated-passage', 'near-duplicate'];

/** Total length of the union of some ranges. */
export function coveredLength(ranges: readonly OffsetRange[]): number {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  let total = 0;
  let end = -1;
  for (const r of sorted) {
    const from = Math.max(r.start, end);
    if (r.end > from) total += r.end - from;
    end = Math.max(end, r.end);
  }
  return total;
}

export function overviewOf(review: Review, textLength = review.stats.characters): Overview {
  const byRule = Object.fromEntries(RULE_IDS.map(id => [id, 0])) as Record<RuleId, number>;
  for (const f of review.findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  const duplicatedCharacters = coveredLength(review.findings.filter(f => DUPLICATION_RULES.includes(f.rule)).map(f => f.range));
  return {
    articles: review.articles.length,
    repeatedArticles: review.articles.filter(a => a.duplicateOf !== null).length,
    characters: textLength,
    duplicatedCharacters,
    duplicatedShare: textLength > 0 ? Math.min(1, duplicatedCharacters / textLength) : 0,
    byRule,
    capped: { ...(review.stats.truncated ?? {}) },
  };
}

/** A count for people: "500+" when the rule stopped at its cap. */
export function formatCount(shown: number, capped: number | undefined): string {
  return capped !== undefined && capped > shown ? `${shown}+` : String(shown);
}

/** A share as a whole percentage, "<1 %" for a little above nothing. */
export function formatShare(share: number): string {
  if (share <= 0) return '0 %';
  if (share < 0.01) return '<1 %';
  return `${Math.round(share * 100)} %`;
}
