// Shared types of the engine. Every range is a pair of UTF-16 offsets into the original text
// (end exclusive): the unit of JavaScript strings and of VS Code's `TextDocument.positionAt`.

export interface OffsetRange {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

// The rules are listed in rules/registry.ts; their ids and findings are re-exported here.
export { RULE_IDS } from './rules/registry';
export type { Finding, FindingOf, RuleId } from './rules/registry';
import type { Finding, RuleId } from './rules/registry';

export interface TextEdit {
  range: OffsetRange;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix that is safe to apply without reading it (VS Code's "preferred" quick fix). */
  preferred?: boolean;
}

export interface RelatedLocation {
  message: string;
  range: OffsetRange;
}

/**
 * What every finding has. A `Finding` (rules/registry.ts) adds `rule` and the rule's typed `data`
 * (e.g. the term and its suggestions, the similarity): fronts read fixes and facts from there.
 */
export interface FindingBase {
  severity: Severity;
  message: string;
  range: OffsetRange;
  related?: RelatedLocation[];
  fixes?: Fix[];
}

export type Layout = 'line-per-paragraph' | 'headline-blocks' | 'separated' | 'markdown' | 'single';

export interface Paragraph {
  /** Index in document order. */
  index: number;
  /** The paragraph's text without its line breaks or surrounding blank lines. */
  range: OffsetRange;
  /** Whole lines, from the first line's start to after the last line's line break. */
  lineRange: OffsetRange;
  /** Index of the article this paragraph belongs to. */
  article: number;
  /** True for headline / standfirst / metadata lines rather than body text. */
  isHeading: boolean;
  /** True for header lines such as `Date:` or `URL:` (never compared as text). */
  isMeta: boolean;
}

export interface Sentence {
  range: OffsetRange;
  paragraph: number;
}

/** What an article says about itself in its first lines (each part only when present). */
export interface ArticleMeta {
  /** The place of a dateline ("CLEVELAND", "RANGOON, Burma"). */
  dateline?: string;
  /** The name(s) of a byline, without "By". */
  byline?: string;
  /** An agency or source: "(Reuters)" in a dateline, a `Source:` header. */
  source?: string;
  /** A date as written (a date line, a `Date:` header, a date in the dateline). */
  date?: string;
}

export interface Article {
  /** 1-based, in document order. */
  index: number;
  title: string;
  titleRange: OffsetRange;
  /** Whole lines the article occupies, including its heading and separator lines. */
  range: OffsetRange;
  /** Index (1-based) of the earlier article this one repeats, or null. */
  duplicateOf: number | null;
  /** Dateline, byline, source and date found in the article's first lines. */
  meta: ArticleMeta;
}

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

/** A loaded term added by the user (matched as literal text, case-insensitive: see literal.ts). */
export interface UserTerm {
  term: string;
  suggestions: string[];
  category?: string;
  note?: string;
}

/**
 * One occurrence never to report (written by "Ignore this occurrence"): the words as written and
 * the fingerprint of their sentence (see occurrences.ts).
 */
export interface IgnoredOccurrence {
  term: string;
  sentence: string;
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
