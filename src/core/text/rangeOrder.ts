// Document order of ranges, and of what has a range, as functions of their own: a comparator
// written inline in a function is a new function each time that function runs, whose optimised
// code V8 drops at every full collection and compiles again (a folder review sorts per file).
import { OffsetRange } from '../model/types';

/** Ranges by start, then end. */
export function byStartThenEnd(a: OffsetRange, b: OffsetRange): number {
  return a.start - b.start || a.end - b.end;
}

/** Findings, edits or anything with a `range`, by the range's start, then its end. */
export function byRange(a: { range: OffsetRange }, b: { range: OffsetRange }): number {
  return a.range.start - b.range.start || a.range.end - b.range.end;
}
