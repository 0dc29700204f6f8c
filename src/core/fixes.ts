// Applying the engine's fixes: every repeated passage as one set of non-overlapping edits, and
// edits to a string.
import { mergeRemovals } from './edits';
import { Review, TextEdit } from './types';

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
  return ranges.map(range => ({ range: { start: range.start, end: range.end }, newText: '' }));
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
