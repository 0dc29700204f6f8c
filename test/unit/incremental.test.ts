import * as assert from 'node:assert/strict';
import { defaultOptions } from '../../src/core/options/defaults';
import { Reviewer, review } from '../../src/core/review/review';
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

describe('Reviewer: many edits in a row agree with fresh reviews', () => {
  // A dump full of near duplicates and repeats, so that edits change which paragraph is whose copy.
  function dump(): string {
    const topics = ['harbour', 'budget', 'flood', 'election', 'clinic', 'tram'];
    const parts: string[] = [];
    for (let i = 0; i < 120; i++) {
      const t = topics[i % topics.length];
      parts.push(`News about the ${t} number ${i % 9}`);
      parts.push(`Officials in the ${t} office said on Monday that the plan for the ${t} would cost ${i % 5} million and take ${i % 3 + 1} years, and critics argue it is too slow for residents.`);
      parts.push(`The ${t} committee reportedly met ${i % 4} times this month to discuss the ${t} plan, the timetable and the money that the council set aside for it last year.`);
    }
    return parts.join('\n\n') + '\n';
  }

  it('keeps the same findings and articles as a fresh review after each of 40 edits', () => {
    let text = dump();
    const reviewer = new Reviewer(defaultOptions());
    reviewer.review(text);
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let k = 0; k < 40; k++) {
      const at = Math.floor(random() * text.length);
      const kind = random();
      // Insert a character, delete a few, or paste a copy of a paragraph elsewhere.
      if (kind < 0.4) text = text.slice(0, at) + 'x' + text.slice(at);
      else if (kind < 0.8) text = text.slice(0, at) + text.slice(at + 3);
      else {
        const from = text.indexOf('\n\n', at);
        const to = text.indexOf('\n\n', from + 2);
        if (from > 0 && to > from) text = text + text.slice(from + 2, to) + '\n';
      }
      const incremental = reviewer.review(text);
      const fresh = review(text, defaultOptions());
      assert.deepEqual(incremental.findings, fresh.findings, `edit ${k}`);
      assert.deepEqual(incremental.articles, fresh.articles, `edit ${k}`);
    }
  });
});

describe('Reviewer: typing inside a paragraph', () => {
  it('shifts the previous structure instead of segmenting again, with the same result as a fresh review', () => {
    let text = sample;
    const reviewer = new Reviewer(defaultOptions());
    reviewer.review(text);
    let shifted = 0;
    for (let k = 0; k < 25; k++) {
      // Somewhere in the middle of a word of a body paragraph.
      const at = text.indexOf(' the ', Math.floor((text.length * (k + 1)) / 27)) + 2;
      text = text.slice(0, at) + (k % 3 === 0 ? '' : 'q') + text.slice(k % 3 === 0 ? at + 1 : at);
      const incremental = reviewer.review(text);
      if (reviewer.lastShifted) shifted++;
      const fresh = review(text, defaultOptions());
      assert.deepEqual(incremental.findings, fresh.findings, `edit ${k}`);
      assert.deepEqual(incremental.articles, fresh.articles, `edit ${k}`);
      assert.deepEqual(incremental.stats.paragraphs, fresh.stats.paragraphs);
    }
    // The structure is shifted only when the evidence of the edited line and of its neighbours
    // provably stays the same (segmentation/recheck.ts); a fresh segmentation otherwise.
    assert.ok(shifted >= 15, `shifted ${shifted} of 25`);
  });
});
