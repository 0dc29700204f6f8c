// A paragraph's sentences as the analysis keeps them: three numbers each (start, end, hash).
import * as assert from 'node:assert/strict';
import { analyzeParagraph } from '../../src/core/review/analysis';
import { compileLexicons } from '../../src/core/language/lexicon';
import { defaultOptions } from '../../src/core/options/defaults';
import { NO_HASH, sentenceCount, sentenceEnd, sentenceHash, sentenceStart } from '../../src/core/rules/paragraphAnalysis';

describe('sentence lists', () => {
  const options = defaultOptions();
  const lexicons = compileLexicons(options);
  const analyse = (text: string) => analyzeParagraph(text, options, lexicons).sentences;

  it('holds each sentence\'s range in the paragraph, and a hash only from minWords words', () => {
    const long = 'The council approved the harbour plan after a long debate on Tuesday.';
    const short = 'It was late.';
    const text = `${long} ${short} ${long}`;
    const list = analyse(text);
    assert.equal(sentenceCount(list), 3);
    const ranges = [0, 1, 2].map(i => text.slice(sentenceStart(list, i), sentenceEnd(list, i)));
    assert.deepEqual(ranges, [long, short, long]);
    assert.equal(sentenceHash(list, 1), NO_HASH);
    assert.notEqual(sentenceHash(list, 0), NO_HASH);
    assert.ok(sentenceHash(list, 0) >= 0);
    // The same words, the same hash; other words, another.
    assert.equal(sentenceHash(list, 2), sentenceHash(list, 0));
    const other = analyse('The council rejected the harbour plan after a long debate on Tuesday.');
    assert.notEqual(sentenceHash(other, 0), sentenceHash(list, 0));
  });

  it('is one plain array of numbers a paragraph, three a sentence', () => {
    const list = analyse('One sentence here with enough words to be hashed for repeats. Two.');
    assert.ok(Array.isArray(list));
    assert.equal(list.length, 3 * sentenceCount(list));
    for (const n of list) assert.equal(typeof n, 'number');
  });
});
