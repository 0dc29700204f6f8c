import * as assert from 'node:assert/strict';
import { defaultOptions } from '../../src/core/options/defaults';
import { removeAllWebDebris } from '../../src/core/review/fixes';
import { overviewOf } from '../../src/core/report/overview';
import { Reviewer } from '../../src/core/review/review';
import { ofRule, reviewWith, textOf } from './helpers';

// Each problem once: claims and loaded terms inside a repeated copy, or inside a line of web debris,
// are not reported again there (the copy or the line is the thing to act on).
const CLAIM_AND_TERM = 'The regime reportedly moved the prisoners to a camp near the border before the inspectors arrived last week.';
const OTHER = 'The inspectors said they would return next month to visit the remaining sites in the north of the country.';
const THIRD = 'Talks on a new agreement are expected to resume in the spring, when the delegations meet again in the capital.';

function dump(...articles: string[][]): string {
  return articles.map(([title, ...body]) => [`## ${title}`, '', ...body.flatMap(b => [b, ''])].join('\n')).join('\n');
}

describe('each problem once', () => {
  const text = dump(['Prisoners moved before inspection', CLAIM_AND_TERM, OTHER], ['Talks to resume in spring', THIRD, CLAIM_AND_TERM]);

  it('reports a claim and a loaded term on the original only, not on the repeated copy', () => {
    const r = reviewWith(text);
    const copyStart = text.lastIndexOf(CLAIM_AND_TERM);
    const repeats = ofRule(r, 'repeated-passage');
    assert.equal(repeats.length, 1);
    assert.equal(repeats[0].range.start, copyStart);
    for (const rule of ['unattributed-claim', 'loaded-term'] as const) {
      const found = ofRule(r, rule);
      assert.ok(found.length > 0, `${rule} on the original`);
      assert.ok(found.every(f => f.range.start < copyStart), `${rule} not on the copy`);
    }
  });

  it('counts each claim and term once in the overview (the panel and the status bar)', () => {
    const withoutCopy = dump(['Prisoners moved before inspection', CLAIM_AND_TERM, OTHER], ['Talks to resume in spring', THIRD]);
    const counts = overviewOf(reviewWith(text)).byRule;
    const once = overviewOf(reviewWith(withoutCopy)).byRule;
    assert.equal(counts['loaded-term'], once['loaded-term']);
    assert.equal(counts['unattributed-claim'], once['unattributed-claim']);
    assert.equal(counts['repeated-passage'], 1);
  });

  it('reports them on the copy too when repeated passages are not reported', () => {
    const r = reviewWith(text, o => (o.rules['repeated-passage'].enabled = false));
    const copyStart = text.lastIndexOf(CLAIM_AND_TERM);
    assert.ok(ofRule(r, 'loaded-term').some(f => f.range.start >= copyStart));
    assert.ok(ofRule(r, 'unattributed-claim').some(f => f.range.start >= copyStart));
  });

  it('does not report a loaded term inside a line of web debris', () => {
    const line = 'Click here to read why the regime fell';
    const t = dump(['Prisoners moved before inspection', OTHER, line, THIRD]);
    const r = reviewWith(t);
    assert.deepEqual(ofRule(r, 'boilerplate').map(f => textOf(t, f)), [line]);
    assert.deepEqual(ofRule(r, 'loaded-term'), []);
    const off = reviewWith(t, o => (o.rules.boilerplate.enabled = false));
    assert.equal(ofRule(off, 'loaded-term').length, 1);
  });

  it('reports the web debris of a repeated article on the original only', () => {
    const first = ['Prisoners moved before inspection', OTHER, 'Share this article on Facebook', THIRD];
    const t = dump(first, ['Talks to resume in spring', CLAIM_AND_TERM], first);
    const r = reviewWith(t);
    const repeats = ofRule(r, 'repeated-passage');
    assert.equal(repeats.length, 1);
    assert.equal(repeats[0].data.kind, 'article');
    const debris = ofRule(r, 'boilerplate');
    assert.deepEqual(debris.map(f => f.range.start), [t.indexOf('Share this article')]);
    // Removing all web debris still removes it from the copy as well.
    assert.equal(removeAllWebDebris(r).length, 2);
  });

  it('gives the same findings in the editor as a fresh review while a copy is made and undone', () => {
    const options = defaultOptions();
    const reviewer = new Reviewer(options);
    const versions = [
      text,
      text.replace(THIRD, `${THIRD} And the regime reportedly agreed.`),
      text.replace(CLAIM_AND_TERM + '\n\n## Talks', 'The camp was emptied.\n\n## Talks'),
      text.replace(OTHER, CLAIM_AND_TERM),
      text,
    ];
    for (const v of versions) {
      const incremental = reviewer.review(v);
      const fresh = new Reviewer(options, false).review(v);
      assert.deepEqual(incremental.findings, fresh.findings);
    }
  });
});
