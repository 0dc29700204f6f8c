// A worker for orderedPool.test.ts: squares a number, after a pause that makes later inputs
// finish first; throws on a negative number; stops the thread on NaN; on Infinity, fills its heap
// until it runs out of memory. It remembers the squares it made, for follow-ups: `{ n }` gives
// back its square and forgets it (an error when this thread did not make it), `{ n, hog: true }`
// fills the heap, `{ n, exit: true }` stops the thread.
import { threadId } from 'worker_threads';
import { serveTasks } from '../../../src/node/poolWorker';

const made = new Map<number, number>();

function fillHeap(): never {
  const hog: number[][] = [];
  for (;;) hog.push(new Array(100000).fill(hog.length));
}

serveTasks<number, { square: number; buffer: Uint32Array }, { square: number; thread: number }>(
  n => {
    if (Number.isNaN(n)) process.exit(3);
    if (n === Infinity) fillHeap();
    if (n < 0) throw new Error(`negative input ${n}`);
    const until = Date.now() + ((7 - (n % 7)) * 3);
    while (Date.now() < until) {
      // busy: the pause must hold the thread, as a review does
    }
    made.set(n, n * n);
    return { square: n * n, buffer: Uint32Array.of(n) };
  },
  output => ('buffer' in output ? [output.buffer.buffer as ArrayBuffer] : []),
  message => {
    const { n, hog, exit } = message as { n: number; hog?: boolean; exit?: boolean };
    if (hog) fillHeap();
    if (exit) process.exit(4);
    const square = made.get(n);
    if (square === undefined) throw new Error(`${n} was not squared on this thread`);
    made.delete(n);
    return { square, thread: threadId };
  },
);
