// Context exceptions of lexicon entries: words around a match that make it harmless (or needed).
import { ContextRule } from './lexicon';
import { normalizePatternWord, stem } from './phrases';
import { WordToken } from './text';

function listHas(list: string[] | undefined, word: string | undefined): boolean {
  if (!list || word === undefined) return false;
  return list.some(w => {
    const n = normalizePatternWord(w);
    return n === word || (n.length > 3 && stem(n) === stem(word));
  });
}

/**
 * Whether a match of tokens[first, last) passes its entry's context rule. Only tokens within
 * the sentence [from, to) count.
 */
export function passesContext(rule: ContextRule | undefined, tokens: WordToken[], first: number, last: number, from: number, to: number): boolean {
  if (!rule) return true;
  const before = first - 1 >= from ? tokens[first - 1].norm : undefined;
  const after = last < to ? tokens[last].norm : undefined;
  if (listHas(rule.unlessBefore, before)) return false;
  if (listHas(rule.unlessAfter, after)) return false;
  const window = rule.window ?? 4;
  const near: string[] = [];
  for (let k = Math.max(from, first - window); k < Math.min(to, last + window); k++) {
    if (k < first || k >= last) near.push(tokens[k].norm);
  }
  if (rule.unlessNear && near.some(w => listHas(rule.unlessNear, w))) return false;
  if (rule.onlyNear && !near.some(w => listHas(rule.onlyNear, w))) return false;
  return true;
}
