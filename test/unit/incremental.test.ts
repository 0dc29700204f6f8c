import * as assert from 'node:assert/strict';
import { defaultOptions } from '../../src/core/defaults';
import { Reviewer, review } from '../../src/core/review';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const sample = readFileSync(path.join(__dirname, '../../../samples/wire-roundup.txt'), 'utf8');

describe('Reviewer (incremental re-review)', () => {
  it('after a one-character edit, analyses only the changed paragraph and agrees with a fresh review', () => {
    const reviewer = new Reviewer(defaultOptions());
    reviewer.review(sample);
    const at = sample.indexOf('Kiev');
    const edited = sample.slice(0, at) + 'K' + sample.slice(at);
    const again = reviewer.review(edited);
    assert.equal(reviewer.lastAnalysed, 1);
    const fresh = review(edited, defaultOptions());
    assert.deepEqual(again.findings, fresh.findings);
    assert.deepEqual(again.articles, fresh.articles);
  });
});
