// The main-thread side of the review worker. Jobs run one at a time in a worker_threads Worker so
// that the extension host never blocks on a long text. A newer job for the same key (a document)
// replaces a queued one, and a cancelled running job restarts the worker.
import * as fs from 'fs';
import { Worker } from 'worker_threads';
import * as vscode from 'vscode';
import { review as reviewInProcess } from '../../core/review/review';
import { LostText, textLostBy } from '../../core/review/lostText';
import { Review, ReviewOptions, TextEdit } from '../../core/model/types';
import { FileFingerprint, FileStamp, fingerprintOf } from '../../core/collection/fingerprint';
import { ForgetRequest, LostRequest, ReviewRequest, ReviewResponse } from './reviewProtocol';

export interface ReviewOutcome {
  review: Review;
  /** Milliseconds the engine took (inside the worker). */
  ms: number;
  /** The file's fingerprint, when the review was asked for one (a file of the workspace's collection). */
  fingerprint?: FileFingerprint;
}

interface Job {
  id: number;
  key: string;
  text: string;
  options: ReviewOptions;
  /** Asks for the file's fingerprint too (collection/). */
  stamp?: FileStamp;
  /** A job that asks what these edits would lose (no review). */
  edits?: TextEdit[];
  resolve(outcome: ReviewOutcome | LostText[] | undefined): void;
  reject(err: Error): void;
  cancelListener?: vscode.Disposable;
}

export class ReviewClient implements vscode.Disposable {
  private worker: Worker | undefined;
  private workerFailed = false;
  private nextId = 1;
  private queue: Job[] = [];
  private running: Job | undefined;
  private disposed = false;

  constructor(
    private readonly workerPath: string,
    private readonly log: (line: string) => void,
  ) {}

  get usesWorker(): boolean {
    return !this.workerFailed;
  }

  /**
   * Reviews a text. Resolves to undefined when the job was superseded by a newer one with the same
   * key or cancelled; rejects when the engine throws.
   */
  review(key: string, text: string, options: ReviewOptions, token?: vscode.CancellationToken, stamp?: FileStamp): Promise<ReviewOutcome | undefined> {
    if (this.disposed) return Promise.resolve(undefined);
    return new Promise<ReviewOutcome | undefined>((resolve, reject) => {
      const job: Job = { id: this.nextId++, key, text, options, stamp, resolve: r => resolve(r as ReviewOutcome | undefined), reject };
      // A queued job for the same document is now pointless.
      const previous = this.queue.findIndex(j => j.key === key);
      if (previous >= 0) {
        const [old] = this.queue.splice(previous, 1);
        this.settle(old, undefined);
      }
      if (token) {
        if (token.isCancellationRequested) {
          resolve(undefined);
          return;
        }
        job.cancelListener = token.onCancellationRequested(() => this.cancel(job));
      }
      this.queue.push(job);
      this.pump();
    });
  }

  /**
   * What edits of a text would remove that exists nowhere else (core/review/lostText.ts), computed
   * in the worker: on a long text it takes longer than the extension host may block.
   */
  lost(text: string, edits: TextEdit[]): Promise<LostText[]> {
    if (this.disposed) return Promise.resolve(textLostBy(text, edits));
    return new Promise<LostText[]>((resolve, reject) => {
      const job: Job = {
        id: this.nextId++,
        key: `lost:${this.nextId}`,
        text,
        options: undefined as unknown as ReviewOptions,
        edits,
        // Cancelled (Clear Problems stops every job): computed here rather than not at all.
        resolve: r => resolve((r as LostText[] | undefined) ?? textLostBy(text, edits)),
        reject,
      };
      this.queue.push(job);
      this.pump();
    });
  }

  /** Lets the worker drop the incremental state it keeps for a document. */
  forget(key: string): void {
    const request: ForgetRequest = { type: 'forget', key };
    this.worker?.postMessage(request);
  }

  /** Cancels every queued and running job (the running one by restarting the worker). */
  cancelAll(): void {
    for (const job of this.queue.splice(0)) this.settle(job, undefined);
    if (this.running) this.cancel(this.running);
  }

  dispose(): void {
    this.disposed = true;
    this.cancelAll();
    this.stopWorker();
  }

  private cancel(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.settle(job, undefined);
      return;
    }
    if (this.running === job) {
      // The engine is synchronous inside the worker: the only way to stop it is to end the worker.
      this.running = undefined;
      this.stopWorker();
      this.settle(job, undefined);
      this.pump();
    }
  }

  private settle(job: Job, outcome: ReviewOutcome | LostText[] | undefined, error?: Error): void {
    job.cancelListener?.dispose();
    job.cancelListener = undefined;
    if (error) job.reject(error);
    else job.resolve(outcome);
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    const job = this.queue.shift();
    if (!job) return;
    this.running = job;
    const worker = this.ensureWorker();
    if (worker) {
      const request: ReviewRequest | LostRequest = job.edits
        ? { type: 'lost', id: job.id, text: job.text, edits: job.edits }
        : { type: 'review', id: job.id, key: job.key, text: job.text, options: job.options, fingerprint: job.stamp };
      worker.postMessage(request);
    } else {
      // No worker available: run in-process, on a later tick so callers are never re-entered.
      setImmediate(() => this.runInProcess(job));
    }
  }

  private runInProcess(job: Job): void {
    if (this.running !== job) return;
    const started = Date.now();
    let outcome: ReviewOutcome | LostText[] | undefined;
    let error: Error | undefined;
    try {
      if (job.edits) outcome = textLostBy(job.text, job.edits);
      else {
        const stamp = job.stamp;
        let fingerprint: FileFingerprint | undefined;
        const review = reviewInProcess(job.text, job.options, undefined, stamp ? seen => (fingerprint = fingerprintOf(seen, stamp)) : undefined);
        outcome = { review, ms: Date.now() - started, fingerprint };
      }
    } catch (err) {
      error = err instanceof Error ? err : new Error(String(err));
    }
    this.running = undefined;
    this.settle(job, outcome, error);
    this.pump();
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker) return this.worker;
    if (this.workerFailed) return undefined;
    if (!fs.existsSync(this.workerPath)) {
      this.workerFailed = true;
      this.log(`Review worker not found at ${this.workerPath}; reviewing on the extension host instead.`);
      return undefined;
    }
    try {
      const worker = new Worker(this.workerPath);
      worker.on('message', (response: ReviewResponse) => this.onResponse(worker, response));
      worker.on('error', err => this.onWorkerError(worker, err));
      worker.on('exit', code => {
        if (this.worker === worker) {
          this.worker = undefined;
          if (this.running) this.onWorkerError(worker, new Error(`review worker exited with code ${code}`));
        }
      });
      worker.unref();
      this.worker = worker;
      return worker;
    } catch (err) {
      this.workerFailed = true;
      this.log(`Could not start the review worker (${String(err)}); reviewing on the extension host instead.`);
      return undefined;
    }
  }

  private stopWorker(): void {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) void worker.terminate();
  }

  private onResponse(worker: Worker, response: ReviewResponse): void {
    if (worker !== this.worker) return;
    const job = this.running;
    if (!job || job.id !== response.id) return;
    this.running = undefined;
    if (response.ok) this.settle(job, 'lost' in response ? response.lost : { review: response.review, ms: response.ms, fingerprint: response.fingerprint });
    else this.settle(job, undefined, new Error(response.error));
    this.pump();
  }

  private onWorkerError(worker: Worker, err: Error): void {
    this.log(`Review worker failed: ${err.stack || err.message}`);
    if (this.worker === worker) this.stopWorker();
    const job = this.running;
    this.running = undefined;
    if (job) this.settle(job, undefined, err);
    this.pump();
  }
}
