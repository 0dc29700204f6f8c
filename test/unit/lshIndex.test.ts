import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { BANDS, LshIndex } from '../../src/core/text/minhash';
import { runParameters } from './properties';

const PER_BUCKET = 8;

describe('LSH index', () => {
  it('an index that keeps only the newest entries a key gives the same candidates as one that keeps them all', () => {
    // Band keys from a small range, so that keys repeat often and lists grow past PER_BUCKET; some
    // items are added without being asked about first (the rule's exact copies).
    const item = fc.record({ keys: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: BANDS, maxLength: BANDS }), asked: fc.boolean() });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 120 }), fc.integer({ min: 1, max: 10 }), (items, limit) => {
        const all = new LshIndex(items.length);
        const newest = new LshIndex(items.length, PER_BUCKET);
        items.forEach(({ keys, asked }, i) => {
          const array = Uint32Array.from(keys);
          if (asked) assert.deepEqual(newest.candidates(array, 0, PER_BUCKET, limit), all.candidates(array, 0, PER_BUCKET, limit), `item ${i}`);
          all.add(i, array, 0);
          newest.add(i, array, 0);
        });
        // And once more for every key at the end, read whole.
        for (const { keys } of items) {
          const array = Uint32Array.from(keys);
          assert.deepEqual(newest.candidates(array, 0, PER_BUCKET, 1000), all.candidates(array, 0, PER_BUCKET, 1000));
        }
      }),
      runParameters(300),
    );
  });
});
