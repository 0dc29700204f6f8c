// Does a sentence name its source? ("the Kremlin said", "according to the FSB", "Reuters reported")
import type { CueKind, OffsetRange } from '../model/types';
import { WordToken } from '../text/text';
import { WordFilter } from '../text/wordFilter';

// Verbs that attribute a statement to whoever is next to them.
const SAY_VERBS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'stated', 'states', 'announced', 'announces', 'reported', 'reports',
  'confirmed', 'confirms', 'noted', 'notes', 'added', 'adds', 'explained', 'explains', 'wrote', 'writes',
  'declared', 'declares', 'insisted', 'insists', 'warned', 'warns', 'argued', 'argues', 'claimed', 'claims',
  'tweeted', 'posted', 'acknowledged', 'acknowledges', 'admitted', 'admits', 'asserted', 'asserts',
  'maintained', 'maintains', 'testified', 'revealed', 'reveals', 'disclosed', 'commented', 'replied',
  'responded', 'estimated', 'estimates', 'alleged', 'alleges', 'accused', 'accuses', 'denied', 'denies',
  'quoted', 'cited', 'cites', 'according',
  // Other verbs of communication: whoever boasts or complains is the source of what follows.
  'boasted', 'boasts', 'bragged', 'brags', 'touted', 'touts', 'complained', 'complains', 'conceded', 'concedes',
  'predicted', 'predicts', 'promised', 'promises', 'vowed', 'vows', 'pledged', 'pledges', 'suggested', 'suggests',
  'recalled', 'recalls', 'joked', 'jokes', 'quipped', 'shouted', 'yelled', 'tweets', 'wrote', 'added', 'continued',
  'countered', 'retorted', 'demanded', 'demands', 'urged', 'urges', 'asked', 'asks', 'predicted', 'mused', 'lamented',
  // A participle clause attributes too: "Smith left the hall, telling reporters …", "…, adding that".
  'saying', 'telling', 'adding', 'noting', 'writing', 'explaining', 'insisting', 'arguing', 'stating', 'acknowledging',
]);

// Capitalised words that do not name anyone.
const NOT_NAMES = new Set([
  'the', 'a', 'an', 'it', 'its', 'this', 'that', 'these', 'those', 'they', 'we', 'i', 'you', 'in', 'on', 'at',
  'but', 'and', 'or', 'however', 'meanwhile', 'some', 'many', 'several', 'other', 'others', 'earlier', 'later',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'last', 'next',
  'there', 'when', 'while', 'after', 'before', 'as', 'if', 'for', 'of', 'to', 'by', 'with', 'from', 'one',
  'media', 'reports', 'report', 'sources', 'source', 'officials', 'official', 'critics', 'experts', 'analysts',
  'observers', 'insiders', 'people', 'residents', 'witnesses',
]);

// Pronouns that stand for a source named in an earlier sentence.
const NAMED_PRONOUNS = new Set(['he', 'she']);
// Subjects that refer back to a source the sentence before named ("…, said Mayor Anna Brook.
// She said officials…"): "they", "officials", "aides" and the like.
const ANAPHORIC = new Set([
  'they', 'she', 'he', 'officials', 'official', 'aides', 'aide', 'advisers', 'advisors', 'spokesman', 'spokeswoman',
  'spokesperson', 'representatives', 'staff', 'staffers', 'allies', 'lawyers', 'attorneys', 'organizers', 'organisers',
]);

/** The verbs of saying as a filter by word hash: most words are ruled out without a lookup by string. */
const SAY_FILTER = new WordFilter();
for (const verb of SAY_VERBS) SAY_FILTER.add(verb);

function saysAt(token: WordToken): boolean {
  return SAY_FILTER.mayHave(token.hash) && SAY_VERBS.has(token.norm);
}

/** A verb that attributes a statement ("said", "told", "according", "adding"). */
export function isSayVerb(norm: string): boolean {
  return SAY_VERBS.has(norm);
}

export function isName(token: WordToken, text: string, base: number): boolean {
  const c = text.charCodeAt(token.start - base);
  const upper = c >= 65 && c <= 90 || c > 127 && /\p{Lu}/u.test(text[token.start - base]);
  return upper && !NOT_NAMES.has(token.norm);
}

/** Words that open an adverbial after a verb of saying ("said on Monday", "told reporters in"). */
const ADVERBIAL = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'while', 'when', 'as', 'to', 'from', 'by', 'with', 'late', 'earlier', 'later', 'last', 'this', 'yesterday', 'today', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** A named attribution in a sentence: its verb of saying and the name (or he/she) it goes with. */
interface Attribution {
  verb: number;
  subject: number;
}

/**
 * The first named attribution in tokens[from, to): a verb of saying with a capitalised name (or
 * he/she) just before or after it, or "according to" a capitalised name. Tokens in [skipFrom,
 * skipTo) (a cue itself) do not count.
 */
function attributionIn(tokens: WordToken[], from: number, to: number, text: string, base: number, skipFrom = -1, skipTo = -1): Attribution | undefined {
  const counts = (k: number) => k >= from && k < to && (k < skipFrom || k >= skipTo);
  for (let i = from; i < to; i++) {
    if (!saysAt(tokens[i]) || !counts(i)) continue;
    if (tokens[i].norm === 'according') {
      if (tokens[i + 1]?.norm !== 'to') continue;
      for (let k = i + 2; k < Math.min(to, i + 6); k++) {
        if (counts(k) && isName(tokens[k], text, base)) return { verb: i, subject: k };
      }
      continue;
    }
    // Subject before the verb: "Kremlin spokesman Dmitry Peskov said", "Reuters reported", "he said".
    for (let k = i - 1; k >= Math.max(from, i - 6); k--) {
      if (!counts(k)) break;
      if (isName(tokens[k], text, base) || NAMED_PRONOUNS.has(tokens[k].norm)) return { verb: i, subject: k };
    }
    // Inverted: "…, said Peskov", "said the Kremlin spokesman, Dmitry Peskov".
    for (let k = i + 1; k < Math.min(to, i + 5); k++) {
      if (!counts(k)) break;
      if (isName(tokens[k], text, base)) return { verb: i, subject: k };
    }
  }
  return undefined;
}

/**
 * True when the sentence (tokens[from, to)) attributes a statement to a named source: a verb of
 * saying with a capitalised name (or he/she) just before or after it, or "according to" a
 * capitalised name. Tokens in [skipFrom, skipTo) (the cue itself) do not count as a name.
 */
export function namesSource(tokens: WordToken[], from: number, to: number, text: string, base: number, skipFrom = -1, skipTo = -1): boolean {
  return attributionIn(tokens, from, to, text, base, skipFrom, skipTo) !== undefined;
}

/**
 * True when a paragraph's direct quotations have a named speaker: a named attribution outside
 * every quotation, in any sentence of the paragraph ("“…,” Smith said. “…”"). News gives a
 * quotation's speaker once per paragraph, not once per sentence.
 */
export function quotesHaveNamedSpeaker(tokens: WordToken[], text: string, quotes: readonly OffsetRange[]): boolean {
  if (quotes.length === 0) return false;
  for (let from = 0; from < tokens.length;) {
    const a = attributionIn(tokens, from, tokens.length, text, 0);
    if (!a) return false;
    const verb = tokens[a.verb];
    if (!quotes.some(q => q.start <= verb.start && verb.end <= q.end)) return true;
    from = a.verb + 1;
  }
  return false;
}

/**
 * The words a named source is reported as saying, as a token span: after "Smith said (that)", before
 * a trailing "…, Smith said". The attribution's own words and the rest of the sentence are the
 * writer's. Undefined when the sentence names no source.
 */
export function reportedSpan(tokens: WordToken[], from: number, to: number, text: string, base: number): { from: number; to: number } | undefined {
  const a = attributionIn(tokens, from, to, text, base);
  if (!a) return undefined;
  if (tokens[a.verb].norm === 'according') return { from, to };
  const first = Math.min(a.verb, a.subject);
  const last = Math.max(a.verb, a.subject) + 1;
  // "Smith said the plan …": what follows the verb. "The plan …, Smith said." and the inverted
  // "…, said Smith": what comes before the attribution.
  let start = first;
  while (start - 1 >= from && isName(tokens[start - 1], text, base)) start--;
  // "Smith said the plan …" reports what follows; "…, Smith said (on Monday, in a speech)" and the
  // inverted "…, said Smith" trail what was said.
  const next = tokens[last]?.norm;
  const after = a.subject < a.verb ? to - last >= 2 && !ADVERBIAL.has(next) : first === from;
  return after ? { from: last, to } : { from, to: start };
}

/**
 * True when the words just before a cue name the group it speaks of: "Iowa voters said", "White
 * House officials say", "Clinton's aides believe", "Ohio county officials said" (a name up to
 * two lower-case modifiers before the group).
 */
export function namedModifier(tokens: WordToken[], first: number, from: number, text: string, base: number): boolean {
  // Back through up to two lower-case noun modifiers: "Ohio county officials", "New York
  // state health officials". A function word ends the group.
  for (let k = first - 1; k >= from && k >= first - 3; k--) {
    const gap = text.slice(tokens[k].end - base, tokens[k + 1].start - base);
    // "F.B.I. officials", "the N.Y.P.D.'s officials": a dotted acronym names the body.
    if (!/^[\s\u00A0-]+$/.test(gap)) {
      // The possessive's "s" is a token of its own after the acronym's last full stop.
      const after = tokens[k + 1].norm === 's' && k + 2 <= first ? tokens[k + 2] : tokens[k + 1];
      return endsWithAcronym(text, after.start - base);
    }
    if (isName(tokens[k], text, base)) return true;
    if (NOT_MODIFIERS.has(tokens[k].norm) || SAY_VERBS.has(tokens[k].norm)) return false;
  }
  return false;
}

/** Two or more initials with full stops ("F.B.I.", "U.S.", possessive "N.Y.P.D.'s") right before offset `at`. */
const ACRONYM_BEFORE = /(?:^|[^\p{L}\p{N}.])(?:\p{Lu}\.){2,}(?:['\u2019]s)?[\s\u00A0]+$/u;

function endsWithAcronym(text: string, at: number): boolean {
  return ACRONYM_BEFORE.test(text.slice(Math.max(0, at - 24), at));
}

/** Words that cannot be part of a group's name: determiners, prepositions, conjunctions, quantities. */
const NOT_MODIFIERS = new Set([
  'the', 'a', 'an', 'some', 'many', 'several', 'other', 'others', 'most', 'few', 'all', 'both', 'and', 'or', 'but',
  'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'that', 'which', 'who', 'as', 'than', 'more', 'two',
  'three', 'four', 'five', 'his', 'her', 'their', 'its', 'our', 'these', 'those', 'this', 'said', 'says', 'say',
]);

/** Conjunctions that open a clause setting the scene of what follows ("When Lee was asked, …"). */
const SCENE_OPENERS = new Set(['when', 'after', 'as', 'once', 'while', 'before', 'until', 'if']);

/**
 * True when a cue at tokens[first] is the verb of a scene-setting clause whose subject is a name
 * (or he/she): "When Ms. Lee was asked whether …", "After Lee, the party's treasurer, was
 * pressed on …". The subject (up to three words of a name) stands just before the cue or before
 * an appositive set off by commas, and the clause's conjunction just before the subject.
 */
export function namedSceneSubject(tokens: WordToken[], first: number, from: number, text: string, base: number): boolean {
  const named = (k: number) => k >= from && (isName(tokens[k], text, base) || NAMED_PRONOUNS.has(tokens[k].norm));
  let k = first - 1;
  if (!named(k)) {
    // Back over an appositive to the comma that opens it: the word before that comma is the subject.
    let comma = -1;
    for (let j = first - 1; j > from && j >= first - 7 && comma < 0; j--) {
      if (text.slice(tokens[j - 1].end - base, tokens[j].start - base).includes(',')) comma = j - 1;
    }
    if (comma < 0 || !named(comma)) return false;
    k = comma;
  }
  // The rest of the name ("Ms. Ana Lee"), then the conjunction.
  for (let n = 0; n < 3 && named(k - 1) && !SCENE_OPENERS.has(tokens[k - 1].norm); n++) k--;
  return k - 1 >= from && SCENE_OPENERS.has(tokens[k - 1].norm);
}

/** True when a cue's words include a subject that can refer back to a source named just before. */
export function anaphoricSubject(tokens: WordToken[], first: number, last: number): boolean {
  for (let k = first; k < last; k++) if (ANAPHORIC.has(tokens[k].norm)) return true;
  return false;
}

export interface CueSite {
  kind: CueKind;
  /** Token span of the cue. */
  first: number;
  last: number;
  /** Inside a direct quotation. */
  quoted: boolean;
  /** The sentence names a source (see `namesSource`, the cue's own words excluded). */
  named: boolean;
  /** An earlier cue of the same sentence was reported. */
  earlierCue: boolean;
  /** The cue gives the speaker's own impression ("seems"), not someone else's word. */
  firstHand?: boolean;
  /** Inside the words a named source is reported as saying ("Smith said the deal seemed dead"). */
  reported?: boolean;
  /** The cue's subject is named and the cue is one that a named subject answers (`CueEntry.namedSubject`). */
  subjectNamed?: boolean;
}

/**
 * Whether a cue's claim has a source after all, so that it is not reported: a named speaker owns a
 * hedge in their quote or in the words reported as theirs; a named source, a name before a vague group ("Iowa voters said") or a
 * source named in the sentence before for words that refer back to it ("officials", "they")
 * answers a vague source; a passive inside a claim already reported is part of that claim.
 */
export function sourceAnswers(site: CueSite, tokens: WordToken[], text: string, from: number, previous?: { from: number; to: number }): boolean {
  // An impression ("it seems") in a quotation is the quoted speaker's own, named or not.
  if (site.quoted && (site.named || site.firstHand)) return true;
  // A cue in what a named source is reported as saying is that source's; a question put to a
  // named person is that person's exchange.
  if (site.reported || site.subjectNamed) return true;
  if (site.kind === 'agentless') return site.earlierCue;
  if (site.kind !== 'vague-source') return false;
  if (site.named || namedModifier(tokens, site.first, from, text, 0)) return true;
  return previous !== undefined && anaphoricSubject(tokens, site.first, site.last) && namesSource(tokens, previous.from, previous.to, text, 0);
}
