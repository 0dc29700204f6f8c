// Applying the engine's fixes: as one set of non-overlapping edits, and to a string.
import { Review, TextEdit } from './types';

/** Sorted by start; of overlapping edits the first (widest at equal starts) wins. */
export function nonOverlappingEdits(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
  const out: TextEdit[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    if (e.range.start < lastEnd) continue;
    // Two insertions at one point would be ambiguous; keep the first.
    if (e.range.start === lastEnd && e.range.start === e.range.end && out.length && out[out.length - 1].range.start === out[out.length - 1].range.end) continue;
    out.push(e);
    lastEnd = e.range.end;
  }
  return out;
}

/** Every repeated passage removed (exact repeats only), as one set of non-overlapping edits. */
export function removeAllRepeatedPassages(review: Review): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const f of review.findings) {
    if (f.rule !== 'repeated-passage') continue;
    const fix = f.fixes?.find(x => x.preferred) ?? f.fixes?.[0];
    if (fix) edits.push(...fix.edits);
  }
  return nonOverlappingEdits(edits);
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
