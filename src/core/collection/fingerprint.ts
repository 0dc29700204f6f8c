// A file's fingerprint: what the cross-file step needs to know of one file, computed from that
// file alone while it is reviewed (never by reading it again). Numbers, strings and typed arrays,
// paragraphs as columns (one typed array per field: a 100 MB folder has some 400,000 paragraphs,
// and one object each would cost more than their data), so that it can be kept on disk, sent
// between threads, or stored as rows (DuckDB, Parquet: one row per file, per article, per
// paragraph; band keys as a list column or one row per key); fingerprintCodec.ts stores it as
// bytes.
import type { ReviewedStructure } from '../review/review';
import { MIN_NEAR_WORDS } from '../rules/nearDuplicate';
import { articleContent, byArticle, comparableParagraphs } from '../rules/repeated';
import { textHash } from '../rules/articleVersions';
import { bandsAt, wordsAt, wordsEnd } from '../rules/paragraphAnalysis';
import { BANDS, bandKeys, sketch } from '../text/minhash';
import { lineRemovalRange } from '../text/edits';
import { detached, normalizeForCompare } from '../text/text';
import type { OffsetRange, Paragraph } from '../model/types';

/** Bumped when the fingerprint's meaning changes: stored fingerprints of another version are recomputed. */
export const FINGERPRINT_VERSION = 2;

/** A file of the collection and the version of it that was fingerprinted. */
export interface FileStamp {
  /**
   * The file's name in the collection, also its key: the CLI uses the path as reports show it
   * (`files[].path`), the editor the URI string.
   */
  path: string;
  /** Size in bytes and modification time (ms since the epoch): a stored fingerprint is current while both match. */
  size: number;
  mtimeMs: number;
}

export interface FileFingerprint extends FileStamp {
  version: number;
  /** 53-bit hash of the whole text (a cheap check that two stamps hold the same text). */
  contentHash: number;
  articles: ArticleFingerprint[];
  /** The file's compared paragraphs (body text and headlines; not header lines, not web debris), in order, as columns. */
  paragraphs: ParagraphColumns;
}

/** What the file's own review made of an article: a copy or an updated version of an earlier article of the same file (1-based `of`). */
export interface InFileLink {
  kind: 'copy' | 'variant';
  of: number;
}

export interface ArticleFingerprint {
  /** 1-based, as in the file's review. */
  index: number;
  title: string;
  /** `headlineHash` of the title (a title given in a `Title:` header is no paragraph). */
  titleHash: number;
  /** The article's content (from its first non-blank line to the end of its last paragraph): offsets and 1-based lines. */
  start: number;
  end: number;
  startLine: number;
  endLine: number;
  /** What removing it takes (its whole lines and the layout after them). */
  removeStart: number;
  removeEnd: number;
  /** Its paragraphs in `paragraphs`: from `firstParagraph`, `paragraphCount` of them. */
  firstParagraph: number;
  paragraphCount: number;
  /** Words of its compared paragraphs. */
  words: number;
  /**
   * Hashes of its lines with words besides its compared paragraphs (header lines, web debris),
   * normalised: whether a copy's own such line repeats one of them.
   */
  extraLines: number[];
  /** LSH band keys of a MinHash sketch of its words (null when too short or near duplicates are off). */
  bands: Uint32Array | null;
  /** Null when it is the first occurrence of its story in the file. */
  inFile: InFileLink | null;
}

/** Bits of `ParagraphColumns.flags`. */
export const HEADING = 1;
/** An exact copy of an earlier paragraph of the same file. */
export const IN_FILE_COPY = 2;
/** A near duplicate of an earlier paragraph of the same file. */
export const IN_FILE_NEAR = 4;
/** Long enough to be compared as a near duplicate: its band keys and word hashes are set. */
export const SKETCHED = 8;

/** Paragraph i of a file is row i of every column. */
export interface ParagraphColumns {
  count: number;
  /** 0-based index of its article in `articles`. */
  article: Uint32Array;
  /** The paragraph's text (offsets), its whole lines (offsets, line breaks included), and its 1-based lines. */
  start: Uint32Array;
  end: Uint32Array;
  lineStart: Uint32Array;
  lineEnd: Uint32Array;
  startLine: Uint32Array;
  endLine: Uint32Array;
  words: Uint32Array;
  /** HEADING, IN_FILE_COPY, IN_FILE_NEAR, SKETCHED. */
  flags: Uint8Array;
  /** 53-bit hash of the normalised text (`headlineHash` for a heading): the same for paragraphs that are the same. */
  hash: Float64Array;
  /** `BANDS` LSH band keys per paragraph (zeros unless SKETCHED). */
  bands: Uint32Array;
  /** Word hashes of the SKETCHED paragraphs: paragraph i's are `wordHashes[wordStart[i] .. wordStart[i + 1])`. */
  wordStart: Uint32Array;
  wordHashes: Uint32Array;
}

/** Markup around a heading's words: `## `, `**`, `===`, a bullet. */
const HEADLINE_MARKUP = /^[\s#*=_>\-\u2022]+|[\s#*=_]+$/g;

/**
 * The hash of a headline or title: its text without heading markup, normalised as body text is —
 * so `## Title`, a title from a `Title:` header and the same line read as body text in another
 * file's layout (a deck of related headlines) are the same.
 */
export function headlineHash(line: string): number {
  return textHash(normalizeForCompare(line.replace(HEADLINE_MARKUP, '')));
}

function contentHash(text: string): number {
  return textHash(text);
}

/**
 * The fingerprint of a reviewed file, from what its review saw (`review(text, options, lexicons,
 * observe)` passes it to `observe`). Pure: the same text and options give the same fingerprint.
 */
export function fingerprintOf(doc: ReviewedStructure, stamp: FileStamp): FileFingerprint {
  const { text, articles, paragraphs, analyses, debris } = doc;
  const cols = paragraphColumns(doc, comparableParagraphs(paragraphs, analyses, debris));
  const n = cols.count;
  const all = byArticle(articles, paragraphs);
  const firstOf = new Int32Array(articles.length).fill(-1);
  const countOf = new Uint32Array(articles.length);
  for (let i = n - 1; i >= 0; i--) { firstOf[cols.article[i]] = i; countOf[cols.article[i]]++; }
  // The articles' band keys in one buffer of the file's own: `bandKeys` gives a view into a shared
  // block of the review's scratch arrays, which a kept view would keep alive whole (and which the
  // index worker would transfer with the fingerprint).
  const articleBands = new Uint32Array(articles.length * BANDS);
  const articleFingerprints = new Array<ArticleFingerprint>(articles.length);
  for (let a = 0; a < articles.length; a++) {
    const first = firstOf[a] < 0 ? 0 : firstOf[a];
    articleFingerprints[a] = articleFingerprint(doc, cols, a, all[a], first, countOf[a], articleBands);
  }
  return {
    version: FINGERPRINT_VERSION,
    path: stamp.path,
    size: stamp.size,
    mtimeMs: stamp.mtimeMs,
    contentHash: contentHash(text),
    articles: articleFingerprints,
    paragraphs: cols,
  };
}

// fingerprintOf's two passes as functions of their own (ARCHITECTURE.md: no inline callbacks in
// per-file code).

/** The compared paragraphs as columns. */
function paragraphColumns(doc: ReviewedStructure, compared: readonly Paragraph[]): ParagraphColumns {
  const { text, lines, analyses, copied, nearCopies } = doc;
  const n = compared.length;
  const cols: ParagraphColumns = {
    count: n,
    article: new Uint32Array(n),
    start: new Uint32Array(n),
    end: new Uint32Array(n),
    lineStart: new Uint32Array(n),
    lineEnd: new Uint32Array(n),
    startLine: new Uint32Array(n),
    endLine: new Uint32Array(n),
    words: new Uint32Array(n),
    flags: new Uint8Array(n),
    hash: new Float64Array(n),
    bands: new Uint32Array(n * BANDS),
    wordStart: new Uint32Array(n + 1),
    wordHashes: new Uint32Array(0),
  };
  let totalWords = 0;
  for (const p of compared) {
    const a = analyses[p.index];
    if (a.comparison && a.words >= MIN_NEAR_WORDS) totalWords += a.words;
  }
  cols.wordHashes = new Uint32Array(totalWords);
  let w = 0;
  for (let i = 0; i < n; i++) {
    const p = compared[i];
    const a = analyses[p.index];
    cols.article[i] = p.article;
    cols.start[i] = p.range.start;
    cols.end[i] = p.range.end;
    const firstLine = lines.lineAt(p.range.start);
    const lastLine = lines.lastLineOf(p.range);
    // The paragraph's whole lines (`LineIndex.wholeLines`), from the line numbers needed anyway.
    cols.lineStart[i] = lines.lineStart(firstLine);
    cols.lineEnd[i] = lines.lineEndWithBreak(lastLine);
    cols.startLine[i] = firstLine + 1;
    cols.endLine[i] = lastLine + 1;
    cols.words[i] = a.words;
    let flags = p.isHeading ? HEADING : 0;
    if (copied.has(p.index)) flags |= IN_FILE_COPY;
    if (nearCopies.has(p.index)) flags |= IN_FILE_NEAR;
    cols.hash[i] = p.isHeading ? headlineHash(text.slice(p.range.start, p.range.end)) : textHash(a.normalized ??= normalizeForCompare(text.slice(p.range.start, p.range.end)));
    cols.wordStart[i] = w;
    const comparison = a.comparison;
    if (comparison && a.words >= MIN_NEAR_WORDS) {
      flags |= SKETCHED;
      // Copied element by element: `set` would need a view of each part, an object per paragraph.
      const bands = bandsAt(a);
      for (let b = 0; b < BANDS; b++) cols.bands[i * BANDS + b] = comparison[bands + b];
      for (let k = wordsAt(a), end = wordsEnd(a); k < end; k++) cols.wordHashes[w++] = comparison[k];
    }
    cols.flags[i] = flags;
  }
  cols.wordStart[n] = w;
  return cols;
}

/** Article `a`'s fingerprint: its compared paragraphs are `count` from `first`; its band keys go to `articleBands`. */
function articleFingerprint(doc: ReviewedStructure, cols: ParagraphColumns, a: number, own: Paragraph[], first: number, count: number, articleBands: Uint32Array): ArticleFingerprint {
  const { text, lines } = doc;
  const article = doc.articles[a];
  const content = articleContent(text, lines, article, own);
  const removal = lineRemovalRange(text, { start: content.start, end: article.range.end });
  let words = 0;
  let sketchWords = 0;
  for (let i = first; i < first + count; i++) {
    words += cols.words[i];
    sketchWords += cols.wordStart[i + 1] - cols.wordStart[i];
  }
  let bands: Uint32Array | null = null;
  if (sketchWords > 0) {
    // The article's words in order (its sketched paragraphs): one view when they are adjacent.
    const from = cols.wordStart[first];
    const sig = sketch(cols.wordHashes.subarray(from, from + sketchWords));
    if (sig) {
      bands = articleBands.subarray(a * BANDS, (a + 1) * BANDS);
      bands.set(bandKeys(sig));
    }
  }
  // Kept with the file's fingerprint: made at its length, as the articles' list is.
  const besides = linesBesides(text, content.start, article.range.end, cols, first, count);
  const extraLines = new Array<number>(besides.length);
  for (let k = 0; k < besides.length; k++) extraLines[k] = textHash(normalizeForCompare(text.slice(besides[k].start, besides[k].end)));
  const inFile: InFileLink | null = article.duplicateOf !== null
    ? { kind: 'copy', of: article.duplicateOf }
    : article.nearDuplicateOf && article.nearDuplicateOf.path === undefined ? { kind: 'variant', of: article.nearDuplicateOf.index } : null;
  return {
    index: article.index,
    title: detached(article.title),
    titleHash: headlineHash(article.title),
    start: content.start,
    end: content.end,
    startLine: lines.lineAt(content.start) + 1,
    endLine: lines.lineAt(Math.max(content.start, content.end - 1)) + 1,
    removeStart: removal.start,
    removeEnd: removal.end,
    firstParagraph: first,
    paragraphCount: count,
    words,
    extraLines,
    bands,
    inFile,
  };
}

const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * The lines with words in [from, to) outside the whole lines of paragraphs `first` ..
 * `first + count - 1` (each line without its line break).
 */
export function linesBesides(text: string, from: number, to: number, cols: ParagraphColumns, first: number, count: number): OffsetRange[] {
  const out: OffsetRange[] = [];
  let k = first;
  for (let at = from; at < to;) {
    let next = text.indexOf('\n', at);
    next = next < 0 || next >= to ? to : next + 1;
    while (k < first + count && cols.lineEnd[k] <= at) k++;
    const inParagraph = k < first + count && cols.lineStart[k] <= at;
    if (!inParagraph) {
      const line = text.slice(at, next);
      if (HAS_WORD.test(line)) out.push({ start: at, end: at + line.replace(/\r?\n$|\r$/, '').length });
    }
    at = next;
  }
  return out;
}

// ---- The columns' types (fingerprintCodec.ts stores them as bytes) ----------------------------

export const COLUMN_TYPES = {
  article: Uint32Array, start: Uint32Array, end: Uint32Array, lineStart: Uint32Array, lineEnd: Uint32Array,
  startLine: Uint32Array, endLine: Uint32Array, words: Uint32Array, flags: Uint8Array, hash: Float64Array,
  bands: Uint32Array, wordStart: Uint32Array, wordHashes: Uint32Array,
} as const;

export type ColumnName = keyof typeof COLUMN_TYPES;
/** The names of the paragraph columns (a fingerprint's typed arrays besides its articles' band keys). */
export const COLUMN_NAMES = Object.keys(COLUMN_TYPES) as ColumnName[];
