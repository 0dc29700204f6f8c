import * as assert from 'assert';
import { resolveOptions } from '../../src/core/options/config';
import {
  FileReview,
  escapeMarkdown,
  excerpt,
  sarifLevel,
  summarize,
  toJsonReport,
  toReportRange,
  toSarif,
  toSarifUri,
} from '../../src/core/report/report';
import { formatJson, formatSarif, formatText, toMarkdown } from '../../src/core/report/reportWriters';
import { review } from '../../src/core/review/review';
import { RULES, helpUri } from '../../src/core/rules/registry';
import { LineIndex } from '../../src/core/text/text';
import { Finding, RULE_IDS, Review } from '../../src/core/model/types';

const TOOL = { name: 'editorial-review', version: '9.9.9' };

// CRLF line breaks and an astral-plane character (two UTF-16 code units) before a finding.
const TEXT = 'Title | one\r\n\u{1F600} Kiev is here.\r\nIt reportedly rained.\r\nIt reportedly rained.\r\n';

function at(text: string, needle: string, from = 0) {
  const start = text.indexOf(needle, from);
  assert.ok(start >= 0, needle);
  return { start, end: start + needle.length };
}

const LOADED_DATA = {
  term: 'Kiev',
  matched: 'Kiev',
  suggestions: ['Kyiv'],
  category: 'contested-place-name',
  categoryDescription: undefined,
  note: 'Use the spelling the country uses.',
  quoted: false,
  sentence: { start: 0, end: 4 },
};

function sample(): FileReview {
  const kiev = at(TEXT, 'Kiev');
  const cue = at(TEXT, 'reportedly');
  const first = at(TEXT, 'It reportedly rained.');
  const second = at(TEXT, 'It reportedly rained.', first.end);
  const findings: Finding[] = [
    {
      rule: 'repeated-passage',
      severity: 'warning',
      message: 'Repeats the passage on line 3.',
      range: second,
      related: [{ message: 'Original passage', range: first }],
      fixes: [{ title: 'Remove the repeated passage', edits: [{ range: { start: second.start, end: TEXT.length }, newText: '' }], preferred: true }],
      data: { kind: 'sentence', original: first },
    },
    {
      rule: 'loaded-term',
      severity: 'info',
      message: '"Kiev" is a contested place name:\nuse "Kyiv".',
      range: kiev,
      fixes: [{ title: 'Replace with "Kyiv"', edits: [{ range: kiev, newText: 'Kyiv' }] }],
      data: LOADED_DATA,
    },
    { rule: 'unattributed-claim', severity: 'hint', message: 'Hedge "reportedly" with no source.', range: cue, data: { cue: 'reportedly', matched: 'reportedly', kind: 'hedge', insertAt: cue.end, sentence: cue } },
  ];
  const r: Review = {
    articles: [{ index: 1, title: 'Title | one', titleRange: { start: 0, end: 11 }, range: { start: 0, end: TEXT.length }, duplicateOf: null, meta: {} }],
    findings,
    stats: { layout: 'headline-blocks', characters: TEXT.length, paragraphs: 4, sentences: 4, timings: {}, truncated: {} },
  };
  return { path: 'dumps/a file.txt', text: TEXT, review: r };
}

function empty(path: string): FileReview {
  return {
    path,
    text: '',
    review: { articles: [], findings: [], stats: { layout: 'single', characters: 0, paragraphs: 0, sentences: 0, timings: {}, truncated: {} } },
  };
}

describe('report: positions', () => {
  it('are 1-based, end exclusive, in UTF-16 columns, across CRLF and astral characters', () => {
    const index = new LineIndex(TEXT);
    assert.deepStrictEqual(toReportRange(index, at(TEXT, 'Kiev')), { start: { line: 2, column: 4 }, end: { line: 2, column: 8 } });
    assert.deepStrictEqual(toReportRange(index, at(TEXT, 'reportedly')), { start: { line: 3, column: 4 }, end: { line: 3, column: 14 } });
    // The end of the text, after the last line break, is the start of the (empty) next line.
    assert.deepStrictEqual(toReportRange(index, { start: 0, end: TEXT.length }), { start: { line: 1, column: 1 }, end: { line: 5, column: 1 } });
  });

  it('excerpts collapse white space, cut long text and never split a surrogate pair', () => {
    assert.strictEqual(excerpt('a \r\n b', { start: 0, end: 6 }), 'a b');
    const long = '\u{1F600}'.repeat(100);
    const cut = excerpt(long, { start: 0, end: long.length }, 10);
    assert.ok(cut.endsWith('…'));
    assert.ok(!/[\uD800-\uDBFF]…$/.test(cut));
  });
});

describe('report: text', () => {
  it('prints file:line:column: severity rule message in document order, then a summary', () => {
    const out = formatText([sample(), empty('b.md')]);
    assert.deepStrictEqual(out.split('\n'), [
      'dumps/a file.txt:2:4: info loaded-term "Kiev" is a contested place name: use "Kyiv".',
      'dumps/a file.txt:3:4: hint unattributed-claim Hedge "reportedly" with no source.',
      'dumps/a file.txt:4:1: warning repeated-passage Repeats the passage on line 3.',
      '',
      '3 findings (repeated-passage 1, unattributed-claim 1, loaded-term 1) in 1 of 2 files.',
      '',
    ]);
  });

  it('says so when nothing was found, and can leave the summary out', () => {
    assert.strictEqual(formatText([empty('a.txt')]), 'No findings in 1 file.\n');
    assert.strictEqual(formatText([empty('a.txt')], { summary: false }), '');
  });

  it('mentions rules cut at maxFindingsPerRule', () => {
    const s = sample();
    s.review.stats.truncated = { 'loaded-term': 900 };
    assert.match(formatText([s]), /dumps\/a file.txt: loaded-term stopped at 1 of 900 findings \(maxFindingsPerRule\)\./);
    assert.deepStrictEqual(summarize([s]).truncated, [{ path: 'dumps/a file.txt', rule: 'loaded-term', found: 900, shown: 1 }]);
  });
});

describe('report: JSON', () => {
  it('has exactly the shape of the issue', () => {
    const json = JSON.parse(formatJson([sample()], TOOL));
    assert.deepStrictEqual(Object.keys(json), ['tool', 'files']);
    assert.deepStrictEqual(json.tool, { name: 'editorial-review', version: '9.9.9' });
    const file = json.files[0];
    assert.deepStrictEqual(Object.keys(file), ['path', 'articles', 'findings']);
    assert.strictEqual(file.path, 'dumps/a file.txt');
    assert.deepStrictEqual(file.articles, [
      { index: 1, title: 'Title | one', range: { start: { line: 1, column: 1 }, end: { line: 5, column: 1 } }, duplicateOf: null, meta: {} },
    ]);
    for (const f of file.findings) {
      assert.deepStrictEqual(Object.keys(f), ['rule', 'severity', 'message', 'range', 'related', 'fixes', 'data']);
    }
    const [loaded, claim, repeated] = file.findings;
    assert.deepStrictEqual(loaded.range, { start: { line: 2, column: 4 }, end: { line: 2, column: 8 } });
    assert.deepStrictEqual(loaded.fixes, [{ title: 'Replace with "Kyiv"', edits: [{ range: loaded.range, newText: 'Kyiv' }] }]);
    assert.deepStrictEqual(loaded.data, JSON.parse(JSON.stringify(LOADED_DATA)));
    assert.deepStrictEqual(claim.related, []);
    assert.deepStrictEqual(claim.fixes, []);
    assert.strictEqual(repeated.rule, 'repeated-passage');
    assert.deepStrictEqual(repeated.related, [
      { message: 'Original passage', range: { start: { line: 3, column: 1 }, end: { line: 3, column: 22 } } },
    ]);
    assert.deepStrictEqual(repeated.fixes[0].edits[0].range, { start: { line: 4, column: 1 }, end: { line: 5, column: 1 } });
  });

  it('is stable for no files', () => {
    assert.deepStrictEqual(toJsonReport([], TOOL), { tool: TOOL, files: [] });
  });
});

describe('report: SARIF', () => {
  it('has the structure GitHub code scanning accepts', () => {
    const log = JSON.parse(formatSarif([sample(), empty('b.md')], TOOL));
    assert.strictEqual(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.strictEqual(log.runs.length, 1);
    const run = log.runs[0];
    const driver = run.tool.driver;
    assert.strictEqual(driver.name, 'editorial-review');
    assert.strictEqual(driver.version, '9.9.9');
    assert.match(driver.informationUri, /^https:\/\//);
    assert.deepStrictEqual(driver.rules.map((r: { id: string }) => r.id), [...RULE_IDS]);
    for (const rule of driver.rules) {
      assert.ok(rule.name && rule.shortDescription.text && rule.fullDescription.text, rule.id);
      assert.strictEqual(rule.helpUri, `https://github.com/editorial-review/editorial-review#${rule.id}`);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
    }
    assert.strictEqual(run.results.length, 3);
    for (const result of run.results) {
      assert.strictEqual(driver.rules[result.ruleIndex].id, result.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(result.level));
      assert.ok(result.message.text);
      const loc = result.locations[0].physicalLocation;
      assert.strictEqual(loc.artifactLocation.uri, 'dumps/a%20file.txt');
      for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn']) assert.ok(Number.isInteger(loc.region[k]) && loc.region[k] >= 1, k);
      assert.ok(Object.values(result.partialFingerprints).every(v => typeof v === 'string'));
    }
    const [loaded, claim, repeated] = run.results;
    assert.deepStrictEqual(loaded.locations[0].physicalLocation.region, { startLine: 2, startColumn: 4, endLine: 2, endColumn: 8 });
    assert.strictEqual(loaded.level, 'note');
    assert.strictEqual(claim.level, 'note');
    assert.strictEqual(repeated.level, 'warning');
    assert.deepStrictEqual(repeated.relatedLocations.map((r: { id: number; message: { text: string } }) => [r.id, r.message.text]), [[1, 'Original passage']]);
    assert.deepStrictEqual(repeated.relatedLocations[0].physicalLocation.region, { startLine: 3, startColumn: 1, endLine: 3, endColumn: 22 });
    assert.strictEqual(loaded.relatedLocations, undefined);
    assert.deepStrictEqual(run.artifacts.map((a: { location: { uri: string } }) => a.location.uri), ['dumps/a%20file.txt', 'b.md']);
  });

  it('maps severities to levels', () => {
    assert.deepStrictEqual((['error', 'warning', 'info', 'hint'] as const).map(sarifLevel), ['error', 'warning', 'note', 'note']);
  });

  it('writes relative URIs with forward slashes', () => {
    assert.strictEqual(toSarifUri('dir\\sub\\a b#1.txt'), 'dir/sub/a%20b%231.txt');
    assert.strictEqual(toSarifUri('./x.md'), 'x.md');
    assert.strictEqual(toSarifUri('/abs/x.md'), 'file:///abs/x.md');
    assert.strictEqual(toSarifUri('C:\\abs\\x.md'), 'file:///C:/abs/x.md');
  });

  it('gives the same fingerprints when the text moves', () => {
    const a = toSarif([sample()], TOOL).runs[0].results.map(r => r.partialFingerprints);
    const moved = sample();
    const shift = 'New first line.\n';
    moved.text = shift + moved.text;
    const move = (r: { start: number; end: number }) => ({ start: r.start + shift.length, end: r.end + shift.length });
    moved.review.findings = moved.review.findings.map(f => ({ ...f, range: move(f.range) }));
    const b = toSarif([moved], TOOL).runs[0].results.map(r => r.partialFingerprints);
    assert.deepStrictEqual(a, b);
  });
});

describe('report: Markdown', () => {
  it('lists files, articles and findings grouped by rule, escaped', () => {
    const md = toMarkdown([sample(), empty('b.md')], TOOL);
    assert.match(md, /^# Editorial review\n/);
    assert.match(md, /^# Editorial review\n\n2 files reviewed by editorial-review 9\.9\.9\.\n/);
    // The totals come last (a report written file by file knows them only then).
    assert.match(md, /## Summary\n\n3 findings \(repeated-passage 1, unattributed-claim 1, loaded-term 1\) in 1 of 2 files reviewed\.\n/);
    assert.ok(md.indexOf('## Summary') > md.indexOf('## `b.md`'));
    assert.match(md, /## `dumps\/a file.txt`/);
    assert.match(md, /\| 1 \| Title \\\| one \| {2}\| 1–4 \| {2}\|/);
    const order = ['Repeated passage', 'Unattributed claim', 'Loaded term'].map(t => md.indexOf(`#### [${t}](`));
    assert.ok(order.every(i => i > 0) && order[0] < order[1] && order[1] < order[2], String(order));
    assert.match(md, /\| 2 \(col 4\) \| info \| Kiev \| "Kiev" is a contested place name: use "Kyiv"\. \|/);
    assert.match(md, /## `b.md`\n\n0 articles, 0 findings\./);
    // Every table row has the same number of cells as its header.
    for (const line of md.split('\n').filter(l => l.startsWith('|'))) {
      const cells = line.replace(/\\\|/g, '').split('|').length;
      assert.ok(cells === 7 || cells === 6 || cells === 4 || cells === 5, line);
    }
  });

  it('escapes Markdown syntax', () => {
    assert.strictEqual(escapeMarkdown('a|b *c* <d>\n[e](f)'), 'a\\|b \\*c\\* &lt;d&gt; \\[e\\](f)');
  });
});

describe('report: rule descriptions', () => {
  it('describe every rule once', () => {
    assert.deepStrictEqual(RULES.map(r => r.id), [...RULE_IDS]);
    assert.strictEqual(new Set(RULES.map(r => r.name)).size, RULES.length);
    for (const r of RULES) {
      assert.ok(r.name && r.title && r.shortDescription && r.fullDescription);
      assert.match(helpUri(r), /^https:\/\/github\.com\/editorial-review\/editorial-review#[a-z-]+$/);
    }
  });
});

describe('report: on real reviews (needs the engine)', () => {
  const paragraph =
    'The regional council met on Tuesday evening to approve the new budget for roads, schools and the water network, after months of debate between the two largest parties in the chamber.';
  const dump = `Council approves budget\n\n${paragraph}\n\nThe minister reportedly left Kiev on Monday.\n\n${paragraph}\n`;

  it('reports findings of all three kinds in every format', () => {
    const file: FileReview = { path: 'dump.txt', text: dump, review: review(dump, resolveOptions()) };
    const rules = new Set(file.review.findings.map(f => f.rule));
    for (const id of ['repeated-passage', 'unattributed-claim', 'loaded-term'] as const) assert.ok(rules.has(id), id);
    const json = toJsonReport([file], TOOL);
    const repeated = json.files[0].findings.find(f => f.rule === 'repeated-passage')!;
    assert.strictEqual(repeated.range.start.line, 7);
    assert.strictEqual(repeated.related[0].range.start.line, 3);
    const sarif = JSON.parse(formatSarif([file], TOOL));
    assert.ok(sarif.runs[0].results.length >= 3);
    assert.match(formatText([file]), /^dump\.txt:5:\d+: \w+ unattributed-claim /m);
    assert.match(toMarkdown([file], TOOL), /Loaded term/);
  });
});
