// The archive benchmark (issue 15): a folder of daily dumps reviewed as one collection, whole
// process, side by side with the floor (bench/floor.ts: read + one bare tokenisation of the same
// files) in the same run. Figures, never pass/fail.
//
//   node out/bench/folder.js [--files 500] [--size 100] [--seed 42] [--runs 3] [--no-index] [--check]
//
// Per round, in turn: the floor, the CLI with --jobs 1, the CLI on every core, and (when the CLI
// has --index) a cold run that builds an index and a warm one on the unchanged folder. Medians of
// the rounds; peak memory is the largest of them. --check keeps one JSON report and counts how it
// shows each cross-file copy of the folder's manifest (bench/generateFolder.ts), or that it misses it.
// Prints Markdown (the section bench/run.ts puts into RESULTS.md).

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MB, findProjectRoot } from './generate';
import { FolderManifest, generateFolder } from './generateFolder';

const ROOT = findProjectRoot();
const CLI = path.join(ROOT, 'dist', 'cli.js');
const FLOOR = path.join(ROOT, 'out', 'bench', 'floor.js');
const OUT_DIR = path.join(ROOT, 'bench', 'out');

export interface ProcessRun {
  wallMs: number;
  maxRssMB: number;
  exitCode: number | null;
}

/** One child process, timed from outside by /usr/bin/time (wall time and peak resident memory). */
export function timed(args: string[], stdoutFile = '/dev/null'): ProcessRun {
  const out = fs.openSync(stdoutFile, 'w');
  try {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...args], {
      stdio: ['ignore', out, 'pipe'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const last = (r.stderr ?? '').trim().split('\n').pop() ?? '';
    const m = /^([\d.]+) (\d+)$/.exec(last);
    if (!m) throw new Error(`no timing from /usr/bin/time: ${last || r.error?.message}`);
    return { wallMs: Number(m[1]) * 1000, maxRssMB: Number(m[2]) / 1024, exitCode: r.status };
  } finally {
    fs.closeSync(out);
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** What the CLI of this build offers (the flags came with issue 15). */
function cliFlags(): { jobs: boolean; index: boolean } {
  const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }).stdout ?? '';
  return { jobs: help.includes('--jobs'), index: help.includes('--index') };
}

/** How a JSON report shows one cross-file copy of the manifest, best first. */
export const COPY_OUTCOMES = [
  'a copy of the article where it was first written',
  'an updated version of that article',
  'a copy of the article in another earlier file',
  'paragraphs repeated from another file',
  'not found',
] as const;
export type CopyOutcome = (typeof COPY_OUTCOMES)[number];

interface ReportedFile {
  path: string;
  articles: { title: string; duplicateOf: unknown; range: { start: { line: number }; end: { line: number } } }[];
  findings?: { rule: string; range: { start: { line: number } }; data?: { kind?: string; originalPath?: string } }[];
}

/**
 * How the report shows a copy in `file`: its article marked as a copy of an article of another
 * file, or an updated version of one (a finding of kind `article` naming another file), or at
 * least paragraphs repeated from another file. The best of the articles with its headline.
 */
function outcomeOf(file: ReportedFile, copy: { headline: string; firstIn: string }): CopyOutcome {
  let best = COPY_OUTCOMES.length - 1;
  for (const article of file.articles) {
    if (article.title.trim() !== copy.headline.trim()) continue;
    const of = article.duplicateOf as { path?: string } | null;
    if (typeof of === 'object' && of !== null) {
      best = Math.min(best, path.basename(of.path ?? '') === copy.firstIn ? 0 : 2);
      continue;
    }
    const from = article.range.start.line;
    const to = article.range.end.line;
    for (const f of file.findings ?? []) {
      const line = f.range.start.line;
      if (line < from || line >= to || !f.data?.originalPath) continue;
      if (f.rule === 'near-duplicate' && f.data.kind === 'article') best = Math.min(best, path.basename(f.data.originalPath) === copy.firstIn ? 1 : 2);
      else best = Math.min(best, 3);
    }
  }
  return COPY_OUTCOMES[best];
}

/**
 * How a JSON report shows each cross-file copy of the manifest: counts by outcome. Reads the report
 * one file element at a time (the JSON writer puts each element of `files` between a line `    {`
 * and a line `    }` or `    },`).
 */
export function copiesFound(reportFile: string, manifest: FolderManifest): Map<CopyOutcome, number> {
  const wanted = new Map<string, { headline: string; firstIn: string }[]>();
  for (const c of manifest.crossFileCopies) {
    const list = wanted.get(c.file) ?? [];
    list.push(c);
    wanted.set(c.file, list);
  }
  const counts = new Map<CopyOutcome, number>(COPY_OUTCOMES.map(o => [o, 0]));
  const fd = fs.openSync(reportFile, 'r');
  const buffer = Buffer.alloc(1 << 20);
  let carry = '';
  let element: string[] | null = null;
  const take = (json: string) => {
    const file = JSON.parse(json) as ReportedFile;
    for (const copy of wanted.get(path.basename(file.path)) ?? []) {
      const outcome = outcomeOf(file, copy);
      counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    }
  };
  try {
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      const chunk = carry + buffer.toString('utf8', 0, n);
      const lines = chunk.split('\n');
      carry = n === 0 ? '' : (lines.pop() ?? '');
      for (const line of lines) {
        if (line === '    {') element = [line];
        else if (element) {
          element.push(line);
          if (line === '    }' || line === '    },') {
            take(element.join('\n').replace(/,$/, ''));
            element = null;
          }
        }
      }
      if (n === 0) break;
    }
  } finally {
    fs.closeSync(fd);
  }
  return counts;
}

export interface FolderArgs {
  files: number;
  size: number;
  seed: number;
  runs: number;
  index: boolean;
  check: boolean;
}

function parse(argv: string[]): FolderArgs {
  const a: FolderArgs = { files: 500, size: 100, seed: 42, runs: 3, index: true, check: false };
  for (let i = 0; i < argv.length; i++) {
    const value = () => Number(argv[++i]);
    if (argv[i] === '--files') a.files = value();
    else if (argv[i] === '--size') a.size = value();
    else if (argv[i] === '--seed') a.seed = value();
    else if (argv[i] === '--runs') a.runs = value();
    else if (argv[i] === '--no-index') a.index = false;
    else if (argv[i] === '--check') a.check = true;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return a;
}

/** Runs the folder benchmark and returns its Markdown section. */
export function folderBenchmark(a: FolderArgs): string {
  const dir = path.join(OUT_DIR, `folder-${a.size}mb-${a.files}f-seed${a.seed}`);
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest: FolderManifest = fs.existsSync(manifestFile)
    ? JSON.parse(fs.readFileSync(manifestFile, 'utf8'))
    : generateFolder(a.files, Math.round(a.size * MB), a.seed, dir);
  const flags = cliFlags();
  const cores = os.availableParallelism();
  const indexFile = path.join(OUT_DIR, `folder-${a.size}mb-index.duckdb`);
  const reportFile = path.join(OUT_DIR, `folder-${a.size}mb-report.json`);
  const cases: { name: string; args: () => string[]; before?: () => void }[] = [
    { name: 'floor: read + bare tokenisation', args: () => [FLOOR, dir] },
    { name: 'CLI --format json, --jobs 1', args: () => [CLI, '--format', 'json', ...(flags.jobs ? ['--jobs', '1'] : []), dir] },
  ];
  if (flags.jobs) cases.push({ name: `CLI --format json, all ${cores} cores`, args: () => [CLI, '--format', 'json', dir] });
  if (flags.index && a.index) {
    cases.push({
      name: 'CLI --index, cold (builds the index)',
      before: () => fs.rmSync(indexFile, { force: true }),
      args: () => [CLI, '--format', 'json', '--index', indexFile, dir],
    });
    cases.push({ name: 'CLI --index, warm (unchanged folder)', args: () => [CLI, '--format', 'json', '--index', indexFile, dir] });
  }
  const runs = new Map<string, ProcessRun[]>(cases.map(c => [c.name, []]));
  for (let round = 0; round < a.runs; round++) {
    for (const c of cases) {
      c.before?.();
      const run = timed(c.args());
      runs.get(c.name)?.push(run);
      process.stderr.write(`folder bench round ${round + 1}: ${c.name}: ${Math.round(run.wallMs)} ms, ${Math.round(run.maxRssMB)} MB, exit ${run.exitCode}\n`);
    }
  }
  const floorMs = median((runs.get(cases[0].name) ?? []).map(r => r.wallMs));
  const mb = manifest.bytes / MB;
  const out: string[] = [];
  out.push(`### Folder: ${manifest.files.length} dumps, ${mb.toFixed(1)} MB (seed ${a.seed}), ${cores} cores`, '');
  out.push(`Medians of ${a.runs} rounds, whole process (\`/usr/bin/time\`), each case in turn in every round; peak memory is the largest of the rounds.`, '');
  out.push('| Case | Wall (median) | × floor | Peak memory | × text | Exit |', '|---|---:|---:|---:|---:|---|');
  for (const c of cases) {
    const list = runs.get(c.name) ?? [];
    const wall = median(list.map(r => r.wallMs));
    const peak = Math.max(...list.map(r => r.maxRssMB));
    out.push(`| ${c.name} | ${(wall / 1000).toFixed(1)} s | ${(wall / floorMs).toFixed(2)}× | ${Math.round(peak)} MB | ${(peak / mb).toFixed(1)}× | ${[...new Set(list.map(r => r.exitCode))].join(', ')} |`);
  }
  out.push('');
  if (flags.index && a.index) {
    const cold = median((runs.get('CLI --index, cold (builds the index)') ?? []).map(r => r.wallMs));
    const warm = median((runs.get('CLI --index, warm (unchanged folder)') ?? []).map(r => r.wallMs));
    out.push(`Index re-run on the unchanged folder: ${((warm / cold) * 100).toFixed(0)} % of the cold run.`, '');
  }
  if (!flags.jobs) out.push('This build of the CLI has no `--jobs`: the folder is reviewed on one core.', '');
  if (a.check) {
    const run = timed([CLI, '--format', 'json', dir], reportFile);
    const counts = copiesFound(reportFile, manifest);
    const total = manifest.crossFileCopies.length;
    const found = total - (counts.get('not found') ?? 0);
    const ways = COPY_OUTCOMES.filter(o => o !== 'not found' && (counts.get(o) ?? 0) > 0).map(o => `${counts.get(o)} as ${o}`);
    out.push(`Cross-file copies of the manifest found: ${found} of ${total} (${ways.join('; ')}); report ${Math.round(fs.statSync(reportFile).size / MB)} MB, exit ${run.exitCode}.`, '');
  }
  return out.join('\n');
}

if (require.main === module) {
  try {
    process.stdout.write(`${folderBenchmark(parse(process.argv.slice(2)))}\n`);
  } catch (e) {
    process.stderr.write(`folder bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  }
}
