// The overview of one review: how many articles and repeats, how much of the text is repeated,
// how many findings of each rule (and which rules stopped at their cap). Every figure comes from
// the whole review — the repeat removals and the counts past the display cap — never from the
// capped list of findings alone. Pure; shared by the extension's Articles view, its map and the
// status bar.
import { OffsetRange, RULE_IDS, Review, RuleId } from '../model/types';

export interface Overview {
  articles: number;
  repeatedArticles: number;
  characters: number;
  /**
   * Characters of repeated text: what Remove All Repeated Passages removes (`Review.repeatRemovals`:
   * every repeat, also those past `maxFindingsPerRule`).
   */
  duplicatedCharacters: number;
  /** duplicatedCharacters / characters, 0..1. */
  duplicatedShare: number;
  /** Findings found by rule, in the whole review (past the display cap too). */
  byRule: Record<RuleId, number>;
  /** Findings listed by rule (at most `maxFindingsPerRule` each): what the editor can show. */
  listed: Record<RuleId, number>;
  /** Listed findings of severity hint, by rule (VS Code underlines them but never lists them in Problems). */
  hints: Record<RuleId, number>;
  /** Rules cut at maxFindingsPerRule, with the number found before the cut. */
  capped: Partial<Record<RuleId, number>>;
}

const zeros = () => Object.fromEntries(RULE_IDS.map(id => [id, 0])) as Record<RuleId, number>;

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

/** What removing every repeat removes: the review's own list, else (a review built by hand) its repeats' fixes. */
function repeatRanges(review: Review): readonly OffsetRange[] {
  if (review.repeatRemovals) return review.repeatRemovals;
  return review.findings.flatMap(f => (f.rule === 'repeated-passage' ? (f.fixes?.find(x => x.preferred) ?? f.fixes?.[0])?.edits.filter(e => e.newText === '').map(e => e.range) ?? [] : []));
}

export function overviewOf(review: Review, textLength = review.stats.characters): Overview {
  const listed = zeros();
  const hints = zeros();
  for (const f of review.findings) {
    listed[f.rule] = (listed[f.rule] ?? 0) + 1;
    if (f.severity === 'hint') hints[f.rule] = (hints[f.rule] ?? 0) + 1;
  }
  const truncated = review.stats.truncated ?? {};
  const byRule = zeros();
  for (const id of RULE_IDS) byRule[id] = Math.max(listed[id], truncated[id] ?? 0);
  const duplicatedCharacters = coveredLength(repeatRanges(review));
  return {
    articles: review.articles.length,
    repeatedArticles: review.articles.filter(a => a.duplicateOf !== null).length,
    characters: textLength,
    duplicatedCharacters,
    duplicatedShare: textLength > 0 ? Math.min(1, duplicatedCharacters / textLength) : 0,
    byRule,
    listed,
    hints,
    capped: { ...truncated },
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
