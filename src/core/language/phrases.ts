// Matching of lexicon patterns (literal words, never regular expressions) against word tokens,
// and of terms with punctuation as literal text (literal.ts).
//
// Pattern syntax (see lexicons/*.schema.json): tokens separated by spaces or hyphens; "a|b" is a
// token with alternatives; a trailing "?" makes a token optional. Matching is case-insensitive on
// whole words after quote folding; with `forms`, tokens are compared by their Porter stem.
import { LiteralPattern, foldForLiteral } from './literal';
import { WordToken, detached, hash32 } from '../text/text';
import { WordFilter } from '../text/wordFilter';
// Only the stemmer's own module: natural's index pulls in database clients and dotenv.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const porterStemmer: { stem(word: string): string } = require('natural/lib/natural/stemmers/porter_stemmer');

export interface CompiledPhrase<T> {
  /** One list of alternatives per token (already stemmed when `forms`). */
  tokens: string[][];
  forms: boolean;
  /** The same alternatives as sets, for tokens with many (template cues list dozens of adverbs). */
  sets: (Set<string> | undefined)[];
  /** Exact-case alternatives, for case-sensitive entries. */
  exactCase?: string[][];
  value: T;
}

export interface PhraseMatch<T> {
  value: T;
  /** Index of the first and one past the last matched token. */
  first: number;
  last: number;
  start: number;
  end: number;
}

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = porterStemmer.stem(word);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    s = detached(s);
    stemCache.set(detached(word), s);
  }
  return s;
}

export function normalizePatternWord(word: string): string {
  return word.replace(/[\u2018\u2019\u02BC]/g, "'").toLowerCase();
}

/** Splits a pattern into its token variants (each optional token doubles them). */
export function expandPattern(pattern: string): { words: string[][]; raw: string[][] }[] {
  const parts = pattern.trim().split(/[\s\-\u2010-\u2014]+/).filter(Boolean);
  let variants: { words: string[][]; raw: string[][] }[] = [{ words: [], raw: [] }];
  for (const part of parts) {
    const optional = part.endsWith('?') && part.length > 1;
    const body = optional ? part.slice(0, -1) : part;
    const raw = body.split('|').filter(Boolean);
    const alternatives = raw.map(normalizePatternWord);
    const withToken = variants.map(v => ({ words: [...v.words, alternatives], raw: [...v.raw, raw] }));
    variants = optional ? [...variants, ...withToken] : withToken;
  }
  return variants.filter(v => v.words.length > 0);
}

/** An index of phrases by their first token, for matching every phrase in one pass over the tokens. */
export class PhraseMatcher<T> {
  private readonly byWord = new Map<string, CompiledPhrase<T>[]>();
  private readonly byStem = new Map<string, CompiledPhrase<T>[]>();
  /** The indexed words (`byWord`'s keys), to skip most words without a lookup. */
  private readonly firstWords = new WordFilter();
  /** The first two letters of the indexed stems (see `mayStartStem`). */
  private readonly stemStarts = new Set<string>();
  /** The same for starts in Latin-1, by their character codes: a test that builds no string. */
  private readonly latinStemStarts = new Uint8Array(1 << 16);
  /** Terms matched as literal text (see literal.ts), not by words. */
  private readonly literals: { pattern: LiteralPattern; value: T }[] = [];
  private size = 0;

  /** A term searched as literal text (a user's term with punctuation: "U.S.", "9/11"). */
  addLiteral(term: string, value: T): void {
    this.literals.push({ pattern: new LiteralPattern(term), value });
    this.size++;
  }

  add(pattern: string, value: T, options: { forms?: boolean; caseSensitive?: boolean } = {}): void {
    const forms = options.forms === true;
    for (const variant of expandPattern(pattern)) {
      const tokens = forms ? variant.words.map(alts => alts.map(stem)) : variant.words;
      const sets = tokens.map(alts => (alts.length > 4 ? new Set(alts) : undefined));
      const phrase: CompiledPhrase<T> = { tokens, sets, forms, value };
      if (options.caseSensitive) phrase.exactCase = variant.raw;
      const index = forms ? this.byStem : this.byWord;
      for (const first of new Set(tokens[0])) {
        if (forms) {
          this.stemStarts.add(first.slice(0, 2));
          const key = latinStartKey(first);
          if (key >= 0) this.latinStemStarts[key] = 1;
        } else {
          this.firstWords.add(first);
        }
        const list = index.get(first);
        if (list) list.push(phrase);
        else index.set(first, [phrase]);
      }
      this.size++;
    }
  }

  get phraseCount(): number {
    return this.size;
  }

  /**
   * Every match in the tokens, longest first at each position; overlapping matches are all
   * returned (callers decide which to keep).
   */
  matchAll(tokens: WordToken[], text: string, base = 0): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    const useStems = this.byStem.size > 0;
    for (let i = 0; i < tokens.length; i++) {
      const word = tokens[i].norm;
      if (this.firstWords.mayHave(tokens[i].hash)) {
        const candidates = this.byWord.get(word);
        if (candidates) this.tryAll(candidates, tokens, i, text, base, out);
      }
      const bare = isPossessive(word) ? word.slice(0, -2) : undefined;
      if (bare !== undefined && this.firstWords.mayHave(hash32(bare))) {
        const forBare = this.byWord.get(bare);
        if (forBare) this.tryAll(forBare, tokens, i, text, base, out);
      }
      // Stemming every word is costly; a stem keeps its word's first two letters, so only words
      // that start like an indexed stem are stemmed.
      if (useStems && this.mayStartStem(bare ?? word)) {
        const stemmed = this.byStem.get(stem(bare ?? word));
        if (stemmed) this.tryAll(stemmed, tokens, i, text, base, out);
      }
    }
    if (this.literals.length > 0) this.matchLiterals(tokens, text, base, out);
    return out;
  }

  /** Whether a word starts with the first two letters of an indexed stem. */
  private mayStartStem(word: string): boolean {
    const key = latinStartKey(word);
    return key >= 0 ? this.latinStemStarts[key] === 1 : this.stemStarts.has(word.slice(0, 2));
  }

  private matchLiterals(tokens: WordToken[], text: string, base: number, out: PhraseMatch<T>[]): void {
    const folded = foldForLiteral(text);
    for (const { pattern, value } of this.literals) {
      for (const r of pattern.find(folded)) {
        const start = base + r.start;
        const end = base + r.end;
        // The words it covers, for the context checks.
        const first = firstTokenEndingAfter(tokens, start);
        let last = first;
        while (last < tokens.length && tokens[last].start < end) last++;
        out.push({ value, first, last, start, end });
      }
    }
  }

  private tokenMatches(phrase: CompiledPhrase<T>, k: number, word: string, surface: string): boolean {
    const key = phrase.forms ? stem(word) : word;
    if (!(phrase.sets[k]?.has(key) ?? phrase.tokens[k].includes(key))) return false;
    return !phrase.exactCase || phrase.exactCase[k].includes(surface);
  }

  private tryAll(candidates: CompiledPhrase<T>[], tokens: WordToken[], i: number, text: string, base: number, out: PhraseMatch<T>[]): void {
    for (const phrase of candidates) {
      const n = phrase.tokens.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      let end = tokens[i + n - 1].end;
      for (let k = 0; k < n && ok; k++) {
        const token = tokens[i + k];
        // The words as written matter only to case-sensitive entries (and cost a string each).
        const surface = phrase.exactCase ? text.slice(token.start - base, token.end - base) : '';
        ok = this.tokenMatches(phrase, k, token.norm, surface);
        // A possessive on the last word ("Kiev’s") still matches; the range stops before it.
        if (!ok && k === n - 1 && isPossessive(token.norm)) {
          ok = this.tokenMatches(phrase, k, token.norm.slice(0, -2), surface.slice(0, -2));
          end = token.end - 2;
        }
        // Tokens of a phrase must be adjacent: only spaces, hyphens or apostrophes between them.
        if (ok && k > 0) ok = isPhraseGap(text.slice(tokens[i + k - 1].end - base, token.start - base));
      }
      if (ok) out.push({ value: phrase.value, first: i, last: i + n, start: tokens[i].start, end });
    }
  }
}

/** A word's first two character codes in one number (0 for a missing second), or -1 outside Latin-1. */
function latinStartKey(word: string): number {
  const a = word.charCodeAt(0);
  const b = word.length > 1 ? word.charCodeAt(1) : 0;
  return a < 256 && b < 256 ? (a << 8) | b : -1;
}

function firstTokenEndingAfter(tokens: WordToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** "kiev's": a word with a possessive ending (tokens are lower case with straight apostrophes). */
function isPossessive(word: string): boolean {
  // Tested by character codes: it runs on every word (39 is the apostrophe, 115 "s").
  const n = word.length;
  return n > 2 && word.charCodeAt(n - 1) === 115 && word.charCodeAt(n - 2) === 39;
}

export function isPhraseGap(gap: string): boolean {
  return gap.length <= 3 && /^[\s\-\u2010-\u2014'\u2019]*$/.test(gap) && gap.length > 0;
}

/** Keeps, of overlapping matches, the one that starts first and then the longest. */
export function nonOverlapping<T>(matches: PhraseMatch<T>[]): PhraseMatch<T>[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PhraseMatch<T>[] = [];
  let lastEnd = -1;
  for (const m of sorted) {
    if (m.start >= lastEnd) {
      out.push(m);
      lastEnd = m.end;
    }
  }
  return out;
}
