// The emotive lexicon is derived from natural's lexicons at build time; the cue templates are data.
// These tests keep the derived file current, the exclusions honoured and the templates well-formed.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { TemplateMatcher } from '../../src/core/language/cueTemplates';
import { stem } from '../../src/core/language/phrases';

const ROOT = path.join(__dirname, '../../..');
const LEXICONS = path.join(ROOT, 'src/core/language/lexicons');
const read = (name: string) => JSON.parse(fs.readFileSync(path.join(LEXICONS, name), 'utf8'));

interface Derivation {
  derive(): { entries: { word: string; pos: string; polarity: number }[] };
  serialise(lexicon: unknown): string;
}

describe('emotive.json (derived from natural\u2019s sentiment lexicons)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const script = require(path.join(ROOT, 'scripts/emotive-lexicon.js')) as Derivation;
  const lexicon = read('emotive.json');

  it('is what scripts/emotive-lexicon.js derives today (run it after changing the exclusions or the curated lexicon)', function () {
    this.timeout(60000);
    const fresh = script.serialise(script.derive());
    assert.ok(fresh === fs.readFileSync(path.join(LEXICONS, 'emotive.json'), 'utf8'), 'src/core/language/lexicons/emotive.json is stale: run node scripts/emotive-lexicon.js');
  });

  it('holds adjectives, adverbs and verbs of both polarities, each with the evidence for it', () => {
    const entries = lexicon.entries as { word: string; pos: string; polarity: number; afinn?: number; pattern?: number[]; senticon?: number }[];
    assert.ok(entries.length > 800, `${entries.length} entries`);
    assert.deepEqual([...new Set(entries.map(e => e.pos))].sort(), ['a', 'r', 'v']);
    assert.ok(entries.some(e => e.polarity < 0) && entries.some(e => e.polarity > 0));
    for (const e of entries) {
      assert.match(e.word, /^[a-z]{4,}$/);
      assert.ok(e.afinn !== undefined || e.pattern !== undefined || e.senticon !== undefined, `${e.word}: no evidence`);
    }
  });

  it('leaves out every word the exclusions list as factual in news, in all its forms, and every curated term', () => {
    const excluded = new Set((read('emotive-exclusions.json').groups as { words: string[] }[]).flatMap(g => g.words).map(stem));
    const curated = new Set((read('loaded-terms.json').entries as { term: string }[]).filter(e => !/[\s-]/.test(e.term)).flatMap(e => e.term.toLowerCase().split('|')));
    const words = (lexicon.entries as { word: string }[]).map(e => e.word);
    assert.deepEqual(words.filter(w => excluded.has(stem(w))), []);
    assert.deepEqual(words.filter(w => curated.has(w)), []);
  });

  it('has exclusions with a note per group and no word twice', () => {
    const groups = read('emotive-exclusions.json').groups as { id: string; note: string; words: string[] }[];
    const all = groups.flatMap(g => g.words);
    assert.deepEqual(all.filter((w, i) => all.indexOf(w) !== i), []);
    for (const g of groups) {
      assert.match(g.id, /^[a-z-]+$/);
      assert.ok(g.note.length > 20 && !g.note.includes('\n'), g.id);
      for (const w of g.words) assert.match(w, /^[a-z]+$/, `${g.id}: ${w}`);
    }
  });
});

describe('cue-templates.json', () => {
  const data = read('cue-templates.json');

  it('names only verbs of its inflection table and known kinds', () => {
    const verbs = new Set(Object.keys(data.verbs));
    for (const t of data.templates as { id: string; kind: string; verbs?: string[]; passive?: string[] }[]) {
      assert.ok(['hedge', 'vague-source', 'agentless'].includes(t.kind), t.id);
      const lemmas = [...(t.verbs ?? []), ...(t.passive ?? []).map(p => p.split(' ')[0])];
      assert.deepEqual(lemmas.filter(l => !verbs.has(l)), [], t.id);
    }
  });

  it('compiles every template into rules with a note and a kind', () => {
    const matcher = new TemplateMatcher();
    assert.ok(matcher.ruleCount >= (data.templates as unknown[]).length);
    const ids = new Set(matcher.entries().map(e => e.template));
    for (const t of data.templates as { id: string }[]) assert.ok(ids.has(t.id), t.id);
  });
});
