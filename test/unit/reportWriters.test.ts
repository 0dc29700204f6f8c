// Reports written file by file (src/core/report/reportWriters.ts): the pieces a folder review writes
// as each file is done make the same document as the whole-report view of the same files, in every
// format, and each document is valid as it comes.
import * as assert from 'assert';
import { resolveOptions } from '../../src/core/options/config';
import { FileReview, toJsonReport, toSarif } from '../../src/core/report/report';
import { isReportText } from '../../src/core/report/reportFiles';
import { ReportChunk, ReportFormat, encodePart, filePart, formatReport, reportWriter } from '../../src/core/report/reportWriters';
import { review } from '../../src/core/review/review';

const TOOL = { name: 'editorial-review', version: '1.0.0' };

const PARAGRAPH =
  'Rescue teams worked through the night to clear the mountain road after a landslide cut off three villages, the regional authority said on Friday.';

function dump(path: string, body: string): FileReview {
  return { path, text: body, review: review(body, resolveOptions()) };
}

const FILES: FileReview[] = [
  dump('day1.txt', `Road reopens after slide\n\n${PARAGRAPH}\n\nThe mayor reportedly left Kiev on Monday.\n\n${PARAGRAPH}\n`),
  dump('day2 "quoted".md', 'Quiet day\n\nNothing of note happened in the valley.\n'),
  dump('day3.txt', `Slide clean-up goes on\n\nWorkers said the "regime" of checks would stay.\n\n${PARAGRAPH}\n\n${PARAGRAPH}\n`),
];

describe('reports written file by file', () => {
  const formats: ReportFormat[] = ['text', 'json', 'sarif', 'markdown'];

  it('piece by piece, give the bytes of the whole report in every format', () => {
    for (const format of formats) {
      const writer = reportWriter(format, { tool: TOOL });
      const pieces = [writer.begin(FILES.length), ...FILES.map(f => asString(writer.file(f))), writer.end()];
      assert.strictEqual(pieces.join(''), formatReport(format, FILES, { tool: TOOL }), format);
    }
  });

  it('write JSON and SARIF exactly as the whole document would be written', () => {
    for (const files of [FILES, FILES.slice(1, 2), []]) {
      assert.strictEqual(formatReport('json', files, { tool: TOOL }), `${JSON.stringify(toJsonReport(files, TOOL), null, 2)}\n`);
      assert.strictEqual(formatReport('sarif', files, { tool: TOOL }), `${JSON.stringify(toSarif(files, TOOL), null, 2)}\n`);
    }
  });

  it('point each SARIF result at its own file', () => {
    const log = JSON.parse(formatReport('sarif', FILES, { tool: TOOL }));
    const run = log.runs[0];
    assert.deepStrictEqual(run.artifacts.map((a: { location: { uri: string } }) => a.location.uri), ['day1.txt', 'day2%20%22quoted%22.md', 'day3.txt']);
    assert.ok(run.results.length > 0);
    for (const result of run.results) {
      const { uri, index } = result.locations[0].physicalLocation.artifactLocation;
      assert.strictEqual(run.artifacts[index].location.uri, uri);
    }
    assert.ok(run.results.some((r: { locations: { physicalLocation: { artifactLocation: { index: number } } }[] }) => r.locations[0].physicalLocation.artifactLocation.index === 2));
  });

  it('end the text report with totals for all files, and the Markdown report too, which is still recognised as a report', () => {
    const text = formatReport('text', FILES);
    const findings = FILES.reduce((n, f) => n + f.review.findings.length, 0);
    assert.match(text, new RegExp(`\\n\\n${findings} findings \\(.*\\) in 2 of 3 files\\.\\n$`));
    const md = formatReport('markdown', FILES, { tool: TOOL });
    assert.ok(isReportText(md));
    assert.match(md, new RegExp(`## Summary\\n\\n${findings} findings .* in 2 of 3 files reviewed\\.`));
  });

  it('join parts made apart from the writer (encoded, as a worker thread sends them) into the same bytes, in every format', () => {
    for (const format of formats) {
      const writer = reportWriter(format, { tool: TOOL });
      let out = writer.begin(FILES.length);
      FILES.forEach((file, i) => {
        const part = encodePart(filePart(format, file, i));
        assert.ok(part.body instanceof Uint8Array);
        out += asString(writer.add(part));
      });
      out += writer.end();
      assert.strictEqual(out, formatReport(format, FILES, { tool: TOOL }), format);
    }
  });

  it('refuse a part of another format', () => {
    const writer = reportWriter('json');
    assert.throws(() => writer.add(filePart('sarif', FILES[0])), /a sarif part given to a json report/);
  });

  it('keep an unreported file\'s number: the SARIF log lists it as an artifact without results, and the others point at their own', () => {
    const writer = reportWriter('sarif', { tool: TOOL });
    let out = writer.begin(3) + asString(writer.file(FILES[0])) + writer.unreported('broken.txt');
    assert.strictEqual(writer.added, 2);
    out += asString(writer.add(filePart('sarif', FILES[2], 2))) + writer.end();
    const run = JSON.parse(out).runs[0];
    assert.deepStrictEqual(run.artifacts.map((a: { location: { uri: string } }) => a.location.uri), ['day1.txt', 'broken.txt', 'day3.txt']);
    for (const result of run.results) {
      const { uri, index } = result.locations[0].physicalLocation.artifactLocation;
      assert.strictEqual(run.artifacts[index].location.uri, uri);
    }
    // JSON has no entry for it.
    const json = reportWriter('json');
    const doc = JSON.parse(json.begin(2) + asString(json.file(FILES[0])) + json.unreported('broken.txt') + json.end());
    assert.deepStrictEqual(doc.files.map((f: { path: string }) => f.path), ['day1.txt']);
  });
});

function asString(chunks: ReportChunk[]): string {
  return chunks.map(c => (typeof c === 'string' ? c : Buffer.from(c).toString('utf8'))).join('');
}
