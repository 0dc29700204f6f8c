// The ordered pool of worker threads behind folder reviews (src/node/orderedPool.ts): results come
// back in the inputs' order whatever order the threads finish in, a task that throws is reported
// for that input alone, and a thread that dies fails the run instead of hanging it.
import * as assert from 'assert';
import * as path from 'path';
import { OutOfMemory, TaskError, runInOrder } from '../../src/node/orderedPool';

const WORKER = path.join(__dirname, 'workers', 'squareWorker.js');

interface Squared {
  square: number;
  buffer: Uint32Array;
}

async function collect(inputs: number[], jobs: number, window?: number, heapMb?: number): Promise<(number | string)[]> {
  const seen: (number | string)[] = [];
  const resourceLimits = heapMb === undefined ? undefined : { maxOldGenerationSizeMb: heapMb };
  await runInOrder<number, Squared>(inputs, { jobs, workerFile: WORKER, window, resourceLimits }, (output, index) => {
    assert.strictEqual(index, seen.length, 'results are delivered in order, one index after the other');
    seen.push(output instanceof OutOfMemory ? 'out of memory' : output instanceof TaskError ? `error: ${output.message}` : output.square);
  });
  return seen;
}

describe('ordered pool of worker threads', () => {
  const inputs = Array.from({ length: 30 }, (_, i) => i);
  const squares = inputs.map(i => i * i);

  it('gives the same results in the same order with one, two or four threads', async () => {
    assert.deepStrictEqual(await collect(inputs, 1), squares);
    assert.deepStrictEqual(await collect(inputs, 2), squares);
    assert.deepStrictEqual(await collect(inputs, 4, 5), squares);
  });

  it('moves typed arrays named for transfer, and they arrive intact', async () => {
    const buffers: number[] = [];
    await runInOrder<number, Squared>([3, 5], { jobs: 2, workerFile: WORKER }, output => {
      if (!(output instanceof TaskError)) buffers.push(output.buffer[0]);
    });
    assert.deepStrictEqual(buffers, [3, 5]);
  });

  it('waits for a slow consumer before delivering the next result', async () => {
    const order: string[] = [];
    await runInOrder<number, Squared>([1, 2, 3], { jobs: 3, workerFile: WORKER }, async (_output, index) => {
      order.push(`start ${index}`);
      await new Promise(resolve => setTimeout(resolve, 10));
      order.push(`end ${index}`);
    });
    assert.deepStrictEqual(order, ['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('reports a task that throws for its input alone and goes on', async () => {
    assert.deepStrictEqual(await collect([2, -1, 4], 2), [4, 'error: negative input -1', 16]);
  });

  it('fails the run, without hanging, when a thread dies', async () => {
    await assert.rejects(collect([1, NaN, 3], 2), /worker thread stopped \(exit code 3\)/);
  });

  it('gives back a task whose thread ran out of memory, replaces the thread and goes on', async () => {
    assert.deepStrictEqual(await collect([2, Infinity, 3, 4, Infinity, 5], 2, undefined, 32), [4, 'out of memory', 9, 16, 'out of memory', 25]);
  });

  it('sends a follow-up to the thread that ran the task, and ends the run only once every follow-up is answered', async () => {
    const answers: Promise<unknown>[] = [];
    const threads = new Set<number>();
    await runInOrder<number, Squared>(inputs, { jobs: 3, workerFile: WORKER }, (_output, index, followUp) => {
      // Not awaited here: the run must wait for them itself.
      answers.push(followUp({ n: index }).then(answer => {
        const { square, thread } = answer as { square: number; thread: number };
        threads.add(thread);
        return square;
      }));
    });
    assert.deepStrictEqual(await Promise.all(answers), squares);
    assert.ok(threads.size > 1, 'the follow-ups went to more than one thread');
  });

  it('rejects a follow-up that throws with a TaskError, and one whose thread runs out of memory with an OutOfMemory, and goes on', async () => {
    const outcomes: string[] = [];
    const resourceLimits = { maxOldGenerationSizeMb: 32 };
    await runInOrder<number, Squared>([1, 2, 3], { jobs: 2, workerFile: WORKER, resourceLimits }, async (_output, index, followUp) => {
      const message = index === 1 ? { n: 99 } : index === 2 ? { n: 3, hog: true } : { n: index + 1 };
      try {
        const answer = (await followUp(message)) as { square: number };
        outcomes.push(`${answer.square}`);
      } catch (e) {
        outcomes.push(e instanceof OutOfMemory ? 'out of memory' : e instanceof TaskError ? e.message : 'other');
      }
    });
    assert.deepStrictEqual(outcomes, ['1', '99 was not squared on this thread', 'out of memory']);
  });

  it('fails the run, without hanging, when a thread dies while a follow-up after the last result waits for it', async () => {
    const run = runInOrder<number, Squared>([1, 2], { jobs: 1, workerFile: WORKER }, (_output, index, followUp) => {
      if (index === 1) followUp({ n: 2, exit: true }).catch(() => undefined);
    });
    await assert.rejects(run, /worker thread stopped \(exit code 4\)/);
  });

  it('does nothing for no inputs', async () => {
    assert.deepStrictEqual(await collect([], 4), []);
  });
});
