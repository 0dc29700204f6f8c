// A folder reviewed as one collection by the command line (issue 14): a story that comes back in a
// later file is one finding pointing at its first occurrence, an updated version is its own kind,
// a pasted paragraph points into the other file, --apart reviews files on their own, and the
// report is the same byte for byte on one thread or several (issue 15). The dumps are written for
// this test.
import * as assert from 'assert';
import * as childProcess from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

const FERRY = [
  'Harbour board raises island ferry fares',
  'The harbour board voted on Monday to raise fares on the island ferry by eight percent from the first of next month, citing the rising cost of fuel and repairs to the older of its two boats.',
  'Commuters who cross every day said the rise would cost them more than a week of wages over a year, and the island council asked the board to keep a cheaper ticket for residents.',
  'The board chair said a resident ticket would be studied over the summer but that the service had lost money for three years running and could not wait longer.',
];
const BRIDGE = [
  'County delays work on the old river bridge',
  'Work to strengthen the old stone bridge over the river will start in the spring instead of this autumn, the county engineer told councillors, because the steel for the new supports arrives late.',
  'Lorries heavier than twelve tonnes will stay banned from the bridge until the work is done, which means a detour of nine miles through the villages to the north.',
];
const LIBRARY = [
  'Town library opens on Sundays',
  'The town library will open on Sunday afternoons from next week after volunteers offered to staff the desk, the first time in a decade that it has opened at weekends.',
  'The librarian said the reading room and the children corner would be open, while the local history archive would stay closed on Sundays for lack of trained staff.',
];

const article = (parts: string[]) => `${parts.join('\n\n')}\n`;

/** Monday's dump, Tuesday's (the ferry story again, the bridge's lorry paragraph pasted into a new story), Wednesday's (the ferry story updated). */
function writeFolder(dir: string): void {
  fs.writeFileSync(path.join(dir, 'day1.txt'), `${article(FERRY)}\n${article(BRIDGE)}`);
  fs.writeFileSync(path.join(dir, 'day2.txt'), `${article([LIBRARY[0], LIBRARY[1], BRIDGE[2], LIBRARY[2]])}\n${article(FERRY)}`);
  const updated = [
    'Island ferry fares to rise by eight percent next month',
    FERRY[1],
    FERRY[2].replace('more than a week of wages', 'more than ten days of wages'),
    'A public meeting on the fares will be held in the island hall on Thursday evening, the council said, and the board chair has agreed to attend and answer questions.',
  ];
  fs.writeFileSync(path.join(dir, 'day10.txt'), article(updated));
}

interface JsonArticle {
  index: number;
  title: string;
  duplicateOf: number | { path: string; index: number } | null;
  nearDuplicateOf?: { path?: string; index: number; similarity: number } | number;
}
interface JsonReport {
  files: { path: string; articles: JsonArticle[]; findings: { rule: string; message: string; related: { path?: string }[]; range: { start: { line: number } } }[] }[];
}

function cli(dir: string, args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = run(args, { cwd: dir, stdout: t => (stdout += t), stderr: t => (stderr += t) });
  return { code, stdout, stderr };
}

describe('command line: a folder is one collection', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'er-collection-'));
    writeFolder(dir);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('marks a story that comes back in a later file as a copy of its first occurrence, with the original in natural order (day2 before day10)', () => {
    const out = cli(dir, ['--format', 'json', '.']);
    assert.strictEqual(out.code, 1, out.stderr);
    const report = JSON.parse(out.stdout) as JsonReport;
    assert.deepStrictEqual(report.files.map(f => f.path), ['day1.txt', 'day2.txt', 'day10.txt']);
    const day2 = report.files[1];
    const copy = day2.articles.find(a => a.title.startsWith('Harbour board'));
    assert.deepStrictEqual(copy?.duplicateOf, { path: 'day1.txt', index: 1 });
    const finding = day2.findings.find(f => f.rule === 'repeated-passage' && /repeats article #1 of day1\.txt/.test(f.message));
    assert.ok(finding, day2.findings.map(f => f.message).join('\n'));
    assert.strictEqual(finding.related[0].path, 'day1.txt');
    // The first occurrence is never marked.
    assert.ok(report.files[0].articles.every(a => a.duplicateOf === null && a.nearDuplicateOf === undefined));
  });

  it('points a pasted paragraph at the other file, and reports the updated version as its own kind', () => {
    const report = JSON.parse(cli(dir, ['--format', 'json', '.']).stdout) as JsonReport;
    const pasted = report.files[1].findings.find(f => f.rule === 'repeated-passage' && f.message.startsWith('This paragraph repeats one of article #2 of day1.txt'));
    assert.ok(pasted, report.files[1].findings.map(f => f.message).join('\n'));
    assert.strictEqual(pasted.range.start.line, 5);
    const version = report.files[2].articles[0];
    assert.strictEqual(version.duplicateOf, null, 'an updated version is no copy');
    assert.ok(typeof version.nearDuplicateOf === 'object' && version.nearDuplicateOf.path === 'day1.txt' && version.nearDuplicateOf.index === 1, JSON.stringify(version));
    const finding = report.files[2].findings.find(f => f.rule === 'near-duplicate' && /updated version of article #1 of day1\.txt/.test(f.message));
    assert.ok(finding, report.files[2].findings.map(f => f.message).join('\n'));
    assert.match(finding.message, /headline reworded/);
  });

  it('--apart reviews each file on its own: nothing points into another file', () => {
    const report = JSON.parse(cli(dir, ['--format', 'json', '--apart', '.']).stdout) as JsonReport;
    for (const f of report.files) {
      assert.ok(f.articles.every(a => typeof a.duplicateOf !== 'object' || a.duplicateOf === null));
      assert.ok(f.findings.every(x => x.related.every(r => r.path === undefined)));
    }
  });

  it('--order mtime makes the oldest file the original', () => {
    const now = Date.now() / 1000;
    fs.utimesSync(path.join(dir, 'day2.txt'), now - 300, now - 300);
    fs.utimesSync(path.join(dir, 'day1.txt'), now - 100, now - 100);
    fs.utimesSync(path.join(dir, 'day10.txt'), now - 200, now - 200);
    const report = JSON.parse(cli(dir, ['--format', 'json', '--order', 'mtime', '.']).stdout) as JsonReport;
    assert.deepStrictEqual(report.files.map(f => f.path), ['day2.txt', 'day10.txt', 'day1.txt']);
    const copy = report.files[2].articles.find(a => a.title.startsWith('Harbour board'));
    assert.deepStrictEqual(copy?.duplicateOf, { path: 'day2.txt', index: 2 });
  });

  it('lists the stories found in several files in the Markdown report, and related locations in other files in SARIF', () => {
    const md = cli(dir, ['--format', 'markdown', '.']).stdout;
    assert.match(md, /## Stories in several files\n\n- Harbour board raises island ferry fares\n {2}- `day1\.txt` article 1, line 1 \(first\)\n {2}- `day2\.txt` article 2, line \d+ \(copy\)/);
    const sarif = JSON.parse(cli(dir, ['--format', 'sarif', '.']).stdout);
    const related = sarif.runs[0].results.flatMap((r: { relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.relatedLocations ?? []);
    assert.ok(related.some((l: { physicalLocation: { artifactLocation: { uri: string } } }) => l.physicalLocation.artifactLocation.uri === 'day1.txt'));
  });

  it('--fix removes the later copy and the pasted paragraph, keeps every original and the updated version', () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'er-collection-fix-'));
    try {
      writeFolder(copy);
      const before = ['day1.txt', 'day2.txt', 'day10.txt'].map(f => fs.readFileSync(path.join(copy, f), 'utf8'));
      const out = cli(copy, ['--fix', '.']);
      assert.notStrictEqual(out.code, 2, out.stderr);
      const after = ['day1.txt', 'day2.txt', 'day10.txt'].map(f => fs.readFileSync(path.join(copy, f), 'utf8'));
      assert.strictEqual(after[0], before[0], 'the originals stay');
      assert.strictEqual(after[2], before[2], 'the updated version stays');
      assert.ok(!after[1].includes(FERRY[1]) && !after[1].includes(BRIDGE[2]), after[1]);
      assert.ok(after[1].includes(LIBRARY[1]) && after[1].includes(LIBRARY[2]));
      // A fresh review finds no repeat left.
      const again = JSON.parse(cli(copy, ['--format', 'json', '.']).stdout) as JsonReport;
      assert.deepStrictEqual(again.files.flatMap(f => f.findings.filter(x => x.rule === 'repeated-passage').map(x => x.message)), []);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  it('writes the same report byte for byte on one thread and on several (the bundled CLI, --jobs)', function () {
    this.timeout(120000);
    const build = childProcess.spawnSync(process.execPath, [path.join(ROOT, 'esbuild.js'), '--quiet'], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(build.status, 0, build.stderr);
    for (const format of ['json', 'text', 'sarif', 'markdown']) {
      const outputs = ['1', '3'].map(jobs => childProcess.spawnSync(process.execPath, [CLI, '--format', format, '--jobs', jobs, '.'], { cwd: dir, encoding: 'utf8' }));
      for (const o of outputs) assert.strictEqual(o.status, 1, o.stderr);
      assert.strictEqual(outputs[1].stdout, outputs[0].stdout, format);
    }
  });
});
