import * as assert from 'assert';
import * as childProcess from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from '../../src/cli/args';
import { collectFiles, firstInvalidUtf8, readTextFile } from '../../src/cli/files';
import { constants as bufferConstants } from 'buffer';
import { CliEngine, run } from '../../src/cli/main';
import { CONFIG_FILE_NAME } from '../../src/core/options/config';
import { applyEdits, removeAllRepeatedPassages } from '../../src/core/review/fixes';
import { review } from '../../src/core/review/review';
import { LineIndex } from '../../src/core/text/text';
import { Finding, Review, ReviewOptions, TextEdit } from '../../src/core/model/types';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

// ---- A stand-in engine, so that the command line is tested on its own --------------------------
// A line that repeats an earlier line is a repeated passage (the fix removes the whole line);
// "reportedly" is an unattributed claim and "Kiev" a loaded term.
const fakeEngine: CliEngine = {
  review(text: string, options?: ReviewOptions): Review {
    const rules = options?.rules;
    const on = (id: keyof NonNullable<typeof rules>) => !rules || rules[id].enabled;
    const index = new LineIndex(text);
    const findings: Finding[] = [];
    const seen = new Map<string, { start: number; end: number }>();
    for (let line = 0; line < index.lineCount; line++) {
      const start = index.lineStart(line);
      const end = index.lineContentEnd(line);
      const content = text.slice(start, end);
      if (content.trim() === '') continue;
      const original = seen.get(content);
      if (original && on('repeated-passage')) {
        findings.push({
          rule: 'repeated-passage',
          severity: rules?.['repeated-passage'].severity ?? 'warning',
          message: 'Repeated passage.',
          range: { start, end },
          related: [{ message: 'Original', range: original }],
          fixes: [{ title: 'Remove', edits: [{ range: { start, end: index.lineEndWithBreak(line) }, newText: '' }] }],
          data: { kind: 'paragraphs', original },
        });
      } else if (!original) seen.set(content, { start, end });
    }
    const words: [string, 'unattributed-claim' | 'loaded-term'][] = [['reportedly', 'unattributed-claim'], ['Kiev', 'loaded-term']];
    for (const [word, rule] of words) {
      if (!on(rule)) continue;
      for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
        const base = { severity: 'info' as const, message: `"${word}"`, range: { start: i, end: i + word.length } };
        findings.push(
          rule === 'unattributed-claim'
            ? { ...base, rule, data: { cue: word, matched: word, kind: 'hedge', insertAt: i + word.length, sentence: base.range } }
            : { ...base, rule, data: { term: word, matched: word, suggestions: ['Kyiv'], category: 'test', categoryDescription: undefined, note: 'A test.', quoted: false, sentence: base.range } },
        );
      }
    }
    return { articles: [], findings, stats: { layout: 'single', characters: text.length, paragraphs: 0, sentences: 0, timings: {}, truncated: {} } };
  },
  removeAllRepeatedPassages(review: Review): TextEdit[] {
    return review.findings
      .filter(f => f.rule === 'repeated-passage')
      .flatMap(f => f.fixes?.[0].edits ?? [])
      .sort((a, b) => a.range.start - b.range.start);
  },
  applyEdits(text: string, edits: TextEdit[]): string {
    let out = text;
    for (const e of [...edits].sort((a, b) => b.range.start - a.range.start)) {
      out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
    }
    return out;
  },
};

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(dir: string, args: string[], engine: CliEngine | undefined = fakeEngine): Outcome {
  let stdout = '';
  let stderr = '';
  const code = run(args, { cwd: dir, stdout: t => (stdout += t), stderr: t => (stderr += t), engine });
  return { code, stdout, stderr };
}

function builtCli(dir: string, args: string[], timeout = 60000): Outcome {
  const r = childProcess.spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout, maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function noStackTrace(o: Outcome): void {
  assert.doesNotMatch(o.stderr, /\n\s+at .+\(.+:\d+:\d+\)/, o.stderr);
  assert.doesNotMatch(o.stdout + o.stderr, /TypeError|ReferenceError|Error: /);
}

const PARAGRAPH =
  'The regional council met on Tuesday evening to approve the new budget for roads, schools and the water network, after months of debate between the two largest parties in the chamber.';
const DUMP = `Council approves budget\n\n${PARAGRAPH}\n\nThe minister reportedly left Kiev on Monday.\n\n${PARAGRAPH}\n\nThe vote ends a long dispute.\n`;
const CLEAN = 'Weather\n\nIt rained on Tuesday in the north of the country, the weather service said.\n';

let tmp: string;
function file(rel: string, content: string | Buffer): string {
  const p = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, content);
  return p;
}

describe('cli', () => {
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'er-cli-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe('cli: arguments', () => {
    it('parses flags in both forms', () => {
      const a = parseArgs(['--format=json', '-c', 'x.json', '--rules', 'loaded-term,repeated-passage', '--fix', '-q', 'a', '--', '-b']);
      assert.strictEqual(a.format, 'json');
      assert.strictEqual(a.config, 'x.json');
      assert.deepStrictEqual(a.rules, ['loaded-term', 'repeated-passage']);
      assert.ok(a.fix && a.quiet);
      assert.deepStrictEqual(a.paths, ['a', '-b']);
    });

    it('rejects bad usage with exit code 2 and a hint', () => {
      for (const args of [['--format', 'xml', 'a'], ['--bogus', 'a'], ['--rules', 'loaded-terms', 'a'], ['--rules', ',', 'a'], ['--config'], [], ['--fix=yes', 'a']]) {
        const o = cli(tmp, args);
        assert.strictEqual(o.code, 2, args.join(' '));
        assert.match(o.stderr, /^editorial-review: /);
        assert.strictEqual(o.stdout, '');
        noStackTrace(o);
      }
      assert.match(cli(tmp, ['--rules', 'loaded-terms', 'a']).stderr, /unknown rule "loaded-terms" in --rules; rules are repeated-passage, near-duplicate/);
    });

    it('prints help and version', () => {
      const help = cli(tmp, ['--help']);
      assert.strictEqual(help.code, 0);
      assert.match(help.stdout, /Usage: editorial-review/);
      assert.match(help.stdout, /--format/);
      const version = cli(tmp, ['--version']);
      assert.strictEqual(version.code, 0);
      assert.match(version.stdout, /^\d+\.\d+\.\d+/);
    });
  });

  describe('cli: input files', () => {
    it('finds .txt and .md files recursively, skipping node_modules and dot-folders', () => {
      file('d/a.txt', 'x');
      file('d/sub/b.MD', 'x');
      file('d/sub/c.json', 'x');
      file('d/node_modules/e.txt', 'x');
      file('d/.git/f.txt', 'x');
      const { files, errors } = collectFiles(['d', 'd/a.txt'], tmp, p => path.relative(tmp, p));
      assert.deepStrictEqual(files.map(f => path.relative(tmp, f)), [path.join('d', 'a.txt'), path.join('d', 'sub', 'b.MD')]);
      assert.deepStrictEqual(errors, []);
    });

    it('never reviews its own reports: skipped by name in folders and by content anywhere', () => {
      file('r/dump.txt', CLEAN);
      file('r/dump.editorial-review.md', '# anything\n');
      file('r/editorial-review-report.md', '# anything\n');
      file('r/saved-as.md', '# Editorial review\n\n1 file reviewed by editorial-review 0.1.0: no findings.\n');
      const { files } = collectFiles(['r'], tmp, p => path.relative(tmp, p));
      assert.deepStrictEqual(files.map(f => path.basename(f)), ['dump.txt', 'saved-as.md']);
      const o = cli(tmp, ['r']);
      assert.strictEqual(o.code, 0, o.stderr);
      assert.match(o.stderr, /saved-as\.md: a report of this tool, not a dump; skipped/);
      assert.match(o.stdout, /No findings in 1 file\./);
    });

    it('locates invalid UTF-8', () => {
      assert.strictEqual(firstInvalidUtf8(Buffer.from('héllo €𝄞', 'utf8')), -1);
      assert.strictEqual(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xc3, 0x28])), 2);
      assert.strictEqual(firstInvalidUtf8(Buffer.from([0x61, 0xe0, 0x80, 0x80])), 1); // overlong
      assert.strictEqual(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80])), 0); // surrogate
      assert.strictEqual(firstInvalidUtf8(Buffer.from([0x61, 0xf0, 0x9f])), 1); // truncated
      assert.strictEqual(firstInvalidUtf8(Buffer.from([0xff])), 0);
    });

    it('reads a BOM file without its BOM and remembers it', () => {
      const p = file('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('abc')]));
      const r = readTextFile(p, 'bom.txt');
      assert.ok(r.ok);
      if (r.ok) {
        assert.strictEqual(r.text, 'abc');
        assert.strictEqual(r.bom, true);
      }
    });

    it('reports a missing file, a folder without text files, and goes on with the others', () => {
      file('empty-dir/notes.json', '{}');
      file('ok.txt', CLEAN);
      const o = cli(tmp, ['missing.txt', 'empty-dir', 'ok.txt']);
      assert.strictEqual(o.code, 2);
      assert.match(o.stderr, /editorial-review: missing\.txt: no such file or folder/);
      assert.match(o.stderr, /editorial-review: empty-dir: no \.txt or \.md files in this folder/);
      assert.match(o.stdout, /No findings in 1 file\./);
      noStackTrace(o);
    });

    it('skips a binary file with a clear message (exit 2)', () => {
      file('bin.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]));
      const o = cli(tmp, ['bin.txt']);
      assert.strictEqual(o.code, 2);
      assert.match(o.stderr, /bin\.txt: looks like a binary file \(NUL byte at offset 4\); skipped/);
      noStackTrace(o);
    });

    it('skips UTF-16 and invalid UTF-8 naming the file and the byte offset (exit 2)', () => {
      file('latin1.txt', Buffer.from('line one\ncaf\xe9 au lait\n', 'latin1'));
      file('utf16.txt', Buffer.from('\ufeffhello', 'utf16le'));
      const o = cli(tmp, ['latin1.txt', 'utf16.txt']);
      assert.strictEqual(o.code, 2);
      assert.match(o.stderr, /latin1\.txt: is not valid UTF-8 \(byte 0xE9 at offset 12, line 2\)/);
      assert.match(o.stderr, /utf16\.txt: is UTF-16 text/);
      noStackTrace(o);
    });

    it('skips a file of more text than a JavaScript string holds, saying so (not "invalid UTF-8")', function () {
      this.timeout(60000);
      // Written in 1 MB pieces: one byte more than the longest string, all ASCII and valid.
      const p = path.join(tmp, 'huge.txt');
      const piece = Buffer.alloc(1 << 20, 'news dump line\n');
      const fd = fs.openSync(p, 'w');
      try {
        let left = bufferConstants.MAX_STRING_LENGTH + 1;
        while (left > 0) left -= fs.writeSync(fd, piece, 0, Math.min(piece.length, left));
      } catch (e) {
        fs.closeSync(fd);
        fs.rmSync(p);
        if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
        console.log('    skipped: no room on this disk for the half-gigabyte file the test needs');
        this.skip();
      }
      fs.closeSync(fd);
      const r = readTextFile(p, 'huge.txt');
      fs.rmSync(p);
      assert.strictEqual(r.ok, false);
      assert.match(r.ok ? '' : r.message, /^huge\.txt: is too large to review as one text \(536 MB; at most 536 MB of plain ASCII text fits in one string\); split it into smaller files; skipped$/);
    });

    it('reviews an empty file as clean', () => {
      file('empty.txt', '');
      const o = cli(tmp, ['empty.txt']);
      assert.strictEqual(o.code, 0, o.stderr);
      assert.strictEqual(o.stderr, '');
    });
  });

  describe('cli: results and formats', () => {
    it('exits 0 when nothing is found and 1 when something is', () => {
      file('clean.txt', CLEAN);
      file('dump.txt', DUMP);
      assert.strictEqual(cli(tmp, ['clean.txt']).code, 0);
      const o = cli(tmp, ['dump.txt', 'clean.txt']);
      assert.strictEqual(o.code, 1);
      assert.match(o.stdout, /^dump\.txt:5:14: info unattributed-claim /m);
      assert.match(o.stdout, /^dump\.txt:7:1: warning repeated-passage /m);
      assert.match(o.stdout, /in 1 of 2 files\.$/m);
    });

    it('exit code 2 wins over findings', () => {
      file('dump.txt', DUMP);
      assert.strictEqual(cli(tmp, ['dump.txt', 'missing.txt']).code, 2);
    });

    it('writes parseable JSON, SARIF and Markdown to stdout only', () => {
      file('sub/dump.txt', DUMP);
      const json = cli(tmp, ['--format', 'json', 'sub']);
      assert.strictEqual(json.code, 1);
      const report = JSON.parse(json.stdout);
      assert.strictEqual(report.tool.name, 'editorial-review');
      assert.strictEqual(report.files[0].path, 'sub/dump.txt');
      assert.ok(report.files[0].findings.length >= 3);
      const sarif = JSON.parse(cli(tmp, ['--format=sarif', 'sub']).stdout);
      assert.strictEqual(sarif.version, '2.1.0');
      const result = sarif.runs[0].results[0];
      assert.strictEqual(result.locations[0].physicalLocation.artifactLocation.uri, 'sub/dump.txt');
      assert.strictEqual(sarif.runs[0].tool.driver.rules[result.ruleIndex].id, result.ruleId);
      const md = cli(tmp, ['--format', 'markdown', 'sub']);
      assert.match(md.stdout, /^# Editorial review/);
      assert.strictEqual(json.stderr + md.stderr, '');
    });

    it('--rules runs only the rules listed, whatever the config says', () => {
      file('dump.txt', DUMP);
      file(CONFIG_FILE_NAME, JSON.stringify({ rules: { 'loaded-term': 'off' } }));
      const json = JSON.parse(cli(tmp, ['--format', 'json', '--rules', 'loaded-term', 'dump.txt']).stdout);
      assert.deepStrictEqual([...new Set(json.files[0].findings.map((f: { rule: string }) => f.rule))], ['loaded-term']);
    });

    it('--quiet prints findings only', () => {
      file('dump.txt', DUMP);
      const o = cli(tmp, ['--quiet', 'dump.txt']);
      assert.strictEqual(o.code, 1);
      assert.doesNotMatch(o.stdout, /findings? \(/);
    });

    it('reports an engine failure as a one-line internal error (exit 2)', () => {
      file('dump.txt', DUMP);
      const broken: CliEngine = { ...fakeEngine, review: () => { throw new TypeError('boom\n    at x (y.js:1:2)'); } };
      const o = cli(tmp, ['dump.txt'], broken);
      assert.strictEqual(o.code, 2);
      assert.strictEqual(o.stderr, 'editorial-review: internal error while reviewing dump.txt: boom\n');
    });
  });

  describe('cli: config files', () => {
    it('uses the nearest config file', () => {
      file('a/dump.txt', DUMP);
      file(`a/${CONFIG_FILE_NAME}`, JSON.stringify({ rules: { 'repeated-passage': 'error', 'loaded-term': 'off', 'unattributed-claim': 'off' } }));
      const o = cli(tmp, ['a/dump.txt']);
      assert.match(o.stdout, /^a\/dump\.txt:7:1: error repeated-passage /m);
      assert.doesNotMatch(o.stdout, /loaded-term/);
    });

    it('a broken config file gets a clear error naming the file and exit 2', () => {
      file('a/dump.txt', DUMP);
      const config = file(`a/${CONFIG_FILE_NAME}`, '{\n  "minWords": 8\n  "rules": {}\n}\n');
      const o = cli(tmp, ['a/dump.txt']);
      assert.strictEqual(o.code, 2);
      assert.ok(o.stderr.includes(`${config}:3:3: invalid JSON (line 3, column 3): expected ','`), o.stderr);
      noStackTrace(o);
    });

    it('--config FILE: invalid options, a missing file (exit 2)', () => {
      file('dump.txt', DUMP);
      file('bad.json', '{"minWords": "eight"}');
      const o = cli(tmp, ['--config', 'bad.json', 'dump.txt']);
      assert.strictEqual(o.code, 2);
      assert.match(o.stderr, /bad\.json: "minWords" must be an integer from 1 to 100, got "eight"/);
      const missing = cli(tmp, ['--config', 'nope.json', 'dump.txt']);
      assert.strictEqual(missing.code, 2);
      assert.match(missing.stderr, /nope\.json: cannot read the config file: no such file/);
    });
  });

  describe('cli: --fix', () => {
    const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

    it('never writes without --fix', () => {
      const p = file('dump.txt', DUMP);
      const before = fs.readFileSync(p);
      const stat = fs.statSync(p);
      for (const format of ['text', 'json', 'sarif', 'markdown']) cli(tmp, ['--format', format, 'dump.txt']);
      assert.ok(fs.readFileSync(p).equals(before));
      assert.strictEqual(fs.statSync(p).mtimeMs, stat.mtimeMs);
      assert.deepStrictEqual(fs.readdirSync(tmp), ['dump.txt']);
    });

    it('removes repeated passages, keeping the rest byte for byte, the BOM, CRLF and the mode', () => {
      const crlf = DUMP.replace(/\n/g, '\r\n');
      const p = file('dump.txt', Buffer.concat([BOM, Buffer.from(crlf, 'utf8')]));
      fs.chmodSync(p, 0o640);
      const inode = fs.statSync(p).ino;
      const o = cli(tmp, ['--fix', '--format', 'json', 'dump.txt']);
      const after = fs.readFileSync(p);
      const removed = `${PARAGRAPH}\r\n`;
      const at = crlf.lastIndexOf(removed);
      const expected = Buffer.concat([BOM, Buffer.from(crlf.slice(0, at) + crlf.slice(at + removed.length), 'utf8')]);
      assert.ok(after.equals(expected), JSON.stringify(after.toString('utf8')));
      assert.match(o.stderr, /^dump\.txt: removed 1 repeated passage$/m);
      // The report shows what is left, and stdout stays JSON.
      const report = JSON.parse(o.stdout);
      assert.ok(!report.files[0].findings.some((f: { rule: string }) => f.rule === 'repeated-passage'));
      assert.strictEqual(o.code, 1);
      assert.strictEqual(fs.statSync(p).mode & 0o777, 0o640);
      assert.notStrictEqual(fs.statSync(p).ino, inode, 'replaced atomically: a new file renamed over the old one');
      assert.deepStrictEqual(fs.readdirSync(tmp), ['dump.txt'], 'no copy of the original left');
    });

    it('removes web debris too when the config file says fixAllRemovesWebDebris', () => {
      const debris = 'Share this article on Facebook';
      const text = DUMP.replace('The vote ends a long dispute.', `${debris}\n\nThe vote ends a long dispute.`);
      const engine: CliEngine = { review, removeAllRepeatedPassages, applyEdits };
      const p = file('dump.txt', text);
      cli(tmp, ['--fix', 'dump.txt'], engine);
      assert.ok(fs.readFileSync(p, 'utf8').includes(debris), 'by default --fix leaves web debris');
      file(CONFIG_FILE_NAME, '{ "fixAllRemovesWebDebris": true }');
      fs.writeFileSync(p, text);
      const o = cli(tmp, ['--fix', 'dump.txt'], engine);
      const after = fs.readFileSync(p, 'utf8');
      assert.ok(!after.includes(debris));
      assert.equal(after.split(PARAGRAPH).length - 1, 1, 'the repeat is removed too');
      assert.ok(after.includes('The minister reportedly left Kiev on Monday.') && after.includes('The vote ends a long dispute.'));
      assert.match(o.stderr, /dump\.txt: removed 1 repeated passage and 1 line of web debris/);
    });

    it('does not touch a file with nothing to remove', () => {
      const p = file('dump.txt', 'The minister reportedly left.\n');
      const inode = fs.statSync(p).ino;
      const o = cli(tmp, ['--fix', 'dump.txt']);
      assert.strictEqual(o.code, 1);
      assert.strictEqual(fs.statSync(p).ino, inode);
      assert.strictEqual(o.stderr, '');
    });

    it('refuses to fix a read-only file (exit 2)', () => {
      const p = file('dump.txt', DUMP);
      fs.chmodSync(p, 0o444);
      const o = cli(tmp, ['--fix', 'dump.txt']);
      assert.strictEqual(o.code, 2);
      assert.match(o.stderr, /dump\.txt: is read-only; not fixed/);
      assert.strictEqual(fs.readFileSync(p, 'utf8'), DUMP);
    });

    it('writes through a symbolic link to its target', function () {
      const target = file('real/dump.txt', DUMP);
      const link = path.join(tmp, 'link.txt');
      try {
        fs.symlinkSync(target, link);
      } catch {
        this.skip();
      }
      cli(tmp, ['--fix', 'link.txt']);
      assert.ok(fs.lstatSync(link).isSymbolicLink());
      assert.strictEqual(fs.readFileSync(target, 'utf8').split(PARAGRAPH).length, 2);
    });
  });

  describe('cli: the bundle', function () {
    this.timeout(120000);

    before(() => {
      const r = childProcess.spawnSync(process.execPath, [path.join(ROOT, 'esbuild.js'), '--quiet'], { cwd: ROOT, encoding: 'utf8' });
      assert.strictEqual(r.status, 0, `node esbuild.js failed:\n${r.stdout}${r.stderr}`);
    });

    it('starts with a shebang and contains no database client or dotenv', () => {
      const code = fs.readFileSync(CLI, 'utf8');
      assert.ok(code.startsWith('#!/usr/bin/env node\n'));
      assert.doesNotMatch(code, /require\(["'](dotenv|mongoose|mongodb|pg|redis|memjs)["']\)/);
    });

    it('the build check catches forbidden packages in a metafile', async () => {
      // The build script is CommonJS JavaScript: loaded as such.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { checkMetafile } = require(path.join(ROOT, 'esbuild.js'));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const esbuild = require('esbuild');
      const entry = path.join(tmp, 'entry.js');
      fs.writeFileSync(entry, `require(${JSON.stringify(path.join(ROOT, 'node_modules/dotenv'))}).config();\n`);
      const result = await esbuild.build({ entryPoints: [entry], bundle: true, write: false, platform: 'node', metafile: true, logLevel: 'silent' });
      const problems: string[] = checkMetafile(result.metafile);
      assert.ok(problems.some(p => /dotenv/.test(p)), problems.join('\n'));
      assert.deepStrictEqual(checkMetafile({ inputs: { 'node_modules/natural/lib/natural/stemmers/porter_stemmer.js': {} }, outputs: {} }), []);
      assert.strictEqual(checkMetafile({ inputs: { 'node_modules/natural/lib/natural/index.js': {} }, outputs: {} }).length, 1);
    });

    it('runs from a copy of dist/ alone, with no node_modules anywhere above it', () => {
      // Runtime dependencies are bundled (package.json lists none): the installed CLI needs nothing else.
      const alone = fs.mkdtempSync(path.join(os.tmpdir(), 'er-alone-'));
      try {
        for (let dir = alone; ; dir = path.dirname(dir)) {
          assert.ok(!fs.existsSync(path.join(dir, 'node_modules')), `${dir} has a node_modules folder`);
          if (path.dirname(dir) === dir) break;
        }
        fs.mkdirSync(path.join(alone, 'dist'));
        fs.copyFileSync(CLI, path.join(alone, 'dist', 'cli.js'));
        const dump = 'Storm hits coast\n\nThe storm reportedly destroyed the harbour wall near the old town.\n\nStorm hits coast\n\nThe storm reportedly destroyed the harbour wall near the old town.\n';
        fs.writeFileSync(path.join(alone, 'dump.txt'), dump);
        const r = childProcess.spawnSync(process.execPath, [path.join('dist', 'cli.js'), '--format', 'json', 'dump.txt'], { cwd: alone, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
        assert.strictEqual(r.stderr, '');
        const report = JSON.parse(r.stdout);
        const rules = new Set(report.files[0].findings.map((f: { rule: string }) => f.rule));
        assert.ok(rules.has('repeated-passage') && rules.has('unattributed-claim'), [...rules].join(', '));
        const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
        assert.deepStrictEqual(Object.keys(pkg.dependencies ?? {}), [], 'runtime dependencies are bundled, so package.json lists none');
      } finally {
        fs.rmSync(alone, { recursive: true, force: true });
      }
    });

    it('answers --version, --help and usage errors without the engine', () => {
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
      assert.strictEqual(builtCli(tmp, ['--version']).stdout, `${pkg.version}\n`);
      assert.strictEqual(builtCli(tmp, ['--help']).code, 0);
      const bad = builtCli(tmp, ['--format', 'xml', 'x']);
      assert.strictEqual(bad.code, 2);
      noStackTrace(bad);
      const missing = builtCli(tmp, ['missing.txt']);
      assert.strictEqual(missing.code, 2);
      assert.match(missing.stderr, /missing\.txt: no such file or folder/);
    });

    // The tests below run the real engine.
    it('finds the repeated paragraph, the hedge and the loaded term (exit 1), in every format', () => {
      file('dump.txt', DUMP);
      const text = builtCli(tmp, ['dump.txt']);
      assert.strictEqual(text.code, 1, text.stderr);
      assert.match(text.stdout, /^dump\.txt:7:1: \w+ repeated-passage /m);
      assert.match(text.stdout, /^dump\.txt:5:\d+: \w+ unattributed-claim /m);
      assert.match(text.stdout, /^dump\.txt:5:\d+: \w+ loaded-term /m);
      const json = JSON.parse(builtCli(tmp, ['--format', 'json', 'dump.txt']).stdout);
      const repeated = json.files[0].findings.filter((f: { rule: string }) => f.rule === 'repeated-passage');
      assert.strictEqual(repeated.length, 1);
      assert.strictEqual(repeated[0].related[0].range.start.line, 3);
      const sarif = JSON.parse(builtCli(tmp, ['--format', 'sarif', 'dump.txt']).stdout);
      assert.strictEqual(sarif.version, '2.1.0');
      assert.ok(sarif.runs[0].results.length >= 3);
      assert.match(builtCli(tmp, ['--format', 'markdown', 'dump.txt']).stdout, /Repeated passage/);
    });

    it('exit 0 on a clean file and on an empty one', () => {
      file('clean.txt', CLEAN);
      file('empty.txt', '');
      const o = builtCli(tmp, ['clean.txt', 'empty.txt']);
      assert.strictEqual(o.code, 0, o.stdout + o.stderr);
    });

    it('--fix removes the repeated paragraph only, keeping BOM, CRLF and the rest byte for byte', () => {
      const crlf = DUMP.replace(/\n/g, '\r\n');
      const bom = Buffer.from([0xef, 0xbb, 0xbf]);
      const p = file('dump.txt', Buffer.concat([bom, Buffer.from(crlf, 'utf8')]));
      const before = fs.readFileSync(p);
      builtCli(tmp, ['dump.txt']);
      assert.ok(fs.readFileSync(p).equals(before), 'unchanged without --fix');
      const o = builtCli(tmp, ['--fix', 'dump.txt']);
      assert.match(o.stderr, /dump\.txt: removed 1 repeated passage/);
      const after = fs.readFileSync(p);
      assert.ok(after.subarray(0, 3).equals(bom), 'BOM kept');
      const text = after.subarray(3).toString('utf8');
      assert.strictEqual(text.split(PARAGRAPH).length, 2, 'one copy left');
      assert.ok(!/[^\r]\n/.test(text), 'CRLF kept');
      // What came before the removed copy and what came after it are unchanged.
      const removedAt = crlf.lastIndexOf(PARAGRAPH);
      assert.ok(text.startsWith(crlf.slice(0, removedAt - 2)), text);
      assert.ok(text.endsWith('The vote ends a long dispute.\r\n'), text);
      assert.deepStrictEqual(fs.readdirSync(tmp), ['dump.txt']);
    });

    it('a 10 MB single line does not hang', () => {
      const line = 'Lorem ipsum dolor sit amet, the minister said on Monday. '.repeat(Math.ceil((10 * 1024 * 1024) / 58));
      file('big.txt', line);
      const started = Date.now();
      const o = builtCli(tmp, ['--format', 'json', 'big.txt'], 100000);
      assert.ok(o.code === 0 || o.code === 1, o.stderr);
      JSON.parse(o.stdout);
      assert.ok(Date.now() - started < 100000);
    });
  });
});
