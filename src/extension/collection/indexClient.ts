// The main-thread side of the index worker: one file at a time, in order; cancelling stops the
// worker (the engine is synchronous inside it) and drops what is queued. Without the worker
// (its file missing) files are fingerprinted in process, one per tick.
import * as fs from 'fs';
import { Worker } from 'worker_threads';
import type { FileStamp } from '../../core/collection/fingerprint';
import type { ReviewOptions } from '../../core/model/types';
import { fingerprintFile } from './fingerprintFile';
import type { FingerprintRequest, FingerprintResponse, FingerprintResult } from './indexProtocol';

interface Job {
  request: FingerprintRequest;
  resolve(result: FingerprintResult | undefined): void;
  reject(err: Error): void;
}

export class IndexClient {
  private worker: Worker | undefined;
  private noWorker = false;
  private queue: Job[] = [];
  private running: Job | undefined;
  private nextId = 1;
  private disposed = false;

  constructor(
    private readonly workerPath: string,
    private readonly log: (line: string) => void,
  ) {}

  /** A file's fingerprint, or why it is not indexed; undefined when cancelled. */
  fingerprint(bytes: Uint8Array, stamp: FileStamp, options: ReviewOptions, maxCharacters: number): Promise<FingerprintResult | undefined> {
    if (this.disposed) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, bytes, stamp, options, maxCharacters }, resolve, reject });
      this.pump();
    });
  }

  /** Drops every queued job and stops the running one. */
  cancelAll(): void {
    for (const job of this.queue.splice(0)) job.resolve(undefined);
    const running = this.running;
    this.running = undefined;
    if (running) {
      this.stopWorker();
      running.resolve(undefined);
    }
  }

  dispose(): void {
    this.disposed = true;
    this.cancelAll();
    this.stopWorker();
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    const job = this.queue.shift();
    if (!job) return;
    this.running = job;
    const worker = this.ensureWorker();
    if (worker) worker.postMessage(job.request, [job.request.bytes.buffer as ArrayBuffer]);
    else setImmediate(() => this.runInProcess(job));
  }

  private finish(job: Job, result: FingerprintResult | undefined, error?: Error): void {
    if (this.running !== job) return;
    this.running = undefined;
    if (error) job.reject(error);
    else job.resolve(result);
    this.pump();
  }

  private runInProcess(job: Job): void {
    try {
      this.finish(job, fingerprintFile(job.request));
    } catch (err) {
      this.finish(job, undefined, err instanceof Error ? err : new Error(String(err)));
    }
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || this.noWorker) return this.worker;
    if (!fs.existsSync(this.workerPath)) {
      this.noWorker = true;
      this.log(`Index worker not found at ${this.workerPath}; indexing on the extension host instead.`);
      return undefined;
    }
    const worker = new Worker(this.workerPath);
    worker.on('message', (response: FingerprintResponse) => {
      const job = this.running;
      if (worker !== this.worker || !job || job.request.id !== response.id) return;
      if (response.ok) this.finish(job, 'fingerprint' in response ? { fingerprint: response.fingerprint } : { skipped: response.skipped });
      else this.finish(job, undefined, new Error(response.error));
    });
    worker.on('error', err => {
      this.log(`Index worker failed: ${err.stack || err.message}`);
      if (this.worker === worker) this.worker = undefined;
      if (this.running) this.finish(this.running, undefined, err);
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined;
      if (this.running) this.finish(this.running, undefined, new Error('the index worker stopped'));
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private stopWorker(): void {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) void worker.terminate();
  }
}
