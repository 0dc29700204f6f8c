// editorial-review: the command line over the engine. A folder (or several paths) is one
// collection by default: each file is reviewed and fingerprinted on its own (on worker threads
// with --jobs), the results come back in the collection's order, each file gets its links into
// the earlier files, and its part of the report is written at once (nothing of it is kept).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { version } from '../../package.json';
import { CollectionIndex } from '../core/collection/collectionIndex';
import { withCrossFileFindings } from '../core/collection/crossFileFindings';
import { FINGERPRINT_VERSION, FileFingerprint, fingerprintOf } from '../core/collection/fingerprint';
import { compareFiles } from '../core/collection/order';
import { ConfigError, PartialOptions, resolveOptions } from '../core/options/config';
import { MAX_FIX_ROUNDS, applyEdits, removeAllRepeatedPassages, settleFixAll, withWebDebris } from '../core/review/fixes';
import { ToolInfo } from '../core/report/report';
import { ReportChunk, ReportWriter, chunkText, reportWriter } from '../core/report/reportWriters';
import { review } from '../core/review/review';
import { RULE_IDS, Review, ReviewOptions, RuleId } from '../core/model/types';
import { ColdFile } from '../node/coldFile';
import { findConfigFile, loadConfigFile } from '../node/configFile';
import { FollowUp, OutOfMemory, PoolOptions, TaskError, runInOrder } from '../node/orderedPool';
import { CliArgs, USAGE, UsageError, parseArgs } from './args';
import { isReportText } from '../core/report/reportFiles';
import { collectFiles, isWritable, outputFolderProblem, readTextFile, shownPath, unchangedSince, writeFixedFile } from './files';
import { ProgressLine, terminalProgress } from './progress';
import type { ArchiveIndex, StoredFile, StoredLinks, StoredStamp } from '../node/index/archiveIndex';
import { IndexWrites } from './indexWrites';
import { LinkChain } from '../node/index/linkChain';
import { Handoff } from '../node/handoff';
import { textHash } from '../core/rules/articleVersions';
import { FinishRequest, FinishedFile, ResultHere, ReviewTask, TaskResult, finishedFile, lexiconsFor, runReviewTask } from './reviewTask';
import { FileLinks, withPaths } from '../core/collection/links';

export const TOOL: ToolInfo = { name: 'editorial-review', version };

/** The engine functions the command line uses (replaceable in tests). */
export interface CliEngine {
  review: typeof review;
  removeAllRepeatedPassages: typeof removeAllRepeatedPassages;
  applyEdits: typeof applyEdits;
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Writes and waits until the output can take more (a pipe that a slow reader drains). */
  write?: (chunk: ReportChunk) => Promise<void>;
  cwd: string;
  /** Defaults to the real engine. */
  engine?: CliEngine;
  /** The progress line of a folder review (on a terminal, not --quiet). */
  progress?: ProgressLine;
}

const DEFAULT_ENGINE: CliEngine = { review, removeAllRepeatedPassages, applyEdits };

const PREFIX = 'editorial-review';

/** The `--rules a,b` layer: only the rules listed are enabled. */
function onlyRules(ids: readonly RuleId[]): PartialOptions {
  const rules: NonNullable<PartialOptions['rules']> = {};
  for (const id of RULE_IDS) rules[id] = { enabled: ids.includes(id) };
  return { rules };
}

function message(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}

/** How many repeated passages a review found: all of them, also those past the display cap. */
function repeatCount(result: Review): number {
  return result.stats.truncated['repeated-passage'] ?? result.findings.filter(f => f.rule === 'repeated-passage').length;
}

/** How many lines of web debris a review found (also those past the display cap). */
function debrisCount(result: Review): number {
  return result.stats.truncated.boilerplate ?? result.findings.filter(f => f.rule === 'boilerplate').length;
}

/** Parses the command line and lists the files to review in the collection's order; a number is an exit code (help, version, usage error). */
function prepare(argv: readonly string[], io: CliIo): Session | number {
  const note = (text: string) => io.stderr(`${text}\n`);
  const engine: CliEngine = io.engine ?? DEFAULT_ENGINE;
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      note(`${PREFIX}: ${e.message}`);
      note(`Run '${PREFIX} --help' for usage.`);
      return 2;
    }
    throw e;
  }
  if (args.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (args.version) {
    io.stdout(`${version}\n`);
    return 0;
  }
  if (args.paths.length === 0) {
    note(`${PREFIX}: no PATH given`);
    note(`Run '${PREFIX} --help' for usage.`);
    return 2;
  }

  const cwd = io.cwd;
  const display = (abs: string) => shownPath(cwd, abs);
  const info = (text: string) => {
    if (!args.quiet) note(text);
  };
  let inputError = false;
  const fail = (text: string) => {
    note(text);
    inputError = true;
  };

  const exportProblem = args.exportParquet !== undefined ? outputFolderProblem(path.resolve(cwd, args.exportParquet)) : undefined;
  if (exportProblem !== undefined) {
    note(`${PREFIX}: --export-parquet ${args.exportParquet}: ${exportProblem}`);
    return 2;
  }

  // Options: --config FILE for every file, or the nearest config file from each file's folder.
  const cliLayer: PartialOptions = args.rules ? onlyRules(args.rules) : {};
  let explicitConfig: PartialOptions | undefined;
  if (args.config !== undefined) {
    try {
      explicitConfig = loadConfigFile(path.resolve(cwd, args.config));
    } catch (e) {
      note(e instanceof ConfigError ? e.message : `${args.config}: ${message(e)}`);
      return 2;
    }
  }
  const configCache = new Map<string, PartialOptions | ConfigError>();
  const configPathCache = new Map<string, string | undefined>();
  // Options and their compiled lexicons, once per configuration (not per file).
  const configured = (options: ReviewOptions) => ({ options });
  const noConfig = configured(resolveOptions(explicitConfig ?? {}, cliLayer));
  const configuredCache = new Map<string, { options: ReviewOptions }>();
  const optionsFor = (file: string): { options: ReviewOptions } | undefined => {
    if (explicitConfig) return noConfig;
    const dir = path.dirname(file);
    if (!configPathCache.has(dir)) configPathCache.set(dir, findConfigFile(dir));
    const configPath = configPathCache.get(dir);
    if (!configPath) return noConfig;
    let layer = configCache.get(configPath);
    if (layer === undefined) {
      try {
        layer = loadConfigFile(configPath);
      } catch (e) {
        layer = e instanceof ConfigError ? e : new ConfigError(configPath, [message(e)]);
        fail(layer.message);
      }
      configCache.set(configPath, layer);
    }
    if (layer instanceof ConfigError) return undefined;
    let found = configuredCache.get(configPath);
    if (!found) configuredCache.set(configPath, (found = configured(resolveOptions(layer, cliLayer))));
    return found;
  };

  const { files, errors } = collectFiles(args.paths, cwd, display);
  for (const e of errors) fail(`${PREFIX}: ${e}`);

  // The tasks in the collection's order (its first occurrence of a story is the original).
  const collection = !args.apart && files.length > 1;
  const tasks: ReviewTask[] = [];
  for (const file of files) {
    const config = optionsFor(file);
    if (!config) {
      fail(`${PREFIX}: ${display(file)}: skipped because of the config file error above`);
      continue;
    }
    // The on-disk index stores every file's fingerprint, even when there is one file.
    tasks.push({
      file, shown: display(file), options: config.options, bytes: sizeOf(file),
      fingerprint: collection || args.index !== undefined || args.exportParquet !== undefined,
    });
  }
  if (collection) {
    const compare = compareFiles(args.order);
    const keyed = tasks.map(t => ({ t, path: t.shown, mtimeMs: args.order === 'mtime' ? mtimeOf(t.file) : 0 }));
    keyed.sort(compare);
    tasks.splice(0, tasks.length, ...keyed.map(k => k.t));
  }
  // A linked file's band keys and word hashes wait on disk (an archive's would fill memory).
  const cold = collection ? ColdFile.open() : undefined;
  return {
    args,
    tasks,
    collection,
    index: collection ? new CollectionIndex({
      order: args.order, nearDuplicateThreshold: noConfig.options.nearDuplicateThreshold,
      nearDuplicates: noConfig.options.rules['near-duplicate'].enabled, coldStore: cold, warmBudget: warmBudget(tasks),
      // --fix reviews a file again after each round, replacing its fingerprint.
      appendOnly: !args.fix,
    }) : undefined,
    cold,
    writer: reportWriter(args.format, { tool: TOOL, summary: !args.quiet }),
    engine,
    io,
    note,
    info,
    fail,
    failed: () => inputError,
  };
}

function mtimeOf(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Bytes of linked files' band keys and word hashes the CLI keeps in memory (together about a byte
 * for each byte of text); beyond them the earliest go to a temporary file and are read back as
 * needed, which costs time (a tenth more on a 300 MB folder with 64 MiB). So a folder that fits in
 * WARM_MAX keeps them all; a larger one, whose other index structures grow with it, keeps less,
 * down to WARM_MIN from WARM_TOTAL of text on.
 */
const WARM_MAX = 256 * 1024 * 1024;
const WARM_MIN = 64 * 1024 * 1024;
const WARM_TOTAL = 384 * 1024 * 1024;

function warmBudget(tasks: readonly ReviewTask[]): number {
  return Math.min(WARM_MAX, Math.max(WARM_MIN, WARM_TOTAL - folderBytes(tasks)));
}

function folderBytes(tasks: readonly ReviewTask[]): number {
  return tasks.reduce((n, t) => n + t.bytes, 0);
}

/** A folder review under way: results come in the collection's order, each is written as it comes. */
interface Session {
  args: CliArgs;
  tasks: ReviewTask[];
  collection: boolean;
  index?: CollectionIndex;
  /** The index's cold store: closed when the run ends. */
  cold?: ColdFile;
  writer: ReportWriter;
  engine: CliEngine;
  io: CliIo;
  note: (text: string) => void;
  info: (text: string) => void;
  fail: (text: string) => void;
  failed: () => boolean;
}

interface Outcome {
  anyFindings: boolean;
  internalError: boolean;
  reviewed: number;
}

/**
 * The review of a file with its links into the earlier files of the collection, the file's
 * fingerprint added to the index; the links taken through `linker` when given (an indexed run).
 */
function inCollection(s: Session, task: ReviewTask, text: string, result: Review, fingerprint: FileFingerprint | undefined, linker?: IndexedLinks): Review {
  const links = linker && fingerprint ? linker.take(task, fingerprint) : linksOf(s, fingerprint);
  return links && fingerprint ? withCrossFileFindings(result, text, fingerprint, links, task.options) : result;
}

/**
 * --fix on one file: writes it if something is to be removed; returns the text and review to report.
 * Fix-all is applied until a fresh review finds nothing more to remove (`settleFixAll`), each round
 * reviewed with its links into the earlier files (their originals stay: a fix removes only later
 * copies), and the file is written once.
 */
function fixFile(s: Session, task: ReviewTask, text: string, result: Review, fingerprint: FileFingerprint | undefined,
  stamp: { size: number; mtimeMs: number }): { text: string; review: Review } {
  const shown = task.shown;
  const steps = { edits: (r: Review, t: string) => withWebDebris(s.engine.removeAllRepeatedPassages(r), r, t), apply: s.engine.applyEdits };
  const first = steps.edits(result, text);
  if (first.length === 0 || steps.apply(text, first) === text) return { text, review: result };
  if (!isWritable(task.file)) {
    s.fail(`${PREFIX}: ${shown}: is read-only; not fixed`);
    return { text, review: result };
  }
  if (!unchangedSince(task.file, stamp.size, stamp.mtimeMs)) {
    s.fail(`${PREFIX}: ${shown}: changed while it was being reviewed; not fixed`);
    return { text, review: result };
  }
  const reviewOf = (t: string) => {
    let fp: FileFingerprint | undefined;
    const again = s.engine.review(t, task.options, lexiconsFor(task.options), s.index
      ? seen => (fp = fingerprintOf(seen, { path: shown, size: Buffer.byteLength(t), mtimeMs: mtimeOf(task.file) }))
      : undefined);
    return inCollection(s, task, t, again, fp);
  };
  const settled = settleFixAll(text, result, reviewOf, MAX_FIX_ROUNDS, steps);
  try {
    const original = fs.readFileSync(task.file);
    const bom = original.length >= 3 && original[0] === 0xef && original[1] === 0xbb && original[2] === 0xbf;
    const body = Buffer.from(settled.text, 'utf8');
    writeFixedFile(task.file, bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body, original, stamp);
  } catch (e) {
    s.fail(`${PREFIX}: ${shown}: cannot write the fixed file: ${message(e)}`);
    // The index goes back to the file as it stays.
    if (s.index && fingerprint) s.index.set(fingerprint);
    return { text, review: result };
  }
  const count = settled.removedFrom.reduce((n, r) => n + repeatCount(r), 0);
  const debris = settled.removedFrom.reduce((n, r) => n + (r.fixAllRemovesWebDebris ? debrisCount(r) : 0), 0);
  const andDebris = debris > 0 ? ` and ${debris} line${debris === 1 ? '' : 's'} of web debris` : '';
  s.info(`${shown}: removed ${count} repeated passage${count === 1 ? '' : 's'}${andDebris}`);
  return { text: settled.text, review: settled.review };
}

/** The file is linked: the index may move its sketches to the temporary file (said once if that fails). */
function retire(s: Session, task: ReviewTask): void {
  if (!s.index) return;
  const failedBefore = s.index.coldStoreError !== undefined;
  s.index.retire(task.shown);
  if (!failedBefore && s.index.coldStoreError !== undefined) {
    s.note(`${PREFIX}: cannot write the index's temporary file (${s.index.coldStoreError}); keeping the rest of it in memory`);
  }
}

/** One file's result, in the collection's order: cross-file findings, --fix, its piece of the report. */
function deliver(s: Session, task: ReviewTask, result: TaskResult | TaskError, outcome: Outcome, linker?: IndexedLinks): ReportChunk[] {
  if (!arrived(s, task, result, outcome)) return [];
  try {
    if (result.kind !== 'reviewed') throw new Error('the review was kept by a worker thread');
    let text = result.text;
    let review = inCollection(s, task, text, result.review, result.fingerprint, linker);
    if (s.args.fix) ({ text, review } = fixFile(s, task, text, review, result.fingerprint, result));
    outcome.reviewed++;
    if (review.findings.length > 0) outcome.anyFindings = true;
    const piece = s.writer.file({ path: task.shown, text, review });
    retire(s, task);
    return piece;
  } catch (e) {
    internalError(s, task, e, outcome);
    return [s.writer.unreported(task.shown)];
  }
}

/** Whether a task's result is a review (of either kind); an error or a skipped file is said here. */
function arrived(s: Session, task: ReviewTask, result: TaskResult | TaskError, outcome: Outcome): result is Exclude<TaskResult, { kind: 'skipped' }> {
  if (result instanceof TaskError) {
    internalError(s, task, result, outcome);
    return false;
  }
  if (result.kind === 'skipped') {
    if (result.inputError) s.fail(`${PREFIX}: ${result.message}`);
    else s.note(`${PREFIX}: ${result.message}`);
    return false;
  }
  return true;
}

function internalError(s: Session, task: ReviewTask, e: unknown, outcome: Outcome): void {
  s.note(`${PREFIX}: internal error while reviewing ${task.shown}: ${message(e)}`);
  outcome.internalError = true;
}

/**
 * A reviewed file's part of the report: its fingerprint added to the index and its links taken
 * here, in the collection's order; the part made by the worker that keeps its review, or here
 * when that worker ran out of memory. Null when it could not be made (said here).
 */
function partOf(s: Session, task: ReviewTask, result: Exclude<TaskResult, { kind: 'skipped' }>, followUp: FollowUp,
  artifactIndex: number, outcome: Outcome): Promise<FinishedFile | null> {
  const failed = (e: unknown) => {
    internalError(s, task, e, outcome);
    return null;
  };
  let request: FinishRequest;
  try {
    request = { shown: task.shown, links: linksOf(s, result.fingerprint), artifactIndex };
    retire(s, task);
  } catch (e) {
    if (result.kind === 'kept') followUp({ shown: task.shown, links: null, artifactIndex, drop: true }).catch(() => undefined);
    return Promise.resolve(failed(e));
  }
  const here = (): FinishedFile | null => {
    try {
      const again = result.kind === 'reviewed' ? result : resultOf(s, task);
      return arrived(s, task, again, outcome) ? finishedFile(task, again, request) : null;
    } catch (e) {
      return failed(e);
    }
  };
  if (result.kind === 'reviewed') return Promise.resolve(here());
  return (followUp(request) as Promise<FinishedFile>).catch(e => (e instanceof OutOfMemory ? here() : failed(e)));
}

/** The file's links into the earlier files of the collection (`known`: as stored, else found now), its fingerprint added to the index; null outside a collection. */
function linksOf(s: Session, fingerprint: FileFingerprint | undefined, known?: FileLinks): FileLinks | null {
  if (!s.index || !fingerprint) return null;
  s.index.set(fingerprint);
  return known ?? s.index.linksFor(fingerprint.path);
}

/** How the report is written: `io.write` (waiting for a full pipe), else `io.stdout`. */
function writeOf(io: CliIo): (chunk: ReportChunk) => Promise<void> {
  return io.write ?? (async chunk => io.stdout(chunkText(chunk)));
}

function exitCode(s: Session, outcome: Outcome): number {
  if (s.failed() || outcome.internalError) return 2;
  return outcome.anyFindings ? 1 : 0;
}

/** The text report without findings and without a summary (--quiet) is empty, as is a report of no file. */
function endOf(s: Session, outcome: Outcome): string {
  if (s.args.format === 'text' && outcome.reviewed === 0) return '';
  // Only the Markdown report lists the stories (it asks every file's links once more).
  return s.writer.end(s.args.format === 'markdown' ? s.index?.stories() : undefined);
}

/**
 * Runs the command line on this thread; returns the exit code (0 nothing found, 1 findings, 2
 * usage/input errors). The same output as `runOnThreads`, byte for byte.
 */
export function run(argv: readonly string[], io: CliIo): number {
  const s = prepare(argv, io);
  if (typeof s === 'number') return s;
  try {
    return runSession(s);
  } finally {
    s.cold?.close();
  }
}

function runSession(s: Session): number {
  if (s.args.index !== undefined || s.args.exportParquet !== undefined) {
    s.note(`${PREFIX}: --index and --export-parquet need the bundled command line (dist/cli.js with dist/cliWorker.js)`);
    return 2;
  }
  return runPrepared(s);
}

/** The same run with the per-file work on `jobs` worker threads (`workerFile`: the bundled reviewWorker). */
export async function runOnThreads(argv: readonly string[], io: CliIo, workerFile: string, defaultJobs: number): Promise<number> {
  const s = prepare(argv, io);
  if (typeof s === 'number') return s;
  try {
    return await runSessionOnThreads(s, workerFile, defaultJobs);
  } finally {
    s.cold?.close();
  }
}

async function runSessionOnThreads(s: Session, workerFile: string, defaultJobs: number): Promise<number> {
  const jobs = Math.min(s.args.jobs ?? defaultJobs, s.tasks.length);
  if (s.args.index !== undefined || s.args.exportParquet !== undefined) return runIndexed(s, workerFile, s.args.fix ? 1 : jobs);
  // --fix writes files as it goes: one at a time, on this thread.
  if (jobs <= 1 || s.args.fix) return runPreparedStreaming(s);
  return runKept(s, jobs, workerFile);
}

/** Parts of the report asked of the workers and not yet written, at most (each holds a file's part). */
const PARTS_AHEAD = 8;

/**
 * The run on worker threads: each worker reviews files and keeps their reviews; this thread takes
 * each file's links in the collection's order and sends them back, and writes the parts the
 * workers make in that order. It goes on with the next files' links while the workers make the
 * parts.
 */
async function runKept(s: Session, jobs: number, workerFile: string): Promise<number> {
  const outcome: Outcome = { anyFindings: false, internalError: false, reviewed: 0 };
  const write = writeOf(s.io);
  const advance = progressTracker(s);
  const tasks = s.tasks.map(t => ({ ...t, reportPart: s.args.format }));
  await write(s.writer.begin(tasks.length));
  let numbered = 0;
  let written: Promise<void> = Promise.resolve();
  const ahead: Promise<void>[] = [];
  await runInOrder<ReviewTask, TaskResult>(tasks, poolOptions(s, jobs, workerFile, true), async (result, i, followUp) => {
    const task = tasks[i];
    const here = orHere(s, task, result);
    const part = arrived(s, task, here, outcome) ? partOf(s, task, here, followUp, numbered++, outcome) : undefined;
    const before = written;
    written = (async () => {
      const finished = await part;
      await before;
      if (finished) {
        outcome.reviewed++;
        if (finished.findings > 0) outcome.anyFindings = true;
        for (const chunk of s.writer.add(finished.part)) await write(chunk);
      } else if (finished === null) s.writer.unreported(task.shown);
      advance(task);
    })();
    // Awaited below or by the next part; marked handled so that a failed write is not also an unhandled rejection.
    written.catch(() => undefined);
    ahead.push(written);
    if (ahead.length > PARTS_AHEAD) await ahead.shift();
  });
  await written;
  s.io.progress?.done();
  await write(endOf(s, outcome));
  return exitCode(s, outcome);
}

/**
 * Heap a review needs, in MB per MB of text, with room: a 100 MB dump keeps about 13 MB of heap
 * a MB alive at its peak. A worker's heap is capped at this for the folder's largest file (and
 * at least WORKER_HEAP_MIN_MB): left uncapped, V8 lets each worker's garbage grow to 150–200 MB
 * before collecting it, a third of a folder review's memory.
 */
const HEAP_PER_MB = 24;
const WORKER_HEAP_MIN_MB = 512;
/**
 * Each worker's young generation while the folder is small enough to spare the memory (up to
 * WARM_TOTAL, as the warm budget): a review makes short-lived objects by the million, and a
 * young generation this size saves a tenth of the scavenging (100 MB folder, both cores, two
 * alternating rounds: 41.6–42.9 s → 39.1–39.5 s, 540 → 595 MiB). A larger folder keeps V8's
 * default: its index needs the memory.
 */
const WORKER_YOUNG_MB = 96;

/**
 * The worker pool for the session's files, each worker's heap capped for the largest of them;
 * twice that when workers keep their reviews (`kept`): one may wait for its links while the next
 * is made.
 */
function poolOptions(s: Session, jobs: number, workerFile: string, kept = false): PoolOptions {
  const largest = s.tasks.reduce((n, t) => Math.max(n, t.bytes), 0);
  const heapMb = Math.max(WORKER_HEAP_MIN_MB, Math.ceil(((kept ? 2 : 1) * HEAP_PER_MB * largest) / 1e6) + 256);
  const young = folderBytes(s.tasks) <= WARM_TOTAL ? WORKER_YOUNG_MB : undefined;
  return { jobs, workerFile, resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: young } };
}

/** A task whose worker ran out of memory all the same is reviewed on this thread (no cap here). */
function orHere(s: Session, task: ReviewTask, result: TaskResult | TaskError): TaskResult | TaskError {
  return result instanceof OutOfMemory ? resultOf(s, task) : result;
}

/** What a stored result was made under: the tool's version and the file's options. */
function optionsKey(options: ReviewOptions): string {
  return `${version}:${textHash(JSON.stringify(options))}`;
}

/** A task's result from the index (its text read again and checked against the stored hash), or undefined. */
function storedResult(stored: StoredFile | undefined, task: ReviewTask): { result: TaskResult; links?: StoredLinks } | undefined {
  if (!stored) return undefined;
  const read = readTextFile(task.file, task.shown);
  if (!read.ok || textHash(read.text) !== stored.contentHash) return undefined;
  // Stored under the index's name for the file: named here as this run's report shows it.
  const fingerprint = { ...stored.fingerprint, path: task.shown };
  const result: TaskResult = { kind: 'reviewed', shown: task.shown, text: read.text, review: stored.review, fingerprint, size: read.size, mtimeMs: read.mtimeMs };
  return { result, links: stored.links };
}

/** Unchanged files whose stored results are read in one query. */
const STORED_BATCH = 8;

/**
 * The stored results of the unchanged files, read from the index STORED_BATCH at a time in the
 * order they are delivered (a query per file kept an unchanged folder's run waiting on the
 * database most of its time), each decoded only when its file is taken.
 */
class StoredReader {
  private batch = new Map<string, () => StoredFile | undefined>();
  private next = 0;

  constructor(
    private readonly index: ArchiveIndex,
    /** The unchanged files, in the order they are taken. */
    private readonly files: readonly ReviewTask[],
    private readonly names: IndexNames,
  ) {}

  /** The stored results of the next unchanged file (`task`), or undefined when they cannot be read back (it is reviewed again). */
  async take(task: ReviewTask): Promise<StoredFile | undefined> {
    if (this.files[this.next] !== task) throw new Error(`StoredReader: ${task.shown} taken out of order`);
    const key = this.names.key(task.shown);
    if (!this.batch.has(key)) {
      const paths = this.files.slice(this.next, this.next + STORED_BATCH).map(t => this.names.key(t.shown));
      try {
        this.batch = await this.index.getMany(paths);
      } catch {
        this.batch = new Map(); // not readable: these files are reviewed again
      }
    }
    this.next++;
    const decode = this.batch.get(key);
    this.batch.delete(key);
    return decode?.();
  }
}

/**
 * An indexed run's cross-file links: a file's are taken from the index where they were stored
 * under the chain key this run gives the file (every file up to it unchanged, linkChain.ts), and
 * otherwise found by the cross-file step and kept to be stored (`fresh`). Either way the file's
 * fingerprint goes into the collection's index, for the files after it.
 */
class IndexedLinks {
  /** Files whose links were taken from the index. */
  reused = 0;
  /** The links the last file was given by the cross-file step, to store with it (else undefined). */
  fresh: StoredLinks | undefined;
  private stored: StoredLinks | undefined;
  /** Set once taking a file's links failed: the chain no longer says what the index holds. */
  private broken = false;

  constructor(
    private readonly s: Session,
    private readonly chain: LinkChain,
    /** Stored links name files as the index does. */
    private readonly names: IndexNames,
  ) {}

  /** Before a file is delivered: the links stored with it, if any. */
  expect(stored: StoredLinks | undefined): void {
    this.stored = stored;
    this.fresh = undefined;
  }

  take(task: ReviewTask, fingerprint: FileFingerprint): FileLinks | null {
    if (this.broken) return linksOf(this.s, fingerprint);
    try {
      const names = this.names;
      const key = this.chain.next({ path: names.key(task.shown), size: fingerprint.size, mtimeMs: fingerprint.mtimeMs, contentHash: fingerprint.contentHash, optionsKey: optionsKey(task.options) });
      if (this.stored?.key === key) {
        this.reused++;
        const stored = JSON.parse(this.stored.json) as FileLinks;
        return linksOf(this.s, fingerprint, names.renames ? withPaths(stored, p => names.shown(p)) : stored);
      }
      const links = linksOf(this.s, fingerprint);
      if (links) this.fresh = { key, json: JSON.stringify(names.renames ? withPaths(links, p => names.key(p)) : links) };
      return links;
    } catch (e) {
      this.broken = true;
      throw e;
    }
  }
}

/**
 * What the on-disk index calls this run's files: their paths from the folder the index was made
 * from (those that run's report showed), whatever folder this run starts from; and back.
 */
class IndexNames {
  private readonly byShown = new Map<string, string>();
  private readonly byKey = new Map<string, string>();
  /** Whether some file's name differs from its shown path (a run from another folder than the index's). */
  readonly renames: boolean = false;

  constructor(base: string, tasks: readonly ReviewTask[]) {
    for (const t of tasks) {
      const key = shownPath(base, t.file);
      this.byShown.set(t.shown, key);
      this.byKey.set(key, t.shown);
      if (key !== t.shown) this.renames = true;
    }
  }

  /** The index's name for a file this run shows as `shown`. */
  key(shown: string): string {
    return this.byShown.get(shown) ?? shown;
  }

  /** How this run shows the file the index calls `key`. */
  shown(key: string): string {
    return this.byKey.get(key) ?? key;
  }
}

/** A file --fix has just rewritten, reviewed as it is now, for the index (undefined when that fails: the next run reviews it). */
function fixedNow(task: ReviewTask): Extract<TaskResult, { kind: 'reviewed' }> | undefined {
  try {
    const again = runReviewTask(task);
    return again.kind === 'reviewed' ? again : undefined;
  } catch {
    return undefined;
  }
}

/** What the cross-file step is asked of every file of a session (linkChain.ts): its options that decide links, and the fingerprints' version. */
function linkQuestion(index: CollectionIndex): string {
  const { order, nearDuplicateThreshold, nearDuplicates } = index.options;
  return JSON.stringify([FINGERPRINT_VERSION, order, nearDuplicateThreshold, nearDuplicates ?? true]);
}

/**
 * The run with an on-disk index (`--index`, `--export-parquet`): files whose size, modification
 * time and options match the index are taken from it (their text read again, not reviewed);
 * the others are reviewed (on worker threads) and stored; files no longer there are dropped. The
 * report is the one a run without an index gives.
 */
async function runIndexed(s: Session, workerFile: string, jobs: number): Promise<number> {
  if (s.args.index !== undefined) return runWithIndex(s, workerFile, jobs, path.resolve(s.io.cwd, s.args.index), false);
  // An export only: the rows go to a database in a temporary folder, removed at the end (in
  // memory, a folder of gigabytes' rows would not fit).
  let scratch: string;
  try {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'editorial-review-'));
  } catch (e) {
    s.note(`${PREFIX}: cannot make a temporary folder for the export's database: ${message(e)}`);
    return 2;
  }
  try {
    return await runWithIndex(s, workerFile, jobs, path.join(scratch, 'export.duckdb'), true);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** `runIndexed` with the database in `file` (`rowsOnly`: made for this run's export only). */
async function runWithIndex(s: Session, workerFile: string, jobs: number, file: string, rowsOnly: boolean): Promise<number> {
  let index: ArchiveIndex;
  // Loaded only here: the plain review never loads the database client.
  const { ArchiveIndex: Index, IndexUnavailable } = await import('../node/index/archiveIndex');
  try {
    index = await Index.open(file, { rowsOnly });
  } catch (e) {
    const what = e instanceof IndexUnavailable ? '' : rowsOnly ? "cannot make the export's database: " : 'cannot open the index: ';
    s.note(`${PREFIX}: ${what}${message(e)}`);
    return 2;
  }
  const shownIndex = s.args.index ?? '(temporary, for the export)';
  let stored: Map<string, StoredStamp>;
  let names: IndexNames;
  try {
    names = new IndexNames(await index.baseFolder(s.io.cwd), s.tasks);
    stored = await index.stamps();
  } catch (e) {
    s.note(`${PREFIX}: cannot read the index ${shownIndex}: ${message(e)}`);
    await closeIndex(index);
    return 2;
  }
  const writes = new IndexWrites(e => s.fail(`${PREFIX}: index ${shownIndex}: cannot store results (${message(e)}); the report goes on, and a later run reviews again what was not stored`));
  const outcome: Outcome = { anyFindings: false, internalError: false, reviewed: 0 };
  const write = writeOf(s.io);
  try {
    const reuse = new Set<ReviewTask>();
    if (!s.args.fix) {
      for (const task of s.tasks) {
        const stamp = stored.get(names.key(task.shown));
        if (!stamp || stamp.optionsKey !== optionsKey(task.options)) continue;
        try {
          const stat = fs.statSync(task.file);
          if (stat.size === stamp.size && stat.mtimeMs === stamp.mtimeMs) reuse.add(task);
        } catch {
          // gone since it was listed: reviewed (and reported) as usual
        }
      }
    }
    const present = new Set(s.tasks.map(t => names.key(t.shown)));
    await writes.run(() => index.remove([...stored.keys()].filter(p => !present.has(p))));
    const fresh = s.tasks.filter(t => !reuse.has(t));
    s.info(`${PREFIX}: index ${shownIndex}: ${fresh.length} of ${s.tasks.length} files to review, ${reuse.size} unchanged`);
    // The fresh files' results, in order, handed over one at a time.
    const handoff = new Handoff<TaskResult | TaskError>();
    const safely = (task: ReviewTask): TaskResult | TaskError => {
      try {
        return runReviewTask(task);
      } catch (e) {
        return new TaskError(message(e));
      }
    };
    const producing =
      jobs > 1 && fresh.length > 1
        ? runInOrder<ReviewTask, TaskResult>(fresh, poolOptions(s, jobs, workerFile), (result, i) => handoff.put(orHere(s, fresh[i], result)))
        : (async () => {
            for (const task of fresh) await handoff.put(safely(task));
          })();
    const advance = progressTracker(s);
    // --fix replaces a file's fingerprint as it fixes it: its links are always found again.
    const linker = s.index && !s.args.fix ? new IndexedLinks(s, new LinkChain(linkQuestion(s.index)), names) : undefined;
    const storedFiles = new StoredReader(index, s.tasks.filter(t => reuse.has(t)), names);
    await write(s.writer.begin(s.tasks.length));
    for (const task of s.tasks) {
      const fromIndex = reuse.has(task) ? storedResult(await storedFiles.take(task), task) : undefined;
      // A file to review, or one whose stored result cannot be read back (reviewed again here).
      const reviewedNow = fromIndex === undefined;
      const result = fromIndex?.result ?? (reuse.has(task) ? safely(task) : await handoff.take());
      const own = result instanceof TaskError || result.kind !== 'reviewed' ? undefined : result;
      linker?.expect(fromIndex?.links);
      for (const chunk of deliver(s, task, result, outcome, linker)) await write(chunk);
      const links = linker?.fresh;
      const key = names.key(task.shown);
      // --fix may just have rewritten the file: the index keeps what a review of it as it is now gives.
      const kept = own && s.args.fix && !unchangedSince(task.file, own.size, own.mtimeMs) ? fixedNow(task) : own;
      if (reviewedNow && kept?.fingerprint) await writes.run(() => index.put({ ...kept.fingerprint!, path: key }, kept.review, optionsKey(task.options), stored.has(key), links));
      else if (links) await writes.run(() => index.setLinks(key, links));
      advance(task);
    }
    await producing;
    if (linker && s.collection) s.info(`${PREFIX}: index ${shownIndex}: cross-file links of ${linker.reused} of ${s.tasks.length} files taken from it`);
    s.io.progress?.done();
    await write(endOf(s, outcome));
    if (s.args.exportParquet !== undefined) await exportParquet(s, index, s.args.exportParquet);
  } finally {
    await closeIndex(index, writes);
  }
  return exitCode(s, outcome);
}

/** Writes the index's tables as Parquet in `dir`; a failure is said (exit 2), after the report. */
async function exportParquet(s: Session, index: ArchiveIndex, dir: string): Promise<void> {
  try {
    const written = await index.exportParquet(path.resolve(s.io.cwd, dir));
    s.info(`${PREFIX}: wrote ${written.length} Parquet files to ${dir}`);
  } catch (e) {
    s.fail(`${PREFIX}: cannot write the Parquet files to ${dir}: ${message(e)}`);
  }
}

/** Closes the index, writing the rows that wait through `writes` (a failure said once, there). */
async function closeIndex(index: ArchiveIndex, writes?: IndexWrites): Promise<void> {
  await writes?.run(() => index.flush());
  try {
    index.close();
  } catch {
    // Its rows were written above or their failure said; closing frees the handles.
  }
}

/** One file's review, or the error it ended in. */
function resultOf(s: Session, task: ReviewTask): ResultHere | TaskError {
  try {
    return s.engine === DEFAULT_ENGINE ? runReviewTask(task) : reviewWith(s.engine, task);
  } catch (e) {
    return new TaskError(message(e));
  }
}

/**
 * The report's pieces in order (its beginning, each file's, its end), each file reviewed on this
 * thread when its piece is asked for; the progress line advances once a piece has been taken.
 */
function* reportPieces(s: Session, outcome: Outcome): Generator<ReportChunk> {
  const advance = progressTracker(s);
  yield s.writer.begin(s.tasks.length);
  for (const task of s.tasks) {
    yield* deliver(s, task, resultOf(s, task), outcome);
    advance(task);
  }
  s.io.progress?.done();
  yield endOf(s, outcome);
}

/** `run` on an already prepared session, on this thread. */
function runPrepared(s: Session): number {
  const outcome: Outcome = { anyFindings: false, internalError: false, reviewed: 0 };
  for (const piece of reportPieces(s, outcome)) s.io.stdout(chunkText(piece));
  return exitCode(s, outcome);
}

/**
 * The same, waiting after each piece until the output can take more: a report written into a pipe
 * whose reader is slower than the review never piles up in memory (a synchronous loop would keep
 * every file's piece of it until the end).
 */
async function runPreparedStreaming(s: Session): Promise<number> {
  const outcome: Outcome = { anyFindings: false, internalError: false, reviewed: 0 };
  const write = writeOf(s.io);
  for (const piece of reportPieces(s, outcome)) await write(piece);
  return exitCode(s, outcome);
}

/** A task with a replaced engine (tests): no fingerprint, so no cross-file findings. */
function reviewWith(engine: CliEngine, task: ReviewTask): ResultHere {
  const read = readTextFile(task.file, task.shown);
  if (!read.ok) return { kind: 'skipped', message: read.message, inputError: true };
  if (isReportText(read.text)) return { kind: 'skipped', message: `${task.shown}: a report of this tool, not a dump; skipped`, inputError: false };
  const review = engine.review(read.text, task.options, lexiconsFor(task.options));
  return { kind: 'reviewed', shown: task.shown, text: read.text, review, size: read.size, mtimeMs: read.mtimeMs };
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** Files and bytes done of a session, for the progress line. */
function progressTracker(s: Session): (task: ReviewTask) => void {
  const progress = s.io.progress;
  if (!progress) return () => undefined;
  const started = Date.now();
  const bytesTotal = folderBytes(s.tasks);
  let filesDone = 0;
  let bytesDone = 0;
  return task => {
    filesDone++;
    bytesDone += task.bytes;
    progress.update({ filesDone, filesTotal: s.tasks.length, bytesDone, bytesTotal, elapsedMs: Date.now() - started });
  };
}

/** Entry point of the bundled CLI: real process streams, exit code set without cutting output. */
export function cli(): void {
  const writeOut = (text: string) => {
    if (text) process.stdout.write(text);
  };
  // Waits for a full pipe to drain, so that a large report never piles up in memory.
  const write = (chunk: ReportChunk) =>
    new Promise<void>(resolve => {
      if (chunk.length === 0 || process.stdout.write(chunk)) resolve();
      else process.stdout.once('drain', resolve);
    });
  const argv = process.argv.slice(2);
  const io: CliIo = {
    stdout: writeOut,
    write,
    stderr: text => process.stderr.write(text),
    cwd: process.cwd(),
    progress: terminalProgress(process.stderr, argv.includes('--quiet') || argv.includes('-q')),
  };
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // The reader went away (e.g. `| head`): stop quietly.
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    // A full disk or a file size limit: the report cannot be whole, so the run stops here.
    io.progress?.done();
    process.stderr.write(`${PREFIX}: cannot write the report to standard output: ${e.message}\n`);
    process.exit(2);
  });
  const worker = path.join(__dirname, 'cliWorker.js');
  const failed = (e: unknown) => {
    io.progress?.done();
    process.stderr.write(`${PREFIX}: internal error: ${message(e)}\n`);
    process.exitCode = 2;
  };
  try {
    if (!fs.existsSync(worker)) {
      process.exitCode = run(argv, io);
      return;
    }
    runOnThreads(argv, io, worker, os.availableParallelism()).then(code => (process.exitCode = code), failed);
  } catch (e) {
    failed(e);
  }
}

if (require.main === module) cli();
