// Emotive wording: adjectives, adverbs and verbs that tell the reader what to feel ("horrific",
// "shamelessly", "mocked"). The words come from lexicons/emotive.json, derived at build time from
// the sentiment lexicons natural ships (scripts/emotive-lexicon.js); this module decides, from the
// words around each one, whether it is used as an evaluation in the writer's voice.
import emotiveData from './lexicons/emotive.json';
import { OffsetRange } from '../model/types';
import { WordToken } from '../text/text';
import { isSayVerb } from './sources';
import { WordFilter } from '../text/wordFilter';

export interface EmotiveEntry {
  word: string;
  /** Part of speech: adjective, adverb or verb. */
  pos: 'a' | 'r' | 'v';
  polarity: 1 | -1;
  /** AFINN-165 valence (-5..5). */
  afinn?: number;
  /** Pattern's [polarity, subjectivity]. */
  pattern?: [number, number];
  /** ML-Senticon polarity. */
  senticon?: number;
  /** The adjective an adverb was derived from. */
  from?: string;
}

/** The emotive lexicon by word, and its words as a filter (built once, on first use). */
let built: { byWord: Map<string, EmotiveEntry>; words: WordFilter } | undefined;

function lexicon(): { byWord: Map<string, EmotiveEntry>; words: WordFilter } {
  if (!built) {
    const entries = (emotiveData as { entries: EmotiveEntry[] }).entries;
    const words = new WordFilter();
    for (const e of entries) words.add(e.word);
    built = { byWord: new Map(entries.map(e => [e.word, e])), words };
  }
  return built;
}

export function emotiveEntry(word: string): EmotiveEntry | undefined {
  return lexicon().byWord.get(word);
}

/** The entry of a word token (most words are ruled out by their hash alone). */
function tokenEntry(token: WordToken): EmotiveEntry | undefined {
  const lex = lexicon();
  return lex.words.mayHave(token.hash) ? lex.byWord.get(token.norm) : undefined;
}

/** Why an entry counts as emotive, in one clause for the finding's message. */
export function emotiveEvidence(entry: EmotiveEntry): string {
  const kind = { a: 'adjective', r: 'adverb', v: 'verb' }[entry.pos];
  const tone = entry.polarity < 0 ? 'negative' : 'positive';
  const sources: string[] = [];
  if (entry.afinn !== undefined) sources.push(`AFINN-165 ${entry.afinn > 0 ? '+' : ''}${entry.afinn}`);
  if (entry.pattern) sources.push(`Pattern polarity ${entry.pattern[0]}, subjectivity ${entry.pattern[1]}`);
  if (entry.senticon !== undefined) sources.push(`SentiWordNet ${entry.senticon}`);
  const from = entry.from ? ` (from \u201C${entry.from}\u201D)` : '';
  return `a strongly ${tone} ${kind}${from} (${sources.join('; ')})`;
}

const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'whose']);
const NEGATORS = new Set(['not', 'no', 'never', 'neither', 'nor', 'without', 'hardly', 'barely', 'nothing', 'none', 'cannot']);
/** Words after an adjective that show it is not before its noun ("afraid of", "sad that"). */
const NOT_NOUNS = new Set([
  'of', 'to', 'and', 'or', 'but', 'that', 'than', 'as', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'about', 'is', 'are',
  'was', 'were', 'be', 'been', 'being', 'if', 'when', 'because', 'enough', 'too', 'so', 'the', 'a', 'an', 'this', 'it',
  'he', 'she', 'they', 'we', 'you', 'i', 'his', 'her', 'their', 'its', 'our', 'who', 'which', 'what', 'where', 'while',
]);

/** An edit, relative to the paragraph, that removes a word. */
export interface Removal {
  range: OffsetRange;
  newText: string;
}

/**
 * Whose words a token is in: the writer's, a quotation's whose speaker is not named, or a named
 * speaker's (a quotation whose speaker is named, or the words reported as a named source's).
 */
export type Voice = 'writer' | 'quotation' | 'named';

export interface EmotiveHit extends OffsetRange {
  entry: EmotiveEntry;
  matched: string;
  /** Inside a direct quotation, or in the words reported as a named speaker's. */
  quoted: boolean;
  /** In a named speaker's words (see `Voice`). */
  named: boolean;
  /** A negation just before it ("not shameful"): still an evaluation, but a weaker one. */
  negated: boolean;
  /** When the word is a modifier (an adjective before its noun, an adverb): the edit that removes it. */
  removal?: Removal;
}

export interface EmotiveContext {
  text: string;
  tokens: WordToken[];
  /** Token span [from, to) of the sentence of token i. */
  sentenceOf(i: number): { from: number; to: number };
  /** Whose words token i is in. */
  voice(i: number): Voice;
  /** Ranges already reported as loaded terms. */
  taken: readonly OffsetRange[];
  /** Silenced words (lower case). */
  ignored: ReadonlySet<string>;
}

function isCapitalised(text: string, token: WordToken): boolean {
  const c = text[token.start];
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** True when most words of the sentence are capitalised (a headline in title case). */
function titleCase(text: string, tokens: WordToken[], from: number, to: number): boolean {
  let caps = 0;
  for (let k = from; k < to; k++) if (isCapitalised(text, tokens[k])) caps++;
  return to - from >= 3 && caps / (to - from) >= 0.6;
}

function overlapsAny(ranges: readonly OffsetRange[], start: number, end: number): boolean {
  return ranges.some(r => r.start < end && start < r.end);
}

function adjacent(text: string, a: WordToken, b: WordToken): boolean {
  return /^[ \t\u00A0]+$/.test(text.slice(a.end, b.start));
}

/** The article that goes before a word ("a"/"an"), by its first letter. */
function articleFor(word: string, original: string): string {
  const article = /^[aeiou]/i.test(word) ? 'an' : 'a';
  return original[0] === 'A' ? article[0].toUpperCase() + article.slice(1) : article;
}

/** The edit that removes a modifier at tokens[i] and leaves the sentence reading correctly. */
export function modifierRemoval(text: string, tokens: WordToken[], i: number, from: number, to: number): Removal | undefined {
  const token = tokens[i];
  const next = i + 1 < to ? tokens[i + 1] : undefined;
  const prev = i - 1 >= from ? tokens[i - 1] : undefined;
  if (next && adjacent(text, token, next)) {
    // "an awful mess" → "a mess": the article follows the word that now comes after it.
    if (prev && (prev.norm === 'a' || prev.norm === 'an') && adjacent(text, prev, token)) {
      const original = text.slice(prev.start, prev.end);
      return { range: { start: prev.start, end: next.start }, newText: `${articleFor(next.norm, original)} ` };
    }
    return { range: { start: token.start, end: next.start }, newText: '' };
  }
  if (prev && adjacent(text, prev, token)) return { range: { start: prev.end, end: token.end }, newText: '' };
  return undefined;
}

/** Words after a capitalised word that show it is a name ("Lynch said", "Grim has"). */
const AFTER_NAMES = new Set(['has', 'had', 'was', 'is', 'will', 'would', 'could', 'should', 'did', 'does', 'and']);

/**
 * A capitalised word opening a sentence is a name when a verb of saying or an auxiliary follows
 * it ("Lynch said"), or when it is capitalised inside a sentence elsewhere in the paragraph.
 */
function nameAtSentenceStart(ctx: EmotiveContext, i: number, to: number): boolean {
  const { text, tokens } = ctx;
  const next = i + 1 < to ? tokens[i + 1] : undefined;
  if (next && (isSayVerb(next.norm) || AFTER_NAMES.has(next.norm)) && adjacent(text, tokens[i], next)) return true;
  for (let k = 0; k < tokens.length; k++) {
    if (k !== i && tokens[k].norm === tokens[i].norm && isCapitalised(text, tokens[k]) && ctx.sentenceOf(k).from !== k) return true;
  }
  return false;
}

/** Emotive words of a paragraph, in the writer's voice or reported (see `EmotiveHit`). */
export function findEmotive(ctx: EmotiveContext): EmotiveHit[] {
  const { text, tokens } = ctx;
  const hits: EmotiveHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    // No entry is shorter than four letters (scripts/emotive-lexicon.js); most words are.
    if (token.norm.length < 4) continue;
    const entry = tokenEntry(token);
    if (!entry || ctx.ignored.has(token.norm)) continue;
    if (overlapsAny(ctx.taken, token.start, token.end)) continue;
    const { from, to } = ctx.sentenceOf(i);
    const prev = i > from ? tokens[i - 1] : undefined;
    const next = i + 1 < to ? tokens[i + 1] : undefined;
    // A capitalised word inside an ordinary sentence is part of a name ("Grim Reaper", "Mad River");
    // opening it, a name when what follows says so ("Lynch said").
    if (isCapitalised(text, token) && (i > from || nameAtSentenceStart(ctx, i, to)) && !titleCase(text, tokens, from, to)) continue;
    // Part of speech in context: a verb after a determiner is a noun ("the abuse", "a hurt").
    if (entry.pos === 'v' && prev && DETERMINERS.has(prev.norm) && !/(?:ing|ed)$/.test(token.norm)) continue;
    let negated = false;
    for (let k = Math.max(from, i - 3); k < i; k++) {
      if (NEGATORS.has(tokens[k].norm) || tokens[k].norm.endsWith("n't")) negated = true;
    }
    let removal: Removal | undefined;
    const beforeNoun = entry.pos === 'a' && next !== undefined && adjacent(text, token, next) && !NOT_NOUNS.has(next.norm);
    if (beforeNoun || (entry.pos === 'r' && token.norm.endsWith('ly'))) removal = modifierRemoval(text, tokens, i, from, to);
    const voice = ctx.voice(i);
    hits.push({
      start: token.start,
      end: token.end,
      entry,
      matched: text.slice(token.start, token.end),
      quoted: voice !== 'writer',
      named: voice === 'named',
      negated,
      removal,
    });
  }
  return hits;
}
