// Shared types of the engine: the review and its options, with everything of `base.ts` and
// `findings.ts` re-exported, so that the rest of the engine imports its types from one place.
// The bottom of the engine: this folder imports nothing outside it.
import type { Article, IgnoredOccurrence, Layout, OffsetRange, Severity, UserTerm } from './base';
import type { Finding, RuleId } from './findings';

export * from './base';
export * from './findings';

export interface ReviewStats {
  layout: Layout;
  characters: number;
  paragraphs: number;
  sentences: number;
  /** Milliseconds spent per stage. */
  timings: Record<string, number>;
  /** Rules whose findings were cut at `maxFindingsPerRule`, with the number found before the cut. */
  truncated: Partial<Record<RuleId, number>>;
}

export interface Review {
  articles: Article[];
  findings: Finding[];
  stats: ReviewStats;
  /**
   * What removing every repeated passage removes: the fix of each exact repeat, also of those past
   * `maxFindingsPerRule` (the cap is for what is shown), merged where they touch or overlap, in
   * document order. Read through `removeAllRepeatedPassages` (fixes.ts).
   */
  repeatRemovals?: OffsetRange[];
  /**
   * What removing all web debris removes: every line of the boilerplate rule, also those past
   * `maxFindingsPerRule`, merged where they touch. Read through `removeAllWebDebris` (fixes.ts).
   */
  debrisRemovals?: OffsetRange[];
  /** Whether fix-all also removes the web debris (the option `fixAllRemovesWebDebris`). */
  fixAllRemovesWebDebris?: boolean;
}

// ---- Options -------------------------------------------------------------------------------

export interface RuleOptions {
  enabled: boolean;
  severity: Severity;
}

export interface ReviewOptions {
  rules: Record<RuleId, RuleOptions>;
  /** Minimum words for a sentence repeated inside another paragraph to be reported. */
  minWords: number;
  /** Similarity (0..1, word-level) from which a paragraph is a near duplicate of an earlier one. */
  nearDuplicateThreshold: number;
  /** Extra loaded terms. */
  terms: UserTerm[];
  /** Terms of the lexicon (or added ones) that are never reported, matched case-insensitively. */
  ignoredTerms: string[];
  /** Hedge / vague-source cues that are never reported. */
  ignoredCues: string[];
  /** Report emotive wording (a category of loaded-term drawn from sentiment lexicons). */
  emotiveWording: boolean;
  /** Severity of emotive wording (one below loaded terms by default). */
  emotiveSeverity: Severity;
  /** Single occurrences of terms or cues never reported (by term and sentence fingerprint). */
  ignoredOccurrences: IgnoredOccurrence[];
  /** Per rule, at most this many findings per file (the rest are counted in stats.truncated). */
  maxFindingsPerRule: number;
  /** Fix all (source.fixAll, the CLI's --fix) also removes every line of web debris. */
  fixAllRemovesWebDebris: boolean;
}
