// The posting lists of the cross-file index (core/collection/postings.ts) against a plain model:
// every item with a key, in the order added, across small runs (whole keys) and large ones (a
// directory and the keys' low 16 bits), through merges and the dropping of items no longer alive.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { Postings, inKeyOrder } from '../../src/core/collection/postings';
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

const feedPlan = {
  seed: fc.integer({ min: 1, max: 0x7fffffff }),
  // Batches of postings added between queries: some large enough to make runs with a directory.
  batches: fc.array(fc.integer({ min: 1, max: 70000 }), { minLength: 1, maxLength: 5 }),
  crowded: fc.boolean(),
  // The longest run a merge makes: the default, or short enough that several large runs stay apart.
  mergedMax: fc.constantFrom(undefined, 100000),
};
const plan = fc.record({ ...feedPlan, forgetEvery: fc.constantFrom(0, 3, 7) });

/** Postings and the model they are checked against: key -> items in the order added, and keys to probe. */
class Feed {
  readonly model = new Map<number, number[]>();
  readonly probes: number[] = [];
  item = 0;
  private readonly next: () => number;

  constructor(private readonly postings: Postings, seed: number, private readonly crowded: boolean) {
    this.next = random(seed);
  }

  /** A key drawn as the plan says: a few keys shared by many items, or keys spread over all 32 bits. */
  key(): number {
    return this.crowded ? (this.next() % 50) * 0x10001 : this.next();
  }

  add(size: number): void {
    for (let i = 0; i < size; i++) {
      const key = this.key();
      this.postings.add(key, this.item);
      if (!this.model.has(key)) this.model.set(key, []);
      this.model.get(key)!.push(this.item);
      if (i % 997 === 0) this.probes.push(key);
      this.item++;
    }
  }

  /** Keys to look up: those probed, one drawn afresh, the extremes. */
  lookups(): number[] {
    return [...this.probes, this.key(), 0, 0xffffffff];
  }
}

describe('posting lists (fast-check, against a model)', () => {
  it('give every live item of a key in the order added, whatever the runs and merges', () => {
    fc.assert(fc.property(plan, ({ seed, batches, crowded, forgetEvery, mergedMax }) => {
      const dead = new Set<number>();
      const postings = new Postings(item => !dead.has(item), { mergedMax });
      const feed = new Feed(postings, seed, crowded);
      for (const size of batches) {
        feed.add(size);
        if (forgetEvery > 0) {
          let forgotten = 0;
          for (let i = 0; i < feed.item; i += forgetEvery) if (!dead.has(i)) { dead.add(i); forgotten++; }
          postings.forget(forgotten);
        }
        for (const key of feed.lookups()) {
          const seen: number[] = [];
          postings.forEach(key, found => { if (!dead.has(found)) seen.push(found); });
          assert.deepEqual(seen, (feed.model.get(key >>> 0) ?? []).filter(i => !dead.has(i)), `key ${key}`);
        }
        // All the keys at once, in key order (duplicates too), as one at a time.
        const keys = Uint32Array.from([...feed.lookups(), ...feed.probes.slice(0, 3)]).sort();
        for (const limit of [Infinity, 3]) {
          const together: number[][] = Array.from(keys, () => []);
          postings.forEachOf(keys, (q, found) => together[q].push(found), limit);
          keys.forEach((key, q) => {
            const alone: number[] = [];
            postings.forEach(key, found => alone.push(found), limit);
            assert.deepEqual(together[q], alone, `key ${key}, limit ${limit}`);
          });
        }
      }
      assert.equal(postings.length >= feed.item - dead.size, true);
    }), runParameters(16));
  });

  it('that keep only the first items of a key give the same first items to a lookup limited to them', () => {
    const capped = fc.record({ ...feedPlan, keep: fc.constantFrom(1, 4, 16) });
    fc.assert(fc.property(capped, ({ seed, batches, crowded, keep, mergedMax }) => {
      const postings = new Postings(() => true, { mergedMax, keepPerKey: keep });
      const feed = new Feed(postings, seed, crowded);
      for (const size of batches) {
        feed.add(size);
        for (const key of feed.lookups()) {
          const seen: number[] = [];
          postings.forEach(key, found => seen.push(found), keep);
          assert.deepEqual(seen, (feed.model.get(key >>> 0) ?? []).slice(0, keep), `key ${key}`);
        }
      }
      // Fewer postings kept than added once keys are shared by more items than kept.
      let most = 0;
      for (const items of feed.model.values()) most = Math.max(most, items.length);
      if (most > keep * batches.length) assert.ok(postings.length < feed.item, `${postings.length} of ${feed.item} kept`);
    }), runParameters(16));
  });

  it('that keep only the first items of a key refuse to forget items', () => {
    const postings = new Postings(() => true, { keepPerKey: 16 });
    postings.add(1, 0);
    assert.throws(() => postings.forget(1), /forgotten/);
  });

  it('stop after the limit, the earliest added first', () => {
    const postings = new Postings(() => true);
    for (let i = 0; i < 100000; i++) postings.add(i % 3 === 0 ? 0xdead0001 : i * 7919, i);
    const seen: number[] = [];
    postings.forEach(0xdead0001, i => seen.push(i), 16);
    assert.deepEqual(seen, Array.from({ length: 16 }, (_, k) => 3 * k));
  });
});

describe('inKeyOrder', () => {
  const keys = fc.array(fc.oneof(fc.constantFrom(0, 1, 0x7ff, 0x800, 0xffffffff, 0xfffffffe), fc.integer({ min: 0, max: 0xffffffff })), { maxLength: 300 });
  it('sorts keys and keeps equal keys in their order', () => {
    fc.assert(
      fc.property(keys, list => {
        const input = Uint32Array.from(list);
        const { sorted, order } = inKeyOrder(input);
        const expected = list.map((key, q) => ({ key, q })).sort((a, b) => a.key - b.key || a.q - b.q);
        assert.deepEqual([...order], expected.map(e => e.q));
        assert.deepEqual([...sorted], expected.map(e => e.key));
      }),
      runParameters(200),
    );
  });
});
