// Loaded terms and unattributed claims on the development sets in ../shared/corpus, scored the way
// ../shared/eval/score.py scores them: a finding of the rule that overlaps a required label is a
// true positive, one that overlaps only optional labels counts neither way, one that overlaps no
// label is a false alarm; recall is over the required labels. The labels only measure: nothing in
// the lexicons or rules comes from them.
//
// Two kinds of checks, both failing the suite when missed: floors at the figures the engine
// reaches today (a regression), and the goals of issue 9. Claims are also scored on each half of
// polnear-train (its files sorted by name, first 420 and last 420, which splits the outlets too):
// a change must hold on both, as a stranger's text would show (issue 16).
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { defaultOptions } from '../../src/core/options/defaults';
import { compileLexicons } from '../../src/core/language/lexicon';
import { review } from '../../src/core/review/review';
import { LineIndex } from '../../src/core/text/text';

const CORPUS = path.join(__dirname, '../../../../shared/corpus');

interface SpanLabel { line: number; column: number; endColumn: number; required: boolean }
type Rule = 'loaded-term' | 'unattributed-claim';

interface Score { tp: number; fp: number; found: number; required: number; p: number; r: number; f1: number }

function files(dir: string, keep: (name: string) => boolean): string[] {
  const full = path.join(CORPUS, dir);
  return readdirSync(full).filter(n => keep(n) && !n.endsWith('.json')).sort().map(n => path.join(full, n));
}

function score(paths: string[], rule: Rule): Score {
  const options = defaultOptions();
  const lexicons = compileLexicons(options);
  let tp = 0;
  let fp = 0;
  let found = 0;
  let required = 0;
  for (const file of paths) {
    const text = readFileSync(file, 'utf8');
    const labelFile = file.replace(/\.(txt|md)$/, '.labels.json');
    const all = JSON.parse(readFileSync(labelFile, 'utf8'));
    const labels: SpanLabel[] = rule === 'loaded-term' ? all.loadedTerms : all.unattributedClaims;
    const lines = new LineIndex(text);
    const at = (offset: number): [number, number] => {
      const p = lines.positionAt(offset);
      return [p.line + 1, p.character + 1];
    };
    const before = (a: [number, number], b: [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
    const overlaps = (s: [number, number], e: [number, number], l: SpanLabel) => before(s, [l.line, l.endColumn]) && before([l.line, l.column], e);
    const hit = new Set<SpanLabel>();
    for (const f of review(text, options, lexicons).findings) {
      if (f.rule !== rule) continue;
      const s = at(f.range.start);
      const e = at(Math.max(f.range.end, f.range.start + 1));
      const over = labels.filter(l => overlaps(s, e, l));
      if (over.some(l => l.required)) tp++;
      else if (over.length === 0) fp++;
      for (const l of over) hit.add(l);
    }
    required += labels.filter(l => l.required).length;
    found += [...hit].filter(l => l.required).length;
  }
  const p = tp + fp === 0 ? 1 : tp / (tp + fp);
  const r = required === 0 ? 1 : found / required;
  return { tp, fp, found, required, p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

const fmt = (s: Score) => `P ${s.p.toFixed(3)} R ${s.r.toFixed(3)} F1 ${s.f1.toFixed(3)} (found ${s.found}/${s.required}, ${s.tp} true, ${s.fp} false alarms)`;

interface SetSpec {
  name: string;
  rule: Rule;
  paths: () => string[];
  /** What the engine reaches today, a little below: a regression fails. */
  floor: { p: number; r: number; f1: number };
  /** The goal of the issue that set it. */
  goal: { p?: number; r?: number; f1?: number };
  issue: number;
}

/** The first or second half of a sorted list of files. */
function half(paths: string[], which: 0 | 1): string[] {
  const middle = Math.ceil(paths.length / 2);
  return which === 0 ? paths.slice(0, middle) : paths.slice(middle);
}

const polnear = () => files('polnear-train', n => n.endsWith('.txt'));

const SETS: SetSpec[] = [
  {
    name: 'babe-dev (loaded terms)',
    rule: 'loaded-term',
    paths: () => files('babe-dev', n => n.endsWith('.txt')),
    floor: { p: 0.53, r: 0.255, f1: 0.35 },
    goal: { p: 0.5, f1: 0.35 },
    issue: 9,
  },
  {
    name: 'real-dev/scraped* (loaded terms)',
    rule: 'loaded-term',
    paths: () => files('real-dev', n => n.startsWith('scraped')),
    floor: { p: 0.22, r: 0.285, f1: 0.25 },
    goal: { f1: 0.25 },
    issue: 9,
  },
  {
    name: 'polnear-train (unattributed claims)',
    rule: 'unattributed-claim',
    paths: polnear,
    floor: { p: 0.56, r: 0.26, f1: 0.355 },
    goal: { p: 0.5, r: 0.25 },
    issue: 9,
  },
  {
    name: 'polnear-train, first half by file name (unattributed claims)',
    rule: 'unattributed-claim',
    paths: () => half(polnear(), 0),
    floor: { p: 0.535, r: 0.252, f1: 0.34 },
    goal: { p: 0.5, r: 0.25 },
    issue: 16,
  },
  {
    name: 'polnear-train, second half by file name (unattributed claims)',
    rule: 'unattributed-claim',
    paths: () => half(polnear(), 1),
    floor: { p: 0.6, r: 0.27, f1: 0.37 },
    goal: { p: 0.5, r: 0.25 },
    issue: 16,
  },
];

describe('development sets (../shared/corpus)', function () {
  this.timeout(300000);
  if (!existsSync(path.join(CORPUS, 'babe-dev')) || !existsSync(path.join(CORPUS, 'polnear-train'))) {
    it('needs ../shared/corpus beside the project', function () {
      // In CI the corpus must be there: a skip would hide a broken checkout.
      if (process.env.CI) assert.fail(`missing ${CORPUS} (required in CI)`);
      console.log(`    skipped: ${CORPUS} is absent, so the development sets (the two halves of polnear-train among them) are not scored`);
      this.skip();
    });
    return;
  }
  const scores = new Map<string, Score>();
  const scoreOf = (set: SetSpec) => {
    let s = scores.get(set.name);
    if (!s) scores.set(set.name, (s = score(set.paths(), set.rule)));
    return s;
  };

  for (const set of SETS) {
    it(`${set.name}: no lower than today`, () => {
      const s = scoreOf(set);
      console.log(`    ${set.name}: ${fmt(s)}`);
      assert.ok(s.p >= set.floor.p && s.r >= set.floor.r && s.f1 >= set.floor.f1, `${fmt(s)} is below the floor ${JSON.stringify(set.floor)}`);
    });

    const goal = Object.entries(set.goal).map(([k, v]) => `${k.toUpperCase()} \u2265 ${v}`).join(', ');
    it(`${set.name}: the goal of issue ${set.issue} (${goal})`, () => {
      const s = scoreOf(set);
      const missed = (Object.entries(set.goal) as [keyof Score, number][]).filter(([k, v]) => s[k] < v);
      assert.deepEqual(missed.map(([k, v]) => `${k.toUpperCase()} ${s[k].toFixed(3)} < ${v}`), [], `goal not reached: ${fmt(s)}`);
    });
  }
});
