// The worker side of orderedPool.ts: answers each task the main thread posts with the function's
// output (or the message it threw), one message at a time, in the order they came: tasks, and
// follow-ups about a task this worker ran.
import { parentPort } from 'worker_threads';

export interface TaskRequest {
  id: number;
  input: unknown;
  /** A follow-up (`id` numbers follow-ups apart from tasks). */
  followUp?: true;
}

export interface TaskReply {
  id: number;
  output?: unknown;
  error?: string;
  followUp?: true;
}

/**
 * Serves tasks with `run`, and follow-ups with `followUp` (a message about a task this worker ran
 * earlier: the worker may keep what it needs of a task until then). `transfer(output)` may name
 * buffers of an output (a task's or a follow-up's) to move rather than copy. Call it once, at the
 * top level of the worker script.
 */
export function serveTasks<I, O, F = never>(run: (input: I) => O, transfer?: (output: O | F) => ArrayBuffer[], followUp?: (message: unknown) => F): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread');
  port.on('message', (request: TaskRequest) => {
    const reply: TaskReply = { id: request.id };
    if (request.followUp) reply.followUp = true;
    let moved: ArrayBuffer[] = [];
    try {
      if (request.followUp) {
        if (!followUp) throw new Error('this worker takes no follow-ups');
        const output = followUp(request.input);
        reply.output = output;
        if (transfer) moved = transfer(output);
      } else {
        const output = run(request.input as I);
        reply.output = output;
        if (transfer) moved = transfer(output);
      }
    } catch (e) {
      reply.error = e instanceof Error ? e.message : String(e);
    }
    port.postMessage(reply, moved);
  });
}
