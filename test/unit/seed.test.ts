// The engine against the hand-made ground truth of the seed dump (../shared/corpus).
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { review } from '../../src/core/review/review';
import { LineIndex } from '../../src/core/text/text';
import { Finding } from '../../src/core/model/types';

const CORPUS = path.join(__dirname, '../../../../shared/corpus');
const DUMP = path.join(CORPUS, '000_3a395dbec85fd210.txt');
const LABELS = path.join(CORPUS, '000_3a395dbec85fd210.labels.json');

interface SpanLabel { line: number; column: number; endColumn: number; text: string; required: boolean }
interface Labels {
  articles: { index: number; startLine: number; endLine: number; title: string; duplicateOf: number | null }[];
  repeatedPassages: { startLine: number; endLine: number; originalStartLine: number; originalEndLine: number }[];
  unattributedClaims: SpanLabel[];
  loadedTerms: SpanLabel[];
}

/** [line, column] pairs, 1-based, compared in order. */
type Pos = [number, number];
const before = (a: Pos, b: Pos) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

describe('seed dump against its labels', function () {
  if (!existsSync(DUMP) || !existsSync(LABELS)) {
    // A clone of the project alone has no ../shared/corpus: skipped, saying so. In CI it must be
    // there (a skip would hide a broken checkout).
    const reason = `skipped: the seed dump is not there (${DUMP}); it lives in ../shared/corpus beside the project`;
    it('needs ../shared/corpus beside the project', function () {
      if (process.env.CI) assert.fail(`missing ${DUMP} (required in CI)`);
      console.log(`      ${reason}`);
      this.skip();
    });
    return;
  }
  const text = readFileSync(DUMP, 'utf8');
  const labels: Labels = JSON.parse(readFileSync(LABELS, 'utf8'));
  const result = review(text);
  const lines = new LineIndex(text);
  const pos = (offset: number): Pos => { const p = lines.positionAt(offset); return [p.line + 1, p.character + 1]; };
  const startLine = (offset: number) => lines.lineAt(offset) + 1;
  const endLine = (offset: number) => lines.lineAt(Math.max(0, offset - 1)) + 1;

  const spans = [
    ...labels.repeatedPassages.map(l => ({ rule: 'repeated-passage', start: [l.startLine, 1] as Pos, end: [l.endLine + 1, 0] as Pos, required: true, text: `lines ${l.startLine}-${l.endLine}` })),
    ...labels.unattributedClaims.map(l => ({ rule: 'unattributed-claim', start: [l.line, l.column] as Pos, end: [l.line, l.endColumn] as Pos, required: l.required, text: l.text })),
    ...labels.loadedTerms.map(l => ({ rule: 'loaded-term', start: [l.line, l.column] as Pos, end: [l.line, l.endColumn] as Pos, required: l.required, text: l.text })),
  ];
  const overlaps = (f: Finding, s: { start: Pos; end: Pos }) => before(pos(f.range.start), s.end) && before(s.start, pos(f.range.end));

  it('finds the 10 articles where they start, with their titles and repeats', () => {
    assert.deepEqual(result.articles.map(a => startLine(a.range.start)), labels.articles.map(a => a.startLine));
    assert.deepEqual(result.articles.map(a => a.duplicateOf), labels.articles.map(a => a.duplicateOf));
    assert.deepEqual(result.articles.map(a => a.title), labels.articles.map(a => a.title));
  });

  it('reports the 4 repeated articles as 4 findings with the right ranges and originals', () => {
    const repeats = result.findings.filter(f => f.rule === 'repeated-passage');
    assert.deepEqual(
      repeats.map(f => [startLine(f.range.start), endLine(f.range.end), startLine(f.related![0].range.start), endLine(f.related![0].range.end)]),
      labels.repeatedPassages.map(l => [l.startLine, l.endLine, l.originalStartLine, l.originalEndLine]),
    );
  });

  it('finds every required claim and loaded term', () => {
    const missed = spans.filter(s => s.required && !result.findings.some(f => f.rule === s.rule && overlaps(f, s)));
    assert.deepEqual(missed.map(s => `${s.rule} ${s.start.join(':')} ${s.text}`), []);
  });

  it('reports nothing that overlaps no label at all', () => {
    const unlabelled = result.findings.filter(f => !spans.some(s => overlaps(f, s)));
    assert.deepEqual(unlabelled.map(f => `${f.rule} ${pos(f.range.start).join(':')} ${text.slice(f.range.start, f.range.end)}`), []);
  });
});
