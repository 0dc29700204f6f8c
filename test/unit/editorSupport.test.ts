// The engine pieces behind the editor's daily tools: single ignored occurrences (fingerprint of
// term + sentence, validated, merged, honoured by both rules), config text edits that keep the
// file's formatting, recognising our own reports, and the overview counts.
import * as assert from 'node:assert/strict';
import { ConfigError, resolveOptions, validateOptions } from '../../src/core/options/config';
import { addListEntry, detectFormatting, listItems, removeListEntry } from '../../src/core/options/configEdit';
import { occurrenceOf, sentenceFingerprint } from '../../src/core/language/occurrences';
import { coveredLength, formatCount, formatShare, overviewOf } from '../../src/core/report/overview';
import { isReportFileName, isReportText } from '../../src/core/report/reportFiles';
import { toMarkdown } from '../../src/core/report/reportWriters';
import { ofRule, reviewWith, textOf } from './helpers';

const TEXT =
  'Harbour closed\n\nOfficials in Kiev closed the harbour on Monday after the storm.\n\n' +
  'Crews reportedly will not sail before Friday.\n\nTraders in Kiev said the price of fish had doubled.\n';

const sentenceOf = (text: string, f: { data: { sentence: { start: number; end: number } } }) => text.slice(f.data.sentence.start, f.data.sentence.end);

describe('ignored occurrences', () => {
  it('gives each term and claim the sentence it stands in', () => {
    const r = reviewWith(TEXT);
    const kievs = ofRule(r, 'loaded-term');
    assert.deepEqual(kievs.map(f => textOf(TEXT, f)), ['Kiev', 'Kiev']);
    assert.equal(sentenceOf(TEXT, kievs[0]), 'Officials in Kiev closed the harbour on Monday after the storm.');
    const claim = ofRule(r, 'unattributed-claim')[0];
    assert.equal(sentenceOf(TEXT, claim), 'Crews reportedly will not sail before Friday.');
  });

  it('silences one occurrence only, whatever changes elsewhere in the file', () => {
    const first = ofRule(reviewWith(TEXT), 'loaded-term')[0];
    const ignored = occurrenceOf('Kiev', sentenceOf(TEXT, first));
    const edited = `Late edition\n\n${TEXT.replace('the price of fish', 'the price of bread')}`;
    const left = ofRule(reviewWith(edited, o => (o.ignoredOccurrences = [ignored])), 'loaded-term');
    assert.deepEqual(left.map(f => sentenceOf(edited, f)), ['Traders in Kiev said the price of bread had doubled.']);
    // The same words in a changed sentence are reported again.
    const changed = TEXT.replace('on Monday', 'early on Monday');
    assert.equal(ofRule(reviewWith(changed, o => (o.ignoredOccurrences = [ignored])), 'loaded-term').length, 2);
  });

  it('silences a claim\'s cue in its sentence the same way', () => {
    const claim = ofRule(reviewWith(TEXT), 'unattributed-claim')[0];
    const ignored = occurrenceOf(claim.data.matched, sentenceOf(TEXT, claim));
    assert.equal(ofRule(reviewWith(TEXT, o => (o.ignoredOccurrences = [ignored])), 'unattributed-claim').length, 0);
  });

  it('fingerprints sentences after normalisation (case, quotes, spaces)', () => {
    assert.equal(sentenceFingerprint('He said \u201Cno\u201D  today.'), sentenceFingerprint('he said "no" today.'));
    assert.notEqual(sentenceFingerprint('He said no today.'), sentenceFingerprint('He said no yesterday.'));
    assert.match(sentenceFingerprint('x'), /^[0-9a-f]{8}-[0-9a-z]+$/);
  });

  it('validates entries in the config file and merges layers without duplicates', () => {
    const entry = occurrenceOf('Kiev', 'Officials in Kiev closed the harbour.');
    assert.deepEqual(validateOptions({ ignoredOccurrences: [entry] }, 'f').ignoredOccurrences, [entry]);
    assert.throws(() => validateOptions({ ignoredOccurrences: [{ term: 'Kiev', sentence: 'not a fingerprint' }] }, 'f'), /sentence fingerprint/);
    assert.throws(() => validateOptions({ ignoredOccurrences: [{ term: 'Kiev', sentence: entry.sentence, line: 3 }] }, 'f'), ConfigError);
    assert.throws(() => validateOptions({ ignoredOccurrences: 'Kiev' }, 'f'), /list of \{"term", "sentence"\}/);
    const merged = resolveOptions({ ignoredOccurrences: [entry] }, { ignoredOccurrences: [{ ...entry, term: 'KIEV' }] });
    assert.equal(merged.ignoredOccurrences.length, 1);
  });
});

describe('config text edits (jsonc-parser)', () => {
  const same = (v: string) => (item: unknown) => item === v;

  it('appends to an existing list keeping the indentation, order and other keys', () => {
    const text = '{\n    "minWords": 9,\n    "ignoredTerms": [\n        "a"\n    ]\n}\n';
    const out = addListEntry(text, 'ignoredTerms', 'b', same('b'));
    assert.equal(out, '{\n    "minWords": 9,\n    "ignoredTerms": [\n        "a",\n        "b"\n    ]\n}\n');
    assert.equal(addListEntry(out, 'ignoredTerms', 'b', same('b')), out, 'no duplicate');
    assert.equal(removeListEntry(out, 'ignoredTerms', same('b')), text, 'removing restores the text');
  });

  it('adds a missing list, keeps comments, and starts a blank file', () => {
    const text = '{\n\t// ours\n\t"minWords": 9\n}\n';
    const out = addListEntry(text, 'ignoredCues', 'reportedly', same('reportedly'));
    assert.ok(out.startsWith('{\n\t// ours\n\t"minWords": 9,\n\t"ignoredCues": [\n\t\t"reportedly"\n\t]'), out);
    assert.deepEqual(listItems(out, 'ignoredCues'), ['reportedly']);
    assert.deepEqual(JSON.parse(addListEntry('', 'ignoredTerms', 'x', same('x'))), { ignoredTerms: ['x'] });
    assert.deepEqual(detectFormatting('{\r\n  "a": 1\r\n}'), { insertSpaces: true, tabSize: 2, eol: '\r\n' });
  });
});

describe('reports are recognised', () => {
  it('by the names Export Report and the CLI give them', () => {
    assert.ok(isReportFileName('/w/dump.editorial-review.md'));
    assert.ok(isReportFileName('C:\\w\\editorial-review-report.sarif'));
    assert.ok(!isReportFileName('/w/editorial-review-notes.md'));
    assert.ok(!isReportFileName('/w/dump.md'));
  });

  it('by the opening lines of a Markdown report, whatever its name', () => {
    const review = reviewWith(TEXT);
    const md = toMarkdown([{ path: 'x.txt', text: TEXT, review }], { name: 'editorial-review', version: '1.2.3' });
    assert.ok(isReportText(md), md.slice(0, 120));
    assert.ok(isReportText(`\uFEFF${md}`));
    assert.ok(!isReportText('# Editorial review\n\nWe reviewed the budget on Monday.\n'));
    assert.ok(!isReportText(TEXT));
  });
});

describe('overview', () => {
  it('counts articles, repeats, the duplicated share (overlaps once) and findings by rule', () => {
    assert.equal(coveredLength([{ start: 0, end: 10 }, { start: 5, end: 12 }, { start: 20, end: 25 }]), 17);
    const para = 'The river rose two metres overnight and the town council closed the old bridge to traffic.';
    const text = `First\n\n${para}\n\nSecond\n\nA different story about the harvest festival and its long queues of visitors.\n\nThird\n\n${para}\n`;
    const r = reviewWith(text);
    const o = overviewOf(r, text.length);
    assert.equal(o.articles, r.articles.length);
    assert.equal(o.byRule['repeated-passage'], ofRule(r, 'repeated-passage').length);
    assert.ok(o.duplicatedCharacters >= para.length, `${o.duplicatedCharacters}`);
    assert.equal(o.duplicatedShare, o.duplicatedCharacters / text.length);
    assert.equal(formatCount(500, 812), '500+');
    assert.equal(formatCount(3, undefined), '3');
    assert.equal(formatShare(0.004), '<1 %');
    assert.equal(formatShare(0.426), '43 %');
  });
});
