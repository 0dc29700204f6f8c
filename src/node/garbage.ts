// A full garbage collection asked for by the CLI where a review of a large text has just let go
// of much of what it made (its stages' indexes, the paragraphs' comparison data). Left to itself,
// V8 collects the old generation only once it has grown to about twice what survived the last
// collection: on a 100 MB dump that garbage was a quarter of the process's peak memory.
import * as v8 from 'v8';
import * as vm from 'vm';

/** Texts from this size on (UTF-16 code units) are collected between stages: below it a collection costs more than it frees. */
export const RECLAIM_FROM_CHARS = 32 * 1024 * 1024;

let collect: (() => void) | null | undefined;

/**
 * V8's `gc`, exposed at run time (a context made after `--expose-gc` is set has it), or null where
 * the runtime refuses: the review then runs as before, only with more memory.
 */
function collector(): (() => void) | null {
  if (collect !== undefined) return collect;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    collect = typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    collect = null;
  }
  return collect;
}

/** What a review of a text of `chars` code units calls where it lets go of memory (`Reviewer`'s `reclaim`), if anything. */
export function reclaimFor(chars: number): (() => void) | undefined {
  return chars >= RECLAIM_FROM_CHARS ? collector() ?? undefined : undefined;
}
