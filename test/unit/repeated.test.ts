import * as assert from 'node:assert/strict';
import { applyEdits, removeAllRepeatedPassages } from '../../src/core/review/fixes';
import { lineOf, ofRule, para, reviewWith, textOf } from './helpers';

const A = 'Harbour Plan Approved After Long Debate';
const B = 'Storm Closes Schools Across The Region';
const C = 'Rail Strike Called Off By Union Leaders';

describe('repeated-passage', () => {
  it('reports a repeated article as ONE finding covering it, with the original as related', () => {
    // Bodies that take up their headline's words, as real articles do (evidence for the headlines).
    const a = (t: string) => `The harbour plan ${para(t)}`;
    const b = (t: string) => `The storm and schools ${para(t)}`;
    const text = [A, a('a'), a('b'), a('c'), B, b('d'), b('e'), b('g'), b('h'), b('i'), b('j'), A, a('a'), a('b'), a('c'), C, `The rail strike ${para('f')}`].join('\n') + '\n';
    const r = reviewWith(text);
    const found = ofRule(r, 'repeated-passage');
    assert.equal(found.length, 1);
    const f = found[0];
    assert.equal(lineOf(text, f.range.start), 12);
    assert.equal(lineOf(text, f.range.end), 15);
    assert.equal(f.data.kind, 'article');
    assert.equal(lineOf(text, f.related![0].range.start), 1);
    assert.equal(lineOf(text, f.related![0].range.end), 4);
    assert.match(f.message, /Article #3 repeats article #1/);
    assert.equal(r.articles[2].duplicateOf, 1);
    assert.equal(r.articles[1].duplicateOf, null);
  });

  it('removing it deletes whole lines and leaves the rest byte-identical', () => {
    const before = [A, para('a'), para('b'), B, para('d')].join('\n') + '\n';
    const copy = [A, para('a'), para('b')].join('\n') + '\n';
    const after = [C, para('f')].join('\n') + '\n';
    const text = before + copy + after;
    const f = ofRule(reviewWith(text), 'repeated-passage')[0];
    const fixed = applyEdits(text, f.fixes![0].edits);
    assert.equal(fixed, before + after);
    assert.ok(f.fixes![0].preferred);
  });

  it('compares after normalising quotes, dashes, whitespace and case', () => {
    const original = 'The mayor said the \u201Cplan\u201D \u2014 long delayed \u2014 would start in May this year.';
    const copy = 'the MAYOR said  the "plan" - long delayed - would start in may this year.';
    const text = `${para('x')}\n\n${original}\n\n${para('y')}\n\n${copy}\n`;
    const found = ofRule(reviewWith(text), 'repeated-passage');
    assert.equal(found.length, 1);
    assert.equal(textOf(text, found[0]), copy, 'the finding points at the original text of the copy');
  });

  it('a run of consecutive repeated paragraphs is one finding; a break makes two', () => {
    const text = [para('a'), para('b'), para('c'), para('x'), para('a'), para('b'), para('y'), para('c')].join('\n\n') + '\n';
    const found = ofRule(reviewWith(text), 'repeated-passage');
    assert.equal(found.length, 2);
    assert.equal(found[0].data.kind, 'paragraphs');
    assert.match(found[0].message, /These 2 paragraphs repeat lines 1\u20133/);
    assert.equal(textOf(text, found[1]), para('c'));
  });

  it('a long sentence repeated inside another paragraph is a finding on that sentence', () => {
    const sentence = 'Long queues formed outside the central library before the polls opened.';
    const text = `First story\n\nIt rained. ${sentence} Officials were pleased.\n\nSecond story\n\nA different day began. ${sentence}\n`;
    const found = ofRule(reviewWith(text), 'repeated-passage');
    assert.equal(found.length, 1);
    assert.equal(textOf(text, found[0]), sentence);
    assert.equal(found[0].data.kind, 'sentence');
    const fixed = applyEdits(text, found[0].fixes![0].edits);
    assert.equal(fixed, `First story\n\nIt rained. ${sentence} Officials were pleased.\n\nSecond story\n\nA different day began.\n`);
  });

  it('short sentences (under minWords) are not reported; minWords is configurable', () => {
    const text = `Story one\n\nThe vote is close. Many things happened today in town.\n\nStory two\n\nOther news came. The vote is close.\n`;
    assert.equal(ofRule(reviewWith(text), 'repeated-passage').length, 0);
    assert.equal(ofRule(reviewWith(text, o => { o.minWords = 4; }), 'repeated-passage').length, 1);
  });

  it('all repeated passages removed at once, as non-overlapping edits, with CRLF kept', () => {
    const lines = [A, para('a'), para('b'), B, para('d'), A, para('a'), para('b'), C, para('f'), B, para('d')];
    const text = lines.join('\r\n') + '\r\n';
    const r = reviewWith(text);
    const edits = removeAllRepeatedPassages(r);
    assert.equal(edits.length, 2);
    for (let i = 1; i < edits.length; i++) assert.ok(edits[i - 1].range.end <= edits[i].range.start);
    assert.equal(applyEdits(text, edits), [A, para('a'), para('b'), B, para('d'), C, para('f')].join('\r\n') + '\r\n');
  });

  it('ranges count astral characters as two UTF-16 units', () => {
    const p = '\u{1F4F0} ' + para('z');
    const text = `${p}\n\n${para('q')}\n\n${p}\n`;
    const f = ofRule(reviewWith(text), 'repeated-passage')[0];
    assert.equal(textOf(text, f), p);
    assert.equal(f.range.start, text.lastIndexOf(p));
  });

  it('removing the last paragraph of a blank-line file takes the blank line before it', () => {
    const text = `${para('a')}\n\n${para('b')}\n\n${para('a')}`;
    const f = ofRule(reviewWith(text), 'repeated-passage')[0];
    assert.equal(applyEdits(text, f.fixes![0].edits), `${para('a')}\n\n${para('b')}\n`);
  });
});
