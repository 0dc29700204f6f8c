// Runs one function over many inputs on a pool of worker threads and hands the results back in
// the inputs' order, whatever order the workers finish in: a folder review fingerprints files on
// every core and still writes its report file by file, as a one-job run would.
//
// Memory stays bounded: at most `window` inputs are out at a time (running, or done and waiting
// for an earlier one), so a slow file holds back at most that many results.
//
// A result may be followed up: `followUp(message)` asks the worker that made it for more (a
// folder review sends a file's cross-file links back to the worker that keeps its review, and
// gets its part of the report). The run ends once every follow-up is answered.
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
 * Asks the worker that made a result for more: resolves with what its follow-up function returns,
 * rejects with a `TaskError` if it throws, or an `OutOfMemory` if that worker runs out of memory
 * first (the caller may then do the work elsewhere).
 */
export type FollowUp = (message: unknown) => Promise<unknown>;

/**
 * Calls `onResult(output, index, followUp)` for every input in order, `index` counting from 0. A
 * task that throws gives a `TaskError` as its output, one whose worker ran out of memory an
 * `OutOfMemory` (and a new worker takes that one's place); a worker that dies otherwise rejects
 * the whole run. `onResult` may return a promise (e.g. a write that must drain first): the next
 * result waits for it.
 */
export async function runInOrder<I, O>(
  inputs: readonly I[],
  options: PoolOptions,
  onResult: (output: O | TaskError, index: number, followUp: FollowUp) => void | Promise<void>,
): Promise<void> {
  if (inputs.length === 0) return;
  const jobs = Math.max(1, Math.min(Math.floor(options.jobs), inputs.length));
  const window = Math.max(jobs, options.window ?? jobs * 2);
  const workers: Worker[] = [];
  const done = new Map<number, O | TaskError>();
  let nextToSend = 0;
  let nextToDeliver = 0;
  let delivering = false;
  /** Follow-ups asked and not yet answered, by id, with the worker asked. */
  const asked = new Map<number, { worker: Worker; resolve: (output: unknown) => void; reject: (e: Error) => void }>();
  let nextFollowUp = 0;
  /** Called once the last follow-up is answered. */
  let whenAnswered: (() => void) | null = null;

  return new Promise<void>((resolve, reject) => {
    let stopped = false;
    const stop = (e?: unknown) => {
      if (stopped) return;
      stopped = true;
      for (const w of workers) void w.terminate();
      for (const [id, pending] of asked) {
        pending.reject(new TaskError('the run stopped'));
        asked.delete(id);
      }
      whenAnswered?.();
      if (e !== undefined) reject(e instanceof Error ? e : new Error(String(e)));
      else resolve();
    };
    const idle: Worker[] = [];
    /** The task each busy worker is running. */
    const running = new Map<Worker, number>();
    /** The worker that ran each task delivered or waiting: a follow-up goes there. */
    const ranOn = new Map<number, Worker>();
    const followUpOf = (index: number): FollowUp => {
      const worker = ranOn.get(index);
      return message => {
        if (!worker || !workers.includes(worker)) return Promise.reject(new OutOfMemory('the worker thread that ran this task is gone'));
        return new Promise((resolve, reject) => {
          const id = nextFollowUp++;
          asked.set(id, { worker, resolve, reject });
          const request: TaskRequest = { id, input: message, followUp: true };
          worker.postMessage(request);
        });
      };
    };
    /** A follow-up answered (or failed): the run may end once none is left. */
    const answered = (id: number) => {
      asked.delete(id);
      if (asked.size === 0 && whenAnswered) whenAnswered();
    };
    /** Every follow-up still asked of a worker that is gone fails with `error`. */
    const failFollowUps = (worker: Worker, error: Error) => {
      for (const [id, pending] of asked) {
        if (pending.worker !== worker) continue;
        pending.reject(error);
        answered(id);
      }
    };
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
          await onResult(output, nextToDeliver, followUpOf(nextToDeliver));
          ranOn.delete(nextToDeliver);
          nextToDeliver++;
          dispatch();
        }
        if (!stopped && nextToDeliver === inputs.length) {
          // The workers stay until the last follow-up is answered.
          if (asked.size > 0) await new Promise<void>(resolve => (whenAnswered = resolve));
          stop();
        }
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
        if (reply.followUp) {
          const pending = asked.get(reply.id);
          if (!pending) return;
          if (reply.error !== undefined) pending.reject(new TaskError(reply.error));
          else pending.resolve(reply.output);
          answered(reply.id);
          return;
        }
        running.delete(worker);
        ranOn.set(reply.id, worker);
        done.set(reply.id, reply.error !== undefined ? new TaskError(reply.error) : (reply.output as O));
        idle.push(worker);
        dispatch();
        void deliver();
      });
      worker.on('error', (e: NodeJS.ErrnoException) => {
        const id = running.get(worker);
        const followingUp = [...asked.values()].some(p => p.worker === worker);
        if (e.code !== 'ERR_WORKER_OUT_OF_MEMORY' || (id === undefined && !followingUp) || stopped) return stop(e);
        outOfMemory = true;
        running.delete(worker);
        workers.splice(workers.indexOf(worker), 1);
        const error = new OutOfMemory(`a worker thread ran out of memory (${e.message})`);
        if (id !== undefined) done.set(id, error);
        const wasIdle = idle.indexOf(worker);
        if (wasIdle >= 0) idle.splice(wasIdle, 1);
        failFollowUps(worker, error);
        start();
        dispatch();
        void deliver();
      });
      worker.on('exit', code => {
        // Also after the last result, while a follow-up waits for this worker: the run would hang.
        const waitedFor = nextToDeliver < inputs.length || [...asked.values()].some(p => p.worker === worker);
        if (!outOfMemory && !stopped && waitedFor && code !== 0) stop(new Error(`a worker thread stopped (exit code ${code})`));
      });
    };
    for (let i = 0; i < jobs; i++) start();
    dispatch();
  });
}
