// Runs one function over many inputs on a pool of worker threads and hands the results back in
// the inputs' order, whatever order the workers finish in: a folder review fingerprints files on
// every core and still writes its report file by file, as a one-job run would.
//
// Memory stays bounded: at most `window` inputs are out at a time (running, or done and waiting
// for an earlier one), so a slow file holds back at most that many results.
//
// The worker side is `serveTasks` (poolWorker.ts) in the script given as `workerFile`.
import { ResourceLimits, Worker } from 'worker_threads';
import type { TaskReply, TaskRequest } from './poolWorker';

export interface PoolOptions {
  /** Worker threads to start (at least 1; never more than there are inputs). */
  jobs: number;
  /** The bundled script that calls `serveTasks`. */
  workerFile: string;
  /** Passed to every worker as `workerData` (e.g. the options every task shares). */
  workerData?: unknown;
  /** Inputs out at a time; defaults to twice the jobs. */
  window?: number;
  /** Each worker's heap limits (V8 lets a worker's garbage grow to far more than it keeps alive). */
  resourceLimits?: ResourceLimits;
}

/** A task the worker's function threw on: the message, so that the caller can report that input and go on. */
export class TaskError extends Error {}

/** A task whose worker ran out of memory (under `resourceLimits`): the worker is replaced, and the caller may run the task elsewhere. */
export class OutOfMemory extends TaskError {}

/**
 * Calls `onResult(output, index)` for every input in order, `index` counting from 0. A task that
 * throws gives a `TaskError` as its output, one whose worker ran out of memory an `OutOfMemory`
 * (and a new worker takes that one's place); a worker that dies otherwise rejects the whole run.
 * `onResult` may return a promise (e.g. a write that must drain first): the next result waits for it.
 */
export async function runInOrder<I, O>(
  inputs: readonly I[],
  options: PoolOptions,
  onResult: (output: O | TaskError, index: number) => void | Promise<void>,
): Promise<void> {
  if (inputs.length === 0) return;
  const jobs = Math.max(1, Math.min(Math.floor(options.jobs), inputs.length));
  const window = Math.max(jobs, options.window ?? jobs * 2);
  const workers: Worker[] = [];
  const done = new Map<number, O | TaskError>();
  let nextToSend = 0;
  let nextToDeliver = 0;
  let delivering = false;

  return new Promise<void>((resolve, reject) => {
    let stopped = false;
    const stop = (e?: unknown) => {
      if (stopped) return;
      stopped = true;
      for (const w of workers) void w.terminate();
      if (e !== undefined) reject(e instanceof Error ? e : new Error(String(e)));
      else resolve();
    };
    const idle: Worker[] = [];
    /** The task each busy worker is running. */
    const running = new Map<Worker, number>();
    const dispatch = () => {
      while (!stopped && idle.length > 0 && nextToSend < inputs.length && nextToSend - nextToDeliver < window) {
        const worker = idle.pop() as Worker;
        const request: TaskRequest = { id: nextToSend, input: inputs[nextToSend] };
        running.set(worker, nextToSend);
        nextToSend++;
        worker.postMessage(request);
      }
    };
    const deliver = async () => {
      if (delivering) return;
      delivering = true;
      try {
        while (!stopped && done.has(nextToDeliver)) {
          const output = done.get(nextToDeliver) as O | TaskError;
          done.delete(nextToDeliver);
          await onResult(output, nextToDeliver);
          nextToDeliver++;
          dispatch();
        }
        if (!stopped && nextToDeliver === inputs.length) stop();
      } catch (e) {
        stop(e);
      } finally {
        delivering = false;
      }
    };
    const start = () => {
      const worker = new Worker(options.workerFile, { workerData: options.workerData, resourceLimits: options.resourceLimits });
      let outOfMemory = false;
      workers.push(worker);
      idle.push(worker);
      worker.on('message', (reply: TaskReply) => {
        running.delete(worker);
        done.set(reply.id, reply.error !== undefined ? new TaskError(reply.error) : (reply.output as O));
        idle.push(worker);
        dispatch();
        void deliver();
      });
      worker.on('error', (e: NodeJS.ErrnoException) => {
        const id = running.get(worker);
        if (e.code !== 'ERR_WORKER_OUT_OF_MEMORY' || id === undefined || stopped) return stop(e);
        outOfMemory = true;
        running.delete(worker);
        workers.splice(workers.indexOf(worker), 1);
        done.set(id, new OutOfMemory(`a worker thread ran out of memory (${e.message})`));
        start();
        dispatch();
        void deliver();
      });
      worker.on('exit', code => {
        if (!outOfMemory && !stopped && nextToDeliver < inputs.length && code !== 0) stop(new Error(`a worker thread stopped (exit code ${code})`));
      });
    };
    for (let i = 0; i < jobs; i++) start();
    dispatch();
  });
}
