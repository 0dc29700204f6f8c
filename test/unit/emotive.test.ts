// Emotive wording: a category of loaded-term drawn from natural's sentiment lexicons, judged in context.
import * as assert from 'node:assert/strict';
import { emotiveEntry } from '../../src/core/language/emotive';
import { applyEdits } from '../../src/core/review/fixes';
import { ofRule, reviewWith, textOf } from './helpers';

type Change = Parameters<typeof reviewWith>[1];

function emotive(text: string, change?: Change) {
  return ofRule(reviewWith(text, change), 'loaded-term').filter(f => f.data.category === 'emotive-wording');
}

function words(text: string, change?: Change): string[] {
  return emotive(text, change).map(f => textOf(text, f));
}

describe('emotive wording', () => {
  it('flags adjectives, adverbs and verbs of strong feeling in the writer\u2019s voice, one severity below loaded terms', () => {
    const text = 'The council approved a ridiculous plan after a horrible week.';
    const found = emotive(text);
    assert.deepEqual(found.map(f => textOf(text, f)), ['ridiculous', 'horrible']);
    for (const f of found) {
      assert.equal(f.severity, 'hint');
      assert.equal(f.data.category, 'emotive-wording');
    }
  });

  it('explains each word from the lexicons that score it', () => {
    const [f] = emotive('Residents called the meeting after a horrible week.');
    assert.match(f.message, /\u201Chorrible\u201D \(emotive wording\)/);
    assert.match(f.message, /strongly negative adjective/);
    assert.match(f.message, /AFINN-165 -3/);
    assert.match(f.message, /Pattern polarity -1, subjectivity 1/);
    assert.match(f.message, /tells the reader what to feel/);
  });

  it('never flags the words news uses to state facts', () => {
    const text = 'Two people were killed and five arrested after the attack; police said the violence began at noon and the abuse lasted years.';
    assert.deepEqual(words(text), []);
    for (const w of ['killed', 'arrested', 'attack', 'violence', 'abuse', 'injured', 'crisis']) assert.equal(emotiveEntry(w), undefined, w);
  });

  it('offers to remove a modifier, mending the article before it', () => {
    const text = 'It was an awful mess. The plan is simply ridiculous.';
    const [mess, plan] = emotive(text);
    assert.equal(mess.fixes![0].title, 'Remove \u00ABawful\u00BB');
    assert.equal(applyEdits(text, mess.fixes![0].edits), 'It was a mess. The plan is simply ridiculous.');
    // A predicative adjective is no modifier: it is attributed or rewritten, not removed.
    assert.deepEqual(plan.fixes, []);
    assert.match(plan.message, /Attribute the judgement/);
  });

  it('removes an adverb with its space', () => {
    const text = 'The board behaved stupidly during the vote.';
    const f = emotive(text).find(x => textOf(text, x) === 'stupidly');
    if (!f) assert.fail(`stupidly not flagged: ${JSON.stringify(words(text))}`);
    assert.equal(applyEdits(text, f.fixes![0].edits), 'The board behaved during the vote.');
  });

  it('is one severity lower inside a quotation, in attributed speech and after a negation (nothing below hint)', () => {
    const quoted = 'The mayor called it \u201Ca ridiculous plan\u201D on Monday.';
    const attributed = 'The plan is ridiculous, Mayor Anna Brook said.';
    const negated = 'The plan is not ridiculous.';
    for (const text of [quoted, attributed, negated]) assert.deepEqual(words(text), [], text);
    const info = (o: Parameters<NonNullable<Change>>[0]) => { o.emotiveSeverity = 'info'; };
    for (const text of [quoted, attributed, negated]) assert.deepEqual(emotive(text, info).map(f => f.severity), ['hint'], text);
    assert.deepEqual(emotive('The plan is ridiculous.', info).map(f => f.severity), ['info']);
    assert.equal(emotive(negated, info)[0].data.negated, true);
  });

  it('lowers only the words a named source is reported as saying, not the writer\u2019s framing around them', () => {
    const info = (o: Parameters<NonNullable<Change>>[0]) => { o.emotiveSeverity = 'info'; };
    const severities = (text: string) => emotive(text, info).map(f => `${textOf(text, f)}:${f.severity}`);
    assert.deepEqual(severities('In a ridiculous twist, Mayor Anna Brook said the plan was horrible.'), ['ridiculous:info', 'horrible:hint']);
    assert.deepEqual(severities('The plan was horrible, Mayor Anna Brook said in a ridiculous speech.'), ['horrible:hint', 'ridiculous:info']);
    assert.deepEqual(severities('The plan was horrible, said Mayor Anna Brook.'), ['horrible:hint']);
  });

  it('reads names and headlines from capitals, and takes verbs too', () => {
    // Capitalised inside a sentence: part of a name; in a title-case headline, a word like any other.
    assert.deepEqual(words('They met at the Grim Street office.'), []);
    assert.deepEqual(words('The outlook was grim.'), ['grim']);
    assert.deepEqual(words('Council Unveils Ridiculous Parking Plan'), ['Ridiculous']);
    assert.equal(emotiveEntry('betray')?.pos, 'v');
    assert.deepEqual(words('Some members betray the voters who elected them.'), ['betray']);
  });

  it('leaves a word to the curated lexicon when both know it, and can be switched off', () => {
    const text = 'It was a horrific and horrible week.';
    const all = ofRule(reviewWith(text), 'loaded-term');
    assert.deepEqual(all.map(f => [textOf(text, f), f.data.category]), [['horrific', 'sensational'], ['horrible', 'emotive-wording']]);
    assert.deepEqual(words(text, o => { o.emotiveWording = false; }), []);
    assert.deepEqual(words(text, o => { o.ignoredTerms = ['horrible']; }), []);
  });
});

describe('emotive wording: names and named speakers', () => {
  it('a capitalised word opening a sentence is a name when a verb of saying follows or it is capitalised elsewhere', () => {
    assert.deepEqual(words('Lynch said the council would meet again in May.'), []);
    assert.deepEqual(words('The vote was close. Lynch thanked the staff. On Friday the attorney general, Mara Lynch, will speak again.'), []);
    // Opening a sentence with nothing to show it is a name, it is a word like any other.
    assert.deepEqual(words('Horrible weather closed the port.'), ['Horrible']);
  });

  it('in words a named speaker is quoted or reported as saying it is a hint at most, whatever the severity', () => {
    const warning = (o: Parameters<NonNullable<Change>>[0]) => { o.emotiveSeverity = 'warning'; };
    assert.deepEqual(emotive('The plan was horrible, Mayor Anna Brook said.', warning).map(f => f.severity), ['hint']);
    assert.deepEqual(emotive('\u201CWe lost,\u201D Brook said. \u201CThe plan was horrible.\u201D', warning).map(f => f.severity), ['hint']);
    // A quotation with no named speaker is one lower; the writer's own word keeps its severity.
    assert.deepEqual(emotive('\u201CThe plan was horrible,\u201D a neighbour said.', warning).map(f => f.severity), ['info']);
    assert.deepEqual(emotive('The plan was horrible.', warning).map(f => f.severity), ['warning']);
  });

  it('offers no removal inside someone else\u2019s words', () => {
    const info = (o: Parameters<NonNullable<Change>>[0]) => { o.emotiveSeverity = 'info'; };
    const [f] = emotive('\u201CIt was an awful mess,\u201D a neighbour said.', info);
    assert.deepEqual(f.fixes, []);
    assert.doesNotMatch(f.message, /Remove it/);
  });
});
