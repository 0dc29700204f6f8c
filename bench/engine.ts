// Loads the engine for the benchmark without a static import, so that the benchmark still runs (and
// says why) when the engine is missing, fails to load, or throws.
import * as fs from 'fs';
import * as path from 'path';
import type { Review, ReviewOptions } from '../src/core/model/types';

/** Something that reviews successive versions of one document, as the editor does. */
export interface DocumentReviewer {
  review(text: string): Review;
  /** Paragraph analyses computed (not reused) by the last review, when the engine says. */
  readonly lastAnalysed?: number;
}

export interface Engine {
  review(text: string, options?: ReviewOptions): Review;
  defaultOptions?: () => ReviewOptions;
  /**
   * A reviewer for the editor scenario, and how it was made. Prefers the engine's incremental API
   * (`createIncrementalReviewer()`, then the `Reviewer` class); falls back to calling `review()`
   * afresh for every version ("no incremental cache").
   */
  documentReviewer(): { reviewer: DocumentReviewer; kind: string; incremental: boolean };
}

const PROBE = 'A headline for the probe\n\nThe first paragraph of the probe says very little at all.\n';

/** Compiled engine modules live next to this file's output: out/bench/ → out/src/core/. */
function coreDir(): string {
  // BENCH_ENGINE_DIR: another compiled engine to measure (or a wrong one, to test the "not ready" path)
  return process.env.BENCH_ENGINE_DIR ? path.resolve(process.env.BENCH_ENGINE_DIR) : path.join(__dirname, '..', 'src', 'core');
}

/**
 * A module of the compiled engine: in its folder (`review/review`), or at the top of the engine for
 * an engine compiled before the folders (a BENCH_ENGINE_DIR of an older commit).
 */
function enginePart(folder: string, name: string): string {
  const foldered = path.join(coreDir(), folder, name);
  return fs.existsSync(`${foldered}.js`) ? foldered : path.join(coreDir(), name);
}

export function loadEngine(): { engine?: Engine; error?: string } {
  let mod: Record<string, unknown>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(enginePart('review', 'review'));
  } catch (err) {
    return { error: `cannot load the engine (${enginePart('review', 'review')}.js): ${message(err)}` };
  }
  const review = mod.review as Engine['review'] | undefined;
  if (typeof review !== 'function') return { error: 'the engine module has no review() function' };
  let defaultOptions: Engine['defaultOptions'];
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    defaultOptions = require(enginePart('options', 'defaults')).defaultOptions;
  } catch {
    defaultOptions = undefined;
  }
  try {
    const r = review(PROBE);
    if (!r || !Array.isArray(r.findings) || !r.stats) return { error: 'review() returned no findings/stats' };
  } catch (err) {
    return { error: `review() throws: ${message(err)}` };
  }

  const documentReviewer: Engine['documentReviewer'] = () => {
    const create = mod.createIncrementalReviewer as ((options?: ReviewOptions) => unknown) | undefined;
    if (typeof create === 'function') {
      const r = create() as Record<string, unknown>;
      const fn = (r.review ?? r.update) as ((text: string) => Review) | undefined;
      if (typeof fn === 'function') {
        return {
          reviewer: {
            review: (text: string) => fn.call(r, text),
            get lastAnalysed() {
              return r.lastAnalysed as number | undefined;
            },
          },
          kind: 'createIncrementalReviewer()',
          incremental: true,
        };
      }
    }
    const Ctor = mod.Reviewer as (new (options?: ReviewOptions) => DocumentReviewer) | undefined;
    if (typeof Ctor === 'function') return { reviewer: new Ctor(), kind: 'new Reviewer() (incremental)', incremental: true };
    return { reviewer: { review: (text: string) => review(text) }, kind: 'review() afresh: no incremental cache yet', incremental: false };
  };

  return { engine: { review, defaultOptions, documentReviewer } };
}

/** Runs the garbage collector if it can be exposed (for the memory figures); otherwise a no-op. */
export const gc: () => void = (() => {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('v8').setFlagsFromString('--expose-gc');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const f = require('vm').runInNewContext('gc') as (() => void) | undefined;
    if (typeof f === 'function') return f;
  } catch {
    /* no gc */
  }
  return () => undefined;
})();

export function message(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return m.split('\n')[0];
}
