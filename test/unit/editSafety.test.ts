// No command, fix or panel action removes a line that exists only once without saying so first
// (issue 17). The text a set of edits would lose (core/review/lostText.ts), the edit plans of every
// entry point (extension/common/editPlans.ts: Remove All, fix-all, each finding's fixes, Replace
// every, the Articles panel's Remove Article), and a fast-check property over generated dumps
// that drives them all against an independent count of the lines they remove for good.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { LostText, linesOnlyIn, lostLines, occursBetweenWordBoundaries, textLostBy } from '../../src/core/review/lostText';
import { applyEdits, removeAllRepeatedPassages } from '../../src/core/review/fixes';
import { normalizeForCompare } from '../../src/core/text/text';
import { Review, TextEdit } from '../../src/core/model/types';
import {
  EditPlan,
  checkPlan,
  describeEdit,
  findingFixPlan,
  fixAllPlan,
  lineSpanText,
  linesRemoved,
  linesText,
  removeAllDebrisPlan,
  removeAllRepeatsPlan,
  removeArticlePlan,
  replaceEveryPlan,
} from '../../src/extension/common/editPlans';
import { buildDump, dumpPlan, sentence } from './generators';
import { freshReview, uncapped } from './invariants';
import { optionsArb, runParameters } from './properties';
import { ofRule, reviewWith } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const del = (start: number, end: number): TextEdit => ({ range: { start, end }, newText: '' });
const lineRange = (text: string, line: number): { start: number; end: number } => {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return { start: starts[line], end: starts[line + 1] ?? text.length };
};

describe('the text an edit would lose (lostText)', () => {
  const text = [
    'Ferry timetable cut for the winter',
    'The ferry company will run four crossings a day instead of six from November.',
    'Passengers complained about the change at a public meeting on Monday.',
    '',
    'Ferry timetable cut for the winter',
    'THE FERRY COMPANY  will run four crossings a day instead of six from November.',
    'A ferry spokesman said fuel costs had doubled.',
    '',
  ].join('\n');

  it('counts a removed line whose text exists nowhere else, and only that one', () => {
    const r = lineRange(text, 6);
    const lost = textLostBy(text, [del(r.start, r.end)]);
    assert.deepEqual(lost.map(l => [l.line, l.wholeLine]), [[6, true]]);
    assert.equal(lost[0].text, 'A ferry spokesman said fuel costs had doubled.');
  });

  it('does not count a line kept elsewhere with other case or spacing, nor one of two copies', () => {
    const headline = lineRange(text, 4);
    const body = lineRange(text, 5);
    assert.deepEqual(textLostBy(text, [del(headline.start, body.end)]), []);
  });

  it('counts both copies of a line when both go', () => {
    const a = lineRange(text, 0);
    const b = lineRange(text, 4);
    assert.deepEqual(lostLines(textLostBy(text, [del(a.start, a.end), del(b.start, b.end)])), [0, 4]);
  });

  it('does not count a line whose words are left wrapped at other places', () => {
    const wrapped = 'The council met on Monday and approved the new budget for the harbour.\n\nThe council met on Monday\nand approved the new budget\nfor the harbour.\n';
    const copy = wrapped.indexOf('The council met on Monday\n');
    assert.deepEqual(textLostBy(wrapped, [del(copy, wrapped.length)]), []);
  });

  it('leaves edits inside one line alone (a word replaced or removed is no line removed)', () => {
    const at = text.indexOf('doubled');
    assert.deepEqual(textLostBy(text, [del(at, at + 'doubled'.length)]), []);
    assert.deepEqual(textLostBy(text, [{ range: { start: at, end: at + 7 }, newText: 'tripled' }]), []);
  });

  it('counts whole lines a replacement writes over, unless it writes them again', () => {
    const r = lineRange(text, 6);
    const over = { range: { start: r.start, end: r.end - 1 }, newText: 'Something else entirely.' };
    assert.deepEqual(lostLines(textLostBy(text, [over])), [6]);
    const again = { range: { start: r.start, end: r.end - 1 }, newText: '[x] A ferry spokesman said fuel costs had doubled.' };
    assert.deepEqual(textLostBy(text, [again]), []);
  });

  it('linesOnlyIn: the lines of a range that exist nowhere else', () => {
    const r = { start: lineRange(text, 4).start, end: text.length };
    assert.deepEqual(linesOnlyIn(text, r).map(l => l.line), [6]);
  });

  it('tells word boundaries', () => {
    assert.ok(occursBetweenWordBoundaries('fuel costs', 'the fuel costs rose'));
    assert.ok(!occursBetweenWordBoundaries('fuel cost', 'the fuel costs rose'));
    assert.ok(occursBetweenWordBoundaries('(costs)', 'x(costs)y'));
  });
});

describe('edit plans: what each action says', () => {
  it('names lines the way people read them', () => {
    assert.equal(lineSpanText(4, 4), 'line 5');
    assert.equal(lineSpanText(4, 9), 'lines 5\u201310');
    assert.equal(linesText([2, 3, 4, 9]), 'lines 3\u20135 and 10');
    assert.equal(linesText([0, 2, 4, 6, 8]), 'lines 1, 3, 5 and 2 more places');
    assert.equal(linesText([7]), 'line 8');
  });

  it('counts the whole lines a deletion removes, blank ones included', () => {
    const text = 'one\ntwo\n\nthree\nfour';
    assert.deepEqual(linesRemoved(text, [del(4, 9)]), [1, 2]);
    assert.deepEqual(linesRemoved(text, [del(15, 19)]), [], 'the last line emptied, not removed');
    assert.deepEqual(linesRemoved(text, [del(14, 19)]), [4]);
  });

  it('asks first only when a removal loses lines its title does not name, and says how many', () => {
    const text = 'Alpha line here.\nBeta line here.\nAlpha line here.\n';
    const unique: EditPlan = { title: 'Delete something', edits: [del(17, 33)], verb: 'Delete' };
    const asked = checkPlan(text, unique);
    assert.ok(asked.question);
    assert.match(asked.question.message, /^Delete something\? 1 line exists nowhere else in this file\.$/);
    assert.match(asked.question.detail, /^Line 2 would be gone/);
    assert.equal(asked.question.button, 'Delete');
    assert.equal(checkPlan(text, { ...unique, named: [1] }).question, undefined, 'a title naming the line asks nothing');
    assert.equal(checkPlan(text, { title: 'Remove copy', edits: [del(33, 50)] }).question, undefined, 'a line kept elsewhere asks nothing');
  });

  it('says afterwards what went, with the line count', () => {
    const text = 'a1 words\nb2 words\nc3 words\nd4 words\n';
    const plan: EditPlan = { title: 'Remove two', edits: [del(9, 27)] };
    const lost: LostText[] = textLostBy(text, plan.edits);
    const said = describeEdit(text, plan, lost);
    assert.equal(said.removedLines, 2);
    assert.equal(said.message, 'Remove two: removed 2 lines (2\u20133); 2 lines of it existed nowhere else.');
    assert.equal(describeEdit(text, { title: 'Swap', edits: [{ range: { start: 0, end: 2 }, newText: 'z9' }] }).message, 'Swap: replaced 1 passage on line 1.');
  });

  it('titles a repeat\'s removal with its lines, and a line of web debris as named', () => {
    const body = 'The river authority closed the towpath after the storm damaged three bridges near the weir.';
    const text = `Towpath closed\n\n${body}\n\nOther news\n\nThe school board met in the evening to discuss new buses for the villages.\n\n${body}\n\nShare this article\n`;
    const r = reviewWith(text);
    const repeat = ofRule(r, 'repeated-passage')[0];
    assert.ok(repeat, JSON.stringify(r.findings.map(f => f.message)));
    const plan = findingFixPlan(text, repeat, repeat.fixes![0]);
    assert.match(plan.title, /^Remove repeated passage \(lines? \d+(\u2013\d+)?\)$/);
    const debris = ofRule(r, 'boilerplate')[0];
    if (debris) {
      const p = findingFixPlan(text, debris, debris.fixes![0]);
      assert.match(p.title, /^Remove web debris \(line \d+\)$/);
      assert.deepEqual(p.named, linesRemoved(text, debris.fixes![0].edits), 'the line and the blank line that goes with it');
    }
  });
});

describe('Remove Article on the merged article of trust-merged.txt (issue 17, item 1)', () => {
  const text = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'dumps', 'trust-merged.txt'), 'utf8');
  const lines = text.split('\n');
  const r = reviewWith(text);
  // The article holding the repeated paragraphs after the headline that ends in a full stop.
  const headline = lines.indexOf('Harbour board delays dredging of the east channel.');
  const merged = r.articles.find(a => a.range.start <= text.indexOf(lines[headline]) && text.indexOf(lines[headline]) < a.range.end)!;

  it('is one article holding lines of its own and a repeat of the first article', () => {
    assert.ok(headline > 0);
    assert.ok(merged && merged.index > 1 && text.indexOf(lines[headline]) > merged.range.start, 'the headline is not the start of an article');
    assert.deepEqual(
      linesOnlyIn(text, merged.range).map(l => l.line),
      [headline - 2, headline - 1, headline],
      'its own title, its paragraph and the headline ending in a full stop exist nowhere else',
    );
  });

  it('is no repeat (only some of its paragraphs exist in article 1), but an updated version of it', () => {
    assert.equal(merged.duplicateOf, null);
    assert.equal(merged.nearDuplicateOf?.index, 1);
  });

  it('Remove Article is an explicit delete that asks first, naming those 3 lines', () => {
    const plan = removeArticlePlan(text, r, merged.index)!;
    assert.equal(plan.kind, 'delete');
    const checked = checkPlan(text, plan);
    assert.ok(checked.question, 'an explicit delete of lines found nowhere else asks first');
    assert.equal(checked.question.message, `Delete article ${merged.index} (lines ${headline - 1}\u2013${headline + 8})? 3 lines exist nowhere else in this file.`);
    assert.equal(checked.question.button, 'Delete');
    assert.deepEqual(lostLines(checked.lost), [headline - 2, headline - 1, headline]);
  });

  it('the updated version\'s removals in Problems ask first too, each naming what exists only in what it removes', () => {
    const version = r.findings.find(f => f.rule === 'near-duplicate' && f.range.start >= merged.range.start)!;
    assert.ok(version && version.fixes!.length === 2, JSON.stringify(r.findings.map(f => f.message)));
    const [removeThis, removeOriginal] = version.fixes!.map(fix => checkPlan(text, findingFixPlan(text, version, fix)));
    assert.match(removeThis.title, /^Remove this version \(article #3\).* \(lines 16\u201324\)$/);
    assert.deepEqual(lostLines(removeThis.lost), [headline - 2, headline - 1, headline]);
    assert.ok(removeThis.question);
    // Article 1's title is left in the merged article's headline (with a full stop); its byline is not.
    assert.deepEqual(lostLines(removeOriginal.lost), [1], 'only article 1\'s byline');
    assert.match(removeOriginal.question!.message, /\? 1 line exists nowhere else in this file\.$/);
  });
});

describe('Replace every «term» and the repeated copies (issue 17, item 11)', () => {
  const original = 'Shelling resumed overnight on the outskirts of Kiev, the city administration said on Tuesday morning.';
  const text = [
    'Talks stall as shelling resumes',
    '',
    original,
    '',
    'A second round of talks in Kiev ended without agreement, according to officials from both delegations.',
    '',
    'Markets steady after the announcement',
    '',
    'Shares rose slightly in early trading as investors waited for the central bank decision later this week.',
    '',
    original,
    '',
  ].join('\n');

  it('replaces the words in the repeated copy too, so that the copy still repeats its original, and says so', () => {
    const r = reviewWith(text);
    const terms = ofRule(r, 'loaded-term').filter(f => f.data.term.toLowerCase() === 'kiev');
    assert.equal(terms.length, 2, 'the copy\u2019s «Kiev» is not reported again');
    const plan = replaceEveryPlan(text, r, 'Kiev')!;
    assert.equal(plan.outside, 2);
    assert.equal(plan.inCopies, 1);
    assert.equal(plan.leftInCopies, 0);
    assert.equal(plan.title, 'Replace every \u00ABKiev\u00BB in this file with \u00ABKyiv\u00BB (3, 1 of them in repeated copies)');
    const after = applyEdits(text, plan.edits);
    assert.ok(!after.includes('Kiev'));
    const again = reviewWith(after);
    assert.equal(ofRule(again, 'repeated-passage').length, ofRule(r, 'repeated-passage').length, 'the copy is still an exact repeat');
    assert.equal(removeAllRepeatedPassages(again).length, removeAllRepeatedPassages(r).length);
  });
});

/**
 * An independent count of what edits lose: the whole lines with words that the deletions (or
 * replacements over whole lines) take, whose text is not left anywhere in the result, as a line
 * or between word boundaries.
 */
function wholeLinesLost(text: string, edits: readonly TextEdit[]): number[] {
  const result = applyEdits(text, edits.map(e => ({ range: { ...e.range }, newText: e.newText })));
  const leftText = normalizeForCompare(result);
  const leftLines = new Set(result.split(/\r\n|\r|\n/).map(normalizeForCompare));
  const out: number[] = [];
  let line = 0;
  for (const m of text.matchAll(/([^\r\n]*)(\r\n|\r|\n|$)/g)) {
    if (m.index === text.length && m[0] === '' && line > 0) break;
    const content = m[1];
    const lead = content.length - content.trimStart().length;
    const start = m.index + lead;
    const end = m.index + content.trimEnd().length;
    if (/[\p{L}\p{N}]/u.test(content)) {
      const covering = edits.find(e => e.range.start <= start && end <= e.range.end);
      const removed = covering && (covering.newText === '' || !normalizeForCompare(covering.newText).includes(normalizeForCompare(content)));
      const key = normalizeForCompare(content);
      if (removed && !leftLines.has(key) && !occursBetweenWordBoundaries(key, leftText)) out.push(line);
    }
    line++;
    if (m[0] === '') break;
  }
  return out;
}

/** Every entry point's plan for one review. */
function everyPlan(text: string, r: Review): { where: string; plan: EditPlan }[] {
  const plans: { where: string; plan: EditPlan }[] = [
    { where: 'Remove All Repeated Passages', plan: removeAllRepeatsPlan(r) },
    { where: 'Remove all web debris', plan: removeAllDebrisPlan(r, text) },
    { where: 'fix-all', plan: fixAllPlan(r, text) },
    { where: 'fix-all with web debris', plan: fixAllPlan({ ...r, fixAllRemovesWebDebris: true }, text) },
  ];
  for (const f of r.findings) for (const fix of f.fixes ?? []) plans.push({ where: `${f.rule} fix "${fix.title}"`, plan: findingFixPlan(text, f, fix) });
  for (const term of new Set(ofRule(r, 'loaded-term').map(f => f.data.term))) {
    const p = replaceEveryPlan(text, r, term);
    if (p) plans.push({ where: `Replace every ${term}`, plan: p });
  }
  for (const a of r.articles) plans.push({ where: `Remove Article ${a.index}`, plan: removeArticlePlan(text, r, a.index)! });
  return plans;
}

/** How a merged article is added to a generated dump (see `withMergedArticle`). */
interface Merge {
  title: string;
  paragraph: string;
  /** Which earlier article it copies (modulo the number of articles). */
  pick: number;
}

const mergeArb: fc.Arbitrary<Merge> = fc.record({
  title: sentence.map(s => s.replace(/[.!?]$/, '')),
  paragraph: sentence,
  pick: fc.nat(),
});

/**
 * The dump with the case of issue 17 item 1 appended: an article of its own (a title and a
 * paragraph) followed without a blank line by a copy of an earlier article whose headline ends in a
 * full stop, so that a reader may take both for one article.
 */
function withMergedArticle(text: string, merge: Merge): string {
  const articles = reviewWith(text).articles;
  if (articles.length === 0) return text;
  const source = articles[merge.pick % articles.length];
  const copy = text.slice(source.range.start, source.range.end).trimEnd().split('\n');
  copy[0] = copy[0].replace(/[.!?:]?\s*$/, '.');
  return `${text.trimEnd()}\n\n${merge.title}\n${merge.paragraph}\n${copy.join('\n')}\n`;
}

describe('property: no entry point removes a line that exists only once without saying so first', () => {
  it('every plan that loses a line asks first (or its title names the line), and asks about exactly those lines', () => {
    let asked = 0;
    let plans = 0;
    let mergedDeletesAsked = 0;
    fc.assert(
      fc.property(dumpPlan, optionsArb, fc.option(mergeArb, { freq: 2 }), (dump, options, merge) => {
        const text = merge ? withMergedArticle(buildDump(dump), merge) : buildDump(dump);
        for (const r of [freshReview(text, options), freshReview(text, uncapped(options))]) {
          for (const { where, plan } of everyPlan(text, r)) {
            plans++;
            const checked = checkPlan(text, plan);
            const lost = wholeLinesLost(text, plan.edits);
            const flagged = new Set(checked.question ? lostLines(checked.lost) : (plan.named ?? []));
            const silent = lost.filter(l => !flagged.has(l));
            assert.deepEqual(silent, [], `${where} removes line(s) ${silent.map(l => l + 1).join(', ')} found nowhere else without saying so first`);
            // No false alarm: every whole line it warns about is gone for good.
            const warned = checked.lost.filter(l => l.wholeLine).map(l => l.line);
            for (const l of warned) assert.ok(lost.includes(l), `${where} warns about line ${l + 1}, which is left elsewhere`);
            if (checked.question) {
              asked++;
              const n = lostLines(checked.lost).length;
              assert.match(checked.question.message, new RegExp(`\\? ${n} lines? exists? nowhere else`), where);
            }
            // The panel's Remove Article on a repeat removes what the repeat's own fix removes.
            const m = /^Remove Article (\d+)$/.exec(where);
            if (m && 'kind' in plan && plan.kind === 'repeat') {
              const own = r.findings.find(f => f.rule === 'repeated-passage' && f.data.kind === 'article' && f.data.article === Number(m[1]));
              if (own) assert.deepEqual(plan.edits, own.fixes![0].edits, `${where}: the repeat's own fix`);
            }
            if (merge && m && Number(m[1]) === r.articles.length && 'kind' in plan && plan.kind === 'delete' && checked.question) mergedDeletesAsked++;
          }
        }
      }),
      runParameters(120),
    );
    assert.ok(plans > 1000, `${plans} plans checked`);
    assert.ok(asked > 0, 'some generated dumps call for a question (an explicit delete, a near duplicate removed)');
    assert.ok(mergedDeletesAsked > 0, 'Remove Article asked before deleting a merged article');
  });
});

describe('package.json: the settings and commands of issue 17', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const settings = pkg.contributes.configuration.properties;

  it('rulesOffInFiles lists exactly the rule ids; ignoredFiles is a list of patterns', async () => {
    const { RULE_IDS } = await import('../../src/core/model/types');
    assert.deepEqual(settings['editorialReview.rulesOffInFiles'].additionalProperties.items.enum, [...RULE_IDS]);
    assert.equal(settings['editorialReview.ignoredFiles'].type, 'array');
    assert.equal(settings['editorialReview.ignoredFiles'].items.type, 'string');
  });

  it('the new commands have the category and a `when` in the palette', () => {
    const palette = new Map<string, string>(pkg.contributes.menus.commandPalette.map((m: { command: string; when: string }) => [m.command, m.when]));
    for (const id of ['editorialReview.deleteArticle', 'editorialReview.turnOffForFile', 'editorialReview.turnOnForFile', 'editorialReview.disableRule']) {
      const c = pkg.contributes.commands.find((x: { command: string }) => x.command === id);
      assert.ok(c, id);
      assert.equal(c.category, 'Editorial Review');
      assert.ok(palette.get(id), `${id} has a when clause in the palette`);
    }
  });
});
