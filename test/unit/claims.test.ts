import * as assert from 'node:assert/strict';
import { applyEdits } from '../../src/core/fixes';
import { ofRule, reviewWith, textOf } from './helpers';

function claims(text: string, change?: Parameters<typeof reviewWith>[1]) {
  return ofRule(reviewWith(text, change), 'unattributed-claim').map(f => textOf(text, f));
}

describe('unattributed-claim', () => {
  it('flags hedges wherever they stand outside a named speaker\u2019s quote', () => {
    assert.deepEqual(claims('The minister reportedly resigned on Friday.'), ['reportedly']);
    assert.deepEqual(claims('The mayor allegedly took bribes, the prosecutor said.'), ['allegedly']);
    assert.deepEqual(claims('The company is said to be considering a sale.'), ['is said to']);
    assert.deepEqual(claims('According to reports, the deal collapsed.'), ['According to reports']);
  });

  it('flags vague sources only when the sentence names no source', () => {
    assert.deepEqual(claims('Media reports indicated that the talks had stalled.'), ['Media reports indicated']);
    assert.deepEqual(claims('Sources say the plan will be delayed.'), ['Sources say']);
    assert.deepEqual(claims('Critics argue the tax is unfair.'), ['Critics argue']);
    assert.deepEqual(claims('Officials said the bridge would reopen.'), ['Officials said']);
    assert.deepEqual(claims('The bridge will reopen, officials said, according to the Transport Ministry.'), []);
    assert.deepEqual(claims('Sources say the plan will be delayed, Reuters reported.'), []);
  });

  it('does not flag named attributions or officials doing something other than speaking', () => {
    assert.deepEqual(claims('The Kremlin said the talks would continue.'), []);
    assert.deepEqual(claims('According to the FSB, two suspects were detained.'), []);
    assert.deepEqual(claims('US officials were discussing the proposal in Geneva.'), []);
    assert.deepEqual(claims('Immigration officials have processed the requests.'), []);
  });

  it('does not flag a cue inside a direct quote by a named speaker', () => {
    assert.deepEqual(claims('\u201CThe suspects reportedly fled abroad,\u201D police chief Anna Berg said.'), []);
    assert.deepEqual(claims('\u201CThe suspects reportedly fled abroad,\u201D a witness told reporters.'), ['reportedly']);
  });

  it('offers to mark the claim [attribution needed] at the end of its sentence', () => {
    const text = 'The minister reportedly resigned on Friday. Nothing else happened.';
    const f = ofRule(reviewWith(text), 'unattributed-claim')[0];
    assert.equal(f.fixes![0].title, 'Mark as [attribution needed]');
    assert.equal(applyEdits(text, f.fixes![0].edits), 'The minister reportedly resigned on Friday [attribution needed]. Nothing else happened.');
    assert.equal(f.data.kind, 'hedge');
    assert.equal(f.data.insertAt, text.indexOf('. Nothing'));
  });

  it('silenced cues are not reported', () => {
    const text = 'The minister reportedly resigned. Sources say he left.';
    assert.deepEqual(claims(text, o => { o.ignoredCues = ['Reportedly']; }), ['Sources say']);
  });

  it('can be switched off and its severity set', () => {
    const text = 'The minister reportedly resigned.';
    assert.equal(claims(text, o => { o.rules['unattributed-claim'].enabled = false; }).length, 0);
    const r = reviewWith(text, o => { o.rules['unattributed-claim'].severity = 'warning'; });
    assert.equal(ofRule(r, 'unattributed-claim')[0].severity, 'warning');
  });
});
