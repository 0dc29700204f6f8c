// Messages between the extension host and the index worker (dist/indexWorker.js): a file's bytes
// in, its fingerprint out. Structured-cloneable plain data (the bytes and the fingerprint's
// columns are transferred, not copied).
import type { FileFingerprint, FileStamp } from '../../core/collection/fingerprint';
import type { ReviewOptions } from '../../core/model/types';

export interface FingerprintRequest {
  id: number;
  bytes: Uint8Array;
  stamp: FileStamp;
  options: ReviewOptions;
  /** Files with more characters are not indexed (editorialReview.maxFileSize). */
  maxCharacters: number;
}

export type FingerprintResult = { fingerprint: FileFingerprint } | { skipped: string };

export type FingerprintResponse = ({ id: number; ok: true } & FingerprintResult) | { id: number; ok: false; error: string };
