// What each rule reports: the rule ids, the typed `data` of each rule's findings and the `Finding`
// union. The rules themselves (rules/) produce these; the fronts read them. Kept here, below the
// rules, so that the types every part shares never import a rule (rules/registry.ts checks that
// its list of rules has exactly these ids).
import type { FindingBase, OffsetRange } from './base';

/** The rule ids, in the order findings at the same offset are listed and reports show the rules. */
export const RULE_IDS = ['repeated-passage', 'near-duplicate', 'unattributed-claim', 'loaded-term', 'boilerplate'] as const;

export type RuleId = (typeof RULE_IDS)[number];

/** A finding of one rule, with that rule's typed facts in `data`. */
export interface RuleFinding<Id extends string, Data> extends FindingBase {
  rule: Id;
  data: Data;
}

// ---- repeated-passage -----------------------------------------------------------------------

export interface RepeatedPassageData {
  /** What repeats: a whole article, a run of paragraphs, or sentences inside a paragraph. */
  kind: 'article' | 'paragraphs' | 'sentence';
  /** The original passage (document offsets). */
  original: OffsetRange;
  /** The original's article number (1-based) when the original is a whole article. */
  originalArticle?: number;
  /** This copy's article number when the copy is a whole article. */
  article?: number;
  /** Set when the original is in another file of the collection (`original` is then in that file). */
  originalPath?: string;
}

export type RepeatedPassageFinding = RuleFinding<'repeated-passage', RepeatedPassageData>;

// ---- near-duplicate -------------------------------------------------------------------------

export interface NearDuplicateData {
  /**
   * A paragraph that is a light edit of an earlier one, or a whole article that is an updated
   * version of an earlier article (never removed by Remove All: its fixes are explicit). Absent
   * means `paragraph`.
   */
  kind?: 'paragraph' | 'article';
  /** Word-level similarity to the original (0..1). */
  similarity: number;
  /** The original paragraph or article (offsets in its file). */
  original: OffsetRange;
  /** What differs, in words (up to ten changes); for an article, its parts ("headline reworded; last paragraph dropped"). */
  changes: string;
  /** With kind `article`: this article's and the original's 1-based numbers. */
  article?: number;
  originalArticle?: number;
  /** Set when the original is in another file of the collection. */
  originalPath?: string;
}

export type NearDuplicateFinding = RuleFinding<'near-duplicate', NearDuplicateData>;

// ---- unattributed-claim ---------------------------------------------------------------------

/** hedge: a word that hedges a claim; vague-source: an unnamed source; agentless: a passive or impersonal construction with no one named. */
export type CueKind = 'hedge' | 'vague-source' | 'agentless';

export interface UnattributedClaimData {
  /** The cue of the lexicon that matched. */
  cue: string;
  /** The words as written. */
  matched: string;
  kind: CueKind;
  /** The cue template (cue-templates.json) the cue comes from, if any. */
  template?: string;
  /** Where the fix inserts the marker (document offset). */
  insertAt: number;
  /** The sentence it stands in (document offsets): with `matched`, what "Ignore this occurrence" keeps. */
  sentence: OffsetRange;
}

export type UnattributedClaimFinding = RuleFinding<'unattributed-claim', UnattributedClaimData>;

// ---- loaded-term ----------------------------------------------------------------------------

export interface LoadedTermData {
  /** The lexicon entry (or the user's term) that matched. */
  term: string;
  /** The words as written. */
  matched: string;
  /** Neutral wordings, best first, in the case of the words as written. */
  suggestions: string[];
  category: string;
  categoryDescription: string | undefined;
  note: string;
  /** Inside a direct quotation (reported one severity lower); for emotive wording, also attributed speech. */
  quoted: boolean;
  /** Emotive wording after a negation (reported one severity lower). */
  negated?: boolean;
  /** The sentence it stands in (document offsets): with `matched`, what "Ignore this occurrence" keeps. */
  sentence: OffsetRange;
}

export type LoadedTermFinding = RuleFinding<'loaded-term', LoadedTermData>;

// ---- boilerplate (web debris) ---------------------------------------------------------------

/** `recurring` comes only from a document's evidence (debris/debrisLines.ts), never from one line's shape. */
export const DEBRIS_KINDS = ['poll', 'widget', 'prompt', 'advertisement', 'link', 'form', 'credit', 'cookie', 'social', 'url', 'recurring'] as const;
export type DebrisKind = (typeof DEBRIS_KINDS)[number];

/** What showed a line to be debris: its own shape, the poll around it, or its recurrence across articles. */
export type DebrisEvidence = 'shape' | 'context' | 'recurrence';

export interface BoilerplateData {
  kind: DebrisKind;
  /** What showed it: the line's own shape, the poll around it, or its recurrence across articles. */
  evidence: DebrisEvidence;
  /** With evidence `recurrence`: in how many articles the line occurs. */
  articles?: number;
}

export type BoilerplateFinding = RuleFinding<'boilerplate', BoilerplateData>;

// ---- every rule -----------------------------------------------------------------------------

/** A finding of any rule; `rule` tells which, and so the type of `data`. */
export type Finding = RepeatedPassageFinding | NearDuplicateFinding | UnattributedClaimFinding | LoadedTermFinding | BoilerplateFinding;

/** The findings of one rule. */
export type FindingOf<R extends RuleId> = Extract<Finding, { rule: R }>;
