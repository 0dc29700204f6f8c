// What a rule is: its metadata (read by the engine, the options, the CLI, the reports and the
// extension), the options it contributes and, for rules that look at one paragraph at a time, its
// per-paragraph detection and the finding of each hit. The rules themselves are listed once, in
// `registry.ts`.
import type { CompiledLexicons } from '../language/lexicon';
import type { WordToken } from '../text/text';
import type { IgnoredOccurrence, OffsetRange, ReviewOptions, RuleFinding, Severity, UserTerm } from '../model/types';

export type { RuleFinding };

/** Where the documentation lives (the README; each rule has a section anchored by its id). */
export const DOCS_URL = 'https://github.com/editorial-review/editorial-review';

/** A key of the options (`.editorial-review.json`, `editorialReview.<key>` in VS Code). */
export type OptionKey = Exclude<keyof ReviewOptions, 'rules'>;

interface OptionSpecBase {
  key: OptionKey;
  /** One line for people (the JSON schema and the VS Code setting say it in their own words). */
  description: string;
}

/**
 * An option and how it is checked and merged. The same spec drives validation (`config.ts`), the
 * defaults, the VS Code settings reader, and the test that keeps `package.json` and the JSON schema
 * in line with the registry.
 */
export type OptionSpec = OptionSpecBase &
  (
    | { type: 'integer' | 'number'; default: number; min: number; max: number }
    | { type: 'severity'; default: Severity }
    | { type: 'boolean'; default: boolean }
    /** Words or phrases; layers append (duplicates dropped, compared case-insensitively). */
    | { type: 'words'; default: readonly string[] }
    /** User loaded terms; a term given again in a later layer replaces the earlier entry. */
    | { type: 'terms'; default: readonly UserTerm[] }
    /** Single occurrences ({term, sentence}); layers append (duplicates dropped). */
    | { type: 'occurrences'; default: readonly IgnoredOccurrence[] }
  );

/** One paragraph as the per-paragraph rules see it. Offsets are relative to the paragraph. */
export interface ParagraphInput {
  text: string;
  tokens: WordToken[];
  sentences: OffsetRange[];
  /** Token span [start, end) of each sentence. */
  sentenceTokenStart: readonly number[];
  sentenceTokenEnd: readonly number[];
  /** Index of the sentence containing an offset. */
  sentenceAt(offset: number): number;
  /** Direct quotations (computed on first use). */
  quotes(): OffsetRange[];
  options: ReviewOptions;
  lex: CompiledLexicons;
}

/** What building a finding from a hit may need besides the hit. */
export interface FindingContext {
  /** The document's text. */
  text: string;
  /** Offset of the paragraph's start in the document. */
  base: number;
  /** The severity configured for the rule. */
  severity: Severity;
  /** All the options (for a rule's own settings, e.g. a severity per category). */
  options: ReviewOptions;
}


export interface RuleDefinition<Id extends string = string, Data = unknown, Hit = unknown> {
  id: Id;
  /** PascalCase name (SARIF `name`). */
  name: string;
  /** Human title, e.g. "Repeated passage". */
  title: string;
  shortDescription: string;
  fullDescription: string;
  /** Anchor of the rule's section in the README. */
  docsAnchor: string;
  defaultEnabled: boolean;
  defaultSeverity: Severity;
  /** Setting-name segment in VS Code: `editorialReview.rules.<settingKey>.enabled|severity`. */
  settingKey: string;
  /** Words for counts in the extension ("3 repeats") and its icon (a codicon name). */
  label: { one: string; many: string };
  icon: string;
  /** Options this rule contributes (top-level keys of the options). */
  options: readonly OptionSpec[];
  /** Name of the timing of `analyze` in `stats.timings`. */
  stage?: string;
  /**
   * Per-paragraph detection, from the paragraph's text alone: its result is cached with the
   * paragraph's analysis and reused while the paragraph is unchanged. Only called when the rule is
   * enabled.
   */
  analyze?(p: ParagraphInput): Hit[];
  /** The finding of one hit of `analyze`. */
  finding?(hit: Hit, at: FindingContext): RuleFinding<Id, Data>;
}

/** A rule with per-paragraph detection (the engine runs these generically). */
export type ParagraphRule<Id extends string = string, Data = unknown, Hit = unknown> = RuleDefinition<Id, Data, Hit> &
  Required<Pick<RuleDefinition<Id, Data, Hit>, 'analyze' | 'finding' | 'stage'>>;

export function helpUri(rule: Pick<RuleDefinition, 'docsAnchor'>): string {
  return `${DOCS_URL}#${rule.docsAnchor}`;
}
