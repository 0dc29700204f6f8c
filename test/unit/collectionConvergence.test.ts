// Remove All across files converges on a shape that did not (issue 14 item 6): a paragraph that
// is a near duplicate of another in its own file and an exact copy of one in an earlier file (the
// generated collections of collectionProperties.test.ts measure the rest). The dumps are written
// for this test.
import * as assert from 'assert';
import { defaultOptions } from '../../src/core/options/defaults';
import { applyEdits, removeAllRepeatedPassages } from '../../src/core/review/fixes';
import { CollectionFile, pointsIntoOtherFile, reviewCollection } from './collectionReview';

const QUARRY = 'The quarry on the east ridge will stop blasting before eight in the morning from next week, after forty households complained that the noise woke their children and cracked the plaster in two cottages.';
const QUARRY_EDITED = QUARRY.replace('forty households', 'fifty households');
const MILL = 'The old flour mill by the weir has been sold to a housing trust, which plans eighteen flats for rent and a cafe on the ground floor where the millstones will stay on show for visitors.';
const ORCHARD = 'Volunteers planted ninety apple and pear trees in the community orchard on Saturday, with varieties chosen from the old county nursery list so that the fruit ripens from August into November.';

const options = defaultOptions();

function fixedCollection(files: CollectionFile[]): CollectionFile[] {
  const reviews = reviewCollection(files, options);
  return files.map((f, i) => ({ path: f.path, text: applyEdits(f.text, removeAllRepeatedPassages(reviews[i])) }));
}

/** The cross-file repeated passages a fresh review finds (near duplicates are no repeat: Remove All leaves them). */
function crossFileLeft(files: CollectionFile[]): string[] {
  return reviewCollection(files, options).flatMap((r, i) => r.findings.filter(f => f.rule === 'repeated-passage' && pointsIntoOtherFile(f)).map(f => `${files[i].path}: ${f.message}`));
}

describe('collections: Remove All converges', () => {
  it('removes a paragraph found exactly in an earlier file even when its own file holds a near duplicate of it before', () => {
    const files = [
      { path: 'day1.txt', text: `Title: Quarry limits blasting\n\n${QUARRY_EDITED}\n\n${MILL}\n` },
      { path: 'day2.txt', text: `Title: Complaints about the quarry\n\n${QUARRY}\n\n${ORCHARD}\n\n${QUARRY_EDITED}\n` },
    ];
    const first = reviewCollection(files, options)[1].findings.filter(pointsIntoOtherFile);
    assert.ok(first.some(f => files[1].text.slice(f.range.start, f.range.end) === QUARRY_EDITED), 'the exact copy of day1 is a cross-file repeat');
    const fixed = fixedCollection(files);
    assert.ok(fixed[1].text.includes(QUARRY) && fixed[1].text.includes(ORCHARD), 'what exists only in day2 stays');
    assert.deepStrictEqual(crossFileLeft(fixed), []);
  });
});
