// The entries of the lexicons (lexicons/*.json): loaded terms, attribution cues and the context
// rules that limit where they apply. Read by the lexicon compiler (lexicon.ts), the cue templates
// and the rules.
import type { CueKind } from '../model/types';

export type { CueKind };

export interface ContextRule {
  unlessBefore?: string[];
  unlessAfter?: string[];
  unlessNear?: string[];
  onlyNear?: string[];
  /** No flag when one of these words follows the match within 'window' words. */
  unlessSoonAfter?: string[];
  window?: number;
  /** No flag when the match's object (a name, an object pronoun, a number and its noun phrase) is followed by one of these words: the verb's other sense ("admitted Ana Ruiz into the country"). */
  unlessObjectThen?: string[];
  /** No flag when a term of art follows: a compound noun naming a thing, or a term the sentence defines ("so-called carried interest"). */
  unlessTermOfArt?: boolean;
  /** Only where the match opens its sentence or a clause after a comma ("Asked about …", "Smith, asked about …"). */
  atClauseStart?: boolean;
}

export interface TermEntry {
  term: string;
  suggestions: string[];
  category: string;
  note: string;
  forms?: boolean;
  caseSensitive?: boolean;
  context?: ContextRule;
  /** True for terms the user added. */
  user?: boolean;
}


export interface CueEntry {
  cue: string;
  kind: CueKind;
  note: string;
  context?: ContextRule;
  /** The speaker's own impression ("seems", "appears to"): in a quotation, the quoted speaker is its source. */
  firstHand?: boolean;
  /** Sets the scene of a statement ("when asked") rather than reporting it: a named speaker of the sentence does not own it. */
  frame?: boolean;
  /** A named subject ("When Ms. Lee was asked whether …") makes the exchange that person's. */
  namedSubject?: boolean;
  /** The id of the template (cue-templates.json) the cue was built from. */
  template?: string;
}
