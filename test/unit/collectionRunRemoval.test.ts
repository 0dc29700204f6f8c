// A run of paragraphs copied from an earlier file with a line of this file's own between them (an
// advertisement's label, a caption): Remove All takes the copied paragraphs and keeps that line,
// which exists nowhere else. Found by the collection property "one round of a cross-file Remove
// All keeps every line of the collection in some file".
import * as assert from 'assert';
import { defaultOptions } from '../../src/core/options/defaults';
import { applyEdits, removeAllRepeatedPassages } from '../../src/core/review/fixes';
import { reviewCollection } from './collectionReview';

const FIRST = 'The ferry between the two islands will run twice a day from Monday, the harbour authority said after repairs to the northern pier.';
const SECOND = 'Timetables will be posted at both piers and on the authority\u2019s notice boards, and season tickets remain valid.';

describe('a copied run of paragraphs with a line of its own between them', () => {
  it('is one finding whose removal keeps the line between', () => {
    const options = defaultOptions();
    const day1 = ['Ferry returns to two sailings a day', FIRST, '', SECOND, ''].join('\n');
    const day2 = ['Harbour news', 'The harbour café has new owners, who plan to open it all year.', '', FIRST, '', 'Advertisement', '', SECOND, '', 'Nothing else changed this week at the harbour, the owners said.', ''].join('\n');
    const [, review] = reviewCollection([{ path: 'day1.txt', text: day1 }, { path: 'day2.txt', text: day2 }], options);
    const runs = review.findings.filter(f => f.rule === 'repeated-passage' && (f.data as { kind?: string }).kind === 'paragraphs');
    assert.equal(runs.length, 1, review.findings.map(f => f.message).join('\n'));
    const fixed = applyEdits(day2, removeAllRepeatedPassages(review));
    assert.ok(!fixed.includes(FIRST) && !fixed.includes(SECOND), fixed);
    assert.ok(fixed.includes('Advertisement'), `the line between the copied paragraphs is gone:\n${fixed}`);
    assert.ok(fixed.includes('The harbour café has new owners') && fixed.includes('Nothing else changed'), fixed);
  });
});
