// One file's part of a folder review, the same on the main thread (one job) and on a worker
// thread: read it, skip it with a message when it is not a reviewable text, review it, and
// fingerprint it for the collection (from what the review saw; nothing is read twice).
//
// On a worker, a task may ask the worker to keep the review (`reportPart`): only the fingerprint
// goes to the main thread, which finds the file's links into the earlier files and sends them
// back (`finishKept`); the worker adds the cross-file findings and makes the file's part of the
// report. The review's objects then never cross between threads, and the report is serialised on
// every core instead of the main thread's.
import { COLUMN_NAMES, FileFingerprint, fingerprintOf } from '../core/collection/fingerprint';
import type { FileLinks } from '../core/collection/links';
import { withCrossFileFindings } from '../core/collection/crossFileFindings';
import { FilePart, ReportFormat, encodePart, filePart } from '../core/report/reportWriters';
import { CompiledLexicons, compileLexicons } from '../core/language/lexicon';
import { isReportText } from '../core/report/reportFiles';
import { review } from '../core/review/review';
import type { Review, ReviewOptions } from '../core/model/types';
import { readTextFile } from './files';
import { reclaimFor } from '../node/garbage';

export interface ReviewTask {
  /** Absolute path, and the path as reports show it (also the file's name in the collection). */
  file: string;
  shown: string;
  options: ReviewOptions;
  /** Fingerprint it for the collection (not when files are reviewed apart). */
  fingerprint: boolean;
  /** Its size in bytes when the files were listed (0 if it could not be read): for planning and progress. */
  bytes: number;
  /** On a worker: keep the review until `finishKept` asks for the file's part of a report in this format. */
  reportPart?: ReportFormat;
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
    }
  /** Reviewed, and the review kept by the worker (`reportPart`): its fingerprint and stamp. */
  | { kind: 'kept'; shown: string; fingerprint?: FileFingerprint; size: number; mtimeMs: number };

/** What the main thread sends for a kept review: the file's links (null: none, the file is reviewed alone) and its number among the report's files. */
export interface FinishRequest {
  shown: string;
  links: FileLinks | null;
  artifactIndex: number;
  /** No part is wanted (the main thread could not take the links): let the review go. */
  drop?: boolean;
}

/** A kept review's part of the report, and how many findings it has. */
export interface FinishedFile {
  part: FilePart;
  findings: number;
}

type Reviewed = Extract<TaskResult, { kind: 'reviewed' }>;

/** A result made on the thread that asked for it: never a kept review. */
export type ResultHere = Exclude<TaskResult, { kind: 'kept' }>;

/** The reviews this worker keeps, by file, until their part of the report is asked for. */
const kept = new Map<string, { task: ReviewTask; result: Reviewed }>();

/** Compiled lexicons per set of options (a folder has one or a few). */
const compiled = new Map<string, CompiledLexicons>();

export function lexiconsFor(options: ReviewOptions): CompiledLexicons {
  const key = JSON.stringify(options);
  let found = compiled.get(key);
  if (!found) compiled.set(key, (found = compileLexicons(options)));
  return found;
}

/** Reads and reviews one file. Never throws for a file's content; an engine failure throws. */
export function runReviewTask(task: ReviewTask): ResultHere {
  const read = readTextFile(task.file, task.shown);
  if (!read.ok) return { kind: 'skipped', message: read.message, inputError: true };
  if (isReportText(read.text)) {
    return { kind: 'skipped', message: `${task.shown}: a report of this tool, not a dump; skipped`, inputError: false };
  }
  let fingerprint: FileFingerprint | undefined;
  const reclaim = reclaimFor(read.text.length);
  const result = review(read.text, task.options, lexiconsFor(task.options), task.fingerprint
    ? seen => (fingerprint = fingerprintOf(seen, { path: task.shown, size: read.size, mtimeMs: read.mtimeMs }))
    : undefined, reclaim);
  // The review's paragraphs and analyses are garbage now, before its report is made.
  reclaim?.();
  return { kind: 'reviewed', shown: task.shown, text: read.text, review: result, fingerprint, size: read.size, mtimeMs: read.mtimeMs };
}

/**
 * `runReviewTask`, keeping the review when the task asks for it (`reportPart`): the result then
 * carries only the fingerprint (copied: the worker keeps its own for the cross-file findings).
 */
export function runKeptReviewTask(task: ReviewTask): TaskResult {
  const result = runReviewTask(task);
  if (result.kind !== 'reviewed' || task.reportPart === undefined) return result;
  kept.set(task.shown, { task, result });
  return { kind: 'kept', shown: result.shown, fingerprint: result.fingerprint, size: result.size, mtimeMs: result.mtimeMs };
}

/** A kept review with its cross-file findings, as its part of the report (the review is then let go). */
export function finishKept(request: FinishRequest): FinishedFile | null {
  const found = kept.get(request.shown);
  if (!found) throw new Error(`no review kept for ${request.shown}`);
  kept.delete(request.shown);
  if (request.drop) return null;
  const { task, result } = found;
  const finished = finishedFile(task, result, request);
  // Encoded here: the main thread only writes it.
  return { ...finished, part: encodePart(finished.part) };
}

/** A review's part of the report, with the cross-file findings of its links (on a worker, or on the main thread when the worker is gone). */
export function finishedFile(task: ReviewTask, result: Reviewed, request: FinishRequest): FinishedFile {
  const review = request.links && result.fingerprint
    ? withCrossFileFindings(result.review, result.text, result.fingerprint, request.links, task.options)
    : result.review;
  if (task.reportPart === undefined) throw new Error(`no report format asked for ${task.shown}`);
  const part = filePart(task.reportPart, { path: task.shown, text: result.text, review }, request.artifactIndex);
  return { part, findings: review.findings.length };
}

/**
 * What a worker's output moves (not copies) to the main thread: a fingerprint's buffers, an
 * encoded part of the report.
 */
export function transferables(output: TaskResult | FinishedFile | null): ArrayBuffer[] {
  if (output === null) return [];
  if (!('kind' in output)) return typeof output.part.body === 'string' ? [] : [output.part.body.buffer as ArrayBuffer];
  const result = output;
  // A kept review's fingerprint stays with the worker too: copied.
  if (result.kind !== 'reviewed' || !result.fingerprint) return [];
  const buffers = new Set<ArrayBuffer>();
  const cols = result.fingerprint.paragraphs;
  for (const name of COLUMN_NAMES) buffers.add(cols[name].buffer as ArrayBuffer);
  for (const a of result.fingerprint.articles) if (a.bands) buffers.add(a.bands.buffer as ArrayBuffer);
  return [...buffers];
}
