import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { LineIndex, foldPunctuation, hash32, normalizeForCompare, wordTokens } from '../../src/core/text/text';
import { segment } from '../../src/core/segmentation/segment';
import { dump } from './generators';
import { runParameters } from './properties';

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

  it('gives the whole lines a range lies on, line breaks of every kind included', () => {
    const text = 'ab\r\n  cd ef \ngh\rij';
    const index = new LineIndex(text);
    assert.deepEqual(index.wholeLines({ start: 6, end: 11 }), { start: 4, end: 13 }, 'one line, indented: from its start to after its break');
    assert.deepEqual(index.wholeLines({ start: 0, end: 10 }), { start: 0, end: 13 }, 'two lines');
    assert.deepEqual(index.wholeLines({ start: 16, end: 18 }), { start: 16, end: 18 }, 'the last line runs to the end of the text');
    assert.deepEqual(index.wholeLines({ start: 6, end: 6 }), { start: 4, end: 13 }, 'an empty range: its line');
  });

  it('a paragraph\'s whole lines hold it and only blank space besides, one paragraph\'s after another\'s', () => {
    fc.assert(
      fc.property(dump, text => {
        const lines = new LineIndex(text);
        let previousEnd = 0;
        for (const p of segment(text, lines).paragraphs) {
          const whole = lines.wholeLines(p.range);
          assert.ok(whole.start <= p.range.start && p.range.end <= whole.end);
          assert.equal(whole.start, lines.lineStart(lines.lineAt(whole.start)), 'starts a line');
          assert.match(text.slice(whole.start, p.range.start), /^[^\S\r\n]*$/, 'before it on its first line: spaces only');
          assert.match(text.slice(p.range.end, whole.end), /^[^\S\r\n]*(\r\n|\r|\n)?$/, 'after it: spaces and its line break');
          assert.ok(whole.start >= previousEnd, 'after the previous paragraph\'s lines');
          previousEnd = whole.end;
        }
      }),
      runParameters(100),
    );
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

  it('finds the words a plain Unicode pattern finds, each with its lower-case form and that form\'s hash', () => {
    // The words as the tokeniser's comment defines them: letters, digits and marks, with inner
    // apostrophes, straight or curly (folded to straight in the form).
    const reference = (text: string) =>
      [...text.matchAll(/[\p{L}\p{N}\p{M}]+(?:['\u2019][\p{L}\p{N}\p{M}]+)*/gu)].map(m => {
        const norm = m[0].toLowerCase().replace(/\u2019/g, "'");
        return { norm, hash: hash32(norm), start: 7 + m.index, end: 7 + m.index + m[0].length };
      });
    // Characters where the fast ASCII path and the rest meet: capitals, apostrophes of both kinds
    // at a word's edges and inside it, accented letters, combining marks, a letter outside the
    // basic plane, dashes, quotes and no-break spaces.
    const pieces = ['a', 'Z', 'q', '7', "'", '\u2019', ' ', '-', '\u00e9', '\u00c9', 'e\u0301', '\u{1d49c}', '\u{1f600}', '\u2014', '\u201c', '\u00a0', '.', '\u5317'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), parts => {
        const text = parts.join('');
        assert.deepEqual(wordTokens(text, 7), reference(text));
      }),
      runParameters(1000),
    );
  });
});
