// What the cross-file step says of one file: its links into EARLIER files of the collection (the
// original of a story is its first occurrence in the collection's order). Pure data, computed
// from fingerprints only; `crossFileFindings.ts` turns them into findings with the file's text.
import type { ArticleChanges } from '../rules/articleVersions';

export type { ArticleChanges };

/** A place in another file, described without reading that file. */
export interface OtherPlace {
  path: string;
  /** Offsets and 1-based lines in that file. */
  start: number;
  end: number;
  startLine: number;
  endLine: number;
}

/** A paragraph of this file whose first occurrence is in an earlier file. */
export interface ParagraphLink {
  /** Index in this file's `FileFingerprint.paragraphs`. */
  paragraph: number;
  /** 'exact': the same after normalisation; 'near': a light edit (word-level similarity at least the threshold). */
  kind: 'exact' | 'near';
  similarity: number;
  /** The original paragraph, its 0-based index in that file's fingerprint, and its article (1-based) with that article's title. */
  original: OtherPlace & { paragraph: number; article: number; title: string };
}

/** An article of this file whose story first appeared in an earlier file. */
export interface ArticleLink {
  /** This article's 1-based index. */
  article: number;
  /** 'exact': every paragraph of it exists in the original; 'variant': an updated version. */
  kind: 'exact' | 'variant';
  /** Word-level similarity of the two articles (1 for an exact copy). */
  similarity: number;
  changes: ArticleChanges;
  /** This file's paragraphs (indexes in its fingerprint) that exist as such in the original. */
  sameParagraphs: number[];
  /**
   * The original article: its 1-based index (and `lastIndex`, the same unless the earlier file's
   * segmentation cut the story into consecutive articles `index`..`lastIndex`), title and content; what removing it takes (for the
   * explicit fix "keep this version and remove the other"), the hashes of its lines besides its
   * paragraphs (header lines) and of its title (which of this copy's header lines repeat it).
   */
  original: OtherPlace & { index: number; title: string; removeStart: number; removeEnd: number; extraLines: number[]; titleHash: number; lastIndex: number };
}

export interface FileLinks {
  path: string;
  /** Articles that repeat or update an article of an earlier file, in document order. */
  articles: ArticleLink[];
  /**
   * Paragraphs (outside those articles) whose first occurrence is in an earlier file, in document
   * order: pasted paragraphs, exact or lightly edited.
   */
  paragraphs: ParagraphLink[];
}

/**
 * The same links with every file's path given by `rename` (a store that names files otherwise than
 * a run's report: the on-disk index, whose names do not depend on where a run starts).
 */
export function withPaths(links: FileLinks, rename: (path: string) => string): FileLinks {
  return {
    path: rename(links.path),
    articles: links.articles.map(a => ({ ...a, original: { ...a.original, path: rename(a.original.path) } })),
    paragraphs: links.paragraphs.map(p => ({ ...p, original: { ...p.original, path: rename(p.original.path) } })),
  };
}

/** A story found in two files or more: its first occurrence and every later one, in the collection's order. */
export interface Story {
  title: string;
  occurrences: { path: string; index: number; title: string; kind: 'original' | 'exact' | 'variant'; startLine: number }[];
}
