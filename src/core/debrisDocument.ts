// Which lines of a document are web debris: a line's own shape (debris.ts) decides first; then,
// as jusText does with its neighbours, the lines a poll encloses (its question and answers between
// "take our poll" and the sign-up form) and the short lines that recur in several articles
// next to debris. Titles are never debris.
import { DebrisKind, debrisKind, debrisScore } from './debris';
import { normalizeForCompare, wordTokens } from './text';

/** A non-blank line of the document, in order (blank lines are left out: neighbours skip them). */
export interface DocumentLine {
  text: string;
  /** Index of the article the line belongs to. */
  article: number;
  /** An article's title (or a line that must never be taken for debris, such as a header). */
  protected: boolean;
}

export type DebrisEvidence = 'shape' | 'context' | 'recurrence';

export interface DebrisVerdict {
  kind: DebrisKind;
  evidence: DebrisEvidence;
  /** For evidence `recurrence`: in how many articles the line occurs. */
  articles?: number;
}

/** At most this many lines between the poll that opens a block and the debris that closes it. */
const MAX_ENCLOSED = 10;
/** Lines a poll encloses are short (a question, an answer). */
const MAX_ENCLOSED_WORDS = 25;
/** A line that recurs must be short ... */
const MAX_RECURRING_WORDS = 20;
const MAX_RECURRING_CHARS = 240;
/** ... and occur in at least this many articles. */
const MIN_RECURRING_ARTICLES = 3;
/** Recurring lines next to debris are debris up to this length (a poll's question, an answer). */
const MAX_NEIGHBOUR_WORDS = 12;
/** A sentence recurs in whole-article copies next to the same debris: never promoted by neighbours. */
const SENTENCE_END = /[.!?…]["'”’)\]]*$/;
/** Shape score from which recurrence alone makes a line debris. */
const RECURRING_SHAPE = 0.3;

const OPENS_BLOCK: ReadonlySet<DebrisKind> = new Set(['poll']);
const CLOSES_BLOCK: ReadonlySet<DebrisKind> = new Set(['poll', 'form', 'prompt']);

export function debrisInDocument(lines: DocumentLine[]): (DebrisVerdict | null)[] {
  const verdicts: (DebrisVerdict | null)[] = lines.map(l => {
    if (l.protected) return null;
    const kind = debrisKind(l.text);
    return kind ? { kind, evidence: 'shape' } : null;
  });
  enclosedByPolls(lines, verdicts);
  recurring(lines, verdicts);
  return verdicts;
}

function wordCount(text: string, limit: number): number {
  // Cheap upper bound first: a long line has many words.
  if (text.length > limit * 12) return limit + 1;
  return wordTokens(text).length;
}

/** Short lines between a poll and the debris that closes its block, in one article. */
function enclosedByPolls(lines: DocumentLine[], verdicts: (DebrisVerdict | null)[]): void {
  let open = -1;
  for (let i = 0; i < lines.length; i++) {
    const v = verdicts[i];
    if (open >= 0 && lines[i].article !== lines[open].article) open = -1;
    if (v) {
      if (open >= 0 && i - open > 1 && CLOSES_BLOCK.has(v.kind)) {
        for (let k = open + 1; k < i; k++) verdicts[k] = { kind: 'poll', evidence: 'context' };
      }
      open = OPENS_BLOCK.has(v.kind) ? i : -1;
      continue;
    }
    if (open < 0) continue;
    if (lines[i].protected || i - open > MAX_ENCLOSED || wordCount(lines[i].text, MAX_ENCLOSED_WORDS) > MAX_ENCLOSED_WORDS) open = -1;
  }
}

/**
 * Short lines that occur in several articles: debris when their shape leans that way, or, when
 * very short and not a sentence, when they sit next to debris in at least two of their occurrences
 * (the same widget on every page; whole-article copies repeat prose next to the same debris). Only debris found
 * from shape or context counts as a neighbour: recurrence does not chain.
 */
function recurring(lines: DocumentLine[], verdicts: (DebrisVerdict | null)[]): void {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].text;
    if (verdicts[i] || lines[i].protected || text.length > MAX_RECURRING_CHARS) continue;
    if (wordCount(text, MAX_RECURRING_WORDS) > MAX_RECURRING_WORDS) continue;
    const key = normalizeForCompare(text);
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  }
  const candidates: { at: number[]; articles: number; short: boolean }[] = [];
  for (const at of groups.values()) {
    if (at.length < MIN_RECURRING_ARTICLES) continue;
    const articles = new Set(at.map(i => lines[i].article)).size;
    const text = lines[at[0]].text.trim();
    const short = !SENTENCE_END.test(text) && wordCount(text, MAX_NEIGHBOUR_WORDS) <= MAX_NEIGHBOUR_WORDS;
    if (articles >= MIN_RECURRING_ARTICLES) candidates.push({ at, articles, short });
  }
  const neighbourKind = (i: number): DebrisKind | null => {
    for (const k of [i - 1, i + 1]) {
      const v = verdicts[k];
      if (v && v.evidence !== 'recurrence' && lines[k].article === lines[i].article) return v.kind;
    }
    return null;
  };
  const found: { at: number[]; verdict: DebrisVerdict }[] = [];
  for (const c of candidates) {
    const kinds = c.short ? c.at.map(neighbourKind).filter((k): k is DebrisKind => k !== null) : [];
    const byShape = debrisScore(lines[c.at[0]].text) >= RECURRING_SHAPE;
    if (kinds.length < 2 && !byShape) continue;
    const kind: DebrisKind = kinds.length >= 2 ? mostCommon(kinds) : 'recurring';
    found.push({ at: c.at, verdict: { kind, evidence: 'recurrence', articles: c.articles } });
  }
  for (const f of found) for (const i of f.at) verdicts[i] = f.verdict;
}

function mostCommon<T>(xs: T[]): T {
  const counts = new Map<T, number>();
  let best = xs[0];
  for (const x of xs) {
    const n = (counts.get(x) ?? 0) + 1;
    counts.set(x, n);
    if (n > (counts.get(best) ?? 0)) best = x;
  }
  return best;
}
