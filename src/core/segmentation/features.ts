// Evidence, line by line, that a line opens an article. Three kinds, each a log-odds contribution:
// - from the line's own text (`ownScore`): final punctuation, length, capitalised words, datelines,
//   bylines, links, web debris;
// - from its neighbours (`contextScore`): a byline or dateline under it, the line above ending a
//   sentence, its words coming back in the lines below rather than in the lines above;
// - its place among blank lines, separators and headings (`Category`), whose weight the decoder
//   learns from the whole file (decode.ts).
// Every contribution is a step function of the text, so most edits inside a paragraph change none
// (the editor's incremental path relies on it: see `evidenceHolds`).
import { debrisScore } from '../debris/lineShape';
import { WidgetSource, widgetMarks } from '../debris/widgets';
import { Line, HEADER_LINE, endsSentence, endsWithEllipsis, finalMark, headingLevel, isSeparator, startsWithFormFeed } from './lines';
import { bylineOf, dateLineOf, datelineOf, hasDate } from './meta';
import { hash32 } from '../text/text';

/** A line's place in the layout. The decoder learns per file how much each says. */
export const enum Category {
  /** Lines above and below it hold text. */
  Inner,
  /** Blank lines (or the edges) above and below it. */
  Alone,
  /** First line of a block of two lines. */
  FirstOfTwo,
  /** First line of a longer block. */
  FirstOfMore,
  /** Last line of a block. */
  Last,
  /** Right after a separator or page break. */
  AfterSeparator,
  /** A Markdown heading at the level articles start at in this file. */
  TopHeading,
  /** A lower Markdown heading. */
  SubHeading,
  /** A `Title:` or `Headline:` header. */
  TitleHeader,
}
export const CATEGORY_COUNT = 9;

/**
 * How a line ends: the decoder learns per file how telling a headline's missing full stop is. An
 * ellipsis is not a full stop: it trails off, as teaser headlines do ("… If He Doesn't Do This…"),
 * and as few paragraphs of body text do, so each file learns what it says apart.
 */
export const enum Ending { None, FullStop, QuestionOrExclamation, Other, Ellipsis }
export const ENDING_COUNT = 5;

export function endingOf(text: string): Ending {
  if (endsWithEllipsis(text)) return Ending.Ellipsis;
  const mark = finalMark(text.trim());
  if (mark === '.') return Ending.FullStop;
  if (mark === '?' || mark === '!') return Ending.QuestionOrExclamation;
  if (mark === ':' || mark === ';' || mark === ',') return Ending.Other;
  return Ending.None;
}

const TITLE_HEADER = /^\s*(?:title|headline)\s*:\s*/i;
const LINK = /(?:https?:\/\/|www\.|\bpic\.twitter\.com|\bt\.co\/|@\w{2,}|\.(?:com|org|net)\b)/i;
const BULLET_START = /^[*•·\-–—|©®>[({<#=+~^]/;
/**
 * An item of a numbered list ("4) How …?", "2. Who pays?"): a point inside an article, whatever its
 * final mark, not a headline (a listicle's headline says "5 things", not "5.").
 */
const NUMBERED_ITEM = /^\d{1,2}[.)]\s+\S/;
/** Every date the date tests know has a year. */
const YEAR = /\d{4}/;
const LOWER_START = /^\p{Ll}/u;
/** Words left lower-case in a title ("of", "the"): not counted for the share of capitalised words. */
const MINOR = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'for', 'and', 'or', 'but', 'at', 'by', 'with', 'from',
  'as', 'is', 'vs', 'via', 'into', 'over', 'after', 'about', 'than', 'up', 'out', 'off', 'its', 'be', 'are', 'was']);
/**
 * A credit or sign-off line at the end of an article: where it was first published, who reported,
 * with whose permission, copyright.
 */
const CREDIT = /^(?:(?:this|the)\s+)?(?:article|story|post|piece|report|column|op-ed)\b.{0,60}\b(?:published|posted|appeared|republished|reprinted|reproduced|syndicated)\b|\bwith (?:the )?permission\b|^(?:reporting|writing|editing|additional reporting|research) by\b|\bcontributed to this (?:report|story|article)|^(?:copyright|©|\(c\))\s|\ball rights reserved\b|^(?:source|via|h\/t|hat tip|credit|photo credit)s?\s*:/i;

/**
 * The sign-off that ends a republished article: with whose permission, where it first appeared,
 * a copyright notice with its year, who distributed it. The line after it opens the next article
 * more likely than not (a photo credit, which sits inside an article, is no sign-off).
 */
const SIGN_OFF = /\bwith (?:the )?permission\b|^(?:(?:this|the)\s+(?:article|story|post|piece|report|column)\s+)?(?:was\s+)?(?:first|originally)\s+(?:published|posted|appeared|ran)\b|\bcontributed to this (?:report|story|article)|^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*\d{4}\b|\ball rights reserved\b|\bdistributed by\b/i;
/** What a sign-off right above a line says for it. */
const AFTER_SIGN_OFF = 1.5;

/**
 * A compound headline ("Title; Deck") whose deck is printed again on the line below, as news
 * archives give a headline and its standfirst: the line is the headline of what follows.
 */
const REPEATED_DECK = 2;

/** Whether `line` ends with "; " and then the text of `next` (its final full stop aside), two words or more. */
export function repeatsDeck(line: string, next: string): boolean {
  const deck = next.trim().replace(/\.$/, '');
  if (deck.length < 5 || deck.indexOf(' ') < 0) return false;
  const head = line.trim();
  if (head.length <= deck.length + 2 || !head.endsWith(deck)) return false;
  return head.slice(0, head.length - deck.length).trimEnd().endsWith(';');
}

/** A sentence that continues the one before it does not open an article. */
const CONNECTIVE_START = /^(?:however|but|and|so|yet|also|meanwhile|still|instead|moreover|furthermore|therefore|thus|indeed|besides|otherwise|then|now|in addition|in fact|for example|for instance|of course|after all)\b,?\s/i;

/**
 * A kicker before a headline: a place, a date or a label ("Analysis", "Exclusive") of one to four
 * capitalised words, perhaps a date or agency in brackets, a colon, then a capitalised clause of
 * three words or more ("Ridgeton (May 3): Council delays vote on bus lanes"). A common headline
 * shape; speaker labels ("Q:") are too short and captions ("Photo:") are not kickers.
 */
const KICKER = /^(?:["“‘]?\p{Lu}[\p{L}'’.&-]*(?:\s+(?:of|the|and|de|la|\p{Lu}[\p{L}'’.&-]*)){0,3})(?:\s*\([^()]{2,30}\))?\s*:\s+["“‘]?[\p{Lu}\d][^\s:]*(?:\s+\S+){2,}$/u;
const NOT_KICKER = /^(?:photo|image|picture|caption|credit|file|related|see also|read more|also read|note|tags?|category|filed under|share|comments?|q|a)\b/i;

/** Two sentences on one line: a full stop, a space and a capital inside it. */
const INNER_SENTENCE = /[a-z\d)’”"][.!?]["’”]?\s+["“‘]?[A-Z]/;

/** Longest line taken for a headline. */
const MAX_HEADLINE_CHARS = 250;
/** Longer than this and holding two sentences: prose. */
const LONG_PROSE_CHARS = 120;
/** What a longer line says: prose, no headline however it is written. */
const PROSE_SCORE = -8;
/** Below this own score the remaining (costlier) tests are not run: the line is no headline anyway. */
const HOPELESS = -6;

/** A kicker-shaped line longer than this is a sentence that happens to hold a colon. */
const KICKER_MAX_CHARS = 160;
/** How much a line's debris score (0–1) counts against it, and for a declared title. */
const DEBRIS_WEIGHT = 4;
const DECLARED_DEBRIS_WEIGHT = 1.5;
/** What a kicker before a headline says (as much as title case). */
const KICKER_SCORE = 1.5;

/** Whether a line is a headline with a kicker (`KICKER`), not ending as a sentence does. */
export function isKicker(t: string): boolean {
  return endingOf(t) === Ending.None && KICKER.test(t) && !NOT_KICKER.test(t);
}

/** Minor words by length, for comparing in place (`isMinor`). */
const MINOR_BY_LENGTH: string[][] = [];
for (const w of MINOR) (MINOR_BY_LENGTH[w.length] ??= []).push(w);

/** Whether t[start, end) is a minor word, in any case, without building a string. */
function isMinor(t: string, start: number, end: number): boolean {
  const candidates = MINOR_BY_LENGTH[end - start];
  if (!candidates) return false;
  next: for (const w of candidates) {
    for (let i = 0; i < w.length; i++) {
      let c = t.charCodeAt(start + i);
      if (c >= 65 && c <= 90) c += 32;
      if (c !== w.charCodeAt(i)) continue next;
    }
    return true;
  }
  return false;
}

/**
 * What each UTF-16 code unit is, found out once (bit 1: a letter or digit, bit 2: an upper-case
 * letter or a digit, bit 4: known), so that no character needs a string or a regular expression.
 */
const CODE_KIND = new Uint8Array(0x10000);
const LETTER_OR_DIGIT = 1;
const UPPER_OR_DIGIT = 2;
const KNOWN = 4;

function kindOf(c: number): number {
  let k = CODE_KIND[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = KNOWN | (/[\p{L}\p{N}]/u.test(ch) ? LETTER_OR_DIGIT : 0) | (/[\p{Lu}\p{N}]/u.test(ch) ? UPPER_OR_DIGIT : 0);
    CODE_KIND[c] = k;
  }
  return k;
}

/** A letter or digit (of any script). */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c > 127 && (kindOf(c) & LETTER_OR_DIGIT) !== 0);
}

/** The lower-case form of each code unit above ASCII, found out once (0: not yet). */
const LOWER = new Uint16Array(0x10000);

function lowerCode(c: number): number {
  return LOWER[c] || (LOWER[c] = String.fromCharCode(c).toLowerCase().charCodeAt(0));
}

/** Inner apostrophes, dots and hyphens join the characters of a word. */
function isWordJoiner(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 46 || c === 45;
}

/**
 * Words of a line, and of those that are not minor words ("of", "the"), how many are capitalised
 * (title case), in one pass.
 */
function countWords(t: string): { words: number; considered: number; capitalised: number } {
  let words = 0;
  let considered = 0;
  let capitalised = 0;
  let i = 0;
  while (i < t.length) {
    if (!isWordCode(t.charCodeAt(i))) { i++; continue; }
    const start = i;
    // Word characters, with inner apostrophes, dots and hyphens ("U.S.", "late-night", "don't").
    while (i < t.length && (isWordCode(t.charCodeAt(i)) || (isWordJoiner(t.charCodeAt(i)) && i + 1 < t.length && isWordCode(t.charCodeAt(i + 1))))) i++;
    words++;
    if (i - start <= 5 && isMinor(t, start, i)) continue;
    considered++;
    const c = t.charCodeAt(start);
    if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c > 127 && (kindOf(c) & UPPER_OR_DIGIT) !== 0)) capitalised++;
  }
  return { words, considered, capitalised };
}

/** Evidence from the line's own text (log-odds); -Infinity for a line that can never open an article. */
export function ownScore(raw: string): number {
  // Runs on every line of the dump: the cheap tests first, and a line already out of the running
  // (prose) is not examined further.
  if (raw.length > MAX_HEADLINE_CHARS && raw.trim().length > MAX_HEADLINE_CHARS) return PROSE_SCORE;
  const text = raw.trim();
  if (!text || HEADER_LINE.test(text) && !TITLE_HEADER.test(text)) return -Infinity;
  // A long line of two sentences or more is prose.
  if (text.length > LONG_PROSE_CHARS && INNER_SENTENCE.test(text)) return PROSE_SCORE;
  const level = headingLevel(text);
  const t = level ? text.replace(/^#+\s*/, '') : text.replace(TITLE_HEADER, '');
  // (How the line ends is weighed by the decoder, per file: see `Ending`.)
  let score = 0;

  const { words, considered, capitalised } = countWords(t);
  // A heading or a `Title:` header declares a title, however short.
  const declared = level > 0 || t.length !== text.length;
  if (declared) score += 1;
  else if (words < 2) score -= 3.5;
  else if (words < 3) score -= 2.5;
  else if (words < 4) score -= 1;
  else if (words > 30) score -= 2;

  if (considered >= 4 && capitalised >= 0.75 * considered) score += 1.5;
  else if (considered >= 3 && capitalised >= 0.75 * considered) score += 1;

  if (LOWER_START.test(t) || CONNECTIVE_START.test(t)) score -= 3;
  if ((BULLET_START.test(t) || NUMBERED_ITEM.test(t)) && !level) score -= 2.5;
  if (INNER_SENTENCE.test(t)) score -= 1.5;
  else if (!level && t.length <= KICKER_MAX_CHARS && isKicker(t)) score += KICKER_SCORE;
  if (score <= HOPELESS) return score;
  if (LINK.test(t)) score -= 3;
  if (CREDIT.test(t)) score -= 3;
  if (datelineOf(t)) score -= 3;
  if (bylineOf(t) !== undefined) score -= 3;
  else if (YEAR.test(t) && hasDate(t)) score -= dateLineOf(t) !== undefined ? 3 : 1.5;
  // Web debris only matters to a line still in the running.
  if (score <= CANDIDATE_FLOOR) return score;
  // A declared title (a heading, a `Title:` header) outweighs a shape that reads like debris
  // ("## Watch: …"): its debris score counts for less, unless it is a word or two ("## Comments").
  return score - (declared && words >= 3 ? DECLARED_DEBRIS_WEIGHT : DEBRIS_WEIGHT) * debrisScore(t);
}

/** Characters of a line read for its words (its start says what it is about). */
const WINDOW_CHARS = 160;
const STOP = new Set(['the', 'and', 'for', 'that', 'with', 'this', 'from', 'was', 'are', 'were', 'has', 'have', 'had',
  'not', 'but', 'his', 'her', 'its', 'their', 'they', 'them', 'she', 'him', 'you', 'your', 'our', 'who', 'what', 'when',
  'will', 'would', 'can', 'could', 'said', 'says', 'about', 'after', 'over', 'into', 'than', 'then', 'there', 'been',
  'also', 'more', 'one', 'all', 'out', 'which', 'how', 'why', 'new', 'just', 'some', 'now', 'being', 'other']);

/** The function words' hashes in a small open-addressing table (0 marks a free slot; no hash of a word is 0 here). */
const STOP_SLOTS = 256;
const STOP_TABLE = new Int32Array(STOP_SLOTS);
for (const w of STOP) {
  const h = hash32(w) & 0x3fffffff;
  let i = h & (STOP_SLOTS - 1);
  while (STOP_TABLE[i] !== 0) i = (i + 1) & (STOP_SLOTS - 1);
  STOP_TABLE[i] = h;
}

function isStopHash(h: number): boolean {
  for (let i = h & (STOP_SLOTS - 1); STOP_TABLE[i] !== 0; i = (i + 1) & (STOP_SLOTS - 1)) if (STOP_TABLE[i] === h) return true;
  return false;
}

/** Content words of a run of content lines, in one flat table: line k's are data[offset[k - first] … offset[k - first + 1]). */
export interface WordTable {
  first: number;
  offset: Int32Array;
  data: Int32Array;
}

/** Most words a line gives (a word of three letters and a separator for every four characters read). */
const MAX_LINE_WORDS = Math.ceil(WINDOW_CHARS / 4) + 1;

/**
 * The word table of content lines first … last (inclusive), content line k being
 * `lines[content[k]]`; only the lines with `needed[k]` set are read (the others are left without
 * words), all of them without `needed`. Arrays, not callbacks: it runs for every file
 * (ARCHITECTURE.md: no inline callbacks in per-file code).
 */
export function wordTable(first: number, last: number, lines: readonly Line[], content: ArrayLike<number>, needed?: Uint8Array): WordTable {
  const count = Math.max(0, last - first + 1);
  const offset = new Int32Array(count + 1);
  let data = new Int32Array(Math.max(64, count * 16));
  let size = 0;
  for (let i = 0; i < count; i++) {
    if (!needed || needed[first + i] === 1) {
      if (size + MAX_LINE_WORDS > data.length) {
        const grown = new Int32Array(data.length * 2);
        grown.set(data);
        data = grown;
      }
      size = appendContentWords(lines[content[first + i]].text, data, size);
    }
    offset[i + 1] = size;
  }
  return { first, offset, data };
}

/**
 * Content words of a line, as FNV-1a hashes of their lower-case letters (the same as `hash32` of
 * the word), read in one pass without building strings: words of three letters or more, apostrophes
 * end a word ("mayor's" gives "mayor"), function words left out.
 */
/** Writes them into data from `size` on (room for `MAX_LINE_WORDS` is there) and gives the new size. */
function appendContentWords(text: string, data: Int32Array, size: number): number {
  const end = Math.min(text.length, WINDOW_CHARS);
  let h = 0x811c9dc5;
  let len = 0;
  for (let i = 0; i <= end; i++) {
    let c = i < end ? text.charCodeAt(i) : 32;
    const letter = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ||
      (c > 127 && (kindOf(c) & LETTER_OR_DIGIT) !== 0);
    if (letter) {
      if (c >= 65 && c <= 90) c += 32;
      else if (c > 127) c = lowerCode(c);
      h = Math.imul(h ^ c, 0x01000193);
      len++;
      continue;
    }
    if (len >= 3) {
      // Kept to 30 bits: small integers are the fastest keys of a Map.
      const word = h & 0x3fffffff;
      if (!isStopHash(word)) data[size++] = word;
    }
    h = 0x811c9dc5;
    len = 0;
  }
  return size;
}

/** Lines of context on each side for the words of a candidate headline. */
export const WINDOW = 6;
/** Below this own score a line is not looked at further (it cannot become a headline). */
export const CANDIDATE_FLOOR = -2;

export interface Evidence {
  /** Indexes into `lines` of the lines that hold text, in order. */
  content: number[];
  /** Evidence of each content line's own text. */
  own: Float64Array;
  /** Own and context score per content line. */
  score: Float64Array;
  category: Uint8Array;
  ending: Uint8Array;
  /**
   * For a line that could be a headline, the next content line with the same text (-1: none): a
   * whole-article copy repeats its headline, and the two take the stronger evidence of either.
   */
  twin: Int32Array;
  /** How many lines that could be headlines have each text (for checking an edit: recheck.ts). */
  candidateTexts: Map<string, number>;
  /** Markdown level articles start at (0: none). */
  topLevel: number;
  /**
   * Per content line, what it is in a widget of the page (`WidgetMark`; 0: none): such a line never
   * opens an article (its own score is -Infinity) and its neighbours read past it.
   */
  blocked: Uint8Array;
}

/** The content lines as the widget finder reads them (debris/widgets.ts). */
export function widgetSource(lines: Line[], content: number[]): WidgetSource {
  return {
    count: content.length,
    text: k => lines[content[k]].text.trim(),
    // A separator (or a setext underline) between two lines parts them; blank lines do not.
    apart: k => {
      for (let n = content[k - 1] + 1; n < content[k]; n++) if (!lines[n].blank) return true;
      return false;
    },
    fixed: k => headingLevel(lines[content[k]].text) > 0 || HEADER_LINE.test(lines[content[k]].text),
  };
}

function categoryOf(lines: Line[], i: number, topLevel: number): Category {
  const line = lines[i];
  const level = headingLevel(line.text);
  if (level) return level <= topLevel ? Category.TopHeading : Category.SubHeading;
  if (startsWithFormFeed(line)) return Category.AfterSeparator;
  let above = i - 1;
  while (above >= 0 && lines[above].blank) above--;
  if (above >= 0 && isSeparator(lines[above])) return Category.AfterSeparator;
  if (TITLE_HEADER.test(line.text)) return Category.TitleHeader;
  const gapAbove = i === 0 || lines[i - 1].blank || isSeparator(lines[i - 1]);
  const below = (k: number) => k >= lines.length || lines[k].blank || isSeparator(lines[k]);
  let next = i + 1;
  if (next < lines.length && lines[next].underline) next++;
  if (gapAbove && below(next)) return Category.Alone;
  if (gapAbove) return below(next + 1) ? Category.FirstOfTwo : Category.FirstOfMore;
  return below(next) ? Category.Last : Category.Inner;
}

/** The Markdown level articles start at: the highest of levels 1–2 used more than once (else the highest). */
export function topHeadingLevel(lines: Line[]): number {
  const counts = [0, 0, 0];
  for (const l of lines) {
    const level = l.text.charCodeAt(0) === 35 /* # */ || l.text.startsWith(' ') ? headingLevel(l.text) : 0;
    if (level === 1 || level === 2) counts[level]++;
  }
  if (counts[1] > 1 || (counts[1] === 1 && counts[2] === 0)) return 1;
  return counts[2] > 0 ? 2 : 0;
}

/**
 * The evidence of one content line (the k-th), given the own scores of all: its own score, what its
 * neighbours say, its category. Used for the whole file and again after an edit.
 */
export function lineEvidence(lines: Line[], content: number[], own: Float64Array, k: number, topLevel: number,
  words: WordTable, blocked: Uint8Array): { score: number; category: Category } {
  const category = categoryOf(lines, content[k], topLevel);
  let score = own[k];
  // Explicit structure (separators, headings, headers) needs no reading of the neighbours.
  const explicit = category === Category.AfterSeparator || category === Category.TopHeading || category === Category.TitleHeader;
  if (score > CANDIDATE_FLOOR && !explicit) score += contextScore(lines, content, own, k, words, blocked);
  return { score, category };
}

/**
 * The words of one `contextScore` call, in an open-addressing table of word hashes: each call takes
 * two stamps (the words below, the words above) and slots with an older stamp count as free, so the
 * table is never cleared. The windows hold a few hundred words at most.
 */
const TABLE_SIZE = 1 << 13;
const keys = new Int32Array(TABLE_SIZE);
const marks = new Int32Array(TABLE_SIZE);
let stamp = 0;

function nextStamp(): number {
  if (stamp > 0x3fffffff) { marks.fill(0); stamp = 0; }
  return ++stamp;
}

/** The slot of word `h` in this call (stamps from `base` on), or the free slot where it goes. */
function slotOf(h: number, base: number): number {
  let i = h & (TABLE_SIZE - 1);
  while (marks[i] >= base && keys[i] !== h) i = (i + 1) & (TABLE_SIZE - 1);
  return i;
}

function contextScore(lines: Line[], content: number[], own: Float64Array, k: number, words: WordTable, blocked: Uint8Array): number {
  const { first, offset, data } = words;
  let score = 0;
  // The neighbours, past the lines of a widget.
  let next = k + 1;
  while (next < content.length && blocked[next]) next++;
  let prev = k - 1;
  while (prev >= 0 && blocked[prev]) prev--;
  const nextText = next < content.length ? lines[content[next]].text : '';
  const prevText = prev >= 0 ? lines[content[prev]].text.trim() : '';
  if (nextText && (bylineOf(nextText) !== undefined || dateLineOf(nextText) !== undefined || datelineOf(nextText))) score += 1.5;
  if (nextText && repeatsDeck(lines[content[k]].text, nextText)) score += REPEATED_DECK;
  // A line under a headline is its standfirst rather than a headline of its own.
  if (prev < 0 || endsSentence(prevText)) score += 0.5;
  else if (own[prev] >= 1.5) score -= 0.5;
  if (prevText.length <= MAX_HEADLINE_CHARS && SIGN_OFF.test(prevText)) score += AFTER_SIGN_OFF;
  // The headline's words come back below it, not above it; and (lexical cohesion, as in
  // TextTiling) the lines above and below an article boundary share few words, while a subheading
  // inside an article has the same topic on both sides. Words are marked in one map per pass.
  const below = nextStamp();
  let belowCount = 0;
  for (let j = k + 1; j <= k + WINDOW && j < content.length; j++) {
    for (let w = offset[j - first], end = offset[j - first + 1]; w < end; w++) {
      const h = data[w];
      const i = slotOf(h, below);
      if (marks[i] !== below) { keys[i] = h; marks[i] = below; belowCount++; }
    }
  }
  const titleFrom = offset[k - first];
  const titleTo = offset[k - first + 1];
  /** Whether the title's word at w is its first of that word. */
  const firstOfTitle = (w: number) => {
    for (let v = titleFrom; v < w; v++) if (data[v] === data[w]) return false;
    return true;
  };
  let distinct = 0;
  let inBelow = 0;
  for (let w = titleFrom; w < titleTo; w++) {
    if (!firstOfTitle(w)) continue;
    distinct++;
    if (marks[slotOf(data[w], below)] === below) inBelow++;
  }
  const above = nextStamp();
  let aboveCount = 0;
  let shared = 0;
  for (let j = k - 1; j >= k - WINDOW && j >= 0; j--) {
    for (let w = offset[j - first], end = offset[j - first + 1]; w < end; w++) {
      const h = data[w];
      const i = slotOf(h, below);
      if (marks[i] === above) continue;
      if (marks[i] === below) shared++;
      keys[i] = h;
      marks[i] = above;
      aboveCount++;
    }
  }
  if (distinct >= 2) {
    let inAbove = 0;
    for (let w = titleFrom; w < titleTo; w++) {
      if (firstOfTitle(w) && marks[slotOf(data[w], below)] === above) inAbove++;
    }
    // In quarters, so that most edits leave it as it was; a line of two or three words says less.
    score += Math.round(4 * (inBelow - inAbove) / distinct) * (distinct >= 4 ? 0.75 : 0.4);
  }
  const smaller = Math.min(aboveCount, belowCount);
  if (smaller >= 8) {
    const overlap = shared / smaller;
    score += overlap <= 0.05 ? 1 : overlap <= 0.1 ? 0.3 : overlap <= 0.15 ? -0.3 : -1;
  }
  return score;
}

export function gatherEvidence(lines: Line[]): Evidence {
  const content: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!l.blank && !l.underline && !isSeparator(l)) content.push(i);
  }
  const topLevel = topHeadingLevel(lines);
  const own = new Float64Array(content.length);
  const candidate = new Uint8Array(content.length);
  for (let k = 0; k < content.length; k++) {
    own[k] = ownScore(lines[content[k]].text);
    if (own[k] > CANDIDATE_FLOOR) candidate[k] = 1;
  }
  const blocked = widgetMarks(widgetSource(lines, content), candidate);
  for (let k = 0; k < content.length; k++) if (blocked[k]) own[k] = -Infinity;
  // Words are read only within the window of a line that could be a headline.
  let lastCandidate = -Infinity;
  const nearCandidate = new Uint8Array(content.length);
  for (let k = 0; k < content.length; k++) if (own[k] > CANDIDATE_FLOOR) lastCandidate = k;
  else if (k - lastCandidate <= WINDOW) nearCandidate[k] = 1;
  lastCandidate = Infinity;
  for (let k = content.length - 1; k >= 0; k--) if (own[k] > CANDIDATE_FLOOR) { lastCandidate = k; nearCandidate[k] = 1; }
  else if (lastCandidate - k <= WINDOW) nearCandidate[k] = 1;
  // The lines whose words are read: near a candidate, and not inside a widget.
  for (let k = 0; k < content.length; k++) if (blocked[k] !== 0) nearCandidate[k] = 0;
  const words = wordTable(0, content.length - 1, lines, content, nearCandidate);
  const score = new Float64Array(content.length);
  const category = new Uint8Array(content.length);
  const ending = new Uint8Array(content.length);
  for (let k = 0; k < content.length; k++) {
    const e = lineEvidence(lines, content, own, k, topLevel, words, blocked);
    score[k] = e.score;
    category[k] = e.category;
    ending[k] = endingOf(lines[content[k]].text);
  }
  const twin = new Int32Array(content.length).fill(-1);
  const lastSeen = new Map<string, number>();
  const candidateTexts = new Map<string, number>();
  for (let k = content.length - 1; k >= 0; k--) {
    if (!(own[k] > CANDIDATE_FLOOR)) continue;
    const key = lines[content[k]].text.trim();
    const next = lastSeen.get(key);
    if (next !== undefined) twin[k] = next;
    lastSeen.set(key, k);
    candidateTexts.set(key, (candidateTexts.get(key) ?? 0) + 1);
  }
  return { content, own, score, category, ending, twin, candidateTexts, topLevel, blocked };
}
