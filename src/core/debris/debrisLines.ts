// Which lines of a document are web debris: a line's own shape (lineShape.ts) decides first; then,
// as jusText does with its neighbours, the lines of widgets found by their structure (widgets.ts: a
// poll's repeated question, options and form, the labels between a widget's opening and closing
// lines) and the short lines that recur in several articles next to debris. Titles are never debris.
import { judgeLine } from './lineShape';
import { WidgetSource, enclosedSpan, widgetBlocks } from './widgets';
import { normalizeForCompare } from '../text/text';
import { DebrisEvidence, DebrisKind, OffsetRange } from '../model/types';

export type { DebrisEvidence };

/**
 * What a line's own text says (computed once per paragraph text and cached with its analysis).
 * Offsets are relative to the paragraph; the range is the line without surrounding spaces.
 */
export interface LineShape extends OffsetRange {
  /** The kind from the line's own shape, or null. */
  kind: DebrisKind | null;
  /** The comparison key of a line short enough to count as recurring, or null. */
  key: string | null;
  /** Short enough (and not a sentence) to be taken as debris for sitting next to it in several articles. */
  neighbourly: boolean;
  /** Recurrence alone makes it debris (its shape leans that way). */
  shapely: boolean;
}

/** A non-blank line of the document, in order (blank lines are left out: neighbours skip them). */
export interface DocumentLine {
  shape: LineShape;
  /** Index of the article the line belongs to. */
  article: number;
  /** An article's title (or a line that must never be taken for debris, such as a header). */
  protected: boolean;
}


export interface DebrisVerdict {
  kind: DebrisKind;
  evidence: DebrisEvidence;
  /** For evidence `recurrence`: in how many articles the line occurs. */
  articles?: number;
}

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


function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;
}

/** The shape of each non-blank line of a paragraph's text. */
export function lineShapes(text: string): LineShape[] {
  const out: LineShape[] = [];
  let at = 0;
  while (at <= text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    let s = at;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push(shapeOf(text.slice(s, e), s, e));
    at = end + 1;
  }
  return out;
}

function shapeOf(line: string, start: number, end: number): LineShape {
  const { kind, score, words } = judgeLine(line);
  const recurs = kind === null && line.length <= MAX_RECURRING_CHARS && words <= MAX_RECURRING_WORDS;
  const neighbourly = recurs && words <= MAX_NEIGHBOUR_WORDS && !SENTENCE_END.test(line);
  const shapely = recurs && score >= RECURRING_SHAPE;
  return {
    start,
    end,
    kind,
    // Only lines that can be taken as debris for recurring need their key.
    key: neighbourly || shapely ? normalizeForCompare(line) : null,
    neighbourly,
    shapely,
  };
}

/** Whether any line can be debris at all: a kind of its own, or a shape that recurrence would confirm. */
export function mayHaveDebris(lines: readonly LineShape[]): boolean {
  return lines.some(l => l.kind !== null || l.shapely);
}

/**
 * The verdict on each line; `textOf(i)` gives line i's text without surrounding spaces (read only
 * around widgets and to compare a line with the one above).
 */
export function debrisInDocument(lines: DocumentLine[], textOf: (i: number) => string): (DebrisVerdict | null)[] {
  const verdicts: (DebrisVerdict | null)[] = lines.map(l => {
    const kind = l.protected ? null : l.shape.kind;
    return kind ? { kind, evidence: 'shape' } : null;
  });
  widgets(lines, textOf, verdicts);
  recurring(lines, verdicts);
  return verdicts;
}

/** The lines of widgets (widgets.ts): a stutter's block, the lines between a widget's opening and closing lines. */
function widgets(lines: DocumentLine[], textOf: (i: number) => string, verdicts: (DebrisVerdict | null)[]): void {
  const src: WidgetSource = {
    count: lines.length,
    text: textOf,
    apart: i => lines[i].article !== lines[i - 1].article,
    fixed: i => lines[i].protected,
  };
  const mark = (first: number, last: number, kind: DebrisKind) => {
    for (let i = first; i <= last; i++) if (!verdicts[i] && !lines[i].protected) verdicts[i] = { kind, evidence: 'context' };
  };
  for (const b of widgetBlocks(src)) mark(b.first, b.last, b.kind);
  for (let i = 0; i < lines.length; i++) {
    const v = verdicts[i];
    if (v?.evidence !== 'shape') continue;
    const span = enclosedSpan(src, i, v.kind);
    if (span) mark(span[0], span[1], v.kind === 'poll' ? 'poll' : 'widget');
  }
}

/**
 * Short lines that occur in several articles: debris when their shape leans that way, or, when
 * very short and not a sentence, when they sit next to debris in at least two of their occurrences
 * (the same widget on every page; whole-article copies repeat prose next to the same debris). Only debris found
 * from shape or context counts as a neighbour: recurrence does not chain.
 */
function recurring(lines: DocumentLine[], verdicts: (DebrisVerdict | null)[]): void {
  const neighbourKind = (i: number): DebrisKind | null => {
    for (const k of [i - 1, i + 1]) {
      const v = verdicts[k];
      if (v && v.evidence !== 'recurrence' && lines[k].article === lines[i].article) return v.kind;
    }
    return null;
  };
  // The keys that can qualify (few), then every occurrence of them.
  const wanted = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const { key, shapely } = lines[i].shape;
    if (key !== null && !verdicts[i] && !lines[i].protected && (shapely || neighbourKind(i) !== null)) wanted.add(key);
  }
  if (wanted.size === 0) return;
  const groups = new Map<string, number[]>();
  for (let i = 0; i < lines.length; i++) {
    const key = lines[i].shape.key;
    if (key === null || !wanted.has(key) || verdicts[i] || lines[i].protected) continue;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  }
  const candidates: { at: number[]; articles: number }[] = [];
  for (const at of groups.values()) {
    if (at.length < MIN_RECURRING_ARTICLES) continue;
    const articles = new Set(at.map(i => lines[i].article)).size;
    if (articles >= MIN_RECURRING_ARTICLES) candidates.push({ at, articles });
  }
  const found: { at: number[]; verdict: DebrisVerdict }[] = [];
  for (const c of candidates) {
    const shape = lines[c.at[0]].shape;
    const kinds = shape.neighbourly ? c.at.map(neighbourKind).filter((k): k is DebrisKind => k !== null) : [];
    const byShape = shape.shapely;
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
