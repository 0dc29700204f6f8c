import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { changesOf, compareWords, similarityInOrder } from '../../src/core/rules/nearDuplicate';
import { lineOf, ofRule, para, reviewWith, textOf } from './helpers';
import { runParameters } from './properties';

const ORIGINAL = 'Health officials at the county clinic counted three new measles cases this week, and vaccination rates in the district have fallen for a second year in a row.';
const EDITED = 'Health officials at the county clinic counted four new measles cases this week, and vaccination rates in the district have dropped for a second year in a row.';

describe('near-duplicate', () => {
  it('finds a light edit of an earlier paragraph and says how similar and what differs', () => {
    const text = `Measles cases rise\n\n${ORIGINAL}\n\n${para('a')}\n\nClinics extend hours\n\n${para('b')}\n\n${EDITED}\n`;
    const found = ofRule(reviewWith(text), 'near-duplicate');
    assert.equal(found.length, 1);
    const f = found[0];
    assert.equal(textOf(text, f), EDITED);
    assert.equal(lineOf(text, f.related![0].range.start), 3);
    assert.match(f.message, /\d+% similar/);
    assert.match(f.message, /\u201Cthree\u201D \u2192 \u201Cfour\u201D/);
    assert.match(f.message, /\u201Cfallen\u201D \u2192 \u201Cdropped\u201D/);
    assert.ok(f.data.similarity > 0.85 && f.data.similarity < 1);
    assert.equal(f.fixes![0].title, 'Remove near duplicate');
  });

  it('the threshold is configurable', () => {
    const text = `${ORIGINAL}\n\n${para('a')}\n\n${EDITED}\n`;
    assert.equal(ofRule(reviewWith(text, o => { o.nearDuplicateThreshold = 0.99; }), 'near-duplicate').length, 0);
    assert.equal(ofRule(reviewWith(text, o => { o.nearDuplicateThreshold = 0.8; }), 'near-duplicate').length, 1);
  });

  it('exact repeats are repeated passages, not near duplicates; unrelated paragraphs are neither', () => {
    const text = `${ORIGINAL}\n\n${para('a')}\n\n${ORIGINAL}\n\n${para('b', 30)}\n`;
    const r = reviewWith(text);
    assert.equal(ofRule(r, 'near-duplicate').length, 0);
    assert.equal(ofRule(r, 'repeated-passage').length, 1);
  });

  it('a near duplicate does not also produce repeated-sentence findings', () => {
    const first = `${ORIGINAL} The clinic will open on Saturdays from next month onwards for families.`;
    const second = `${EDITED} The clinic will open on Saturdays from next month onwards for families.`;
    const r = reviewWith(`${first}\n\n${para('a')}\n\n${second}\n`);
    assert.equal(ofRule(r, 'near-duplicate').length, 1);
    assert.equal(ofRule(r, 'repeated-passage').length, 0);
  });

  it('a paragraph that differs only in punctuation is a near duplicate that says so', () => {
    const first = 'The mayor said on Monday that the new ferry timetable would start in May after months of delay and debate.';
    const second = 'The mayor said, on Monday, that the new ferry timetable would start in May, after months of delay and debate.';
    const found = ofRule(reviewWith(`${first}\n\n${para('a')}\n\n${second}\n`), 'near-duplicate');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /100% similar\): only the punctuation differs/);
  });

  it('compareWords measures word-level similarity and gives up below the threshold', () => {
    assert.equal(compareWords('a b c d', 'a b c d')!.similarity, 1);
    const cmp = compareWords('one two three four five', 'one two THREE four six')!;
    assert.equal(cmp.similarity, 0.8);
    const changes = changesOf('one two three four five', 'one two THREE four six');
    assert.deepEqual(changes.map(c => [c.removed, c.added]), [['five', 'six']]);
    assert.equal(compareWords('one two three four five', 'six seven eight nine ten', 0.5), null);
  });

  it('similarityInOrder is Dice over the longest common subsequence, at any threshold, on word ranges', () => {
    // The longest common subsequence by the textbook table, to check the bit-parallel one and the
    // shared-words bound it stops at: neither may change a decision.
    const lcs = (a: number[], b: number[]) => {
      const row = new Array<number>(b.length + 1).fill(0);
      for (const x of a) {
        let diagonal = 0;
        for (let j = 1; j <= b.length; j++) {
          const above = row[j];
          row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(row[j], row[j - 1]);
          diagonal = above;
        }
      }
      return row[b.length];
    };
    // Few distinct words, and paragraph-sized lists, so that pairs near every threshold come up.
    const words = fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 40, size: 'max' });
    const thresholds = fc.oneof(fc.constantFrom(0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 1), fc.double({ min: 0, max: 1, noNaN: true }));
    fc.assert(
      fc.property(words, words, fc.nat(5), fc.nat(5), thresholds, (a, b, padA, padB, threshold) => {
        const total = a.length + b.length;
        const similarity = total === 0 ? 1 : (2 * lcs(a, b)) / total;
        const expected = similarity >= threshold ? { similarity } : null;
        // The same words inside longer arrays, as the rule reads them from each paragraph's comparison array.
        const inA = [...new Array<number>(padA).fill(99), ...a, 98];
        const inB = [...new Array<number>(padB).fill(97), ...b];
        assert.deepEqual(similarityInOrder(inA, padA, padA + a.length, inB, padB, padB + b.length, threshold), expected);
        assert.deepEqual(compareWords({ hashes: a }, { hashes: b }, threshold), expected);
      }),
      runParameters(300),
    );
  });

  it('with bounded candidates (never all pairs) still finds the light edits among many similar paragraphs', () => {
    const paragraphs: string[] = [];
    for (let i = 0; i < 3000; i++) paragraphs.push(`Item ${i} of the council agenda covers road repairs in ward ${i % 17} and a budget line of ${i * 3} thousand.`);
    const r = reviewWith(paragraphs.join('\n\n'), o => { o.maxFindingsPerRule = 10000; });
    const found = ofRule(r, 'near-duplicate');
    // Each paragraph differs from the others in three numbers only (86% similar).
    assert.ok(found.length >= 2900, `found ${found.length}`);
    assert.ok(found.every(f => f.related!.length === 1 && f.related![0].range.start < f.range.start));
  });
});
