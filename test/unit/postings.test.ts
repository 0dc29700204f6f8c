// The posting lists of the cross-file index (core/collection/postings.ts) against a plain model:
// every item with a key, in the order added, across small runs (whole keys) and large ones (a
// directory and the keys' low 16 bits), through merges and the dropping of items no longer alive.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { Postings } from '../../src/core/collection/postings';
import { runParameters } from './properties';

/** A small deterministic generator (xorshift), so that a run of 100,000 postings costs little to describe. */
function random(seed: number): () => number {
  let x = seed | 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}

const plan = fc.record({
  seed: fc.integer({ min: 1, max: 0x7fffffff }),
  // Batches of postings added between queries: some large enough to make runs with a directory.
  batches: fc.array(fc.integer({ min: 1, max: 70000 }), { minLength: 1, maxLength: 5 }),
  // How keys are drawn: a few keys shared by many items, or keys spread over all 32 bits.
  crowded: fc.boolean(),
  forgetEvery: fc.constantFrom(0, 3, 7),
  // The longest run a merge makes: the default, or short enough that several large runs stay apart.
  mergedMax: fc.constantFrom(undefined, 100000),
});

describe('posting lists (fast-check, against a model)', () => {
  it('give every live item of a key in the order added, whatever the runs and merges', () => {
    fc.assert(fc.property(plan, ({ seed, batches, crowded, forgetEvery, mergedMax }) => {
      const next = random(seed);
      const dead = new Set<number>();
      const postings = new Postings(item => !dead.has(item), mergedMax);
      const model = new Map<number, number[]>();
      const keyOf = () => (crowded ? (next() % 50) * 0x10001 : next());
      let item = 0;
      const probes: number[] = [];
      for (const size of batches) {
        for (let i = 0; i < size; i++) {
          const key = keyOf();
          postings.add(key, item);
          if (!model.has(key)) model.set(key, []);
          model.get(key)!.push(item);
          if (i % 997 === 0) probes.push(key);
          item++;
        }
        if (forgetEvery > 0) {
          let forgotten = 0;
          for (let i = 0; i < item; i += forgetEvery) if (!dead.has(i)) { dead.add(i); forgotten++; }
          postings.forget(forgotten);
        }
        for (const key of [...probes, keyOf(), 0, 0xffffffff]) {
          const seen: number[] = [];
          postings.forEach(key, found => { if (!dead.has(found)) seen.push(found); });
          assert.deepEqual(seen, (model.get(key >>> 0) ?? []).filter(i => !dead.has(i)), `key ${key}`);
        }
      }
      assert.equal(postings.length >= item - dead.size, true);
    }), runParameters(16));
  });

  it('stop after the limit, the earliest added first', () => {
    const postings = new Postings(() => true);
    for (let i = 0; i < 100000; i++) postings.add(i % 3 === 0 ? 0xdead0001 : i * 7919, i);
    const seen: number[] = [];
    postings.forEach(0xdead0001, i => seen.push(i), 16);
    assert.deepEqual(seen, Array.from({ length: 16 }, (_, k) => 3 * k));
  });
});
