// One file's part of a folder review, the same on the main thread (one job) and on a worker
// thread: read it, skip it with a message when it is not a reviewable text, review it, and
// fingerprint it for the collection (from what the review saw; nothing is read twice).
import { COLUMN_NAMES, FileFingerprint, fingerprintOf } from '../core/collection/fingerprint';
import { CompiledLexicons, compileLexicons } from '../core/language/lexicon';
import { isReportText } from '../core/report/reportFiles';
import { review } from '../core/review/review';
import type { Review, ReviewOptions } from '../core/model/types';
import { readTextFile } from './files';

export interface ReviewTask {
  /** Absolute path, and the path as reports show it (also the file's name in the collection). */
  file: string;
  shown: string;
  options: ReviewOptions;
  /** Fingerprint it for the collection (not when files are reviewed apart). */
  fingerprint: boolean;
  /** Its size in bytes when the files were listed (0 if it could not be read): for planning and progress. */
  bytes: number;
}

export type TaskResult =
  | { kind: 'skipped'; message: string; inputError: boolean }
  | {
      kind: 'reviewed';
      shown: string;
      text: string;
      review: Review;
      fingerprint?: FileFingerprint;
      size: number;
      mtimeMs: number;
    };

/** Compiled lexicons per set of options (a folder has one or a few). */
const compiled = new Map<string, CompiledLexicons>();

export function lexiconsFor(options: ReviewOptions): CompiledLexicons {
  const key = JSON.stringify(options);
  let found = compiled.get(key);
  if (!found) compiled.set(key, (found = compileLexicons(options)));
  return found;
}

/** Reads and reviews one file. Never throws for a file's content; an engine failure throws. */
export function runReviewTask(task: ReviewTask): TaskResult {
  const read = readTextFile(task.file, task.shown);
  if (!read.ok) return { kind: 'skipped', message: read.message, inputError: true };
  if (isReportText(read.text)) {
    return { kind: 'skipped', message: `${task.shown}: a report of this tool, not a dump; skipped`, inputError: false };
  }
  let fingerprint: FileFingerprint | undefined;
  const result = review(read.text, task.options, lexiconsFor(task.options), task.fingerprint
    ? seen => (fingerprint = fingerprintOf(seen, { path: task.shown, size: read.size, mtimeMs: read.mtimeMs }))
    : undefined);
  return { kind: 'reviewed', shown: task.shown, text: read.text, review: result, fingerprint, size: read.size, mtimeMs: read.mtimeMs };
}

/** The buffers of a result's fingerprint, moved (not copied) to the main thread. */
export function transferables(result: TaskResult): ArrayBuffer[] {
  if (result.kind !== 'reviewed' || !result.fingerprint) return [];
  const buffers = new Set<ArrayBuffer>();
  const cols = result.fingerprint.paragraphs;
  for (const name of COLUMN_NAMES) buffers.add(cols[name].buffer as ArrayBuffer);
  for (const a of result.fingerprint.articles) if (a.bands) buffers.add(a.bands.buffer as ArrayBuffer);
  return [...buffers];
}
