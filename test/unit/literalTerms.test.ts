// User terms with punctuation are matched as literal text (issue 7): never as a regular expression,
// with word boundaries only at an end that is a letter or digit, and in linear time.
import * as assert from 'node:assert/strict';
import { isPlainPhrase } from '../../src/core/language/literal';
import { ofRule, reviewWith, textOf } from './helpers';

function found(text: string, term: string): string[] {
  const r = reviewWith(text, o => { o.terms = [{ term, suggestions: ['something else'] }]; });
  return ofRule(r, 'loaded-term').filter(f => f.data.term === term).map(f => textOf(text, f));
}

describe('user terms with punctuation', () => {
  it('U.S., 9/11, a.b, x|y and (a+)+$ match as the text they are, case-insensitively', () => {
    assert.deepEqual(found('Officials in the U.S. and the u.s. said so.', 'U.S.'), ['U.S.', 'u.s.']);
    assert.deepEqual(found('The 9/11 report and 19/11 and 9/112 differ.', '9/11'), ['9/11']);
    assert.deepEqual(found('Files a.b, xa.b and a.bc and a b.', 'a.b'), ['a.b']);
    assert.deepEqual(found('Choose x|y or x or y, not x y.', 'x|y'), ['x|y']);
    assert.deepEqual(found('The pattern (a+)+$ appears once; aaa does not match it.', '(a+)+$'), ['(a+)+$']);
  });

  it('a term that starts or ends with punctuation needs no word boundary there', () => {
    assert.deepEqual(found('We use C++ daily; C++11 too.', 'C++'), ['C++', 'C++']);
    assert.deepEqual(found('Trending: #breaking and #breakingnews.', '#breaking'), ['#breaking']);
  });

  it('white space in a term matches any run of white space, tabs included; curly quotes fold', () => {
    assert.deepEqual(found('The so-called U.S.\tofficials and U.S.  officials left.', 'U.S. officials'), ['U.S.\tofficials', 'U.S.  officials']);
    assert.deepEqual(found('The \u201Cexperts\u201D said.', '"experts"'), ['\u201Cexperts\u201D']);
  });

  it('plain words still go to the word matcher (possessives, hyphens); others are literal', () => {
    assert.ok(isPlainPhrase('Kiev'));
    assert.ok(isPlainPhrase('people\u2019s republic'));
    assert.ok(isPlainPhrase('so-called experts'));
    for (const t of ['U.S.', '9/11', 'a.b', 'x|y', '(a+)+$', 'C++', 'maybe?']) assert.ok(!isPlainPhrase(t), t);
    assert.deepEqual(found('Kiev\u2019s mayor.', 'Kiev'), ['Kiev']);
  });

  it('stays fast on a text built to make a regular expression backtrack', () => {
    const text = 'a'.repeat(200_000) + 'b';
    const t0 = performance.now();
    assert.deepEqual(found(text, '(a+)+$'), []);
    const ms = performance.now() - t0;
    assert.ok(ms < 1000, `${ms.toFixed(0)} ms`);
  });
});
