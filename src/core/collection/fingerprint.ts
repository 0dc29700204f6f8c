// A file's fingerprint: what the cross-file step needs to know of one file, computed from that
// file alone while it is reviewed (never by reading it again). Plain numbers, strings and typed
// arrays, so that it can be kept on disk, sent between threads, or stored as rows (DuckDB,
// Parquet: one row per file, per article, per paragraph; band keys as list columns or one row per
// key). `toPlain` / `fromPlain` give a JSON-safe form.
import type { ReviewedStructure } from '../review/review';

/** Bumped when the fingerprint's meaning changes: stored fingerprints of another version are recomputed. */
export const FINGERPRINT_VERSION = 1;

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
  /** The file's compared paragraphs (body text and headlines; not header lines, not web debris), in order. */
  paragraphs: ParagraphFingerprint[];
}

export interface ArticleFingerprint {
  /** 1-based, as in the file's review. */
  index: number;
  title: string;
  /** The article's content (from its first non-blank line to the end of its last paragraph): offsets and 1-based lines. */
  start: number;
  end: number;
  startLine: number;
  endLine: number;
  /** Its paragraphs in `paragraphs`: from `firstParagraph`, `paragraphCount` of them. */
  firstParagraph: number;
  paragraphCount: number;
  /** Words of its compared paragraphs. */
  words: number;
  /** 53-bit hash of the words of its compared paragraphs in order (equal whatever the split into paragraphs). */
  bodyHash: number;
  /** LSH band keys of a MinHash sketch of its words (null when too short): candidates for updated versions. */
  bands: Uint32Array | null;
  /** The file's own review found it an exact copy of an earlier article of the same file. */
  inFileCopy: boolean;
}

export interface ParagraphFingerprint {
  /** 0-based index of its article in `articles`. */
  article: number;
  /** The paragraph's text (offsets) and its whole lines (offsets, line breaks included), and its 1-based lines. */
  start: number;
  end: number;
  lineStart: number;
  lineEnd: number;
  startLine: number;
  endLine: number;
  words: number;
  /** An article's headline or heading line rather than body text. */
  heading: boolean;
  /** 53-bit hash of the normalised text: the same for paragraphs that are the same after normalisation. */
  hash: number;
  /** LSH band keys of its MinHash sketch and its word hashes (for the word-level similarity); null when too short to compare. */
  bands: Uint32Array | null;
  wordHashes: Uint32Array | null;
  /**
   * What the file's own review made of it: 'first' (its first occurrence in the file), 'copy' (an
   * exact copy of an earlier paragraph of the same file), 'near' (a near duplicate of one).
   */
  inFile: 'first' | 'copy' | 'near';
}

/**
 * The fingerprint of a reviewed file, from what its review saw (`review(text, options, lexicons,
 * observe)` passes it to `observe`). Pure: the same text and options give the same fingerprint.
 */
export function fingerprintOf(doc: ReviewedStructure, stamp: FileStamp): FileFingerprint {
  throw new Error(`not implemented yet (${doc.text.length}, ${stamp.path})`);
}

/** A JSON-safe copy (typed arrays as plain arrays). */
export interface PlainFingerprint extends Omit<FileFingerprint, 'articles' | 'paragraphs'> {
  articles: (Omit<ArticleFingerprint, 'bands'> & { bands: number[] | null })[];
  paragraphs: (Omit<ParagraphFingerprint, 'bands' | 'wordHashes'> & { bands: number[] | null; wordHashes: number[] | null })[];
}

export function toPlain(fp: FileFingerprint): PlainFingerprint {
  throw new Error(`not implemented yet (${fp.path})`);
}

/** Back from `toPlain` (or from stored rows); null when it is of another `FINGERPRINT_VERSION`. */
export function fromPlain(plain: PlainFingerprint): FileFingerprint | null {
  throw new Error(`not implemented yet (${plain.path})`);
}
