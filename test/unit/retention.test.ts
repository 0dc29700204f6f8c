import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { review } from '../../src/core/review/review';
import { detached } from '../../src/core/text/text';
import { generateText } from '../../bench/generate';
import type { Review } from '../../src/core/model/types';
import * as fc from 'fast-check';
import { dump } from './generators';
import { runParameters } from './properties';
import { RECLAIM_FROM_CHARS, reclaimFor } from '../../src/node/garbage';

// A full collection on demand, so that the heap in use is what is alive.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function liveHeap(): number {
  gc();
  gc();
  return v8.getHeapStatistics().used_heap_size;
}

const MB = 1024 * 1024;

describe('what the engine keeps between reviews', () => {
  it('a detached copy of a slice does not keep the text it was cut from alive', () => {
    // Distinct lines, so that V8 cannot share the text with any other string; made in a function
    // of its own, so that no stale register of this frame keeps it alive.
    const sliceOfParent = (keep: (s: string) => string) => {
      const parent = Array.from({ length: 400_000 }, (_, i) => `line ${i} of the parent\n`).join('');
      return [keep(parent.slice(1000, 1060)), keep(parent.slice(5000, 5200))];
    };
    const before = liveHeap();
    const plain = sliceOfParent(s => s);
    const throughPlainSlices = liveHeap() - before;
    // Copies through JSON, to compare the texts after the plain slices are let go.
    const expected = plain.map(s => JSON.parse(JSON.stringify(s)) as string);
    plain.length = 0;
    const start = liveHeap();
    const kept = sliceOfParent(detached);
    const throughDetached = liveHeap() - start;
    assert.deepEqual(kept, expected);
    // The check itself: plain slices do keep the parent (about 10 MB) alive.
    assert.ok(throughPlainSlices > 5 * MB, `plain slices kept only ${(throughPlainSlices / MB).toFixed(1)} MB alive`);
    assert.ok(throughDetached < MB, `detached copies kept ${(throughDetached / MB).toFixed(1)} MB alive`);
  });

  it('reviewing one file after another keeps no file\'s text alive (the caches of short lines and stems hold copies)', function () {
    this.timeout(60_000);
    // Each text is made and reviewed in a function of its own and let go when it returns.
    const reviewOne = (seed: number) => {
      const text = generateText(600_000, seed).text;
      review(text);
      return text.length;
    };
    reviewOne(9000);
    const before = liveHeap();
    let reviewed = 0;
    for (let i = 1; i < 40; i++) reviewed += reviewOne(9000 + i);
    const grown = liveHeap() - before;
    // The caches grow with new lines and words, far less than the texts that went by: the stems by
    // about 1.5 MB here, the judged short lines by up to 8 MB (20,000 of them; where the cache
    // stands when the test starts depends on what the suite reviewed before, and it is emptied when
    // full). Keeping every text alive, as keys cut from them did, grew it by 15 MB for 11 texts;
    // 39 texts (23 M characters) keep the caches well below the bound.
    assert.ok(grown < reviewed / 2, `the heap grew by ${(grown / MB).toFixed(1)} MB over ${(reviewed / MB).toFixed(1)} MB of reviewed text`);
  });

  it('a one-shot review lets go of its paragraphs\' sketches only once no rule compares them: the same review with an observer (which keeps them) and without', () => {
    const withoutTimings = (r: Review) => ({ ...r, stats: { ...r.stats, timings: {} } });
    fc.assert(
      fc.property(dump, text => {
        let observed = 0;
        const kept = review(text, undefined, undefined, () => observed++);
        assert.equal(observed, 1);
        assert.deepEqual(withoutTimings(review(text)), withoutTimings(kept));
      }),
      runParameters(150),
    );
  });

  it('a review calls `reclaim` where it lets go of memory, and reviews the same with it or without', () => {
    const withoutTimings = (r: Review) => ({ ...r, stats: { ...r.stats, timings: {} } });
    fc.assert(
      fc.property(dump, text => {
        let reclaimed = 0;
        const told = review(text, undefined, undefined, undefined, () => reclaimed++);
        // After the segmentation, the web debris, the repeats, the near duplicates and their comparison data.
        assert.equal(reclaimed, 5);
        assert.deepEqual(withoutTimings(told), withoutTimings(review(text)));
      }),
      runParameters(100),
    );
  });

  it('the CLI collects garbage between the stages of a large text only, and the collection frees what nothing holds', () => {
    assert.equal(reclaimFor(RECLAIM_FROM_CHARS - 1), undefined);
    const collect = reclaimFor(RECLAIM_FROM_CHARS);
    assert.equal(typeof collect, 'function');
    const used = () => v8.getHeapStatistics().used_heap_size;
    collect!();
    const before = used();
    let garbage: number[][] | null = Array.from({ length: 2000 }, (_, i) => new Array<number>(500).fill(i + 0.5));
    assert.ok(used() - before > 4 * MB, `made ${garbage.length} arrays`);
    garbage = null;
    collect!();
    assert.ok(used() - before < 2 * MB, `the heap still holds ${((used() - before) / MB).toFixed(1)} MB`);
  });
});
