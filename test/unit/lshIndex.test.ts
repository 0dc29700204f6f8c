import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { BANDS } from '../../src/core/text/minhash';
import { LshIndex, RecentLshIndex } from '../../src/core/text/lshIndex';
import { runParameters } from './properties';

describe('LSH index', () => {
  it('an index that keeps only the newest items a key gives the same candidates as one that keeps them all', () => {
    // Band keys from a small range, so that keys repeat often (within an item too) and lists grow
    // past what is kept; some items are added without being asked about first (the rule's exact
    // copies).
    const item = fc.record({ keys: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: BANDS, maxLength: BANDS }), asked: fc.boolean() });
    const kept = fc.integer({ min: 1, max: 9 }).chain(keep => fc.tuple(fc.constant(keep), fc.integer({ min: 1, max: keep })));
    fc.assert(
      fc.property(fc.array(item, { maxLength: 120 }), fc.integer({ min: 1, max: 10 }), kept, (items, limit, [keep, perBucket]) => {
        const all = new LshIndex(items.length);
        const newest = new RecentLshIndex(items.length, keep);
        items.forEach(({ keys, asked }, i) => {
          const array = Uint32Array.from(keys);
          if (asked) assert.deepEqual(newest.candidates(array, 0, perBucket, limit), all.candidates(array, 0, perBucket, limit), `item ${i}`);
          all.add(i, array, 0);
          newest.add(i, array, 0);
        });
        // And once more for every key at the end, read whole.
        for (const { keys } of items) {
          const array = Uint32Array.from(keys);
          assert.deepEqual(newest.candidates(array, 0, keep, 1000), all.candidates(array, 0, keep, 1000));
        }
      }),
      runParameters(300),
    );
  });

  it('the index kept across reviews lists an item once its keys are replaced, and only under its new keys', () => {
    const keys = (from: number) => Uint32Array.from({ length: BANDS }, (_, b) => from + b);
    const index = new LshIndex(3);
    index.add(0, keys(100), 0);
    index.add(1, keys(100), 0);
    index.add(2, keys(500), 0);
    index.replace(1, keys(100), 0, keys(500), 0);
    assert.deepEqual(index.candidates(keys(100), 0, 8, 10), [0]);
    assert.deepEqual(index.candidates(keys(500), 0, 8, 10), [2, 1]);
    assert.deepEqual(index.candidates(keys(500), 0, 8, 10, 2), [1]);
  });
});
