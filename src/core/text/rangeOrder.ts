// Document order of ranges, and of what has a range, as comparators of their own rather than written
// inline in per-file code (ARCHITECTURE.md: no inline callbacks in per-file code).
import { OffsetRange } from '../model/types';

/** Ranges by start, then end. */
export function byStartThenEnd(a: OffsetRange, b: OffsetRange): number {
  return a.start - b.start || a.end - b.end;
}

/** Findings, edits or anything with a `range`, by the range's start, then its end. */
export function byRange(a: { range: OffsetRange }, b: { range: OffsetRange }): number {
  return a.range.start - b.range.start || a.range.end - b.range.end;
}
