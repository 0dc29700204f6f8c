// A worker for orderedPool.test.ts: squares a number, after a pause that makes later inputs
// finish first; throws on a negative number; stops the thread on NaN; on Infinity, fills its heap
// until it runs out of memory.
import { serveTasks } from '../../../src/node/poolWorker';

serveTasks<number, { square: number; buffer: Uint32Array }>(
  n => {
    if (Number.isNaN(n)) process.exit(3);
    if (n === Infinity) {
      const hog: number[][] = [];
      for (;;) hog.push(new Array(100000).fill(hog.length));
    }
    if (n < 0) throw new Error(`negative input ${n}`);
    const until = Date.now() + ((7 - (n % 7)) * 3);
    while (Date.now() < until) {
      // busy: the pause must hold the thread, as a review does
    }
    return { square: n * n, buffer: Uint32Array.of(n) };
  },
  output => [output.buffer.buffer as ArrayBuffer],
);
