// The defects of issue 7, each reproduced from the engine's public API: incremental reviews that
// kept stale facts, and "remove all" edits that dropped a repeat or took unique text.
import * as assert from 'node:assert/strict';
import { defaultOptions } from '../../src/core/options/defaults';
import { applyEdits, removeAllRepeatedPassages } from '../../src/core/review/fixes';
import { Reviewer, review } from '../../src/core/review/review';
import { ofRule, para, reviewWith } from './helpers';

const S = "The young man's family said in a statement that he was unarmed.";
const A = 'The council approved the new harbour budget after a long debate on Tuesday.';
const B = 'Residents of the old town complained about the noise from the building site.';
const Z = 'A spokesman for the police said the road would reopen before the weekend.';

function edited(text: string, at: number, removed: number, inserted: string): string {
  return text.slice(0, at) + inserted + text.slice(at + removed);
}

describe('incremental review after an edit equals a fresh review', () => {
  it('an edit to one copy of a sentence repeated in its own paragraph drops the stale repeat', () => {
    const before = `Harbour plan approved\n\nOfficials met on Monday. ${S} Media reports differed. ${S}\n`;
    const after = edited(before, before.lastIndexOf('young'), 'young'.length, 'elderly');
    const reviewer = new Reviewer(defaultOptions());
    assert.equal(ofRule(reviewer.review(before), 'repeated-passage').length, 1);
    const incremental = reviewer.review(after);
    assert.ok(reviewer.lastShifted, 'the edit took the incremental path');
    assert.deepEqual(incremental.findings, review(after).findings);
    // Remove All on the incremental review keeps the edited, now unique, sentence.
    const fixed = applyEdits(after, removeAllRepeatedPassages(incremental));
    assert.ok(fixed.includes("The elderly man's family"), fixed);
  });

  it('an edit that makes a paragraph repeat its own sentence is found at once', () => {
    const other = S.replace('young', 'elderly');
    const before = `Harbour plan approved\n\nOfficials met on Monday. ${S} Media reports differed. ${other}\n`;
    const after = edited(before, before.lastIndexOf('elderly'), 'elderly'.length, 'young');
    const reviewer = new Reviewer(defaultOptions());
    reviewer.review(before);
    assert.deepEqual(reviewer.review(after).findings, review(after).findings);
    assert.equal(ofRule(review(after), 'repeated-passage').length, 1);
  });

  for (const [where, at] of [['end', 'Heading'.length], ['start', 0]] as const) {
    it(`typing at the very ${where} of a title changes the title`, () => {
      const before = 'Heading\nThe minister said that talks would resume in the spring.\n\n';
      const after = edited(before, at, 0, 'z');
      const reviewer = new Reviewer(defaultOptions());
      reviewer.review(before);
      const incremental = reviewer.review(after);
      assert.deepEqual(incremental.articles, review(after).articles);
      assert.equal(incremental.articles[0].title, at === 0 ? 'zHeading' : 'Headingz');
    });
  }
});

describe('remove all repeated passages', () => {
  it('merges removals that overlap instead of dropping one: [A, B, Z, B, A] keeps A, B, Z once', () => {
    const text = [A, B, Z, B, A].join('\n\n');
    const r = review(text);
    assert.equal(ofRule(r, 'repeated-passage').length, 2);
    const fixed = applyEdits(text, removeAllRepeatedPassages(r));
    assert.equal(fixed, [A, B, Z].join('\n\n') + '\n');
    assert.equal(ofRule(review(fixed), 'repeated-passage').length, 0);
  });

  it('removes every repeat, also those past maxFindingsPerRule (the cap is only for display)', () => {
    const originals = [1, 2, 3, 4, 5, 6].map(i => para(`topic${i}x`));
    const text = [...originals, para('middle'), ...originals.map((p, i) => `${para(`gap${i}y`)}\n\n${p}`)].join('\n\n') + '\n';
    const r = reviewWith(text, o => { o.maxFindingsPerRule = 2; });
    assert.equal(ofRule(r, 'repeated-passage').length, 2);
    assert.equal(r.stats.truncated['repeated-passage'], 6);
    const fixed = applyEdits(text, removeAllRepeatedPassages(r));
    assert.equal(fixed, [...originals, para('middle'), ...originals.map((_, i) => para(`gap${i}y`))].join('\n\n') + '\n');
  });

  it("keeps a repeated article's own header lines (they exist only once)", () => {
    const body = `${A}\n\n${B}`;
    const second = 'Title: Flood warning issued for the Marrow\nDate: 2025-02-02\nURL: https://news.example/2\n\n';
    const text = `Title: Budget approved\nDate: 2025-01-01\n\n${body}\n\n---\n\n${second}${body}\n`;
    const r = review(text);
    const found = ofRule(r, 'repeated-passage');
    assert.equal(found.length, 1);
    const fixed = applyEdits(text, removeAllRepeatedPassages(r));
    for (const line of second.split('\n').filter(Boolean)) assert.ok(fixed.includes(line), `kept ${line}`);
    assert.equal(fixed.split(A).length - 1, 1, 'the repeated body is gone');
    assert.equal(fixed.split(B).length - 1, 1);
  });

  it('keeps a line between the paragraphs of a repeated run that the original does not hold', () => {
    // Web debris is not compared, so the run goes on over it; only the copy of the label goes.
    const text = [para('a'), para('b'), 'Advertisement', para('c'), para('x'), para('b'), 'Advertisement', 'Skip to content', para('c'), para('y')].join('\n\n') + '\n';
    const r = review(text);
    assert.equal(ofRule(r, 'repeated-passage').length, 1);
    const fixed = applyEdits(text, removeAllRepeatedPassages(r));
    assert.equal(fixed, [para('a'), para('b'), 'Advertisement', para('c'), para('x'), 'Skip to content', para('y')].join('\n\n') + '\n');
  });

  it('removes a repeated article whole when its header lines repeat the original too', () => {
    const article = `Title: Budget approved\nDate: 2025-01-01\n\n${A}\n\n${B}`;
    const text = `${article}\n\n---\n\nTitle: Rail strike\n\n${Z}\n\n---\n\n${article}\n`;
    const fixed = applyEdits(text, removeAllRepeatedPassages(review(text)));
    assert.equal(fixed, `${article}\n\n---\n\nTitle: Rail strike\n\n${Z}\n`);
  });
});
