// Widgets of a scraped page (a poll, a share bar, a sign-up box) found by their structure, whatever
// their words. Two structures:
// - a stutter: the same line two or three times in a row (a poll's question copied by the page's
//   markup), perhaps joined to the line that announces it ("take our poll … Should …?" then
//   "Should …?"), with an announcing line above, option lines (bullets or short lines) below and
//   a closing line (a form field, a prompt): one block, accepted when the question comes three
//   times, or twice with options under it. A stutter that is none of this (a
//   headline printed twice) only marks its copies: a line repeating the line above is never a title.
// - an enclosure: lines between a line that opens a widget (a poll, prompt, form or widget line by
//   its own shape) and the line that closes it (a poll, form or prompt line), within a few lines:
//   a poll's question and answers, or the labels of a share bar or sign-up box (short, no sentence);
//   or, after an opening line that announces a list with a colon, button-short labels up to the
//   article's next sentence.
// The segmentation asks which lines may never open an article (`widgetMarks`), the debris rule which
// lines are debris (`widgetBlocks`, `enclosedSpan`); both read the lines through a `WidgetSource`.
import { Judgement, judgeLine } from './lineShape';
import type { DebrisKind } from '../model/types';

/** The lines as the widget finder reads them: the non-blank lines of a document, in order. */
export interface WidgetSource {
  count: number;
  /** Line i's text without surrounding spaces. */
  text(i: number): string;
  /** Whether line i cannot be in one widget with line i - 1 (a separator or an article boundary between them). */
  apart(i: number): boolean;
  /** Whether line i is never part of a widget (a heading, a header, a title). */
  fixed(i: number): boolean;
}

/** What a line is in a widget. */
export const enum WidgetMark {
  None = 0,
  /** A line of a widget block found from a stutter. */
  Block = 1,
  /** A line that repeats the line above, in a stutter that is no widget. */
  Repeat = 2,
  /** A line enclosed between a widget's opening and closing lines. */
  Enclosed = 3,
}

export interface WidgetBlock {
  first: number;
  last: number;
  kind: 'poll' | 'widget';
}

/** A question joined to its announcing line is at least this long. */
const MIN_JOINED_CHARS = 12;
/** Most option lines under a stutter before its closing line. */
const MAX_OPTIONS = 8;
/** An option line has at most this many words (a bullet line may hold several options). */
const MAX_OPTION_WORDS = 16;
/** Lines of debris after a closing line that still belong to the block (the rest of its form). */
const MAX_TAIL = 4;
/** Shape score from which a line announces a widget without a signature of its own. */
const ANNOUNCING_SHAPE = 0.35;
/** Most lines an opening and a closing line enclose. */
export const MAX_ENCLOSED = 10;
/** Lines a poll encloses are short (a question, an answer) ... */
const MAX_POLL_ENCLOSED_WORDS = 25;
/** ... and those of other widgets are labels: a few words and no sentence. */
const MAX_LABEL_WORDS = 8;
/** A list a colon announces has at least this many labels ... */
const MIN_LIST_LABELS = 2;
/** ... each as short as a button's label ("Email this"; a headline is longer). */
const MAX_BUTTON_WORDS = 3;
/** How far from its stutter a block reaches (the announcing line, options, closing line and tail). */
export const WIDGET_REACH = 1 + MAX_OPTIONS + 1 + MAX_TAIL + MAX_ENCLOSED;

const OPENERS: ReadonlySet<DebrisKind> = new Set(['poll', 'prompt', 'form', 'widget']);
const CLOSERS: ReadonlySet<DebrisKind> = new Set(['poll', 'form', 'prompt']);
const BULLET = /^[*•·▪◦●○‣-]\s/;
const SENTENCE_END = /[.!?…]["'”’)\]]*$/;

function judge(src: WidgetSource, i: number): Judgement {
  return judgeLine(src.text(i));
}

function isSpaceOrMark(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 45 || c === 0x2013 || c === 0x2014 || c === 58 || c === 124 || c === 46;
}

/** Whether line `below` repeats line `above`: the same text, or the end of it after a break ("… below Should …?"). */
export function repeatsLine(above: string, below: string): boolean {
  if (below.length === 0 || above.length < below.length) return false;
  if (above.charCodeAt(above.length - 1) !== below.charCodeAt(below.length - 1)) return false;
  if (above.length === below.length) return above === below;
  return below.length >= MIN_JOINED_CHARS && isSpaceOrMark(above.charCodeAt(above.length - below.length - 1)) && above.endsWith(below);
}

function repeatsAbove(src: WidgetSource, i: number): boolean {
  return i > 0 && repeatsLine(src.text(i - 1), src.text(i)) && !src.apart(i) && !src.fixed(i) && !src.fixed(i - 1);
}

/** The block a stutter from line `first` (the question, maybe joined to its announcement) to line `last` makes, or null. */
function stutterBlock(src: WidgetSource, first: number, last: number): WidgetBlock | null {
  const question = src.text(last);
  // A paragraph pasted twice is a repeat, not a widget: a widget's repeated line is short.
  if (judgeLine(question).words > MAX_POLL_ENCLOSED_WORDS) return null;
  const joined = src.text(first).length > question.length;
  let poll = question.endsWith('?');
  const announces = (j: Judgement) => j.kind !== null || j.score >= ANNOUNCING_SHAPE;
  let from = first;
  if (joined) {
    poll ||= judgeLine(src.text(first).slice(0, src.text(first).length - question.length)).kind === 'poll';
  } else if (first > 0 && !src.apart(first) && !src.fixed(first - 1)) {
    const above = judge(src, first - 1);
    if (announces(above)) {
      from = first - 1;
      poll ||= above.kind === 'poll';
    }
  }
  // Options: bullets or short lines, then the closing line.
  let j = last + 1;
  let bullets = 0;
  let leading = true;
  while (j < src.count && j - last <= MAX_OPTIONS && !src.apart(j) && !src.fixed(j)) {
    const o = judge(src, j);
    const bullet = BULLET.test(src.text(j));
    if (o.kind !== null || !(bullet || o.words <= MAX_OPTION_WORDS)) break;
    if (bullet && leading) bullets++;
    else leading = false;
    j++;
  }
  const options = j - last - 1;
  let to = last + bullets;
  let closed = false;
  if (j < src.count && !src.apart(j) && !src.fixed(j)) {
    const c = judge(src, j);
    if (c.kind !== null && CLOSERS.has(c.kind)) {
      closed = true;
      poll ||= c.kind === 'poll';
      to = j;
      // The rest of the form: the lines of debris right under the closing line.
      for (let t = j + 1; t < src.count && t - j <= MAX_TAIL && !src.apart(t) && !src.fixed(t); t++) {
        const tail = judge(src, t);
        if (tail.kind === null) break;
        poll ||= tail.kind === 'poll';
        to = t;
      }
    }
  }
  const copies = last - first;
  // Twice is a widget only with options under it (bullets, or short lines up to a closing line):
  // a headline printed twice may sit between prompts that end one article and open the next.
  if (!(copies >= 2 || bullets > 0 || (closed && options > 0))) return null;
  return { first: from, last: to, kind: poll ? 'poll' : 'widget' };
}

/**
 * Calls `found` for each stutter (from its first line to its last copy), with its block or null.
 * Only adjacent lines are compared (cheap); the lines around a stutter are judged when one is found.
 */
function eachStutter(src: WidgetSource, found: (first: number, last: number, block: WidgetBlock | null) => void): void {
  for (let i = 1; i < src.count; i++) {
    if (!repeatsAbove(src, i)) continue;
    const first = i - 1;
    let last = i;
    // Copies of the question itself (a joined first line is followed by the bare question).
    while (last + 1 < src.count && repeatsAbove(src, last + 1) && src.text(last + 1).length === src.text(last).length) last++;
    found(first, last, stutterBlock(src, first, last));
    i = last;
  }
}

/** Whether a line may stand between a widget's opening and closing lines. */
function enclosable(src: WidgetSource, i: number, poll: boolean): boolean {
  if (src.fixed(i)) return false;
  const j = judge(src, i);
  if (j.kind !== null) return false;
  const text = src.text(i);
  // A poll's question and answers: a question, an option (a bullet, a few words, a line that is no
  // sentence); never a statement of some length, which is the article's own prose.
  if (poll) return j.words <= MAX_POLL_ENCLOSED_WORDS && (text.endsWith('?') || BULLET.test(text) || j.words <= MAX_LABEL_WORDS || !SENTENCE_END.test(text));
  return j.words <= MAX_LABEL_WORDS && !SENTENCE_END.test(text);
}

/** Whether a poll opened at line `open` asks its question there (joined to the announcement) or on the next line. */
function asks(src: WidgetSource, open: number): boolean {
  return src.text(open).endsWith('?') || src.text(open + 1).endsWith('?');
}

/**
 * The lines that opening line `open` (its kind `kind`, by its own shape) encloses with a closing
 * line, as [first, last], or null.
 */
export function enclosedSpan(src: WidgetSource, open: number, kind: DebrisKind | null): [number, number] | null {
  if (kind === null || !OPENERS.has(kind) || src.fixed(open)) return null;
  const poll = kind === 'poll';
  let j = open + 1;
  while (j < src.count && j - open <= MAX_ENCLOSED && !src.apart(j) && enclosable(src, j, poll)) j++;
  if (j === open + 1 || j - open > MAX_ENCLOSED || j >= src.count || src.apart(j) || src.fixed(j)) return null;
  // A poll line that asks nothing after it (the line under a poll's form) opens no enclosure: what
  // follows it up to the next poll is the article, not a question and its answers.
  if (poll && !asks(src, open)) return null;
  const closing = judge(src, j).kind;
  if (closing !== null && CLOSERS.has(closing)) return [open + 1, j - 1];
  return announcedList(src, open, j, poll) ? [open + 1, j - 1] : null;
}

/**
 * Whether the lines from open + 1 to end - 1 are a list an opening line announces with a colon
 * ("Share this story:", then the buttons' labels) that the article's next sentence closes: the
 * labels are button-short (a title is longer), at least two, and line `end` is a sentence.
 */
function announcedList(src: WidgetSource, open: number, end: number, poll: boolean): boolean {
  if (poll || !src.text(open).endsWith(':') || end - open - 1 < MIN_LIST_LABELS) return false;
  for (let i = open + 1; i < end; i++) if (judge(src, i).words > MAX_BUTTON_WORDS) return false;
  const after = judge(src, end);
  return after.kind === null && after.words > MAX_LABEL_WORDS && SENTENCE_END.test(src.text(end));
}

/** Whether line k is enclosed between a widget's opening and closing lines (as `enclosedSpan` finds them). */
export function isEnclosed(src: WidgetSource, k: number): boolean {
  if (src.fixed(k) || judge(src, k).kind !== null) return false;
  // Up through the lines that could be enclosed, to the line that may open the widget.
  let open = k - 1;
  while (open >= 0 && k - open <= MAX_ENCLOSED && !src.apart(open + 1) && !src.fixed(open) && judge(src, open).kind === null) open--;
  if (open < 0 || src.apart(open + 1) || k - open > MAX_ENCLOSED) return false;
  const span = enclosedSpan(src, open, judge(src, open).kind);
  return span !== null && span[0] <= k && k <= span[1];
}

/** The widget blocks found from stutters, in order. */
export function widgetBlocks(src: WidgetSource): WidgetBlock[] {
  const blocks: WidgetBlock[] = [];
  eachStutter(src, (_first, _last, block) => { if (block) blocks.push(block); });
  return blocks;
}

/**
 * What each line is in a stutter (`Block` or `Repeat`), and, for the lines with `candidate` set,
 * whether they are enclosed (`Enclosed`): the lines that may never open an article.
 */
export function widgetMarks(src: WidgetSource, candidate: Uint8Array): Uint8Array {
  const marks = new Uint8Array(src.count);
  eachStutter(src, (first, last, block) => {
    if (block) marks.fill(WidgetMark.Block, block.first, block.last + 1);
    else marks.fill(WidgetMark.Repeat, first + 1, last + 1);
  });
  // The spans of the lines that open a widget: the lines `isEnclosed` finds one by one (a line is
  // enclosed exactly when the nearest line above it that is debris opens a span holding it), in one
  // pass that judges each line once instead of walking up from every candidate.
  for (let open = 0; open < src.count; open++) {
    const span = enclosedSpan(src, open, judge(src, open).kind);
    if (span === null) continue;
    for (let k = span[0]; k <= span[1]; k++) if (marks[k] === WidgetMark.None && candidate[k] === 1) marks[k] = WidgetMark.Enclosed;
  }
  return marks;
}
