import * as assert from 'node:assert/strict';
import { diffArrays } from 'diff';
import { lcsLength } from '../../src/core/text/lcs';

describe('lcsLength (bit-parallel)', () => {
  it('agrees with the common words of a minimal diff on random word sequences of every length', () => {
    let seed = 11;
    const random = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    for (let round = 0; round < 300; round++) {
      const alphabet = 2 + random(12);
      const a = Array.from({ length: random(150) }, () => random(alphabet));
      const b = Array.from({ length: random(150) }, () => random(alphabet));
      const common = diffArrays(a, b).filter(p => !p.added && !p.removed).reduce((n, p) => n + (p.count ?? p.value.length), 0);
      assert.equal(lcsLength(a, b), common, `round ${round}: ${a.length} x ${b.length}`);
    }
  });

  it('handles empty sequences and sequences longer than one machine word', () => {
    assert.equal(lcsLength([], [1, 2]), 0);
    const long = Array.from({ length: 100 }, (_, i) => i);
    assert.equal(lcsLength(long, long), 100);
    assert.equal(lcsLength(long, [...long.slice(0, 40), 999, ...long.slice(41)]), 99);
  });

  it('gives the same lengths for any numbers (hashes of 53 bits, negative, fractional) and for sequences past the reused scratch', () => {
    const words = [2 ** 52 + 1, 2 ** 52 + 2, -7, 0.5, 4294967296, 1, 4294967297];
    assert.equal(lcsLength(words, [...words].reverse()), 1);
    assert.equal(lcsLength(words, [2 ** 52 + 2, 0.5, 1]), 3);
    const huge = Array.from({ length: 6000 }, (_, i) => i % 997);
    const edited = [...huge.slice(0, 3000), -1, ...huge.slice(3001)];
    assert.equal(lcsLength(huge, edited), 5999);
    // The scratch of the calls before is still right.
    assert.equal(lcsLength([1, 2, 3, 4], [1, 3, 4]), 3);
  });
});
