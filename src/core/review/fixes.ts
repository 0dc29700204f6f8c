// Applying the engine's fixes: every repeated passage, every line of web debris, fix-all as one set
// of non-overlapping edits, and edits to a string.
import { mergeRemovals } from '../text/edits';
import { OffsetRange, Review, TextEdit } from '../model/types';

function removalsOf(ranges: readonly OffsetRange[]): TextEdit[] {
  return ranges.map(range => ({ range: { start: range.start, end: range.end }, newText: '' }));
}

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
  return removalsOf(ranges);
}

/** Every line of web debris (boilerplate) removed, also those past `maxFindingsPerRule`. */
export function removeAllWebDebris(review: Review): TextEdit[] {
  const ranges = review.debrisRemovals ?? mergeRemovals(review.findings.flatMap(f => (f.rule === 'boilerplate' ? (f.fixes?.[0]?.edits ?? []).map(e => e.range) : [])));
  return removalsOf(ranges);
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
  return removalsOf(mergeRemovals([...repeatEdits.map(e => e.range), ...debris.map(e => e.range)], text));
}

/** What fix-all removes (source.fixAll in VS Code, the CLI's --fix). */
export function fixAllEdits(review: Review, text?: string): TextEdit[] {
  return withWebDebris(removeAllRepeatedPassages(review), review, text);
}

/** Applies non-overlapping edits to a text (edits are sorted here; overlapping ones are an error). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
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
