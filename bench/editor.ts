// The editor scenario: a 2 MB dump open in VS Code, reviewed once, then re-reviewed after each
// one-character edit. Two ways, as the extension can run the engine:
//   1. in process, with one document reviewer kept across versions (bench/engine.ts picks the engine's
//      incremental API when it has one, else calls review() afresh);
//   2. through the extension's review worker (dist/reviewWorker.js, worker_threads), the way the
//      extension host does it, measuring the round trip and how long the main thread is blocked.
//
//   node out/bench/editor.js [--seed N] [--size MB] [--json]     (run.ts runs it with --json)

import * as fs from 'fs';
import * as path from 'path';
import { monitorEventLoopDelay } from 'perf_hooks';
import { Worker } from 'worker_threads';
import type { Review, ReviewOptions } from '../src/core/model/types';
import { Engine, gc, loadEngine, message } from './engine';
import { MB, findProjectRoot, generateText } from './generate';

export interface EditorResult {
  bytes: number;
  characters: number;
  edits: number;
  inProcess?: {
    kind: string;
    incremental: boolean;
    firstMs: number;
    editMs: number[];
    /** Paragraphs analysed again after each edit, when the engine reports it. */
    reanalysed: Array<number | undefined>;
    paragraphs: number;
    /** Heap (bytes, after gc) kept by the document reviewer and its first result, beyond the text itself. */
    heapWithReviewer: number;
    /** The same after the edits (reviewer, its cache, the first result, the last version of the text). */
    heapAfterEdits: number;
    /** Heap (bytes, after gc) still kept once the reviewer and its results are dropped. */
    heapAfterClose: number;
  };
  worker?: {
    path: string;
    firstMs: number;
    firstEngineMs: number;
    editMs: number[];
    editEngineMs: number[];
    otherDocFirstMs: number;
    otherDocEngineMs: number;
    postMessageMaxMs: number;
    /** Longest stretch the main thread could not run (event-loop delay, max) during the first request, the edits, the other document. */
    mainThreadMaxBlockMs: { first: number; edits: number; otherDoc: number };
  };
  workerError?: string;
  error?: string;
}

/** Positions for one-character edits, spread over the document, each inside a body paragraph. */
export function editPositions(text: string, count: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < count; k++) {
    const from = Math.floor(((k + 0.5) / count) * text.length);
    let para = text.indexOf('\n\n', from);
    if (para < 0) para = text.lastIndexOf('\n\n', from);
    // skip a headline (a paragraph without a final full stop)
    let start = para + 2;
    for (let guard = 0; guard < 3; guard++) {
      const end = text.indexOf('\n', start);
      const line = text.slice(start, end < 0 ? text.length : end);
      if (/[.!?]["”’]?$/.test(line)) break;
      start = text.indexOf('\n\n', start) + 2;
    }
    const space = text.indexOf(' ', start + 20);
    out.push(space > 0 ? space : start);
  }
  return out;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function insertAt(text: string, at: number, ch: string): string {
  return text.slice(0, at) + ch + text.slice(at);
}

function inProcess(engine: Engine, text: string, positions: number[]): NonNullable<EditorResult['inProcess']> {
  // Warm the engine's code on another document first, as in a long-running editor session.
  const warm = generateText(256 * 1024, 7).text;
  engine.review(warm);
  gc();
  gc();
  const heapBase = process.memoryUsage().heapUsed;
  let { reviewer, kind, incremental } = engine.documentReviewer(); // eslint-disable-line prefer-const
  let t = performance.now();
  let first: Review | undefined = reviewer.review(text);
  const firstMs = performance.now() - t;
  const paragraphs = first.stats.paragraphs;
  gc();
  const heapWithReviewer = process.memoryUsage().heapUsed - heapBase;
  const editMs: number[] = [];
  const reanalysed: Array<number | undefined> = [];
  let current = text;
  for (const at of positions) {
    current = insertAt(current, at, 'e');
    t = performance.now();
    reviewer.review(current);
    editMs.push(performance.now() - t);
    reanalysed.push(reviewer.lastAnalysed);
  }
  gc();
  gc();
  const heapAfterEdits = process.memoryUsage().heapUsed - heapBase;
  // "Closing the document": drop the reviewer and its results; what stays is what the engine keeps globally.
  first = undefined;
  reviewer = { review: () => { throw new Error('closed'); } };
  current = '';
  gc();
  gc();
  const heapAfterClose = process.memoryUsage().heapUsed - heapBase;
  return { kind, incremental, firstMs, editMs, reanalysed, paragraphs, heapWithReviewer, heapAfterEdits, heapAfterClose };
}

async function throughWorker(workerPath: string, options: ReviewOptions, text: string, other: string, positions: number[]): Promise<NonNullable<EditorResult['worker']>> {
  const worker = new Worker(workerPath);
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let nextId = 1;
  let postMessageMaxMs = 0;
  const send = (key: string, body: string): Promise<{ roundTrip: number; engine: number; block: number }> =>
    new Promise((resolve, reject) => {
      histogram.reset();
      const id = nextId++;
      const onMessage = (response: { id: number; ok: boolean; ms?: number; error?: string }) => {
        if (response.id !== id) return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        if (!response.ok) reject(new Error(`worker: ${response.error ?? 'failed'}`));
        else {
          const roundTrip = performance.now() - started;
          // let the delay monitor's timer fire once more, so the turn that received the response is counted
          setTimeout(() => resolve({ roundTrip, engine: response.ms ?? NaN, block: histogram.max / 1e6 }), 5);
        }
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      const started = performance.now();
      worker.postMessage({ type: 'review', id, key, text: body, options });
      postMessageMaxMs = Math.max(postMessageMaxMs, performance.now() - started);
    });
  try {
    histogram.enable();
    const first = await send('bench://dump-2mb', text);
    const editMs: number[] = [];
    const editEngineMs: number[] = [];
    let editBlock = 0;
    let current = text;
    for (const at of positions) {
      current = insertAt(current, at, 'e');
      const r = await send('bench://dump-2mb', current);
      editMs.push(r.roundTrip);
      editEngineMs.push(r.engine);
      editBlock = Math.max(editBlock, r.block);
    }
    const otherDoc = await send('bench://other-2mb', other);
    histogram.disable();
    return {
      path: workerPath,
      firstMs: first.roundTrip,
      firstEngineMs: first.engine,
      editMs,
      editEngineMs,
      otherDocFirstMs: otherDoc.roundTrip,
      otherDocEngineMs: otherDoc.engine,
      postMessageMaxMs,
      mainThreadMaxBlockMs: { first: first.block, edits: editBlock, otherDoc: otherDoc.block },
    };
  } finally {
    histogram.disable();
    await worker.terminate();
  }
}

export async function runEditorScenario(engine: Engine | undefined, seed: number, sizeMB = 2, edits = 10): Promise<EditorResult> {
  const { text, stats } = generateText(Math.round(sizeMB * MB), seed);
  const result: EditorResult = { bytes: stats.bytes, characters: text.length, edits };
  if (!engine) {
    result.error = 'engine not ready';
    return result;
  }
  const positions = editPositions(text, edits);
  const workerPath = path.join(findProjectRoot(), 'dist', 'reviewWorker.js');
  if (!fs.existsSync(workerPath)) result.workerError = `${path.relative(findProjectRoot(), workerPath)} not built`;
  else if (!engine.defaultOptions) result.workerError = 'no defaultOptions() to send to the worker';
  else {
    try {
      const other = generateText(Math.round(sizeMB * MB), seed + 1).text;
      result.worker = await throughWorker(workerPath, engine.defaultOptions(), text, other, positions);
    } catch (err) {
      result.workerError = message(err);
    }
  }
  // After the worker, so that this section's garbage does not land in the main thread's pauses above.
  try {
    result.inProcess = inProcess(engine, text, positions);
  } catch (err) {
    result.error = `in-process review failed: ${message(err)}`;
  }
  return result;
}

const f = (ms: number): string => (Number.isFinite(ms) ? (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)) : 'n/a');

export function editorMarkdown(r: EditorResult): string {
  const lines: string[] = [];
  lines.push(`Document: ${(r.bytes / MB).toFixed(2)} MB (${r.characters.toLocaleString('en')} UTF-16 units), ${r.edits} one-character edits spread over it, each reviewed before the next.`);
  lines.push('');
  if (r.error) lines.push(`**${r.error}.**`, '');
  const p = r.inProcess;
  if (p) {
    const re = p.reanalysed.filter((x): x is number => typeof x === 'number');
    lines.push(`In process, reviewer: \`${p.kind}\`${p.incremental ? '' : ' (the lead will add createIncrementalReviewer(); bench/engine.ts switches to it)'}. The review is one synchronous task: its time is how long it would block the thread it runs on.`);
    lines.push('');
    lines.push('| Measure | ms |', '|---|---:|');
    lines.push(`| First review (new reviewer, code already warm) | ${f(p.firstMs)} |`);
    lines.push(`| Re-review after a one-character edit, median | ${f(median(p.editMs))} |`);
    lines.push(`| Re-review after a one-character edit, max | ${f(Math.max(...p.editMs))} |`);
    if (re.length) lines.push(`| Paragraphs analysed again per edit (of ${p.paragraphs.toLocaleString('en')}) | ${Math.min(...re)}–${Math.max(...re)} |`);
    lines.push('');
    const mib = (b: number): string => (b / 2 ** 20).toFixed(1);
    lines.push(`Memory (heap after a full gc, beyond the text itself, which V8 holds as ${r.characters.toLocaleString('en')} UTF-16 units): the document reviewer with its cache and first result keeps ${mib(p.heapWithReviewer)} MiB (${(p.heapWithReviewer / r.bytes).toFixed(2)}x the document's ${(r.bytes / MB).toFixed(2)} MB); after the ${r.edits} edits ${mib(p.heapAfterEdits)} MiB (this includes the edited text, ${mib(r.characters * 2)} MiB at most); after dropping the reviewer and its results ("closing the document") ${mib(p.heapAfterClose)} MiB remain.`);
    lines.push('');
  }
  const w = r.worker;
  if (w) {
    lines.push('Through the extension\'s review worker (`dist/reviewWorker.js`, a fresh worker thread, one request at a time, as `reviewClient.ts` sends them): round trip from `postMessage` to the response on the main thread, and the engine time the worker reports.');
    lines.push('');
    lines.push('| Measure | round trip ms | engine ms |', '|---|---:|---:|');
    lines.push(`| First review (cold worker: its code not yet compiled) | ${f(w.firstMs)} | ${f(w.firstEngineMs)} |`);
    lines.push(`| Re-review after a one-character edit, median | ${f(median(w.editMs))} | ${f(median(w.editEngineMs))} |`);
    lines.push(`| Re-review after a one-character edit, max | ${f(Math.max(...w.editMs))} | ${f(Math.max(...w.editEngineMs))} |`);
    lines.push(`| First review of another 2 MB document (warm worker) | ${f(w.otherDocFirstMs)} | ${f(w.otherDocEngineMs)} |`);
    lines.push('');
    const b = w.mainThreadMaxBlockMs;
    lines.push(`Main thread (the extension host's, here this process): longest block, as the maximum event-loop delay (1 ms resolution), ${f(b.first)} ms during the first request (includes starting the worker), ${f(b.edits)} ms during the edits, ${f(b.otherDoc)} ms during the other document; longest synchronous \`postMessage\` call ${f(w.postMessageMaxMs)} ms. What remains on the main thread is copying the text to the worker and the review back.`);
    lines.push('');
  } else if (r.workerError) {
    lines.push(`Worker path not measured: ${r.workerError}.`, '');
  }
  return lines.join('\n');
}

async function main(argv: string[]): Promise<void> {
  const at = (flag: string, dflt: number): number => {
    const i = argv.indexOf(flag);
    return i >= 0 ? Number(argv[i + 1]) : dflt;
  };
  const { engine, error } = loadEngine();
  if (error) process.stderr.write(`editor: engine not ready: ${error}\n`);
  const r = await runEditorScenario(engine, at('--seed', 42), at('--size', 2));
  process.stdout.write((argv.includes('--json') ? JSON.stringify(r) : editorMarkdown(r)) + '\n');
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`editor: ${message(err)}\n`);
    process.exit(1);
  });
}
