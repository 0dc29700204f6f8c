import * as assert from 'node:assert/strict';
import { applyEdits, fixAllEdits, removeAllRepeatedPassages, removeAllWebDebris } from '../../src/core/review/fixes';
import { Reviewer } from '../../src/core/review/review';
import { defaultOptions } from '../../src/core/options/defaults';
import { lineOf, ofRule, reviewWith, textOf } from './helpers';

// A small scraped dump written for these tests: Markdown headings (so that the titles do not depend
// on how headlines are told apart from debris), paragraphs between blank lines, a poll widget and
// other web debris inside the articles.
const POLL = ['Take our poll - story continues below', 'Should the pier be rebuilt?', '* Yes, rebuild it.', 'No, spend the money elsewhere.', 'Email *'];

function article(title: string, body: string[], debris: string[] = []): string {
  const lines = [`## ${title}`, '', body[0], '', ...debris.flatMap(d => [d, '']), ...body.slice(1).flatMap(b => [b, ''])];
  return lines.join('\n') + '\n';
}

const BODY_A = [
  'The council voted on Tuesday to close the old ferry pier after an inspection found deep cracks in its pillars.',
  'Repairs would cost more than the town spends on its schools in two years, the treasurer told the meeting.',
];
const BODY_B = [
  'Flood water covered the ring road on Sunday as the river rose a metre above its usual level after heavy rain.',
  'Shelters opened at the high school and at the community centre, and the county asked drivers to stay at home.',
];
const BODY_C = [
  'Early voting closed on Friday with more ballots cast than in any election since the town began counting them.',
  'Both candidates held rallies on Saturday, one in the market square and one at the old railway works.',
];

const DUMP =
  article('Harbour town votes to close its ferry pier', BODY_A, [...POLL, 'Advertisement']) + '\n' +
  article('River floods the ring road after three days of rain', BODY_B, ['Advertisement', 'Photo: Sam Sample/Getty Images']) + '\n' +
  article('Early voting ends with turnout near a record', BODY_C, ['Advertisement', 'Share this article on Facebook']);

const DEBRIS_LINES = [...POLL, 'Advertisement', 'Photo: Sam Sample/Getty Images', 'Share this article on Facebook'];

describe('boilerplate (web debris)', () => {
  it('reports each line of web debris once, at severity info, and never a title or a body line', () => {
    const r = reviewWith(DUMP);
    const found = ofRule(r, 'boilerplate');
    const lines = found.map(f => textOf(DUMP, f));
    assert.deepEqual([...new Set(lines)].sort(), [...DEBRIS_LINES].sort());
    assert.equal(lines.filter(l => l === 'Advertisement').length, 3);
    assert.ok(found.every(f => f.severity === 'info'));
    for (const a of r.articles) assert.ok(!found.some(f => f.range.start < a.titleRange.end && a.titleRange.start < f.range.end), a.title);
    const poll = found.find(f => textOf(DUMP, f) === 'Should the pier be rebuilt?')!;
    assert.equal(poll.data.evidence, 'context');
    assert.match(poll.message, /poll/);
  });

  it('does not report web debris again as repeated passages or near duplicates', () => {
    const body = ['Residents queued for an hour to speak at the meeting, and most of them asked the council to wait.', 'The vote was seven to two.'];
    const text = DUMP + '\n' + article('Residents react to the pier vote', body, POLL);
    const r = reviewWith(text);
    assert.deepEqual(ofRule(r, 'repeated-passage'), []);
    assert.deepEqual(ofRule(r, 'near-duplicate'), []);
    const off = reviewWith(text, o => (o.rules.boilerplate.enabled = false));
    assert.deepEqual(ofRule(off, 'boilerplate'), []);
    assert.ok(ofRule(off, 'repeated-passage').some(f => textOf(text, f).includes('Should the pier be rebuilt?')), 'with the rule off, repeats are as before');
  });

  it('still reports a real repeated paragraph next to debris', () => {
    const text = DUMP + '\n' + article('Pier decision questioned', [BODY_A[1], 'Residents said they had not been asked before the vote was taken on Tuesday night.'], ['Advertisement']);
    const repeats = ofRule(reviewWith(text), 'repeated-passage');
    assert.equal(repeats.length, 1);
    assert.equal(textOf(text, repeats[0]), BODY_A[1]);
  });

  it('"Remove line" removes the line and the blank line after it, nothing else', () => {
    const r = reviewWith(DUMP);
    const f = ofRule(r, 'boilerplate').find(x => textOf(DUMP, x) === 'Photo: Sam Sample/Getty Images')!;
    assert.equal(f.fixes![0].title, 'Remove line');
    const fixed = applyEdits(DUMP, f.fixes![0].edits);
    assert.equal(fixed, DUMP.replace('Photo: Sam Sample/Getty Images\n\n', ''));
  });

  it('removes whole lines in CRLF text, leaving its line breaks as they were', () => {
    const crlf = DUMP.replace(/\n/g, '\r\n');
    const fixed = applyEdits(crlf, removeAllWebDebris(reviewWith(crlf)));
    assert.equal(fixed, applyEdits(DUMP, removeAllWebDebris(reviewWith(DUMP))).replace(/\n/g, '\r\n'));
    assert.ok(!/\r(?!\n)|(?<!\r)\n/.test(fixed), 'only CRLF line breaks');
  });

  it('removing all web debris keeps every other line, and the result has no debris left', () => {
    const r = reviewWith(DUMP);
    const fixed = applyEdits(DUMP, removeAllWebDebris(r));
    const kept = DUMP.split('\n').filter(l => l.trim() && !DEBRIS_LINES.includes(l));
    assert.deepEqual(fixed.split('\n').filter(l => l.trim()), kept);
    assert.ok(!/\n\n\n(?!## )/.test(fixed), 'no extra blank lines inside articles');
    assert.deepEqual(ofRule(reviewWith(fixed), 'boilerplate'), []);
  });

  it('fix-all removes web debris only when fixAllRemovesWebDebris is set', () => {
    const text = DUMP + '\n' + article('Harbour town votes to close its ferry pier', BODY_A, [...POLL, 'Advertisement']);
    const plain = reviewWith(text);
    assert.deepEqual(fixAllEdits(plain, text), removeAllRepeatedPassages(plain));
    const withDebris = reviewWith(text, o => (o.fixAllRemovesWebDebris = true));
    const fixed = applyEdits(text, fixAllEdits(withDebris, text));
    // The same text as removing the debris from the dump without the copy (up to the blank lines that
    // a removal at the end of the text takes before it).
    assert.equal(fixed.trimEnd(), applyEdits(DUMP, removeAllWebDebris(reviewWith(DUMP))).trimEnd());
  });

  it('finds the same debris in the editor after each edit as a fresh review does', () => {
    const options = defaultOptions();
    const reviewer = new Reviewer(options);
    let text = DUMP;
    reviewer.review(text);
    // A recurring line appears in a third article only with the last edit.
    const edits: [string, string][] = [
      [BODY_A[0], `${BODY_A[0]}\nRelated links`],
      [BODY_B[0], `${BODY_B[0]}\nRelated links`],
      [BODY_C[0], `${BODY_C[0]}\nRelated links`],
      ['Email *', 'Email'],
    ];
    for (const [from, to] of edits) {
      text = text.replace(from, to);
      const incremental = reviewer.review(text);
      const fresh = new Reviewer(options, false).review(text);
      assert.deepEqual(incremental.findings, fresh.findings, `after replacing ${JSON.stringify(from)}`);
    }
    assert.equal(ofRule(reviewWith(text), 'boilerplate').filter(f => textOf(text, f) === 'Related links').length, 3);
  });

  it('counts the lines past the cap and removes them all the same', () => {
    const r = reviewWith(DUMP, o => (o.maxFindingsPerRule = 2));
    assert.equal(ofRule(r, 'boilerplate').length, 2);
    assert.equal(r.stats.truncated.boilerplate, DEBRIS_LINES.length + 2);
    assert.equal(removeAllWebDebris(r).length > 2, true);
    assert.equal(lineOf(DUMP, ofRule(r, 'boilerplate')[0].range.start), 5);
  });
});
