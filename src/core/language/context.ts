// Context exceptions of lexicon entries: words around a match that make it harmless (or needed).
import { ContextRule } from './lexicon';
import { normalizePatternWord, stem } from './phrases';
import { objectThen, termOfArtFollows } from './senses';
import { WordToken } from '../text/text';

/** A context word list as sets of normalised words and of stems (compiled once per rule). */
interface WordSet {
  words: Set<string>;
  stems: Set<string>;
}
const compiled = new WeakMap<string[], WordSet>();

function wordSet(list: string[]): WordSet {
  let set = compiled.get(list);
  if (!set) {
    const words = list.map(normalizePatternWord);
    // Stems only for longer words: "war" must not match "ward".
    set = { words: new Set(words), stems: new Set(words.filter(w => w.length > 3).map(stem)) };
    compiled.set(list, set);
  }
  return set;
}

function listHas(list: string[] | undefined, word: string | undefined): boolean {
  if (!list || word === undefined) return false;
  const set = wordSet(list);
  return set.words.has(word) || (set.stems.size > 0 && word.length > 3 && set.stems.has(stem(word)));
}

/** Whether any of `words` is in `list` (a function of its own, not a callback made on each call (ARCHITECTURE.md: no inline callbacks in per-file code)). */
function anyIn(list: string[], words: readonly string[]): boolean {
  for (const w of words) if (listHas(list, w)) return true;
  return false;
}

/**
 * Whether a match of tokens[first, last) passes its entry's context rule. Only tokens within
 * the sentence [from, to) count.
 */
export function passesContext(rule: ContextRule | undefined, tokens: WordToken[], first: number, last: number, from: number, to: number, text = ''): boolean {
  if (!rule) return true;
  if (rule.atClauseStart && !opensClause(tokens, first, from, text)) return false;
  const before = first - 1 >= from ? tokens[first - 1].norm : undefined;
  const after = last < to ? tokens[last].norm : undefined;
  if (listHas(rule.unlessBefore, before)) return false;
  if (listHas(rule.unlessAfter, after)) return false;
  const window = rule.window ?? 4;
  const near: string[] = [];
  for (let k = Math.max(from, first - window); k < Math.min(to, last + window); k++) {
    if (k < first || k >= last) near.push(tokens[k].norm);
  }
  if (rule.unlessNear && anyIn(rule.unlessNear, near)) return false;
  if (rule.onlyNear && !anyIn(rule.onlyNear, near)) return false;
  if (rule.unlessSoonAfter) {
    for (let k = last; k < Math.min(to, last + window); k++) if (listHas(rule.unlessSoonAfter, tokens[k].norm)) return false;
  }
  // The word's other sense, read from what follows it (senses.ts).
  if (rule.unlessObjectThen && objectThen(tokens, last, to, text, wordSet(rule.unlessObjectThen).words)) return false;
  if (rule.unlessTermOfArt && termOfArtFollows(tokens, first, last, from, to, text)) return false;
  return true;
}

/**
 * Whether tokens[first] opens its sentence or a clause set off by punctuation ("Smith, asked about
 * it, said"). `text` holds the tokens' offsets (the paragraph).
 */
function opensClause(tokens: WordToken[], first: number, from: number, text: string): boolean {
  if (first === from) return true;
  return /[,;:(\u2013\u2014]/.test(text.slice(tokens[first - 1].end, tokens[first].start));
}
