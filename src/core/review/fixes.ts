// Applying the engine's fixes: every repeated passage, every line of web debris, fix-all as one set
// of non-overlapping edits, and edits to a string.
import { deletions, mergeRemovals } from '../text/edits';
import { OffsetRange, Review, TextEdit } from '../model/types';
import { byRange } from '../text/rangeOrder';

/**
 * Every repeated passage removed (exact repeats only), as one set of non-overlapping edits: all of
 * them, also those past `maxFindingsPerRule` (the review's `repeatRemovals`), merged where they
 * touch or overlap.
 */
export function removeAllRepeatedPassages(review: Review): TextEdit[] {
  let ranges = review.repeatRemovals;
  if (!ranges) {
    // A review without them (built by hand): the preferred fixes of the findings it holds.
    const edits: TextEdit[] = [];
    for (const f of review.findings) {
      if (f.rule !== 'repeated-passage') continue;
      const fix = f.fixes?.find(x => x.preferred) ?? f.fixes?.[0];
      if (fix) edits.push(...fix.edits.filter(e => e.newText === ''));
    }
    ranges = mergeRemovals(edits.map(e => e.range));
  }
  return deletions(ranges);
}

/** Every line of web debris (boilerplate) removed, also those past `maxFindingsPerRule`. */
export function removeAllWebDebris(review: Review): TextEdit[] {
  const ranges = review.debrisRemovals ?? mergeRemovals(review.findings.flatMap(f => (f.rule === 'boilerplate' ? (f.fixes?.[0]?.edits ?? []).map(e => e.range) : [])));
  return deletions(ranges);
}

/**
 * Fix all: the given removals of repeated passages, and every line of web debris too when the
 * review was made with `fixAllRemovesWebDebris`; merged where they touch or overlap (both only
 * remove text, so together they remove exactly what each removes). `text` tidies a removal that
 * reaches the end of the text as a single removal does.
 */
export function withWebDebris(repeatEdits: TextEdit[], review: Review, text?: string): TextEdit[] {
  if (!review.fixAllRemovesWebDebris) return repeatEdits;
  const debris = removeAllWebDebris(review);
  if (debris.length === 0) return repeatEdits;
  return deletions(mergeRemovals([...repeatEdits.map(e => e.range), ...debris.map(e => e.range)], text));
}

/** What fix-all removes (source.fixAll in VS Code, the CLI's --fix). */
export function fixAllEdits(review: Review, text?: string): TextEdit[] {
  return withWebDebris(removeAllRepeatedPassages(review), review, text);
}

/** Applies non-overlapping edits to a text (edits are sorted here; overlapping ones are an error). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort(byRange);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.range.start < at || e.range.end < e.range.start || e.range.end > text.length) {
      throw new Error(`overlapping or invalid edit at ${e.range.start}-${e.range.end}`);
    }
    out += text.slice(at, e.range.start) + e.newText;
    at = e.range.end;
  }
  return out + text.slice(at);
}

/**
 * Removals made in two rounds, as ranges of the text before both: `earlier` removed from the text,
 * then `later` (ranges of the text `earlier` left) removed from what was left. Both sorted and
 * non-overlapping; the result too, merged where they touch.
 */
export function composeRemovals(earlier: readonly OffsetRange[], later: readonly OffsetRange[]): OffsetRange[] {
  // Where each earlier removal sits in the text it left, and how much was removed up to and with it.
  const at: number[] = [];
  const removedThrough: number[] = [];
  let removed = 0;
  for (const r of earlier) {
    at.push(r.start - removed);
    removed += r.end - r.start;
    removedThrough.push(removed);
  }
  /** The offset before both rounds of offset p of the text left; `inclusive`: past an earlier removal that sits exactly at p. */
  const original = (p: number, inclusive: boolean) => {
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid] < p || (inclusive && at[mid] === p)) lo = mid + 1;
      else hi = mid;
    }
    return p + (lo > 0 ? removedThrough[lo - 1] : 0);
  };
  const mapped = later.map(r => ({ start: original(r.start, true), end: original(r.end, false) }));
  return mergeRemovals([...earlier, ...mapped]);
}

/** Rounds of fix-all at most: a removal can make a review see a repeat it did not see before (see `settleFixAll`). */
export const MAX_FIX_ROUNDS = 3;

export interface SettledFix {
  /** What to remove from the original text, in its offsets (one set of edits). */
  removals: OffsetRange[];
  /** The text after the removals, and its review (undefined when it did not come: cancelled). */
  text: string;
  review: Review | undefined;
  /** The review each round removed from (the first is the review given): what was removed, and why. */
  removedFrom: Review[];
}

/** How a round finds its removals and applies them (the command line's engine can be replaced in tests). */
export interface FixSteps {
  edits: (review: Review, text: string) => TextEdit[];
  apply: (text: string, edits: TextEdit[]) => string;
}

/**
 * Fix-all until a fresh review finds nothing more to remove (or `maxRounds`): removing a copy can
 * change how the rest is read (a paragraph next to it joins an article that becomes an exact copy;
 * an updated version whose original lost its copy of a paragraph shows that paragraph as a
 * repeat). Each round removes only repeats of text that stays, so together the rounds do too.
 * A generator, so that the review of what is left can be made now (the command line) or by a worker
 * (the editor): it yields each text left and is given its review (made as the first review was:
 * the same options, the same collection); it returns the settled fix.
 */
export function* fixRounds(text: string, review: Review, maxRounds = MAX_FIX_ROUNDS,
  steps: FixSteps = { edits: fixAllEdits, apply: applyEdits }): Generator<string, SettledFix, Review | undefined> {
  let removals: OffsetRange[] = [];
  let current = text;
  let currentReview: Review | undefined = review;
  const removedFrom: Review[] = [];
  while (currentReview && removedFrom.length < maxRounds) {
    const edits = steps.edits(currentReview, current);
    if (edits.length === 0) break;
    const next = steps.apply(current, edits);
    if (next === current) break;
    removals = composeRemovals(removals, edits.map(e => e.range));
    removedFrom.push(currentReview);
    current = next;
    // No review of what is left (cancelled): the rounds so far stand.
    currentReview = yield next;
  }
  return { removals, text: current, review: currentReview, removedFrom };
}

/** `fixRounds` with the review of what is left made at once (the command line's --fix). */
export function settleFixAll(text: string, review: Review, reviewOf: (text: string) => Review, maxRounds = MAX_FIX_ROUNDS,
  steps?: FixSteps): SettledFix & { review: Review } {
  const rounds = fixRounds(text, review, maxRounds, steps);
  for (let step = rounds.next(undefined); ; step = rounds.next(reviewOf(step.value))) if (step.done) return step.value as SettledFix & { review: Review };
}

/** `fixRounds` with the review of what is left made elsewhere (the editor's worker); undefined stops the rounds. */
export async function settleFixAllAsync(text: string, review: Review, reviewOf: (text: string) => Promise<Review | undefined>,
  maxRounds = MAX_FIX_ROUNDS, steps?: FixSteps): Promise<SettledFix> {
  const rounds = fixRounds(text, review, maxRounds, steps);
  for (let step = rounds.next(undefined); ; step = rounds.next(await reviewOf(step.value))) if (step.done) return step.value;
}
