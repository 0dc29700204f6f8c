// The checks that every lexicon rule (loaded terms, claims) makes of a match before it judges it
// further, in one place: the user has not silenced it, its context exceptions pass, and this very
// occurrence is not ignored.
import { passesContext } from '../language/context';
import { ContextRule, isSilenced } from '../language/lexicon';
import { isIgnoredOccurrence } from '../language/occurrences';
import { PhraseMatch } from '../language/phrases';
import { OffsetRange } from '../model/types';
import { ParagraphInput } from './rule';

/** A match that passed, with where it stands in its paragraph. */
export interface AcceptedMatch {
  /** The matched text. */
  matched: string;
  /** Index of its sentence, and that sentence's token span [from, to) and range. */
  sentenceIndex: number;
  from: number;
  to: number;
  sentence: OffsetRange;
}

/**
 * The match with its sentence, or undefined when it is left out. `silenced` holds what the user
 * silenced (ignored terms or cues) and `pattern` is the lexicon entry's own text.
 */
export function acceptMatch(
  p: ParagraphInput,
  m: PhraseMatch<{ context?: ContextRule }>,
  silenced: Set<string>,
  pattern: string,
): AcceptedMatch | undefined {
  const matched = p.text.slice(m.start, m.end);
  if (isSilenced(silenced, pattern, matched)) return undefined;
  const sentenceIndex = p.sentenceAt(m.start);
  const from = p.sentenceTokenStart[sentenceIndex];
  const to = p.sentenceTokenEnd[sentenceIndex];
  if (!passesContext(m.value.context, p.tokens, m.first, m.last, from, to, p.text)) return undefined;
  const sentence = p.sentences[sentenceIndex];
  if (isIgnoredOccurrence(p.lex.ignoredOccurrences, matched, p.text.slice(sentence.start, sentence.end))) return undefined;
  return { matched, sentenceIndex, from, to, sentence };
}
