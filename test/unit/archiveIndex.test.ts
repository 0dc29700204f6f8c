// The on-disk index (--index, DuckDB) and its Parquet export (issue 15 items 5 and 6), through the
// bundled command line: a second run on an unchanged folder reviews nothing again, after one file
// is edited and another deleted it reviews only the edited one, and every report is the one a run
// without an index gives; the exported Parquet reads back in DuckDB, and the shipped SQL
// (sql/cross_file_copies.sql) finds the cross-file copies the CLI reports. Dumps written for this
// test. Skipped with a printed reason where the optional DuckDB client is not installed.
import * as assert from 'assert';
import * as childProcess from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ArchiveIndex } from '../../src/node/index/archiveIndex';
import { COLUMN_NAMES, FileFingerprint, fingerprintOf } from '../../src/core/collection/fingerprint';
import { review as reviewText } from '../../src/core/review/review';
import { defaultOptions } from '../../src/core/options/defaults';
import type { Review } from '../../src/core/model/types';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

interface Connection {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<{ getRowObjectsJson(): Record<string, unknown>[] }>;
  closeSync(): void;
}

function duckdb(): { DuckDBInstance: { create(file: string): Promise<{ connect(): Promise<Connection>; closeSync(): void }> } } | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('@duckdb/node-api');
  } catch {
    return undefined;
  }
}

const MILL = [
  'Paper mill to close after ninety years',
  'The paper mill on the canal will close at the end of the year, its owners said on Tuesday, ending ninety years of paper making in the town and putting two hundred jobs at risk.',
  'Union leaders said they had not been told before the announcement and asked the owners to keep the mill open while a buyer is sought for the site and its machines.',
];
const SCHOOL = [
  'New school opens on the old fairground',
  'A primary school for four hundred pupils opened on the old fairground site this week, the first new school in the district for twenty years, with a sports hall the town can use at weekends.',
  'Parents said the walk to school along the main road was still unsafe, and the council promised a crossing with lights before the winter term begins.',
];
const MARKET = [
  'Market traders win a cut in stall fees',
  'Traders at the covered market will pay a fifth less for their stalls from next month after the council agreed to cut fees to bring shoppers back to the town centre.',
  'The market manager said empty stalls had doubled in two years and that the cut would be reviewed after six months.',
];
const body = (parts: string[]) => `${parts.join('\n\n')}\n`;

function cli(cwd: string, args: string[]) {
  const r = childProcess.spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120000 });
  assert.strictEqual(r.error, undefined);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('on-disk index without its database client', function () {
  this.timeout(60000);
  it('--index and --export-parquet say the optional package is missing (exit 2, nothing written); the plain review runs', function () {
    const build = childProcess.spawnSync(process.execPath, [path.join(ROOT, 'esbuild.js'), '--quiet'], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(build.status, 0, build.stderr);
    // The bundles alone, in a folder with no node_modules above it: @duckdb/node-api cannot be found.
    const alone = fs.mkdtempSync(path.join(os.tmpdir(), 'er-nodb-'));
    try {
      for (const f of ['cli.js', 'cliWorker.js']) fs.copyFileSync(path.join(ROOT, 'dist', f), path.join(alone, f));
      fs.mkdirSync(path.join(alone, 'dumps'));
      fs.writeFileSync(path.join(alone, 'dumps', 'day1.txt'), `${body(MILL)}\n${body(MILL)}`);
      const run = (args: string[]) => childProcess.spawnSync(process.execPath, [path.join(alone, 'cli.js'), ...args], { cwd: alone, encoding: 'utf8', timeout: 60000 });
      const resolvable = childProcess.spawnSync(process.execPath, ['-e', "require.resolve('@duckdb/node-api')"], { cwd: alone }).status === 0;
      if (resolvable) {
        console.log('    skipped: @duckdb/node-api is found from the temporary folder too');
        this.skip();
      }
      for (const args of [['--index', 'index.duckdb'], ['--export-parquet', 'parquet']]) {
        const r = run([...args, 'dumps']);
        assert.strictEqual(r.status, 2, r.stderr);
        assert.match(r.stderr, /^editorial-review: the on-disk index needs the optional package @duckdb\/node-api, which is not installed .*npm install @duckdb\/node-api/m);
        assert.strictEqual(r.stdout, '');
      }
      assert.deepStrictEqual(fs.readdirSync(alone).sort(), ['cli.js', 'cliWorker.js', 'dumps']);
      const plain = run(['dumps']);
      assert.strictEqual(plain.status, 1, plain.stderr);
      assert.match(plain.stdout, /repeated-passage/);
    } finally {
      fs.rmSync(alone, { recursive: true, force: true });
    }
  });
});

describe('on-disk index (--index) and Parquet export', function () {
  this.timeout(180000);
  const client = duckdb();
  if (!client) {
    it('needs the optional package @duckdb/node-api', function () {
      console.log('    skipped: @duckdb/node-api is not installed (an optional dependency), so --index is not tested');
      this.skip();
    });
    return;
  }
  let dir: string;
  let work: string;
  before(() => {
    const build = childProcess.spawnSync(process.execPath, [path.join(ROOT, 'esbuild.js'), '--quiet'], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(build.status, 0, build.stderr);
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'er-index-'));
    dir = path.join(work, 'dumps');
    writeDumps(dir);
  });

  /** Three days: the school's last paragraph pasted into day 2, the school and market stories again on day 3. */
  function writeDumps(into: string): void {
    fs.mkdirSync(into, { recursive: true });
    fs.writeFileSync(path.join(into, 'day1.txt'), `${body(MILL)}\n${body(SCHOOL)}`);
    fs.writeFileSync(path.join(into, 'day2.txt'), `${body([MARKET[0], MARKET[1], SCHOOL[2], MARKET[2]])}\n${body(MILL)}`);
    fs.writeFileSync(path.join(into, 'day3.txt'), `${body(SCHOOL)}\n${body(MARKET)}`);
  }
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  const index = () => path.join(work, 'index.duckdb');
  const plain = () => cli(work, ['--format', 'json', 'dumps']).stdout;

  it('reads only new or changed files again, drops deleted ones, and reports what a run without an index does', () => {
    const first = cli(work, ['--format', 'json', '--index', index(), 'dumps']);
    assert.strictEqual(first.code, 1, first.stderr);
    assert.match(first.stderr, /3 of 3 files to review, 0 unchanged/);
    assert.strictEqual(first.stdout, plain());
    assert.match(first.stderr, /cross-file links of 0 of 3 files taken from it/);
    const second = cli(work, ['--format', 'json', '--index', index(), 'dumps']);
    assert.match(second.stderr, /0 of 3 files to review, 3 unchanged/);
    // Nothing changed: every file's links are the stored ones.
    assert.match(second.stderr, /cross-file links of 3 of 3 files taken from it/);
    assert.strictEqual(second.stdout, first.stdout);
    // Edit one file (a paragraph added) and delete another.
    fs.appendFileSync(path.join(dir, 'day2.txt'), '\nThe town museum will stay closed on Mondays for the rest of the year to save on heating, its trustees said.\n');
    fs.rmSync(path.join(dir, 'day3.txt'));
    const third = cli(work, ['--format', 'json', '--index', index(), 'dumps']);
    assert.match(third.stderr, /1 of 2 files to review, 1 unchanged/);
    // Day 1 comes before the edit and keeps its links; day 2's are found again.
    assert.match(third.stderr, /cross-file links of 1 of 2 files taken from it/);
    assert.strictEqual(third.stdout, plain());
    const fourth = cli(work, ['--format', 'markdown', '--index', index(), 'dumps']);
    assert.strictEqual(fourth.stdout, cli(work, ['--format', 'markdown', 'dumps']).stdout);
  });

  it('takes more unchanged files than one read of the index holds, in order', () => {
    // Twenty days, so that the unchanged files' stored results come in several reads.
    const many = path.join(work, 'many');
    for (let d = 1; d <= 20; d++) {
      const stories = [MILL, SCHOOL, MARKET];
      fs.mkdirSync(many, { recursive: true });
      fs.writeFileSync(path.join(many, `day${String(d).padStart(2, '0')}.txt`), `${body(stories[d % 3])}\n${body(stories[(d + 1) % 3])}`);
    }
    const file = path.join(work, 'many.duckdb');
    const cold = cli(work, ['--format', 'json', '--index', file, 'many']);
    assert.match(cold.stderr, /20 of 20 files to review, 0 unchanged/);
    const warm = cli(work, ['--format', 'json', '--index', file, 'many']);
    assert.match(warm.stderr, /0 of 20 files to review, 20 unchanged/);
    assert.strictEqual(warm.stdout, cli(work, ['--format', 'json', 'many']).stdout);
    assert.strictEqual(warm.stdout, cold.stdout);
  });

  it('finds the links of the files after a new one again, and keeps those before it', () => {
    const own = path.join(work, 'inserted');
    writeDumps(own);
    const file = path.join(work, 'inserted.duckdb');
    cli(work, ['--format', 'json', '--index', file, 'inserted']);
    // A file that sorts between day 1 and day 2, holding the mill story again.
    fs.writeFileSync(path.join(own, 'day1b.txt'), body(MILL));
    const r = cli(work, ['--format', 'json', '--index', file, 'inserted']);
    assert.match(r.stderr, /1 of 4 files to review, 3 unchanged/);
    assert.match(r.stderr, /cross-file links of 1 of 4 files taken from it/);
    assert.strictEqual(r.stdout, cli(work, ['--format', 'json', 'inserted']).stdout);
    // Another order puts every file's links in question.
    const byTime = cli(work, ['--format', 'json', '--order', 'mtime', '--index', file, 'inserted']);
    assert.match(byTime.stderr, /cross-file links of 0 of 4 files taken from it/);
    assert.strictEqual(byTime.stdout, cli(work, ['--format', 'json', '--order', 'mtime', 'inserted']).stdout);
  });

  it('is reused from any folder: it names files from the folder it was made from, and the report is what a run without an index gives there', async () => {
    const own = path.join(work, 'anywhere');
    writeDumps(own);
    const file = path.join(work, 'anywhere.duckdb');
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'er-elsewhere-'));
    try {
      const first = cli(work, ['--format', 'json', '--index', file, 'anywhere']);
      assert.match(first.stderr, /3 of 3 files to review, 0 unchanged/);
      // From inside the folder (paths "day1.txt"…), then from an unrelated one (absolute paths).
      for (const [cwd, target] of [[own, '.'], [elsewhere, own]]) {
        const r = cli(cwd, ['--format', 'json', '--index', file, target]);
        assert.match(r.stderr, /0 of 3 files to review, 3 unchanged/, `run from ${cwd}`);
        // The stored links too, with the files named as this run shows them.
        assert.match(r.stderr, /cross-file links of 3 of 3 files taken from it/, `run from ${cwd}`);
        assert.strictEqual(r.stdout, cli(cwd, ['--format', 'json', target]).stdout, `run from ${cwd}`);
      }
      const instance = await client.DuckDBInstance.create(file);
      const db = await instance.connect();
      const paths = (await db.runAndReadAll('SELECT DISTINCT path FROM bands ORDER BY path')).getRowObjectsJson().map(r => r.path);
      db.closeSync();
      instance.closeSync();
      // The first run's paths, which its Parquet export gives too.
      assert.deepStrictEqual(paths, ['anywhere/day1.txt', 'anywhere/day2.txt', 'anywhere/day3.txt']);
      const back = cli(work, ['--format', 'json', '--index', file, 'anywhere']);
      assert.match(back.stderr, /0 of 3 files to review, 3 unchanged/);
      assert.match(back.stderr, /cross-file links of 3 of 3 files taken from it/);
      assert.strictEqual(back.stdout, first.stdout);
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('after --fix keeps what the fixed files hold now: the next run reviews nothing again and reports what a run without an index does', () => {
    const own = path.join(work, 'fixed');
    fs.mkdirSync(own, { recursive: true });
    // Day 1 holds the mill story twice (--fix removes the second copy); day 2 is left as it is.
    fs.writeFileSync(path.join(own, 'day1.txt'), `${body(MILL)}\n${body(SCHOOL)}\n${body(MILL)}`);
    fs.writeFileSync(path.join(own, 'day2.txt'), body(MARKET));
    const file = path.join(work, 'fixed.duckdb');
    const fix = cli(work, ['--format', 'json', '--fix', '--index', file, 'fixed']);
    assert.match(fix.stderr, /day1\.txt: removed 1 repeated passage/);
    assert.strictEqual(fs.readFileSync(path.join(own, 'day1.txt'), 'utf8'), `${body(MILL)}\n${body(SCHOOL)}`);
    const next = cli(work, ['--format', 'json', '--index', file, 'fixed']);
    assert.match(next.stderr, /0 of 2 files to review, 2 unchanged/);
    assert.strictEqual(next.stdout, cli(work, ['--format', 'json', 'fixed']).stdout);
  });

  it('rebuilds an index made by an earlier version of its tables', async () => {
    const file = path.join(work, 'old.duckdb');
    const instance = await client.DuckDBInstance.create(file);
    const db = await instance.connect();
    await db.run(`CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)`);
    await db.run(`INSERT INTO meta VALUES ('schema', '1')`);
    await db.run(`CREATE TABLE files (path VARCHAR PRIMARY KEY, sort_key VARCHAR, size DOUBLE, mtime_ms DOUBLE, content_hash DOUBLE, options_key VARCHAR, fingerprint_version INTEGER, review VARCHAR, fingerprint VARCHAR)`);
    db.closeSync();
    instance.closeSync();
    const r = cli(work, ['--format', 'json', '--index', file, 'dumps']);
    assert.strictEqual(r.code, 1, r.stderr);
    assert.strictEqual(r.stdout, plain());
    assert.match(cli(work, ['--format', 'json', '--index', file, 'dumps']).stderr, /0 of 2 files to review, 2 unchanged/);
  });

  it('says clearly when the index cannot be opened (exit 2, nothing written)', () => {
    fs.writeFileSync(path.join(work, 'not-a-db.duckdb'), 'this is not a database');
    const r = cli(work, ['--format', 'json', '--index', path.join(work, 'not-a-db.duckdb'), 'dumps']);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /cannot open the index/);
    assert.strictEqual(r.stdout, '');
  });

  it('refuses a file that is no database, even one DuckDB would open as data (a .json or .csv file): exit 2, the file as it was', () => {
    for (const name of ['report.json', 'table.csv', 'notes.duckdb']) {
      const file = path.join(work, name);
      const content = name.endsWith('.csv') ? 'path,size\nday1.txt,10\n'.repeat(200) : name.endsWith('.json') ? JSON.stringify({ files: [{ path: 'day1.txt' }] }) : 'some notes, not a database\n'.repeat(200);
      fs.writeFileSync(file, content);
      const r = cli(work, ['--format', 'json', '--index', file, 'dumps']);
      assert.strictEqual(r.code, 2, r.stderr);
      assert.match(r.stderr, /is not an index of this tool \(not a DuckDB database\)/);
      assert.strictEqual(r.stdout, '');
      assert.strictEqual(fs.readFileSync(file, 'utf8'), content, `${name} was changed`);
      assert.deepStrictEqual(fs.readdirSync(work).filter(f => f.startsWith(`${name}.`)), [], `a file was made beside ${name}`);
    }
  });

  it('exports Parquet that DuckDB reads back, and the shipped SQL finds the copies the CLI reports', async () => {
    const out = path.join(work, 'parquet');
    writeDumps(path.join(work, 'fresh'));
    const r = cli(work, ['--format', 'json', '--export-parquet', out, 'fresh']);
    assert.strictEqual(r.code, 1, r.stderr);
    const db = await (await client.DuckDBInstance.create(':memory:')).connect();
    for (const t of ['files', 'articles', 'paragraphs', 'bands']) {
      await db.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet('${path.join(out, `${t}.parquet`).replace(/'/g, "''")}')`);
      const rows = (await db.runAndReadAll(`SELECT COUNT(*) AS n FROM ${t}`)).getRowObjectsJson();
      assert.ok(Number(rows[0].n) > 0, `${t} has rows`);
    }
    const rows = (await db.runAndReadAll(fs.readFileSync(path.join(ROOT, 'sql', 'cross_file_copies.sql'), 'utf8'))).getRowObjectsJson();
    // Every whole article the CLI marks as a copy of an article of an earlier file is whole in the
    // SQL's rows too, with the same original; every paragraph run it reports is among the rows.
    const report = JSON.parse(r.stdout) as { files: { path: string; articles: { index: number; duplicateOf: unknown }[]; findings: { rule: string; range: { start: { line: number } }; related: { path?: string }[] }[] }[] };
    let copies = 0;
    for (const file of report.files) {
      for (const a of file.articles) {
        const of = a.duplicateOf as { path: string; index: number } | null;
        if (typeof of !== 'object' || of === null) continue;
        copies++;
        const whole = rows.filter(x => x.path === file.path && Number(x.article) === a.index);
        assert.ok(whole.length > 0 && whole.every(x => x.whole_article === true && x.original_path === of.path && Number(x.original_article) === of.index), `${file.path} #${a.index}: ${JSON.stringify(whole)}`);
      }
      for (const f of file.findings) {
        if (f.rule !== 'repeated-passage' || !f.related.some(x => x.path !== undefined)) continue;
        assert.ok(rows.some(x => x.path === file.path && Number(x.start_line) === f.range.start.line), `${file.path} line ${f.range.start.line} among the SQL's copies`);
      }
    }
    assert.ok(copies >= 2, `the dumps hold whole-article copies across files (${copies})`);
    // Nothing in the first file is a copy, and every original comes earlier.
    assert.ok(rows.every(x => x.path !== 'fresh/day1.txt'));
  });
});

describe('on-disk index: rows written in batches', function () {
  this.timeout(60000);
  if (!duckdb()) {
    it('needs the optional package @duckdb/node-api', function () {
      console.log('    skipped: @duckdb/node-api is not installed (an optional dependency)');
      this.skip();
    });
    return;
  }

  /** A fingerprint and review of a small dump, as the CLI stores them. */
  function reviewed(name: string, parts: string[]): { fp: FileFingerprint; review: Review } {
    const text = body(parts);
    let fp: FileFingerprint | undefined;
    const review = reviewText(text, defaultOptions(), undefined, seen => (fp = fingerprintOf(seen, { path: name, size: text.length, mtimeMs: 1 })));
    return { fp: fp!, review };
  }

  for (const flushBytes of [1, 1 << 30]) {
    it(`reads back every file stored, each write batch ${flushBytes === 1 ? 'one file' : 'the whole run'}`, async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'er-batch-')), 'index.duckdb');
      const index = await ArchiveIndex.open(file, { flushBytes });
      const files = [reviewed('a.txt', MILL), reviewed('b.txt', SCHOOL), reviewed('c.txt', MARKET)];
      for (const [k, f] of files.entries()) await index.put(f.fp, f.review, 'o', false, k === 1 ? { key: 'k', json: '{"path":"b.txt"}' } : undefined);
      // Replacing a file whose rows may still wait in the batch.
      await index.put(files[2].fp, files[2].review, 'o', true);
      for (const f of files) {
        const back = await index.get(f.fp.path);
        assert.ok(back, f.fp.path);
        assert.deepStrictEqual(JSON.parse(JSON.stringify(back.review)), JSON.parse(JSON.stringify(f.review)));
        // The paragraph columns come back from their bytes, each as it was; the rest from JSON.
        assert.strictEqual(back.fingerprint.paragraphs.count, f.fp.paragraphs.count);
        for (const name of COLUMN_NAMES) assert.deepStrictEqual(back.fingerprint.paragraphs[name], f.fp.paragraphs[name], name);
        assert.deepStrictEqual(back.fingerprint.articles, f.fp.articles);
        assert.deepStrictEqual({ ...back.fingerprint, paragraphs: null, articles: null }, { ...f.fp, paragraphs: null, articles: null });
        assert.deepStrictEqual(back.links, f.fp.path === 'b.txt' ? { key: 'k', json: '{"path":"b.txt"}' } : undefined);
      }
      // Several at once, as an unchanged folder's run reads them: the stored ones, each the same.
      const many = await index.getMany(['c.txt', 'missing.txt', 'a.txt', 'b.txt']);
      assert.deepStrictEqual([...many.keys()].sort(), ['a.txt', 'b.txt', 'c.txt']);
      for (const f of files) assert.deepStrictEqual(JSON.parse(JSON.stringify(many.get(f.fp.path)!()!.review)), JSON.parse(JSON.stringify(f.review)));
      assert.deepStrictEqual([...(await index.stamps()).keys()].sort(), ['a.txt', 'b.txt', 'c.txt']);
      const bands = await index.query(`SELECT path, COUNT(*) AS n FROM bands GROUP BY path ORDER BY path`);
      assert.deepStrictEqual(bands.map(r => r.path), ['a.txt', 'b.txt', 'c.txt']);
      index.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    });
  }
});

describe('on-disk index and reports when the disk fills up', function () {
  this.timeout(180000);
  // A file size limit (`ulimit -f`, in KiB) stands in for a full disk: past it a write fails
  // with EFBIG. Standard output goes to a pipe, which the limit does not touch, unless a test
  // sends it to a file.
  const shell = process.platform !== 'win32' && childProcess.spawnSync('bash', ['-c', 'ulimit -f 64']).status === 0;
  if (!duckdb() || !shell) {
    it('needs @duckdb/node-api and a shell with ulimit', function () {
      console.log(`    skipped: ${!shell ? 'no bash with ulimit on this system' : '@duckdb/node-api is not installed (an optional dependency)'}`);
      this.skip();
    });
    return;
  }
  let work: string;
  before(() => {
    const build = childProcess.spawnSync(process.execPath, [path.join(ROOT, 'esbuild.js'), '--quiet'], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(build.status, 0, build.stderr);
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'er-full-'));
    // Thirty days of the sample dump: what the index stores of them is far past the limit below.
    fs.mkdirSync(path.join(work, 'dumps'));
    const sample = fs.readFileSync(path.join(ROOT, 'samples', 'wire-roundup.txt'));
    for (let day = 1; day <= 30; day++) fs.writeFileSync(path.join(work, 'dumps', `day${day}.txt`), sample);
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  const quoteArg = (a: string) => `'${a.replace(/'/g, "'\\''")}'`;
  /** The CLI with files limited to `kib` KiB; `stdoutFile` sends the report to that file. */
  function limited(kib: number, args: string[], stdoutFile?: string) {
    const command = `ulimit -f ${kib}; exec ${[process.execPath, CLI, ...args].map(quoteArg).join(' ')}${stdoutFile ? ` > ${quoteArg(stdoutFile)}` : ''}`;
    const r = childProcess.spawnSync('bash', ['-c', command], { cwd: work, encoding: 'utf8', timeout: 120000 });
    assert.strictEqual(r.error, undefined);
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }
  const plain = () => cli(work, ['--format', 'json', 'dumps']);

  it('an index it cannot write: says so (exit 2), the report is whole, and the next run stores it', () => {
    const index = path.join(work, 'index.duckdb');
    const r = limited(64, ['--format', 'json', '--index', index, 'dumps']);
    assert.strictEqual(r.code, 2, r.stderr);
    assert.match(r.stderr, /index .*index\.duckdb: cannot store results \(.+\)/);
    assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
    const expected = plain();
    assert.strictEqual(expected.code, 1);
    assert.strictEqual(r.stdout, expected.stdout);
    const again = cli(work, ['--format', 'json', '--index', index, 'dumps']);
    assert.strictEqual(again.code, 1, again.stderr);
    assert.strictEqual(again.stdout, expected.stdout);
    assert.match(cli(work, ['--format', 'json', '--index', index, 'dumps']).stderr, /0 of 30 files to review, 30 unchanged/);
  });

  it('Parquet it cannot write: says so (exit 2), and leaves the files of the last export as they were', () => {
    const out = path.join(work, 'parquet');
    // The index built first, without the limit: the limited run below writes only the Parquet.
    const index = path.join(work, 'export-index.duckdb');
    assert.strictEqual(cli(work, ['--quiet', '--index', index, '--export-parquet', out, 'dumps']).code, 1);
    const before = new Map(fs.readdirSync(out).map(f => [f, fs.readFileSync(path.join(out, f))]));
    assert.deepStrictEqual([...before.keys()].sort(), ['articles.parquet', 'bands.parquet', 'files.parquet', 'paragraphs.parquet']);
    const r = limited(8, ['--format', 'json', '--index', index, '--export-parquet', out, 'dumps']);
    assert.strictEqual(r.code, 2, r.stderr);
    assert.match(r.stderr, /cannot write the Parquet files to .*parquet: /);
    assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
    assert.strictEqual(r.stdout, plain().stdout);
    assert.deepStrictEqual(fs.readdirSync(out).sort(), [...before.keys()].sort(), 'no partial file left');
    for (const [f, bytes] of before) assert.ok(fs.readFileSync(path.join(out, f)).equals(bytes), f);
  });

  it('an export alone keeps its rows in a temporary database, removed at the end, and says so when it cannot make it', () => {
    const tmp = fs.mkdtempSync(path.join(work, 'tmp-'));
    const out = path.join(work, 'parquet-alone');
    const env = { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp };
    const ok = childProcess.spawnSync(process.execPath, [CLI, '--format', 'json', '--export-parquet', out, 'dumps'], { cwd: work, encoding: 'utf8', env });
    assert.strictEqual(ok.status, 1, ok.stderr);
    assert.strictEqual(ok.stdout, plain().stdout);
    assert.deepStrictEqual(fs.readdirSync(out).sort(), ['articles.parquet', 'bands.parquet', 'files.parquet', 'paragraphs.parquet']);
    assert.deepStrictEqual(fs.readdirSync(tmp), [], 'the temporary database is removed');
    const r = limited(8, ['--format', 'json', '--export-parquet', out, 'dumps']);
    assert.strictEqual(r.code, 2, r.stderr);
    assert.match(r.stderr, /cannot make the export's database: /);
    assert.strictEqual(r.stdout, '');
  });

  it('a report it cannot write (standard output to a file past the limit): says so, exit 2, no stack trace', () => {
    for (const jobs of ['1', '2']) {
      const r = limited(8, ['--format', 'json', '--jobs', jobs, 'dumps'], path.join(work, 'report.json'));
      assert.strictEqual(r.code, 2, r.stderr);
      assert.match(r.stderr, /cannot write the report to standard output: .*EFBIG/);
      assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
    }
  });

  it('--export-parquet into a file: refused before any review (exit 2, nothing written)', () => {
    const file = path.join(work, 'not-a-folder.parquet');
    fs.writeFileSync(file, 'x');
    for (const target of [file, path.join(file, 'below')]) {
      const r = cli(work, ['--format', 'json', '--export-parquet', target, 'dumps']);
      assert.strictEqual(r.code, 2);
      assert.match(r.stderr, /--export-parquet .*: .*is a file, not a folder/);
      assert.doesNotMatch(r.stderr, /files to review/);
      assert.strictEqual(r.stdout, '');
    }
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'x');
  });
});
