// Messages between the extension host and the review worker (dist/reviewWorker.js).
// Everything here is structured-cloneable plain data.
import { Review, ReviewOptions } from '../../core/model/types';

export interface ReviewRequest {
  type: 'review';
  id: number;
  /** The document (its URI): the worker keeps an incremental reviewer per key. */
  key: string;
  text: string;
  options: ReviewOptions;
}

/** The document was closed: its incremental state can go. */
export interface ForgetRequest {
  type: 'forget';
  key: string;
}

export type WorkerRequest = ReviewRequest | ForgetRequest;

export type ReviewResponse =
  | { id: number; ok: true; review: Review; ms: number }
  | { id: number; ok: false; error: string };
