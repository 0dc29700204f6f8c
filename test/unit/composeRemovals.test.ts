// Removals made in rounds (Remove All until nothing more is found, `settleFixAll`) are one set of
// edits of the original text: `composeRemovals` maps a later round's ranges back through the
// earlier removals. Checked with fast-check against applying the rounds one after the other.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { applyEdits, composeRemovals } from '../../src/core/review/fixes';
import type { OffsetRange } from '../../src/core/model/types';
import { runParameters } from './properties';

const removalsOf = (ranges: readonly OffsetRange[]) => ranges.map(range => ({ range: { ...range }, newText: '' }));

/** Sorted, non-overlapping ranges of a text of `length` characters, from cut points. */
function rangesIn(length: number, cuts: number[]): OffsetRange[] {
  const points = [...new Set(cuts.map(c => c % (length + 1)))].sort((a, b) => a - b);
  const out: OffsetRange[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) out.push({ start: points[i], end: points[i + 1] });
  return out;
}

describe('removals in rounds as one set of edits', () => {
  it('removing the composed ranges from the original gives what the rounds give one after the other', () => {
    fc.assert(fc.property(
      fc.string({ minLength: 0, maxLength: 80 }), fc.array(fc.nat(), { maxLength: 10 }), fc.array(fc.nat(), { maxLength: 10 }),
      (text, firstCuts, laterCuts) => {
        const earlier = rangesIn(text.length, firstCuts);
        const left = applyEdits(text, removalsOf(earlier));
        const later = rangesIn(left.length, laterCuts);
        const composed = composeRemovals(earlier, later);
        assert.equal(applyEdits(text, removalsOf(composed)), applyEdits(left, removalsOf(later)));
        for (let i = 1; i < composed.length; i++) assert.ok(composed[i - 1].end < composed[i].start, 'sorted, apart, merged where they touch');
      }), runParameters(500));
  });

  it('a later removal right where an earlier one was joins it into one range', () => {
    // "aaXXbbYYcc": XX removed first, then "bb" (at 2–4 of "aabbYYcc"): one range 2–6.
    assert.deepEqual(composeRemovals([{ start: 2, end: 4 }], [{ start: 2, end: 4 }]), [{ start: 2, end: 6 }]);
    // ... and a later one ending where the earlier one was: "aa" then XX: 0–4.
    assert.deepEqual(composeRemovals([{ start: 2, end: 4 }], [{ start: 0, end: 2 }]), [{ start: 0, end: 4 }]);
  });
});
