// Which sense a loaded word has, read from what follows it. Two context exceptions of lexicon
// entries (see context.ts) rest on this:
// - a verb whose object is followed by a preposition of place or direction has its physical sense:
//   "admitted Ana Ruiz into the country" lets someone in, it confesses nothing;
// - "so-called" before a term of art (a compound noun naming a thing, or a term the sentence goes
//   on to define) names the term, as style guides allow ("so-called carried interest"); before a
//   single word or a word for people it is scorn ("so-called experts").
import { WordToken } from '../text/text';

/** Object pronouns (subject pronouns open a clause: "admitted he went to …"; "her" may be a possessive). */
const OBJECT_PRONOUNS = new Set(['him', 'them', 'us', 'me', 'you']);
/** Capitalised words that are no object but a time ("admitted Tuesday to reporters that …"). */
const TIMES = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'today', 'yesterday', 'tonight',
]);

/** Words that end a noun phrase: function words, auxiliaries, subject pronouns, conjunctions. */
const PHRASE_ENDERS = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'what', 'where', 'when', 'while', 'because', 'if', 'though', 'although', 'but', 'or',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'can', 'could',
  'should', 'may', 'might', 'must', 'shall', 'not', 'he', 'she', 'it', 'they', 'we', 'i', 'there', 'this', 'these', 'those',
  'of', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as', 'than', 'about', 'after', 'before', 'since', 'over', 'under',
  'into', 'to', 'onto', 'through', 'across', 'against', 'between', 'during', 'without', 'such', 'so', 'also', 'just', 'only',
  'say', 'says', 'said', 'argue', 'argues', 'claim', 'claims', 'believe', 'believes', 'think', 'thinks', 'want', 'wants',
]);

function isCapitalised(text: string, token: WordToken): boolean {
  const c = text[token.start];
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** Whether only spaces, a hyphen or quotation marks stand between tokens[k] and tokens[k + 1]. */
function joined(tokens: WordToken[], k: number, text: string): boolean {
  return /^[\s\u00A0\-'"\u2018\u2019\u201C\u201D]*$/.test(text.slice(tokens[k].end, tokens[k + 1].start));
}

/** A word that may be part of a noun phrase after its first word (not a verb in the past tense). */
function phraseWord(token: WordToken, first: boolean): boolean {
  if (PHRASE_ENDERS.has(token.norm)) return false;
  return first || !/[a-z]ed$/.test(token.norm);
}

/**
 * True when the verb ending before tokens[last] has an object — a name, an object pronoun or a
 * number, with up to four more words of its noun phrase — followed by one of `then`: "admitted
 * Ana Ruiz into the country", "admitted 300 refugees to the state". Only tokens before `to` count.
 */
export function objectThen(tokens: WordToken[], last: number, to: number, text: string, then: ReadonlySet<string>): boolean {
  if (last >= to) return false;
  const head = tokens[last];
  const object = (isCapitalised(text, head) && !TIMES.has(head.norm)) || OBJECT_PRONOUNS.has(head.norm) || /^\d/.test(head.norm);
  if (!object || !joined(tokens, last - 1, text)) return false;
  for (let k = last + 1; k < to && k <= last + 5; k++) {
    if (!joined(tokens, k - 1, text)) return false;
    if (then.has(tokens[k].norm)) return true;
    if (!phraseWord(tokens[k], false)) return false;
  }
  return false;
}

/** Words for people: scorn puts "so-called" before what someone claims to be. */
const PEOPLE = new Set([
  'people', 'person', 'experts', 'expert', 'allies', 'ally', 'friends', 'friend', 'leaders', 'leader', 'elites', 'elite',
  'rebels', 'rebel', 'moderates', 'moderate', 'reformers', 'reformer', 'losers', 'loser', 'victims', 'victim', 'refugees',
  'refugee', 'patriots', 'patriot', 'heroes', 'hero', 'liberals', 'liberal', 'conservatives', 'conservative', 'progressives',
  'scholars', 'scholar', 'insiders', 'insider', 'supporters', 'supporter', 'fighters', 'fighter', 'citizens', 'citizen',
  'president', 'king', 'queen', 'leadership', 'democrats', 'republicans', 'believers', 'defenders', 'champions', 'warriors',
  'men', 'women', 'man', 'woman', 'fans', 'followers', 'reporters', 'reporter', 'lawmakers', 'officials', 'authorities',
]);

function isPeopleWord(word: string): boolean {
  return PEOPLE.has(word) || /(?:ists?|ians?)$/.test(word);
}

/** Punctuation or words right after a term that open its definition. */
const DEFINITION_MARK = /^\s*(?:[\u2014\u2013(]|-{1,2}\s|,\s*(?:which|or|known|meaning|in which|where)\b|\s+such as\b)/;

/** Possessives before "so-called": someone's own thing, mocked ("his so-called task force"). */
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);

/**
 * True when the words from tokens[last] on name a term of art: a compound noun of two words or
 * more (a capitalised name counts as one) that is not a word for people ("so-called ghost
 * guns", "so-called Cadillac tax"), or any term followed by its definition ("so-called
 * superdelegates — party officials who …"). Never after a possessive (tokens[first - 1]): a
 * term of art is nobody's, "the mayor's so-called plan" mocks what someone calls their own.
 */
export function termOfArtFollows(tokens: WordToken[], first: number, last: number, from: number, to: number, text: string): boolean {
  if (last >= to || !joined(tokens, last - 1, text)) return false;
  if (first > from && (POSSESSIVES.has(tokens[first - 1].norm) || /['\u2019]s?$/.test(tokens[first - 1].norm))) return false;
  let end = last;
  while (end < to && end < last + 4 && phraseWord(tokens[end], end === last) && (end === last || joined(tokens, end - 1, text))) end++;
  if (end === last) return false;
  if (DEFINITION_MARK.test(text.slice(tokens[end - 1].end, tokens[end - 1].end + 16))) return true;
  const head = tokens[end - 1].norm;
  const named = isCapitalised(text, tokens[last]);
  return (end - last >= 2 || named) && !isPeopleWord(head);
}
