// The benchmark: `npm run bench` (= `tsc -p . && node out/bench/run.js`). Figures, never pass/fail.
//
//   node out/bench/run.js [--quick] [--seed N] [--sizes 1,10,100] [--no-peers] [--no-cli] [--no-editor] [--no-folder]
//
// 1. Generates dumps of 1, 10 and 100 MB (MB = 1,000,000 bytes) from samples/wire-roundup.txt into
//    bench/out/ (bench/generate.ts; deterministic from the seed). --quick skips 100 MB.
// 2. CLI, whole process: `/usr/bin/time -v node dist/cli.js --format json FILE > /dev/null`
//    (wall time and peak RSS); without /usr/bin/time, a --require hook reports the child's
//    peak (VmHWM, else process.resourceUsage().maxRSS). Also on the seed corpus and the sample.
// 3. Engine in process: review(text) by stage (stats.timings), throughput, growth 1 → 10 → 100 MB,
//    memory the result and the reviewer's cache keep.
// 4. One file against the floor: the CLI's median wall time over bench/floor.ts (read + natural's bare
//    tokenisation) on the same dump, alternating
//    (10 MB target 4x), and its peak RSS over the text's size (100 MB target 8x).
// 5. Peers on the 1 and 10 MB dumps (bench/peers.ts, one process each): write-good, the retext
//    pipeline, alex, natural's WordTokenizer; each as a ratio to our review of the same file.
// 6. The editor scenario (bench/editor.ts) on a 2 MB dump.
// 7. A folder of 500 daily dumps, 100 MB (bench/folder.ts): the floor, the CLI with --jobs 1 and on
//    every core, the index built and re-run, medians of three rounds (one round moved by a tenth
//    from run to run on this shared machine); not with --quick or --no-folder.
// Writes bench/RESULTS.md and prints the same.

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Review } from '../src/core/model/types';
import { EditorResult, editorMarkdown } from './editor';
import { Engine, gc, loadEngine, message } from './engine';
import { GenerationStats, MB, findProjectRoot, generateFile } from './generate';
import { PEERS, PeerName, PeerResult } from './peers';
import { folderBenchmark } from './folder';

const ROOT = findProjectRoot();
const OUT_DIR = path.join(ROOT, 'bench', 'out');
const RESULTS = path.join(ROOT, 'bench', 'RESULTS.md');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SEED_CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', '000_3a395dbec85fd210.txt');
const SAMPLE = path.join(ROOT, 'samples', 'wire-roundup.txt');
/** A peer is run on the 10 MB dump only if 10x its 1 MB time stays under this. */
const PEER_10MB_BUDGET_MS = 120_000;

interface Args {
  quick: boolean;
  seed: number;
  sizes: number[];
  peers: boolean;
  cli: boolean;
  editor: boolean;
  /** The 100 MB folder of daily dumps (bench/folder.ts): floor, --jobs 1, every core, index cold and warm. */
  folder: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { quick: false, seed: 42, sizes: [1, 10, 100], peers: true, cli: true, editor: true, folder: true };
  let sizesGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') a.quick = true;
    else if (arg === '--seed') a.seed = Number(argv[++i]);
    else if (arg === '--sizes') {
      a.sizes = String(argv[++i]).split(',').map(Number);
      sizesGiven = true;
    } else if (arg === '--no-peers') a.peers = false;
    else if (arg === '--no-cli') a.cli = false;
    else if (arg === '--no-editor') a.editor = false;
    else if (arg === '--no-folder') a.folder = false;
    else {
      process.stderr.write(`bench: unknown argument ${arg}\nusage: node out/bench/run.js [--quick] [--seed N] [--sizes 1,10,100] [--no-peers] [--no-cli] [--no-editor] [--no-folder]\n`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(a.seed) || a.sizes.some((s) => !(s > 0))) {
    process.stderr.write('bench: --seed must be an integer and --sizes positive numbers\n');
    process.exit(2);
  }
  if (a.quick && !sizesGiven) a.sizes = a.sizes.filter((s) => s < 100);
  return a;
}

// ---- small helpers --------------------------------------------------------------------------

const log = (line: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};
/**
 * The figure kept from several runs: the best (shortest). The machine is shared (see the load average
 * in the results), and other work can only add time to a run, never take it away.
 */
const best = (xs: number[]): number => (xs.length === 0 ? NaN : Math.min(...xs));
/** The median: what the targets of issue 15 are stated in (a run of several, in the same minute). */
const median = (xs: number[]): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x: number): string => (!Number.isFinite(x) ? 'n/a' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const num = (x: number, digits = 1): string => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const mbOf = (bytes: number): string => (bytes / MB).toFixed(bytes < MB ? 3 : 2);
const ratio = (x: number): string => (!Number.isFinite(x) ? 'n/a' : x >= 10 ? `${x.toFixed(0)}x` : `${x.toFixed(2)}x`);

function table(head: string[], rows: string[][], align?: string[]): string {
  const al = align ?? head.map((_h, i) => (i === 0 ? '---' : '---:'));
  return [`| ${head.join(' | ')} |`, `| ${al.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

// ---- machine ---------------------------------------------------------------------------------

function machine(startLoad: number[], startFree: number): string[] {
  const cpus = os.cpus();
  let cpuModel = cpus[0]?.model?.trim() ?? 'unknown';
  if (cpuModel === 'unknown' || cpuModel === '') cpuModel = 'unknown CPU model';
  return [
    `- CPU: ${cpuModel}, ${cpus.length} logical cores (os.availableParallelism() = ${os.availableParallelism?.() ?? cpus.length})`,
    `- RAM: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(startFree / 2 ** 30).toFixed(1)} GiB free at start`,
    `- OS: ${os.type()} ${os.release()} (${os.arch()})`,
    `- Load average (1/5/15 min) at start ${startLoad.map((x) => x.toFixed(2)).join(' / ')}, at end ${os.loadavg().map((x) => x.toFixed(2)).join(' / ')}: other work on this shared machine runs alongside and makes the figures noisier`,
    `- Node: ${process.version}, V8 ${process.versions.v8}`,
    `- Date: ${new Date().toISOString()}`,
  ];
}

// ---- 1. dumps --------------------------------------------------------------------------------

interface Dump {
  sizeMB: number;
  file: string;
  stats: GenerationStats;
}

function makeDumps(sizes: number[], seed: number): Dump[] {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  return sizes.map((sizeMB) => {
    const file = path.join(OUT_DIR, `dump-${sizeMB}mb-seed${seed}.txt`);
    log(`generating ${sizeMB} MB → ${path.relative(ROOT, file)}`);
    const stats = generateFile(Math.round(sizeMB * MB), seed, file);
    return { sizeMB, file, stats };
  });
}

// ---- 2. CLI ----------------------------------------------------------------------------------

interface CliRun {
  label: string;
  bytes: number;
  wallMs: number[];
  /** Peak RSS of each run. */
  rssKB: number[];
  maxRssKB: number;
  exitCode: number | null;
  method: string;
  error?: string;
}

/** BENCH_NO_TIME=1 forces the fallback (to test it). */
const HAS_TIME = !process.env.BENCH_NO_TIME && fs.existsSync('/usr/bin/time');

/** One child `node SCRIPT ARGS…` (by default the CLI's JSON report of `file`), timed from outside. */
function runCliOnce(file: string, script: string[] = [CLI, '--format', 'json', file]): { wallMs: number; maxRssKB: number; exitCode: number | null; method: string; error?: string } {
  const devnull = fs.openSync('/dev/null', 'w');
  try {
    if (HAS_TIME) {
      const t = performance.now();
      const r = spawnSync('/usr/bin/time', ['-v', process.execPath, ...script], {
        stdio: ['ignore', devnull, 'pipe'],
        maxBuffer: 64 * 1024 * 1024,
        timeout: 15 * 60_000,
      });
      const wallMs = performance.now() - t;
      const err = r.stderr?.toString('utf8') ?? '';
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
      const code = /Exit status: (\d+)/.exec(err);
      const exitCode = code ? Number(code[1]) : r.status;
      return {
        wallMs,
        maxRssKB: rss ? Number(rss[1]) : NaN,
        exitCode,
        method: '/usr/bin/time -v',
        error: exitCode === 0 || exitCode === 1 ? undefined : cliError(err),
      };
    }
    // Fallback: a --require hook writes the child's own peak RSS to a file when it exits.
    const hook = path.join(OUT_DIR, 'maxrss-hook.js');
    const report = path.join(OUT_DIR, `maxrss-${process.pid}.txt`);
    // VmHWM where there is /proc: getrusage's maxRSS survives exec and would report this (large) parent's peak
    fs.writeFileSync(
      hook,
      [
        "process.on('exit', () => {",
        "  const fs = require('fs');",
        '  let kb = process.resourceUsage().maxRSS;',
        "  try { const m = /^VmHWM:\\s+(\\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8')); if (m) kb = Number(m[1]); } catch {}",
        '  fs.writeFileSync(process.env.BENCH_MAXRSS_FILE, String(kb));',
        '});',
        '',
      ].join('\n'),
    );
    fs.rmSync(report, { force: true });
    const t = performance.now();
    const r = spawnSync(process.execPath, ['--require', hook, ...script], {
      stdio: ['ignore', devnull, 'pipe'],
      env: { ...process.env, BENCH_MAXRSS_FILE: report },
      timeout: 15 * 60_000,
    });
    const wallMs = performance.now() - t;
    const maxRssKB = fs.existsSync(report) ? Number(fs.readFileSync(report, 'utf8')) : NaN;
    return {
      wallMs,
      maxRssKB,
      exitCode: r.status,
      method: 'a --require hook in the child reading its VmHWM (or process.resourceUsage().maxRSS), as /usr/bin/time is missing',
      error: r.status === 0 || r.status === 1 ? undefined : cliError(r.stderr?.toString('utf8') ?? ''),
    };
  } finally {
    fs.closeSync(devnull);
  }
}

function cliError(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l.trim() && !/^\t/.test(l) && !/Command (being timed|exited)/.test(l));
  return lines.slice(0, 2).join(' / ').slice(0, 300) || 'failed without a message';
}

function measureCli(label: string, file: string, runs: number): CliRun {
  const bytes = fs.statSync(file).size;
  const out: CliRun = { label, bytes, wallMs: [], rssKB: [], maxRssKB: 0, exitCode: null, method: '' };
  for (let i = 0; i < runs; i++) {
    const r = runCliOnce(file);
    out.method = r.method;
    out.exitCode = r.exitCode;
    if (r.error) {
      out.error = r.error;
      break;
    }
    out.wallMs.push(r.wallMs);
    out.rssKB.push(r.maxRssKB);
    out.maxRssKB = Math.max(out.maxRssKB, r.maxRssKB);
  }
  log(`CLI ${label}: ${out.error ? `failed: ${out.error}` : `${ms(best(out.wallMs))} ms, ${(out.maxRssKB / 1024).toFixed(0)} MiB`}`);
  return out;
}

function buildCli(): string {
  const esbuild = path.join(ROOT, 'esbuild.js');
  if (!fs.existsSync(esbuild)) return fs.existsSync(CLI) ? 'esbuild.js missing; using the existing dist/cli.js' : 'esbuild.js and dist/cli.js missing';
  const t = performance.now();
  const r = spawnSync(process.execPath, [esbuild, '--quiet'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) {
    const why = (r.stderr || r.stdout || '').trim().split('\n').slice(0, 3).join(' / ');
    return `\`node esbuild.js --quiet\` failed (${why}); ${fs.existsSync(CLI) ? 'using the existing dist/cli.js' : 'no dist/cli.js'}`;
  }
  return `built with \`node esbuild.js --quiet\` in ${ms(performance.now() - t)} ms`;
}

// ---- 3. engine in process --------------------------------------------------------------------

interface EngineRun {
  sizeMB: number;
  bytes: number;
  characters: number;
  runsMs: number[];
  timings: Record<string, number>;
  paragraphs: number;
  sentences: number;
  articles: number;
  byRule: Record<string, number>;
  truncated: Record<string, number>;
  error?: string;
}

function measureEngine(engine: Engine, dump: Dump, runs: number): EngineRun {
  const text = fs.readFileSync(dump.file, 'utf8');
  const out: EngineRun = {
    sizeMB: dump.sizeMB, bytes: dump.stats.bytes, characters: text.length, runsMs: [], timings: {}, paragraphs: 0,
    sentences: 0, articles: 0, byRule: {}, truncated: {},
  };
  try {
    const all: Array<{ ms: number; review: Review }> = [];
    for (let i = 0; i < runs; i++) {
      gc();
      const t = performance.now();
      const review = engine.review(text);
      const took = performance.now() - t;
      out.runsMs.push(took);
      all.push({ ms: took, review: { ...review, findings: [], articles: [] } });
      if (i === 0) {
        out.paragraphs = review.stats.paragraphs;
        out.sentences = review.stats.sentences;
        out.articles = review.articles.length;
        for (const f of review.findings) out.byRule[f.rule] = (out.byRule[f.rule] ?? 0) + 1;
        out.truncated = { ...(review.stats.truncated as Record<string, number>) };
      }
    }
    const fastest = [...all].sort((a, b) => a.ms - b.ms)[0];
    out.timings = { ...fastest.review.stats.timings };
    all.length = 0;

  } catch (err) {
    out.error = message(err);
  }
  log(`engine ${dump.sizeMB} MB: ${out.error ? `failed: ${out.error}` : `${ms(best(out.runsMs))} ms`}`);
  return out;
}

/** Stages the engine measures inside another stage (shown indented, not added to it). */
const SUBSTAGES: Record<string, string[]> = { analysis: ['sentences', 'claims', 'terms', 'sketches'] };

function stageRows(runs: EngineRun[]): string[][] {
  const keys: string[] = [];
  for (const r of runs) for (const k of Object.keys(r.timings)) if (!keys.includes(k)) keys.push(k);
  const subOf = new Map<string, string>();
  for (const [parent, subs] of Object.entries(SUBSTAGES)) if (keys.includes(parent)) for (const s of subs) subOf.set(s, parent);
  const ordered: string[] = [];
  for (const k of keys) {
    if (subOf.has(k)) continue;
    ordered.push(k);
    for (const s of SUBSTAGES[k] ?? []) if (keys.includes(s)) ordered.push(s);
  }
  const rows = ordered.map((k) => [
    subOf.has(k) ? `&nbsp;&nbsp;↳ ${k}` : k,
    ...runs.map((r) => {
      const v = r.timings[k];
      const total = best(r.runsMs);
      return v === undefined ? '–' : `${ms(v)} (${Math.round((100 * v) / total)}%)`;
    }),
  ]);
  rows.push(['**total (wall, best run)**', ...runs.map((r) => `**${ms(best(r.runsMs))}**`)]);
  return rows;
}

// ---- 4. peers --------------------------------------------------------------------------------

interface PeerRow {
  peer: PeerName;
  sizeMB: number;
  result?: PeerResult;
  skipped?: string;
  /** Stopped at this time limit (ms) without finishing. */
  timedOutMs?: number;
  error?: string;
}

class PeerTimeout extends Error {}

function runPeer(peer: PeerName, file: string, runs: number, timeoutMs: number): PeerResult {
  const script = path.join(__dirname, 'peers.js');
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', script, peer, file, '--runs', String(runs)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') throw new PeerTimeout(`stopped after ${timeoutMs / 1000} s`);
  if (r.status !== 0) {
    const why = r.signal ? `killed by ${r.signal}` : (r.stderr || '').trim().split('\n').slice(0, 2).join(' / ');
    throw new Error(why || `exit code ${r.status}`);
  }
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as PeerResult;
}

function measurePeers(dumps: Dump[]): { rows: PeerRow[]; notes: string[] } {
  const rows: PeerRow[] = [];
  const notes: string[] = [];
  const targets = dumps.filter((d) => d.sizeMB === 1 || d.sizeMB === 10).sort((a, b) => a.sizeMB - b.sizeMB);
  const oneMBms = new Map<PeerName, number>();
  for (const dump of targets) {
    for (const peer of Object.keys(PEERS) as PeerName[]) {
      const fast = peer === 'natural' || peer === 'write-good';
      const row: PeerRow = { peer, sizeMB: dump.sizeMB };
      const t1 = oneMBms.get(peer);
      if (dump.sizeMB === 10 && !fast && t1 !== undefined && t1 * 10 > PEER_10MB_BUDGET_MS) {
        row.skipped = `not run: 1 MB took ${ms(t1)} ms, so 10 MB would take over ${PEER_10MB_BUDGET_MS / 1000} s`;
        notes.push(`${peer} on 10 MB: ${row.skipped}.`);
        rows.push(row);
        continue;
      }
      log(`peer ${peer} on ${dump.sizeMB} MB`);
      try {
        // the slow peers get PEER_10MB_BUDGET_MS on 10 MB: they grow faster than linearly
        row.result = runPeer(peer, dump.file, fast ? 3 : 1, dump.sizeMB >= 10 && !fast ? PEER_10MB_BUDGET_MS : 10 * 60_000);
        if (dump.sizeMB === 1) oneMBms.set(peer, best(row.result.runsMs));
      } catch (err) {
        if (err instanceof PeerTimeout) {
          row.timedOutMs = PEER_10MB_BUDGET_MS;
          notes.push(`${peer} on ${dump.sizeMB} MB did not finish within ${PEER_10MB_BUDGET_MS / 1000} s and was stopped; its 1 MB figure is the comparison (it grows faster than linearly).`);
        } else {
          row.error = message(err);
          notes.push(`${peer} on ${dump.sizeMB} MB failed: ${row.error}`);
        }
      }
      log(`peer ${peer} on ${dump.sizeMB} MB: ${row.result ? `${ms(best(row.result.runsMs))} ms` : row.timedOutMs ? 'stopped at the time limit' : row.skipped ?? row.error}`);
      rows.push(row);
    }
  }
  return { rows, notes };
}

// ---- 4b. one file against the floor ---------------------------------------------------------

/**
 * The floor of a dump (bench/floor.ts: a Node process that reads it and runs natural's bare word
 * tokenisation, nothing else), timed from outside like the CLI, one floor run before each CLI run
 * (bench/folder.ts measures folders against the same floor).
 */
interface Floor {
  sizeMB: number;
  runsMs: number[];
  rssKB: number[];
  error?: string;
}

const FLOOR = path.join(__dirname, 'floor.js');

/** The CLI on one dump, each run after a run of the floor on the same dump (the same minute). */
function measureCliAndFloor(label: string, d: Dump, runs: number, floors: Floor[]): CliRun {
  const floor: Floor = { sizeMB: d.sizeMB, runsMs: [], rssKB: [] };
  floors.push(floor);
  const bytes = fs.statSync(d.file).size;
  const out: CliRun = { label, bytes, wallMs: [], rssKB: [], maxRssKB: 0, exitCode: null, method: '' };
  for (let i = 0; i < runs; i++) {
    const f = runCliOnce(d.file, [FLOOR, d.file]);
    if (f.exitCode !== 0) floor.error = f.error ?? `exit code ${f.exitCode}`;
    else {
      floor.runsMs.push(f.wallMs);
      floor.rssKB.push(f.maxRssKB);
    }
    const r = runCliOnce(d.file);
    out.method = r.method;
    out.exitCode = r.exitCode;
    if (r.error) {
      out.error = r.error;
      break;
    }
    out.wallMs.push(r.wallMs);
    out.rssKB.push(r.maxRssKB);
    out.maxRssKB = Math.max(out.maxRssKB, r.maxRssKB);
  }
  log(`CLI ${label}: ${out.error ? `failed: ${out.error}` : `${ms(median(out.wallMs))} ms (median), ${(out.maxRssKB / 1024).toFixed(0)} MiB; floor ${ms(median(floor.runsMs))} ms`}`);
  return out;
}

function floorSection(dumps: Dump[], cli: CliRun[], floors: Floor[]): string[] {
  const L: string[] = ['## One file against the floor', ''];
  L.push(
    'Issue 15 item 4: the whole process (`node dist/cli.js --format json FILE`, section above) against the floor: a process that reads the same file and runs one bare tokenisation over it (`bench/floor.ts`, natural\'s WordTokenizer), timed the same way, one floor run just before each CLI run; medians of the runs. Targets: 10 MB ≤ 4x the floor; 100 MB peak memory ≤ 8x the text (the last column: peak RSS bytes over the file’s bytes).',
    '',
  );
  const rows: string[][] = [];
  for (const d of dumps) {
    const c = cli.find((x) => x.label === `dump ${d.sizeMB} MB`);
    if (!c || c.error || c.wallMs.length === 0) continue;
    const f = floors.find((x) => x.sizeMB === d.sizeMB);
    const wall = median(c.wallMs);
    const floor = f && !f.error ? median(f.runsMs) : NaN;
    const rssMiB = median(c.rssKB) / 1024;
    const perText = (median(c.rssKB) * 1024) / d.stats.bytes;
    rows.push([
      `dump ${d.sizeMB} MB`, String(c.wallMs.length), c.wallMs.map(ms).join(', '), ms(wall),
      f ? (f.error ? `failed: ${f.error}` : `${f.runsMs.map(ms).join(', ')} → ${ms(floor)}`) : 'not measured',
      Number.isFinite(floor) ? ratio(wall / floor) : 'n/a', rssMiB.toFixed(0), `${num(perText, 1)}x`,
    ]);
    log(`one file ${d.sizeMB} MB: ${Number.isFinite(floor) ? `${ratio(wall / floor)} the floor, ` : ''}peak ${rssMiB.toFixed(0)} MiB = ${num(perText, 1)}x the text`);
  }
  if (rows.length === 0) return [...L, 'Not measured (no CLI runs on the dumps).', ''];
  L.push(table(['Dump', 'CLI runs', 'CLI wall ms, each', 'CLI wall ms (median)', 'floor ms, each → median', 'CLI / floor', 'peak RSS MiB (median)', 'peak RSS / text'], rows), '');
  return L;
}

// ---- report ----------------------------------------------------------------------------------

function report(args: Args, parts: {
  build: string;
  dumps: Dump[];
  engineError?: string;
  engineRuns: EngineRun[];
  cli: CliRun[];
  floors: Floor[];
  peers?: { rows: PeerRow[]; notes: string[] };
  editor?: string;
  wallMs: number;
  startLoad: number[];
  startFree: number;
}): string {
  const L: string[] = [];
  L.push('# Benchmark results', '');
  L.push(`Produced by \`npm run bench${args.quick ? ' -- --quick' : ''}\` (\`tsc -p . && node out/bench/run.js\`), seed ${args.seed}. Figures, not pass/fail. MB = 1,000,000 bytes. Whole run: ${(parts.wallMs / 1000).toFixed(0)} s.`, '');
  L.push('## Machine', '', ...machine(parts.startLoad, parts.startFree), '');

  L.push('## Dumps', '');
  L.push('Generated by `bench/generate.ts` from `samples/wire-roundup.txt` (headline-block layout): every fresh article recombines and varies a sample article (names, places, numbers, days, sentences mixed in from other articles, template sentences), and on top of that come the injected repeats below.', '');
  L.push(table(
    ['Dump', 'bytes', 'articles', 'paragraphs', 'exact repeat articles', 'near-dup articles', 'pasted paragraphs', 'pasted near-dup paragraphs', 'repeated sentences', 'generation ms'],
    parts.dumps.map((d) => [
      path.relative(ROOT, d.file), d.stats.bytes.toLocaleString('en'), String(d.stats.articles), String(d.stats.paragraphs),
      `${d.stats.exactRepeatArticles} (${num((100 * d.stats.exactRepeatArticles) / d.stats.articles)}%)`,
      `${d.stats.nearDuplicateArticles} (${num((100 * d.stats.nearDuplicateArticles) / d.stats.articles)}%)`,
      String(d.stats.repeatedParagraphs), String(d.stats.nearDuplicateParagraphs), String(d.stats.repeatedSentences), ms(d.stats.ms),
    ]),
  ), '');

  // CLI
  L.push('## CLI, whole process', '');
  if (!args.cli) L.push('Not run (--no-cli).', '');
  else {
    L.push(`\`node dist/cli.js --format json FILE > /dev/null\`; dist/cli.js ${parts.build}. Wall time from spawn to exit (best of the runs), peak RSS measured with ${parts.cli[0]?.method ?? (HAS_TIME ? '/usr/bin/time -v' : 'a --require hook')}.`, '');
    L.push(table(
      ['Input', 'MB', 'runs', 'wall ms (best)', 'MB/s', 'peak RSS MiB', 'exit code'],
      parts.cli.map((c) => c.error
        ? [c.label, mbOf(c.bytes), '0', `failed: ${c.error}`, '', '', String(c.exitCode)]
        : [c.label, mbOf(c.bytes), String(c.wallMs.length), ms(best(c.wallMs)), num(c.bytes / MB / (best(c.wallMs) / 1000), 2), (c.maxRssKB / 1024).toFixed(0), String(c.exitCode)]),
    ), '');
  }

  if (args.cli) L.push(...floorSection(parts.dumps, parts.cli, parts.floors));

  // Engine
  L.push('## Engine in process, by stage', '');
  const ok = parts.engineRuns.filter((r) => !r.error);
  if (parts.engineError) L.push(`**Engine not ready: ${parts.engineError}.** No engine figures in this run.`, '');
  for (const r of parts.engineRuns.filter((x) => x.error)) L.push(`Engine on ${r.sizeMB} MB failed: ${r.error}`, '');
  if (ok.length) {
    L.push('`review(text)` from src/core/review/review.ts with the default options, in this process after a warm-up; milliseconds per stage as the engine reports them in `stats.timings` (from the best run; the share is of its wall total). Indented stages are measured inside the stage above them.', '');
    L.push(table(['Stage', ...ok.map((r) => `${r.sizeMB} MB`)], stageRows(ok)), '');
    L.push(table(
      ['Measure', ...ok.map((r) => `${r.sizeMB} MB`)],
      [
        ['runs', ...ok.map((r) => String(r.runsMs.length))],
        ['wall ms, each run', ...ok.map((r) => r.runsMs.map(ms).join(', '))],
        ['throughput MB/s', ...ok.map((r) => num(r.bytes / MB / (best(r.runsMs) / 1000), 2))],
        ['ms per MB', ...ok.map((r) => ms(best(r.runsMs) / (r.bytes / MB)))],
        ['articles / paragraphs / sentences', ...ok.map((r) => `${r.articles} / ${r.paragraphs} / ${r.sentences}`)],
        ['findings by rule (after the per-rule cap)', ...ok.map((r) => Object.entries(r.byRule).map(([k, v]) => `${k} ${v}`).join(', '))],
        ['rules cut at the cap (found before the cut)', ...ok.map((r) => Object.entries(r.truncated).map(([k, v]) => `${k} ${v}`).join(', ') || 'none')],
      ],
    ), '');
  }

  // Growth
  L.push('## Growth 1 → 10 → 100 MB', '');
  const engineT = new Map(ok.map((r) => [r.sizeMB, best(r.runsMs)]));
  const cliT = new Map(
    parts.cli.filter((c) => !c.error && /^dump /.test(c.label)).map((c) => [Number(/^dump (\S+) MB/.exec(c.label)![1]), best(c.wallMs)]),
  );
  const bytesOf = new Map(parts.dumps.map((d) => [d.sizeMB, d.stats.bytes]));
  const sizes = [...bytesOf.keys()].sort((a, b) => a - b);
  const growthRows: string[][] = [];
  const step = (m: Map<number, number>, a: number, b: number): string =>
    m.has(a) && m.has(b) ? ratio(m.get(b)! / m.get(a)!) : 'n/a';
  for (let i = 1; i < sizes.length; i++) {
    const [a, b] = [sizes[i - 1], sizes[i]];
    growthRows.push([`${a} → ${b} MB`, ratio(bytesOf.get(b)! / bytesOf.get(a)!), step(engineT, a, b), step(cliT, a, b)]);
  }
  if (growthRows.length) {
    L.push('Time ratio between consecutive sizes (linear growth = the size ratio). The CLI includes Node start-up, reading and JSON output.', '');
    L.push(table(['Step', 'size ratio', 'engine time ratio', 'CLI wall ratio'], growthRows), '');
  } else L.push('Not enough sizes measured.', '');

  // Peers
  L.push('## Peers on the same dumps', '');
  if (!parts.peers) L.push('Not run (--no-peers).', '');
  else {
    L.push('Each peer runs in a process of its own (`bench/peers.ts`), warmed up on the first 64 KB, then timed on the whole file (module loading not counted). "vs ours" = peer time / our full review (all four rules, in process, best run, on the same file): above 1x the peer is slower than our review, below 1x it is faster.', '');
    for (const [name, what] of Object.entries(PEERS)) L.push(`- \`${name}\`: ${what}`);
    L.push('');
    const ours = new Map(ok.map((r) => [r.sizeMB, r]));
    const rows = parts.peers.rows.map((p) => {
      const o = ours.get(p.sizeMB);
      const oursMs = o ? best(o.runsMs) : NaN;
      if (p.timedOutMs) return [p.peer, `${p.sizeMB} MB`, `> ${ms(p.timedOutMs)} (stopped)`, '0', `< ${num(p.sizeMB / (p.timedOutMs / 1000), 2)}`, '', '', o ? `> ${ratio(p.timedOutMs / oursMs)}` : 'n/a'];
      if (!p.result) return [p.peer, `${p.sizeMB} MB`, p.skipped ?? `failed: ${p.error}`, '', '', '', '', ''];
      const t = best(p.result.runsMs);
      return [
        p.peer, `${p.sizeMB} MB`, ms(t), String(p.result.runsMs.length), num(p.result.bytes / MB / (t / 1000), 2),
        String(p.result.output), (p.result.maxRssKB / 1024).toFixed(0), o ? ratio(t / oursMs) : 'n/a (engine not ready)',
      ];
    });
    for (const o of ok.filter((r) => r.sizeMB === 1 || r.sizeMB === 10)) {
      rows.push(['**ours: review()**', `${o.sizeMB} MB`, ms(best(o.runsMs)), String(o.runsMs.length), num(o.bytes / MB / (best(o.runsMs) / 1000), 2), String(Object.values(o.byRule).reduce((a, b) => a + b, 0)), '', '1x']);
    }
    L.push(table(['Peer', 'input', 'ms (best)', 'runs', 'MB/s', 'output (messages or tokens)', 'peak RSS MiB', 'vs ours'], rows), '');
    // The same figures the other way round, as issue 4 states its targets.
    const derived: string[] = [];
    for (const o of ok.filter((x) => x.sizeMB === 1 || x.sizeMB === 10)) {
      const tOurs = best(o.runsMs);
      const find = (peer: PeerName) => parts.peers!.rows.find((p) => p.peer === peer && p.sizeMB === o.sizeMB);
      const nat = find('natural')?.result;
      const ret = find('retext');
      const bits: string[] = [];
      if (nat) bits.push(`our review takes ${ratio(tOurs / best(nat.runsMs))} the bare tokenisation pass`);
      if (ret?.result) bits.push(`the retext pipeline takes ${ratio(best(ret.result.runsMs) / tOurs)} our review`);
      else if (ret?.timedOutMs) bits.push(`the retext pipeline takes more than ${ratio(ret.timedOutMs / tOurs)} our review`);
      if (bits.length) derived.push(`- ${o.sizeMB} MB: ${bits.join('; ')}.`);
    }
    if (derived.length) L.push(...derived, '');
    if (parts.peers.notes.length) L.push(...parts.peers.notes.map((n) => `- ${n}`), '');
  }

  // Editor
  L.push('## Editor scenario (2 MB)', '');
  L.push(parts.editor ?? 'Not run (--no-editor).', '');
  return L.join('\n');
}

// ---- main ------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = performance.now();
  const startLoad = os.loadavg();
  const startFree = os.freemem();
  const args = parseArgs(process.argv.slice(2));
  log(`seed ${args.seed}, sizes ${args.sizes.join(', ')} MB${args.quick ? ' (quick)' : ''}`);

  const build = args.cli ? buildCli() : '';
  if (args.cli) log(`CLI: ${build}`);
  const dumps = makeDumps(args.sizes, args.seed);

  const { engine, error: engineError } = loadEngine();
  if (engineError) log(`ENGINE NOT READY: ${engineError}`);

  const engineRuns: EngineRun[] = [];
  if (engine) {
    // warm-up: the first review in a process pays for compiling the engine's code and lexicons
    engine.review(fs.readFileSync(dumps[0].file, 'utf8').slice(0, 1_000_000));
    for (const d of dumps) engineRuns.push(measureEngine(engine, d, d.sizeMB >= 100 ? 1 : d.sizeMB >= 10 ? (args.quick ? 2 : 3) : (args.quick ? 3 : 5)));
  }

  const cli: CliRun[] = [];
  const floors: Floor[] = [];
  if (args.cli && fs.existsSync(CLI)) {
    if (fs.existsSync(SEED_CORPUS)) cli.push(measureCli('seed corpus 000_3a395dbec85fd210.txt', SEED_CORPUS, 3));
    cli.push(measureCli('samples/wire-roundup.txt', SAMPLE, 3));
    // Three runs at every size (medians for the floor section), two with --quick.
    for (const d of dumps) cli.push(measureCliAndFloor(`dump ${d.sizeMB} MB`, d, args.quick ? 2 : 3, floors));
  } else if (args.cli) log('CLI not measured: dist/cli.js missing');

  const peers = args.peers ? measurePeers(dumps) : undefined;

  let editor: string | undefined;
  if (args.editor) {
    log('editor scenario (2 MB)');
    // In a process of its own, so that the main thread's event loop and heap hold only what an
    // extension host would (not the dumps of the sections above).
    const r = spawnSync(process.execPath, [path.join(__dirname, 'editor.js'), '--seed', String(args.seed + 2), '--size', '2', '--json'], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
      timeout: 15 * 60_000,
    });
    if (r.status === 0) editor = editorMarkdown(JSON.parse(r.stdout) as EditorResult);
    else editor = `Failed: ${(r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n')[0]}`;
  }

  let folder = '';
  if (args.folder && !args.quick && args.cli && fs.existsSync(CLI)) {
    log('folder of 500 daily dumps (100 MB)');
    folder = `\n## Folder of daily dumps\n\n${folderBenchmark({ files: 500, size: 100, seed: args.seed, runs: 3, index: true, check: true })}`;
  }
  const md = report(args, { build, dumps, engineError, engineRuns, cli, floors, peers, editor, wallMs: performance.now() - started, startLoad, startFree }) + folder;
  fs.writeFileSync(RESULTS, md + '\n');
  process.stdout.write(md + '\n');
  log(`wrote ${path.relative(ROOT, RESULTS)}`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
