import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { LineIndex, foldPunctuation, normalizeForCompare, wordTokens } from '../../src/core/text/text';

describe('text', () => {
  it('converts offsets and positions with LF, CRLF and CR line breaks', () => {
    const text = 'ab\r\ncd\nef\rgh';
    const index = new LineIndex(text);
    assert.equal(index.lineCount, 4);
    assert.deepEqual(index.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(3), { line: 0, character: 2 }, 'between \\r and \\n is the end of the line');
    assert.deepEqual(index.positionAt(10), { line: 3, character: 0 });
    assert.equal(index.offsetAt({ line: 2, character: 1 }), 8);
    assert.equal(index.lineContentEnd(0), 2);
    assert.equal(index.lineEndWithBreak(0), 4);
  });

  it('counts columns in UTF-16 code units (astral characters take two)', () => {
    const text = '\u{1F600} Kiev';
    const index = new LineIndex(text);
    assert.deepEqual(index.positionAt(text.indexOf('Kiev')), { line: 0, character: 3 });
  });

  it('normalises quotes, dashes, whitespace, case and compatibility forms for comparison only', () => {
    assert.equal(normalizeForCompare('\u201CPeace\u201D \u2014  it\u2019s   HERE'), '"peace" - it\'s here');
    assert.equal(normalizeForCompare('\uFB01nal'), 'final', 'NFKC folds ligatures');
  });

  it('collapses every run of whitespace (any kind, any length) to one space, as its definition says', () => {
    const pieces = fc.constantFrom(' ', '  ', '\n', '\r\n', '\t', '\u00A0', '\u2028', '\u3000', 'a', 'B', '\u2019', '\u2014', '.', 'x y');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), parts => {
        const text = parts.join('');
        // eslint-disable-next-line no-control-regex -- the whole ASCII range, as normalizeForCompare tests it
        const nfkc = /[^\u0000-\u007F\u2018-\u201F\u2013\u2014\u00A0]/.test(text) ? text.normalize('NFKC') : text;
        assert.equal(normalizeForCompare(text), foldPunctuation(nfkc).replace(/\s+/g, ' ').trim().toLowerCase());
      }),
      { numRuns: 500 },
    );
  });

  it('keeps inner apostrophes in words and reports offsets into the original', () => {
    const tokens = wordTokens('People\u2019s  Republic-state');
    assert.deepEqual(tokens.map(t => t.norm), ["people's", 'republic', 'state']);
    assert.equal(tokens[1].start, 10);
  });
});
