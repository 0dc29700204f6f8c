// The engine's vocabulary that everything else is built on: ranges (UTF-16 offsets into the
// original text, end exclusive: the unit of JavaScript strings and of VS Code's
// `TextDocument.positionAt`), edits and fixes, what every finding has, paragraphs and articles,
// and the user's own terms. Imports nothing.

export interface OffsetRange {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';


export interface TextEdit {
  range: OffsetRange;
  newText: string;
}

export interface Fix {
  title: string;
  /** Edits of the finding's own file. */
  edits: TextEdit[];
  /**
   * Edits of other files of the collection made by the same fix, as one step with `edits` (only the
   * explicit fixes of a story found in several files: "Keep this version and remove the other").
   */
  otherFiles?: { path: string; edits: TextEdit[] }[];
  /** The fix that is safe to apply without reading it (VS Code's "preferred" quick fix). */
  preferred?: boolean;
}

export interface RelatedLocation {
  message: string;
  /** Offsets in the finding's file, or in the file `path` when it is given. */
  range: OffsetRange;
  /**
   * Set when the location is in another file of the collection: that file's path as the collection
   * names it (the CLI: as shown in reports, `files[].path`; the editor: the URI string).
   */
  path?: string;
  /** With `path`: the 1-based first and last line of `range` in that file (reports need no text of it). */
  lines?: { start: number; end: number };
}

/**
 * What every finding has. A `Finding` (findings.ts) adds `rule` and the rule's typed `data`
 * (e.g. the term and its suggestions, the similarity): fronts read fixes and facts from there.
 */
export interface FindingBase {
  severity: Severity;
  message: string;
  range: OffsetRange;
  related?: RelatedLocation[];
  fixes?: Fix[];
}

export type Layout = 'line-per-paragraph' | 'headline-blocks' | 'separated' | 'markdown' | 'single';

export interface Paragraph {
  /** Index in document order. */
  index: number;
  /** The paragraph's text without its line breaks or surrounding blank lines (its whole lines: `LineIndex.wholeLines`). */
  range: OffsetRange;
  /** Index of the article this paragraph belongs to. */
  article: number;
  /** True for headline / standfirst / metadata lines rather than body text. */
  isHeading: boolean;
  /** True for header lines such as `Date:` or `URL:` (never compared as text). */
  isMeta: boolean;
}

export interface Sentence {
  range: OffsetRange;
  paragraph: number;
}

/** What an article says about itself in its first lines (each part only when present). */
export interface ArticleMeta {
  /** The place of a dateline ("CLEVELAND", "RANGOON, Burma"). */
  dateline?: string;
  /** The name(s) of a byline, without "By". */
  byline?: string;
  /** An agency or source: "(Reuters)" in a dateline, a `Source:` header. */
  source?: string;
  /** A date as written (a date line, a `Date:` header, a date in the dateline). */
  date?: string;
}

/** An article of another file of the collection: that file's path (as in `RelatedLocation.path`) and the article's 1-based index. */
export interface ArticleRef {
  path: string;
  index: number;
}

/** The earlier article an updated version comes from: in the same file (no `path`) or another file. */
export interface NearArticleRef {
  path?: string;
  index: number;
  /** Word-level similarity of the two articles (0..1). */
  similarity: number;
}

export interface Article {
  /** 1-based, in document order. */
  index: number;
  title: string;
  titleRange: OffsetRange;
  /** Whole lines the article occupies, including its heading and separator lines. */
  range: OffsetRange;
  /**
   * Index (1-based) of the earlier article of this file that this one repeats, or null. Only for an
   * exact copy: every paragraph of it exists in that article (after normalisation).
   */
  duplicateOf: number | null;
  /**
   * Set (and `duplicateOf` null) when the article is an exact copy of an article of an earlier file
   * of the collection: the first occurrence in the collection's order.
   */
  duplicateOfFile?: ArticleRef;
  /**
   * Set when the article is an updated version of an earlier one (headline reworded, a paragraph
   * dropped or added, figures changed): never removed by Remove All.
   */
  nearDuplicateOf?: NearArticleRef;
  /** Dateline, byline, source and date found in the article's first lines. */
  meta: ArticleMeta;
}

/** A loaded term added by the user (matched as literal text, case-insensitive: see literal.ts). */
export interface UserTerm {
  term: string;
  suggestions: string[];
  category?: string;
  note?: string;
}

/**
 * One occurrence never to report (written by "Ignore this occurrence"): the words as written and
 * the fingerprint of their sentence (see occurrences.ts).
 */
export interface IgnoredOccurrence {
  term: string;
  sentence: string;
}

