// The review worker: runs the engine off the extension host's main thread.
// Bundled by esbuild.js into dist/reviewWorker.js and started by reviewClient.ts. It keeps one
// incremental engine Reviewer per document (while the options stay the same), so that reviewing
// the next version of a document only analyses the paragraphs that changed.
import { performance } from 'perf_hooks';
import { parentPort } from 'worker_threads';
import { CompiledLexicons, compileLexicons } from '../../core/language/lexicon';
import { Reviewer } from '../../core/review/review';
import { textLostBy } from '../../core/review/lostText';
import { ReviewOptions } from '../../core/model/types';
import { FileFingerprint, fingerprintOf } from '../../core/collection/fingerprint';
import { ReviewResponse, WorkerRequest } from './reviewProtocol';

/** At most this many documents keep incremental state (least recently used go first). */
const MAX_DOCUMENTS = 16;

interface Cached {
  optionsKey: string;
  reviewer: Reviewer;
}

const reviewers = new Map<string, Cached>();

/** The lexicons of the last options seen, shared by every document reviewed with them. */
let shared: { optionsKey: string; lexicons: CompiledLexicons } | undefined;

function lexiconsFor(optionsKey: string, options: ReviewOptions): CompiledLexicons {
  if (shared?.optionsKey !== optionsKey) shared = { optionsKey, lexicons: compileLexicons(options) };
  return shared.lexicons;
}

function reviewerFor(key: string, options: ReviewOptions): Reviewer {
  const optionsKey = JSON.stringify(options);
  const cached = reviewers.get(key);
  reviewers.delete(key);
  const entry = cached && cached.optionsKey === optionsKey ? cached : { optionsKey, reviewer: new Reviewer(options, true, lexiconsFor(optionsKey, options)) };
  reviewers.set(key, entry);
  while (reviewers.size > MAX_DOCUMENTS) reviewers.delete(reviewers.keys().next().value as string);
  return entry.reviewer;
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (request: WorkerRequest) => {
    if (request.type === 'forget') {
      reviewers.delete(request.key);
      return;
    }
    let response: ReviewResponse;
    const started = performance.now();
    if (request.type === 'lost') {
      try {
        response = { id: request.id, ok: true, lost: textLostBy(request.text, request.edits), ms: performance.now() - started };
      } catch (err) {
        response = { id: request.id, ok: false, error: err instanceof Error ? err.stack || err.message : String(err) };
      }
      port.postMessage(response);
      return;
    }
    try {
      const stamp = request.fingerprint;
      let fingerprint: FileFingerprint | undefined;
      const review = reviewerFor(request.key, request.options).review(request.text, stamp ? seen => (fingerprint = fingerprintOf(seen, stamp)) : undefined);
      response = { id: request.id, ok: true, review, ms: performance.now() - started, fingerprint };
    } catch (err) {
      reviewers.delete(request.key);
      const error = err instanceof Error ? err.stack || err.message : String(err);
      response = { id: request.id, ok: false, error };
    }
    port.postMessage(response);
  });
}
