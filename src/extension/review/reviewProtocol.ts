// Messages between the extension host and the review worker (dist/reviewWorker.js).
// Everything here is structured-cloneable plain data.
import { Review, ReviewOptions, TextEdit } from '../../core/model/types';
import type { LostText } from '../../core/review/lostText';
import type { FileFingerprint, FileStamp } from '../../core/collection/fingerprint';

export interface ReviewRequest {
  type: 'review';
  id: number;
  /** The document (its URI): the worker keeps an incremental reviewer per key. */
  key: string;
  text: string;
  options: ReviewOptions;
  /** Set for a file of the workspace's collection: the review also returns the file's fingerprint under this stamp. */
  fingerprint?: FileStamp;
}

/** The document was closed: its incremental state can go. */
export interface ForgetRequest {
  type: 'forget';
  key: string;
}

/** What some edits would remove that exists nowhere else (core/review/lostText.ts), for a long text. */
export interface LostRequest {
  type: 'lost';
  id: number;
  text: string;
  edits: TextEdit[];
}

export type WorkerRequest = ReviewRequest | ForgetRequest | LostRequest;

export type ReviewResponse =
  | { id: number; ok: true; review: Review; ms: number; fingerprint?: FileFingerprint }
  | { id: number; ok: true; lost: LostText[]; ms: number }
  | { id: number; ok: false; error: string };
