// Stock text across files (src/core/collection/stockText.ts): a publication's labelled notes and
// short stock sentences that unrelated articles of different files share are no pasted passage,
// while a real pasted paragraph still is. The dumps are written for this test.
import * as assert from 'assert';
import { LONE_SENTENCE_WORDS, isLabelledNote, isLoneStockSentence } from '../../src/core/collection/stockText';
import { defaultOptions } from '../../src/core/options/defaults';
import { applyEdits, removeAllRepeatedPassages } from '../../src/core/review/fixes';
import { countWords } from '../../src/core/text/text';
import { pointsIntoOtherFile, reviewCollection } from './collectionReview';

const NOTE = 'Editor\u2019s note: this outlet opposes the construction of the northern bypass and has said so in several leader columns since the plan was first published.';
const STOCK = 'The county has forty-one seats on its council.';
const PASTED = 'Residents of the three villages along the proposed route collected nearly four thousand signatures against the bypass, which they say would cut farms in half and bring lorries past two schools.';

const BYPASS = [
  'Council backs northern bypass',
  'The county council voted by twenty-three votes to eighteen on Thursday to back the northern bypass, a road of eleven miles that would take traffic out of the market town.',
  PASTED,
  STOCK,
  NOTE,
];
const POOL = [
  'Swimming pool to reopen after repairs',
  'The public swimming pool on the station road will reopen on Saturday after four months of repairs to its roof and filters, the leisure trust said.',
  'Season tickets bought before the closure will be extended by four months, and swimming lessons for children resume the following week.',
  STOCK,
  NOTE,
];
const PROTEST = [
  'Villagers march against the bypass',
  'About six hundred people marched from the church to the county hall on Saturday to protest against the northern bypass approved by the council last week.',
  PASTED,
  'Organisers said they would ask the transport minister to call the plan in for a public inquiry before any land is bought.',
];

const dump = (...articles: string[][]) => articles.map(a => a.join('\n\n')).join('\n\n\n');

describe('collections: stock text is not a pasted passage', () => {
  it('knows a labelled note by its label, not by its words', () => {
    for (const yes of [NOTE, 'EDITORS\' NOTE \u2014 An earlier version of this story gave the wrong date for the vote.', 'Disclosure: the author owns shares in the leisure trust.', 'Note to readers: comments are closed on this article.', '*Correction:* the pool reopens on Saturday, not Sunday.']) {
      assert.ok(isLabelledNote(yes), yes);
    }
    for (const no of ['Notes taken at the meeting show the vote was close.', 'The correction of the figures took the trust a month.', 'Note the date: the pool reopens on Saturday', 'He wrote a note: nothing more.']) {
      assert.ok(!isLabelledNote(no), no);
    }
  });

  it('calls a lone sentence stock only when it is short', () => {
    assert.ok(isLoneStockSentence(STOCK, countWords(STOCK)));
    assert.ok(countWords(PASTED) >= LONE_SENTENCE_WORDS);
    assert.ok(!isLoneStockSentence(PASTED, countWords(PASTED)));
    const two = 'The vote was close. Two members abstained.';
    assert.ok(!isLoneStockSentence(two, countWords(two)), 'two sentences are not one stock line');
  });

  it('reports the pasted paragraph across files, not the note or the stock sentence, and Remove All keeps them', () => {
    const options = defaultOptions();
    const files = [
      { path: 'day1.txt', text: dump(BYPASS) },
      { path: 'day2.txt', text: dump(POOL, PROTEST) },
    ];
    const reviews = reviewCollection(files, options);
    const across = reviews[1].findings.filter(pointsIntoOtherFile);
    const reported = across.map(f => files[1].text.slice(f.range.start, f.range.end));
    assert.deepStrictEqual(reported, [PASTED], `findings into day1.txt: ${JSON.stringify(reported)}`);
    const fixed = applyEdits(files[1].text, removeAllRepeatedPassages(reviews[1]));
    assert.ok(!fixed.includes(PASTED), 'the pasted paragraph is removed');
    assert.ok(fixed.includes(NOTE) && fixed.includes(STOCK), 'the note and the stock sentence stay');
  });
});
