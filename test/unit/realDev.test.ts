// The engine against the labelled real dumps of ../shared/corpus/real-dev (scraped web pages and
// hard news, 5 layouts): article starts, whole-article copies and repeated passages, scored the
// way ../shared/eval/score.py scores them. The labels only measure; nothing is taken from them.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { review } from '../../src/core/review/review';
import { LineIndex } from '../../src/core/text/text';

const DIR = path.join(__dirname, '../../../../shared/corpus/real-dev');

interface Labels {
  articles: { index: number; startLine: number; duplicateOf: number | null }[];
  repeatedPassages: { startLine: number; endLine?: number; column?: number; endColumn?: number; required?: boolean }[];
}

interface Counts { tp: number; predicted: number; gold: number; dupFound: number; dupGold: number; rtp: number; rfp: number; found: number; required: number }

const SEPARATOR_ONLY = /^[ \t]*(?:-{3,}|={3,}|\*{3,}|_{3,}|\f+)?[ \t]*$/;

function scoreFile(file: string): Counts {
  const text = readFileSync(file, 'utf8');
  const labels: Labels = JSON.parse(readFileSync(file.replace(/\.(txt|md)$/, '.labels.json'), 'utf8'));
  const r = review(text);
  const index = new LineIndex(text);
  const lines = text.split(/\r\n|\r|\n/);
  const golds = new Set(labels.articles.map(a => a.startLine));
  // A start on the separator or blank lines right above a title counts as that title.
  const snap = (line: number) => {
    if (golds.has(line)) return line;
    for (const g of golds) {
      if (line < g && g <= line + 3 && lines.slice(line - 1, g - 1).every(l => SEPARATOR_ONLY.test(l))) return g;
    }
    return line;
  };
  const predStart = new Map(r.articles.map(a => [a.index, snap(index.lineAt(a.range.start) + 1)]));
  const starts = new Set(predStart.values());
  const goldStart = new Map(labels.articles.map(a => [a.index, a.startLine]));
  let dupFound = 0;
  let dupGold = 0;
  for (const g of labels.articles) {
    if (g.duplicateOf === null) continue;
    dupGold++;
    const a = r.articles.find(x => predStart.get(x.index) === g.startLine);
    if (a && a.duplicateOf !== null && predStart.get(a.duplicateOf) === goldStart.get(g.duplicateOf)) dupFound++;
  }

  const pos = (offset: number) => { const p = index.positionAt(offset); return [p.line + 1, p.character + 1]; };
  const repeats = r.findings.filter(f => f.rule === 'repeated-passage' || f.rule === 'near-duplicate');
  const matches = (f: (typeof repeats)[number], l: Labels['repeatedPassages'][number]) => {
    const [sl, sc] = pos(f.range.start);
    const [el, ec] = pos(f.range.end);
    const last = ec === 1 && el > sl ? el - 1 : el;
    if (l.column !== undefined) {
      if (l.startLine < sl || l.startLine > last) return false;
      const a = l.startLine === sl ? sc : 1;
      const b = l.startLine === el ? ec : Infinity;
      return a < (l.endColumn ?? Infinity) && l.column < b;
    }
    const end = l.endLine ?? l.startLine;
    const inter = Math.max(0, Math.min(last, end) - Math.max(sl, l.startLine) + 1);
    return inter / ((last - sl + 1) + (end - l.startLine + 1) - inter) >= 0.8;
  };
  const required = labels.repeatedPassages.filter(l => l.required !== false);
  let rtp = 0;
  let rfp = 0;
  for (const f of repeats) {
    const hits = labels.repeatedPassages.filter(l => matches(f, l));
    if (hits.some(l => l.required !== false)) rtp++;
    else if (hits.length === 0) rfp++;
  }
  return {
    tp: [...starts].filter(s => golds.has(s)).length, predicted: starts.size, gold: golds.size, dupFound, dupGold,
    rtp, rfp, found: required.filter(l => repeats.some(f => matches(f, l))).length, required: required.length,
  };
}

function f1(p: number, r: number): number {
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

describe('real dumps (../shared/corpus/real-dev) against their labels', function () {
  this.timeout(120000);
  if (!existsSync(DIR)) {
    it('needs ../shared/corpus/real-dev beside the project', function () {
      // In CI the corpus must be there: a skip would hide a broken checkout.
      if (process.env.CI) assert.fail(`missing ${DIR} (required in CI)`);
      console.log(`    skipped: ${DIR} is absent, so article starts (per layout and on each half of the scraped dumps) are not scored`);
      this.skip();
    });
    return;
  }
  const files = readdirSync(DIR).filter(f => /\.(txt|md)$/.test(f));
  for (const set of ['scraped', 'news']) {
    it(`${set}: article starts F1 ≥ 0.95 (≥ 0.97 for news), every whole-article copy recognised, repeated passages F1 ≥ 0.95`, () => {
      const total: Counts = { tp: 0, predicted: 0, gold: 0, dupFound: 0, dupGold: 0, rtp: 0, rfp: 0, found: 0, required: 0 };
      for (const f of files.filter(x => x.startsWith(set))) {
        const c = scoreFile(path.join(DIR, f));
        for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += c[k];
      }
      const articles = f1(total.tp / total.predicted, total.tp / total.gold);
      const repeats = f1(total.rtp + total.rfp ? total.rtp / (total.rtp + total.rfp) : 1, total.found / total.required);
      const summary = `${set}: article starts F1 ${articles.toFixed(3)}, copies ${total.dupFound}/${total.dupGold}, repeated passages F1 ${repeats.toFixed(3)}`;
      console.log(`      ${summary}`);
      assert.ok(articles >= (set === 'news' ? 0.97 : 0.95), summary);
      assert.equal(total.dupFound, total.dupGold, summary);
      assert.ok(repeats >= 0.95, summary);
    });
  }

  // Measured as a stranger would (issue 16): the scraped dumps in two halves by their number (1–5
  // and 6–10, one dump of each layout in each half). What holds on one half and not on the other is
  // a fit to those files, not a mechanism; and every layout on its own reaches the goal.
  const scraped = files.filter(f => f.startsWith('scraped'));
  const counted = new Map<string, Counts>();
  const countsOf = (f: string) => {
    let c = counted.get(f);
    if (!c) counted.set(f, (c = scoreFile(path.join(DIR, f))));
    return c;
  };
  const articleF1 = (names: string[]) => {
    const c = names.map(countsOf);
    const tp = c.reduce((n, x) => n + x.tp, 0);
    return f1(tp / c.reduce((n, x) => n + x.predicted, 0), tp / c.reduce((n, x) => n + x.gold, 0));
  };
  const numberOf = (f: string) => Number(/\d+/.exec(f)![0]);

  it('scraped: article starts F1 on each half (dumps 1–5, 6–10) ≥ 0.95 and within 0.03 of each other', () => {
    const halves = [scraped.filter(f => numberOf(f) <= 5), scraped.filter(f => numberOf(f) > 5)].map(articleF1);
    const summary = `scraped article starts F1: first half ${halves[0].toFixed(3)}, second half ${halves[1].toFixed(3)}`;
    console.log(`      ${summary}`);
    assert.ok(halves.every(x => x >= 0.95), summary);
    assert.ok(Math.abs(halves[0] - halves[1]) <= 0.03, summary);
  });

  it('scraped: article starts F1 ≥ 0.95 on every layout', () => {
    const layouts = [...new Set(scraped.map(f => /-(\w+)\./.exec(f)![1]))].sort();
    const byLayout = layouts.map(l => [l, articleF1(scraped.filter(f => f.includes(`-${l}.`)))] as const);
    const summary = byLayout.map(([l, x]) => `${l} ${x.toFixed(3)}`).join(', ');
    console.log(`      scraped article starts F1 by layout: ${summary}`);
    assert.equal(layouts.length, 5, summary);
    assert.deepEqual(byLayout.filter(([, x]) => x < 0.95).map(([l]) => l), [], summary);
  });
});
