// The default lexicons (data files) and the user's additions, compiled into phrase matchers.
import loadedTermsData from './lexicons/loaded-terms.json';
import cuesData from './lexicons/cues.json';
import { TemplateMatcher } from './cueTemplates';
import { isPlainPhrase } from './literal';
import { occurrenceSet } from './occurrences';
import { PhraseMatcher, expandPattern, normalizePatternWord } from './phrases';
import { ReviewOptions } from '../model/types';
import type { ContextRule, CueEntry, CueKind, TermEntry } from './entries';

export type { ContextRule, CueEntry, CueKind, TermEntry };

export const DEFAULT_TERMS: readonly TermEntry[] = (loadedTermsData as { entries: TermEntry[] }).entries;
export const TERM_CATEGORIES: Readonly<Record<string, string>> = (loadedTermsData as { categories: Record<string, string> }).categories;
export const DEFAULT_CUES: readonly CueEntry[] = (cuesData as { entries: CueEntry[] }).entries;

/** Lower-cased words of a phrase as the matcher sees them ("People’s" → "people's"). */
function phraseKey(phrase: string): string {
  return phrase.split(/[\s\-\u2010-\u2014]+/).filter(Boolean).map(normalizePatternWord).join(' ');
}

/** Keys under which a pattern can be silenced: the pattern itself and each plain variant. */
const silenceKeyCache = new Map<string, string[]>();

function silenceKeys(pattern: string): string[] {
  // Asked for every match while anything is silenced: each pattern is expanded once.
  let keys = silenceKeyCache.get(pattern);
  if (!keys) {
    keys = [phraseKey(pattern), ...expandPattern(pattern).map(v => v.words.map(alts => alts[0]).join(' '))];
    silenceKeyCache.set(pattern, keys);
  }
  return keys;
}

export function isSilenced(silenced: Set<string>, pattern: string, matchedText: string): boolean {
  if (silenced.size === 0) return false;
  return silenced.has(phraseKey(matchedText)) || silenceKeys(pattern).some(k => silenced.has(k));
}

export function silenceSet(list: readonly string[]): Set<string> {
  return new Set(list.map(phraseKey));
}

/**
 * The lexicons compiled for one set of options: compile once (`compileLexicons`) and pass the
 * result to every review with those options (a `Reviewer` or `review`).
 */
export interface CompiledLexicons {
  terms: PhraseMatcher<TermEntry>;
  cues: PhraseMatcher<CueEntry>;
  /** Cues built from templates (any tense, inserted adverbs, agentless passives). */
  cueTemplates: TemplateMatcher;
  ignoredTerms: Set<string>;
  ignoredCues: Set<string>;
  /** Keys of the single occurrences never reported (occurrences.ts). */
  ignoredOccurrences: Set<string>;
}

/** Only the options the lexicons depend on. */
export type LexiconOptions = Pick<ReviewOptions, 'terms' | 'ignoredTerms' | 'ignoredCues'> & Partial<Pick<ReviewOptions, 'ignoredOccurrences'>>;

let templates: TemplateMatcher | undefined;

/** The template cues do not depend on the options: compiled once. */
function templateMatcher(): TemplateMatcher {
  return (templates ??= new TemplateMatcher());
}

export function compileLexicons(options: LexiconOptions): CompiledLexicons {
  const terms = new PhraseMatcher<TermEntry>();
  for (const entry of DEFAULT_TERMS) terms.add(entry.term, entry, entry);
  for (const user of options.terms) {
    // User terms are literal: never a regular expression nor the lexicons' pattern syntax (| and
    // ?). Plain words go to the word matcher; terms with other characters are searched as text.
    const entry: TermEntry = {
      term: user.term,
      suggestions: user.suggestions,
      category: user.category ?? 'workspace',
      note: user.note ?? 'Added in this workspace’s Editorial Review settings.',
      user: true,
    };
    if (isPlainPhrase(user.term)) terms.add(user.term, entry);
    else terms.addLiteral(user.term, entry);
  }
  const cues = new PhraseMatcher<CueEntry>();
  for (const entry of DEFAULT_CUES) cues.add(entry.cue, entry);
  return {
    terms,
    cues,
    cueTemplates: templateMatcher(),
    ignoredTerms: silenceSet(options.ignoredTerms),
    ignoredCues: silenceSet(options.ignoredCues),
    ignoredOccurrences: occurrenceSet(options.ignoredOccurrences ?? []),
  };
}
