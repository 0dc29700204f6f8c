// The command line refuses dangerous input and keeps what it writes over (issue 7): an empty PATH,
// a config file that is a named pipe, a NUL byte past the first kilobytes, hard links and setuid.
import * as assert from 'node:assert/strict';
import * as childProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs, UsageError } from '../../src/cli/args';
import { run } from '../../src/cli/main';

const MAIN = path.resolve(__dirname, '../../src/cli/main.js');
const PARAGRAPH = 'The regional council met on Tuesday evening to approve the new budget for roads and schools after months of debate.';
const DUMP = `Council approves budget\n\n${PARAGRAPH}\n\nThe vote ends a long dispute between the two parties.\n\n${PARAGRAPH}\n`;

let tmp: string;

function cli(args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = run(args, { cwd: tmp, stdout: t => (stdout += t), stderr: t => (stderr += t) });
  return { code, stdout, stderr };
}

/** The command line in its own process, killed if it does not finish in time (a hang fails). */
function spawned(args: string[], cwd: string): childProcess.SpawnSyncReturns<string> {
  const r = childProcess.spawnSync(process.execPath, [MAIN, ...args], { cwd, encoding: 'utf8', timeout: 15000 });
  assert.equal(r.error, undefined, `did not finish: ${r.error?.message}`);
  return r;
}

function mkfifo(p: string): boolean {
  return childProcess.spawnSync('mkfifo', [p]).status === 0;
}

describe('cli: refusing dangerous input', () => {
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'er-safety-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('an empty PATH is a usage error (exit 2), never the current folder', () => {
    fs.writeFileSync(path.join(tmp, 'dump.txt'), DUMP);
    for (const args of [['--fix', ''], ['--fix', '--', ''], ['', 'dump.txt']]) {
      assert.throws(() => parseArgs(args), UsageError);
      const o = cli(args);
      assert.equal(o.code, 2, args.join(' '));
      assert.match(o.stderr, /empty PATH/);
    }
    assert.equal(fs.readFileSync(path.join(tmp, 'dump.txt'), 'utf8'), DUMP, 'nothing rewritten');
  });

  it('--config naming a named pipe is refused with a clear message, without waiting for a writer', function () {
    const fifo = path.join(tmp, 'conf.json');
    if (!mkfifo(fifo)) this.skip();
    fs.writeFileSync(path.join(tmp, 'dump.txt'), DUMP);
    const r = spawned(['--config', 'conf.json', 'dump.txt'], tmp);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /conf\.json.*named pipe/);
  });

  it('a named pipe found upward as .editorial-review.json is refused too', function () {
    const fifo = path.join(tmp, '.editorial-review.json');
    if (!mkfifo(fifo)) this.skip();
    fs.mkdirSync(path.join(tmp, 'sub'));
    fs.writeFileSync(path.join(tmp, 'sub', 'dump.txt'), DUMP);
    const r = spawned(['sub/dump.txt'], tmp);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /\.editorial-review\.json.*named pipe/);
  });

  it('a NUL byte anywhere in the file makes it binary, not only in the first 8 KB', () => {
    const p = path.join(tmp, 'late.txt');
    const text = DUMP.repeat(200);
    fs.writeFileSync(p, text + '\0' + PARAGRAPH + '\n');
    const o = cli(['--fix', 'late.txt']);
    assert.equal(o.code, 2);
    assert.match(o.stderr, new RegExp(`late\\.txt: looks like a binary file \\(NUL byte at offset ${Buffer.byteLength(text)}\\)`));
    assert.equal(fs.readFileSync(p, 'utf8'), text + '\0' + PARAGRAPH + '\n');
  });
});

describe('cli: --fix keeps the file it writes', () => {
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'er-safety-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('keeps hard links, the inode and the setuid bit, and says how many passages it removed', () => {
    const p = path.join(tmp, 'dump.txt');
    const link = path.join(tmp, 'other-name.txt');
    fs.writeFileSync(p, DUMP);
    fs.chmodSync(p, 0o4750);
    fs.linkSync(p, link);
    const before = fs.statSync(p);
    const o = cli(['--fix', 'dump.txt']);
    assert.match(o.stderr, /^dump\.txt: removed 1 repeated passage$/m);
    const after = fs.statSync(p);
    assert.equal(after.ino, before.ino);
    assert.equal(after.nlink, 2);
    assert.equal(after.mode & 0o7777, before.mode & 0o7777);
    assert.equal(fs.readFileSync(link, 'utf8').split(PARAGRAPH).length, 2, 'the other name sees the fix');
    assert.deepEqual(fs.readdirSync(tmp).sort(), ['dump.txt', 'other-name.txt'], 'no copy left behind');
  });

  it('replaces a file without other links atomically, keeping its setuid mode', () => {
    const p = path.join(tmp, 'dump.txt');
    fs.writeFileSync(p, DUMP);
    fs.chmodSync(p, 0o4750);
    const before = fs.statSync(p);
    const o = cli(['--fix', 'dump.txt']);
    assert.match(o.stderr, /^dump\.txt: removed 1 repeated passage$/m);
    const after = fs.statSync(p);
    assert.notEqual(after.ino, before.ino, 'a new file renamed over the old one');
    assert.equal(after.mode & 0o7777, 0o4750);
    assert.equal(fs.readFileSync(p, 'utf8').split(PARAGRAPH).length, 2);
    assert.deepEqual(fs.readdirSync(tmp), ['dump.txt'], 'no temporary file left behind');
  });

  it('removes every repeat in one run, also past maxFindingsPerRule, and reports the count', () => {
    const originals = Array.from({ length: 6 }, (_, i) => `Paragraph number ${i} tells of a different council meeting held on a rainy day in town.`);
    const gaps = originals.map((_, i) => `Between the copies, note ${i} says something new about the weather and the roads.`);
    const text = [...originals, ...originals.flatMap((o, i) => [gaps[i], o])].join('\n\n') + '\n';
    fs.writeFileSync(path.join(tmp, 'dump.txt'), text);
    fs.writeFileSync(path.join(tmp, 'conf.json'), JSON.stringify({ maxFindingsPerRule: 2 }));
    const o = cli(['--fix', '--config', 'conf.json', 'dump.txt']);
    assert.match(o.stderr, /^dump\.txt: removed 6 repeated passages$/m);
    assert.equal(fs.readFileSync(path.join(tmp, 'dump.txt'), 'utf8'), [...originals, ...gaps].join('\n\n') + '\n');
  });
});
