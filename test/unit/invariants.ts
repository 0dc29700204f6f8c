// What must hold for any text, checked by the property tests (properties.test.ts) and the long
// fuzz run (bench/fuzz.ts). Each check throws an Error saying what broke; none of them depends on
// how the engine segments a dump.
import * as assert from 'node:assert/strict';
import { applyEdits, removeAllRepeatedPassages } from '../../src/core/review/fixes';
import { CompiledLexicons, compileLexicons } from '../../src/core/language/lexicon';
import { review } from '../../src/core/review/review';
import { normalizeForCompare } from '../../src/core/text/text';
import { Finding, OffsetRange, Review, ReviewOptions, TextEdit } from '../../src/core/model/types';

/** Everything a review says except how long it took. */
export function comparable(r: Review): unknown {
  const { timings: _timings, ...stats } = r.stats;
  return { articles: r.articles, findings: r.findings, stats, repeatRemovals: r.repeatRemovals };
}

const compiled = new WeakMap<ReviewOptions, CompiledLexicons>();

/** A review of a text, with the lexicons of its options compiled once. */
export function freshReview(text: string, options: ReviewOptions): Review {
  let lexicons = compiled.get(options);
  if (!lexicons) { lexicons = compileLexicons(options); compiled.set(options, lexicons); }
  return review(text, options, lexicons);
}

/** An incremental review must equal a fresh review of the same text. */
export function checkIncremental(incremental: Review, text: string, options: ReviewOptions): void {
  const fresh = freshReview(text, options);
  assert.deepEqual(comparable(incremental), comparable(fresh), 'the incremental review differs from a fresh one');
}

function inBounds(text: string, r: OffsetRange, what: string): void {
  if (!(Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.start <= r.end && r.end <= text.length)) {
    throw new Error(`${what}: range ${r.start}-${r.end} out of bounds (text of ${text.length})`);
  }
}

const HAS_WORD = /[\p{L}\p{N}]/u;

/** The lines of a stretch of text (without their line breaks). */
function linesOf(s: string): string[] {
  return s.split(/\r\n|\r|\n/);
}

/** A line cut after each sentence's final mark (good enough for the generated dumps). */
function sentencesOf(line: string): string[] {
  return line.split(/(?<=[.!?]["\u201D]?)\s+/u);
}

/** Whether `part` (normalised) occurs in `whole` (normalised) between word boundaries. */
function occursIn(part: string, normalizedWhole: string): boolean {
  const p = normalizeForCompare(part);
  if (p === '') return true;
  for (let i = normalizedWhole.indexOf(p); i >= 0; i = normalizedWhole.indexOf(p, i + 1)) {
    const before = normalizedWhole[i - 1];
    const after = normalizedWhole[i + p.length];
    const boundaryBefore = i === 0 || !HAS_WORD.test(before) || !HAS_WORD.test(p[0]);
    const boundaryAfter = after === undefined || !HAS_WORD.test(after) || !HAS_WORD.test(p[p.length - 1]);
    if (boundaryBefore && boundaryAfter) return true;
  }
  return false;
}

/** Characters [start, end) as a sorted list of disjoint ranges. */
function union(ranges: readonly OffsetRange[]): OffsetRange[] {
  const sorted = [...ranges].filter(r => r.end > r.start).sort((a, b) => a.start - b.start);
  const out: OffsetRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

function covers(ranges: readonly OffsetRange[], r: OffsetRange): boolean {
  if (r.start === r.end) return true;
  return ranges.some(u => u.start <= r.start && r.end <= u.end);
}

/** The parts of `inner` not covered by the disjoint sorted `ranges`. */
function uncovered(ranges: readonly OffsetRange[], inner: OffsetRange): OffsetRange[] {
  const out: OffsetRange[] = [];
  let at = inner.start;
  for (const r of ranges) {
    if (r.end <= at) continue;
    if (r.start >= inner.end) break;
    if (r.start > at) out.push({ start: at, end: r.start });
    at = Math.max(at, r.end);
  }
  if (at < inner.end) out.push({ start: at, end: inner.end });
  return out;
}

/** The normalised text of a finding's originals (its related ranges). */
function originalsOf(text: string, f: Finding): string {
  return normalizeForCompare((f.related ?? []).map(x => text.slice(x.range.start, x.range.end)).join('\n'));
}

/**
 * What a removal leaves of its finding that repeats the original: undefined when nothing. (A line
 * inside the finding that the original does not hold is not a repeat and may stay.)
 */
function keptOfFinding(text: string, removed: readonly OffsetRange[], f: Finding, originals: string): string | undefined {
  for (const part of uncovered(removed, f.range)) {
    const left = text.slice(part.start, part.end);
    if (!HAS_WORD.test(left)) continue;
    // A part that starts or ends inside a line is a piece of a repeated line: never kept.
    const lineBreak = (i: number) => /[\r\n]/.test(text[i] ?? '\n');
    const wholeLines = (part.start === f.range.start || lineBreak(part.start - 1) || lineBreak(part.start)) &&
      (part.end === f.range.end || lineBreak(part.end - 1) || lineBreak(part.end));
    if (!wholeLines) return left;
    const repeated = linesOf(left).find(line => HAS_WORD.test(line) && occursIn(line, originals));
    if (repeated !== undefined) return repeated;
  }
  return undefined;
}

/** The preferred fix of a finding (Remove All applies these). */
function preferredEdits(f: Finding): TextEdit[] {
  return (f.fixes?.find(x => x.preferred) ?? f.fixes?.[0])?.edits ?? [];
}

/**
 * Every fix of every finding changes only its range: replacements and insertions stay inside the
 * finding (an insertion may end its sentence), a removal covers the finding and takes beyond it
 * only layout (spaces, blank lines, separators) or lines that its original holds too.
 */
export function checkFixes(text: string, r: Review): void {
  for (const f of r.findings) {
    inBounds(text, f.range, `${f.rule} finding`);
    for (const rel of f.related ?? []) inBounds(text, rel.range, `${f.rule} related`);
    if (f.rule === 'near-duplicate' && f.data.kind === 'article') {
      checkVersionFixes(text, f);
      continue;
    }
    const originals = originalsOf(text, f);
    for (const fix of f.fixes ?? []) {
      const what = `${f.rule} fix "${fix.title}" of the finding at ${f.range.start}-${f.range.end} (${f.message})`;
      const edits = [...fix.edits].sort((a, b) => a.range.start - b.range.start);
      edits.forEach(e => inBounds(text, e.range, what));
      const fixed = applyEdits(text, edits);
      const first = edits[0]?.range.start ?? 0;
      const last = edits.reduce((m, e) => Math.max(m, e.range.end), 0);
      assert.equal(fixed.slice(0, first), text.slice(0, first), `${what}: changed text before it`);
      assert.equal(fixed.slice(fixed.length - (text.length - last)), text.slice(last), `${what}: changed text after it`);
      const removals = edits.filter(e => e.newText === '').map(e => e.range);
      for (const e of edits) {
        if (e.newText === '') continue;
        const inside = f.range.start <= e.range.start && e.range.end <= f.range.end;
        // An insertion at the end of the finding's sentence: no paragraph break in between.
        const endsSentence = e.range.start === e.range.end && e.range.start >= f.range.end &&
          !/\n[ \t]*\r?\n/.test(text.slice(f.range.end, e.range.start));
        if (!inside && !endsSentence) throw new Error(`${what}: edits ${e.range.start}-${e.range.end} outside its finding`);
      }
      if (removals.length === 0) continue;
      const removed = union(removals);
      const kept = keptOfFinding(text, removed, f, originals);
      if (kept !== undefined) throw new Error(`${what}: leaves ${JSON.stringify(kept)} of the finding`);
      for (const r of removed) {
        for (const extra of uncovered([f.range], r)) {
          for (const line of linesOf(text.slice(extra.start, extra.end))) {
            if (HAS_WORD.test(line) && !occursIn(line, originals)) {
              throw new Error(`${what}: also removes ${JSON.stringify(line)}, which its original does not hold`);
            }
          }
        }
      }
    }
  }
}

/**
 * The explicit fixes of an updated version (remove this version; keep it and remove the other):
 * never preferred, each removes one of the two articles whole (its content and the layout around
 * it) and nothing else.
 */
function checkVersionFixes(text: string, f: Finding): void {
  const other = f.related?.[0]?.range;
  if (!other) throw new Error(`article near duplicate without its earlier version: ${f.message}`);
  for (const fix of f.fixes ?? []) {
    const what = `fix "${fix.title}" of ${f.message}`;
    if (fix.preferred) throw new Error(`${what}: an updated version is never removed without asking`);
    if (fix.edits.length !== 1 || fix.edits[0].newText !== '') throw new Error(`${what}: not one removal`);
    const removed = fix.edits[0].range;
    inBounds(text, removed, what);
    const target = removed.start < f.range.end && f.range.start < removed.end ? f.range : other;
    if (!covers([removed], target)) throw new Error(`${what}: does not remove the whole version`);
    for (const extra of uncovered([target], removed)) {
      if (HAS_WORD.test(text.slice(extra.start, extra.end))) throw new Error(`${what}: also removes ${JSON.stringify(text.slice(extra.start, extra.end))}`);
    }
  }
}

/**
 * Remove All Repeated Passages applied once: pure deletions, merged, that remove every repeat
 * the review found (capped or not) and nothing else but layout; every line removed, whole or in
 * part, still exists in the result; the rest is unchanged.
 * `r` may be capped (`maxFindingsPerRule`); `all` is the review of the same text without a cap.
 */
export function checkRemoveAll(text: string, r: Review, all: Review): string {
  const edits = removeAllRepeatedPassages(r);
  edits.forEach((e, i) => {
    inBounds(text, e.range, 'remove-all edit');
    assert.equal(e.newText, '', 'remove-all only deletes');
    if (e.range.start >= e.range.end) throw new Error(`remove-all: empty edit at ${e.range.start}`);
    if (i > 0 && e.range.start <= edits[i - 1].range.end) throw new Error(`remove-all: edits at ${edits[i - 1].range.start} and ${e.range.start} overlap or touch`);
  });
  const removed = edits.map(e => e.range);
  const repeats = all.findings.filter(f => f.rule === 'repeated-passage');
  // Each repeat's own removal is applied, whole; beyond them only blank lines go.
  const own = union(repeats.flatMap(f => preferredEdits(f).filter(e => e.newText === '').map(e => e.range)));
  for (const f of repeats) {
    const kept = keptOfFinding(text, union(removed), f, originalsOf(text, f));
    if (kept !== undefined) throw new Error(`remove-all leaves ${JSON.stringify(kept)} of the repeat at ${f.range.start}-${f.range.end} (${f.message})`);
  }
  for (const o of own) if (!covers(removed, o)) throw new Error(`remove-all drops the removal ${o.start}-${o.end}`);
  for (const e of removed) {
    for (const extra of uncovered(own, e)) {
      if (text.slice(extra.start, extra.end).trim() !== '') throw new Error(`remove-all also removes ${JSON.stringify(text.slice(extra.start, extra.end))}`);
    }
  }
  // The result is the text outside the removals, in order.
  const fixed = applyEdits(text, edits);
  let kept = '';
  let at = 0;
  for (const e of removed) { kept += text.slice(at, e.start); at = e.end; }
  assert.equal(fixed, kept + text.slice(at), 'remove-all changed text outside its ranges');
  // What went still exists: every line removed, whole or in part (a repeated sentence), has a
  // copy in what is left, or a copy that lost only repeated sentences, or else each of its
  // sentences has one (removing a repeated sentence changes its line by design). Lines, not
  // blocks: a run of repeated lines may have lost a line that repeats its own original, so the run
  // as a whole need not survive, but each line does.
  const left = normalizeForCompare(fixed);
  const lineCopies = new Map<string, OffsetRange[]>();
  for (const m of text.matchAll(/[^\r\n]+/g)) {
    const key = normalizeForCompare(m[0]);
    const list = lineCopies.get(key) ?? [];
    list.push({ start: m.index, end: m.index + m[0].length });
    lineCopies.set(key, list);
  }
  const survives = (line: OffsetRange) => {
    const gone = removed.filter(e => e.start < line.end && line.start < e.end);
    const kept = uncovered(gone, line).map(k => text.slice(k.start, k.end)).join(' ');
    return HAS_WORD.test(kept) && gone.every(e => occursIn(text.slice(Math.max(e.start, line.start), Math.min(e.end, line.end)), left));
  };
  for (const e of removed) {
    for (const piece of linesOf(text.slice(e.start, e.end))) {
      if (!HAS_WORD.test(piece) || occursIn(piece, left)) continue;
      const copies = lineCopies.get(normalizeForCompare(piece)) ?? [];
      if (copies.some(survives)) continue;
      // A line made of repeated sentences only: each of them has a copy left.
      const lost = sentencesOf(piece).find(x => HAS_WORD.test(x) && !occursIn(x, left));
      if (lost !== undefined) throw new Error(`remove-all removes the only copy of ${JSON.stringify(lost)} (in ${JSON.stringify(piece)})`);
    }
  }
  return fixed;
}

const uncappedOf = new WeakMap<ReviewOptions, ReviewOptions>();

/** The options with every repeat kept (no display cap), for `checkRemoveAll` (one per options). */
export function uncapped(options: ReviewOptions): ReviewOptions {
  let o = uncappedOf.get(options);
  if (!o) { o = { ...options, maxFindingsPerRule: 1_000_000 }; uncappedOf.set(options, o); }
  return o;
}
