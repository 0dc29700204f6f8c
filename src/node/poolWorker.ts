// The worker side of orderedPool.ts: answers each task the main thread posts with the function's
// output (or the message it threw), one task at a time.
import { parentPort } from 'worker_threads';

export interface TaskRequest {
  id: number;
  input: unknown;
}

export interface TaskReply {
  id: number;
  output?: unknown;
  error?: string;
}

/**
 * Serves tasks with `run`. `transfer(output)` may name buffers of the output to move rather than
 * copy (a fingerprint's typed arrays). Call it once, at the top level of the worker script.
 */
export function serveTasks<I, O>(run: (input: I) => O, transfer?: (output: O) => ArrayBuffer[]): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread');
  port.on('message', (request: TaskRequest) => {
    let reply: TaskReply;
    let moved: ArrayBuffer[] = [];
    try {
      const output = run(request.input as I);
      reply = { id: request.id, output };
      if (transfer) moved = transfer(output);
    } catch (e) {
      reply = { id: request.id, error: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(reply, moved);
  });
}
