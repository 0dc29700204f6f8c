// What each command, quick fix and panel action that changes the text would do, as pure data
// computed from the review and its text (no `vscode`, so that the unit property tests drive every
// entry point): its title, its edits, the lines its title names, and — through `checkPlan` — the
// lines it would remove that exist nowhere else, with the question to ask first when there are any.
// `describeEdit` says afterwards what went. The editor applies plans in commands/editCommands.ts.
import { LostText, lostLines, textLostBy } from '../../core/review/lostText';
import { fixAllEdits, removeAllRepeatedPassages, removeAllWebDebris } from '../../core/review/fixes';
import { LineIndex } from '../../core/text/text';
import { Finding, Fix, OffsetRange, Review, TextEdit } from '../../core/model/types';

export interface EditPlan {
  /** What the action is called (the undo step and the messages name it so). */
  title: string;
  edits: TextEdit[];
  /**
   * Lines (0-based) that the title itself names as removed, knowing they may exist only once (a
   * line of web debris: "Remove web debris, line 12"). Removing them needs no question.
   */
  named?: number[];
  /** The verb of the confirmation button ("Delete", "Remove"). */
  verb?: string;
}

export interface Question {
  message: string;
  detail: string;
  /** The button that goes ahead (the other choice is Cancel). */
  button: string;
}

export interface CheckedPlan extends EditPlan {
  /** What the edits remove that exists nowhere in what they leave. */
  lost: LostText[];
  /** Asked (as a modal dialog) before applying when `lost` holds lines the title does not name. */
  question?: Question;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const HAS_WORD = /[\p{L}\p{N}]/u;

/** "line 12", "lines 12–20" (1-based, from 0-based lines). */
export function lineSpanText(first: number, last: number): string {
  return first === last ? `line ${first + 1}` : `lines ${first + 1}\u2013${last + 1}`;
}

/** Short runs of line numbers: "lines 221–233", "lines 3, 17–18 and 40" (1-based, from 0-based). */
export function linesText(lines: readonly number[]): string {
  if (lines.length === 0) return 'no line';
  const runs: string[] = [];
  let from = lines[0];
  let to = lines[0];
  const flush = () => runs.push(from === to ? `${from + 1}` : `${from + 1}\u2013${to + 1}`);
  for (const l of lines.slice(1)) {
    if (l === to + 1) to = l;
    else {
      flush();
      from = to = l;
    }
  }
  flush();
  const word = lines.length === 1 ? 'line' : 'lines';
  if (runs.length > 4) return `${word} ${runs.slice(0, 3).join(', ')} and ${runs.length - 3} more places`;
  return runs.length === 1 ? `${word} ${runs[0]}` : `${word} ${runs.slice(0, -1).join(', ')} and ${runs[runs.length - 1]}`;
}

/** The whole lines (0-based, blank ones included) that deletions remove, in order. */
export function linesRemoved(text: string, edits: readonly TextEdit[]): number[] {
  const index = new LineIndex(text);
  const out: number[] = [];
  for (const e of edits) {
    if (e.newText !== '' || e.range.end <= e.range.start) continue;
    for (let line = index.lineAt(e.range.start); line < index.lineCount; line++) {
      const start = index.lineStart(line);
      if (start >= e.range.end) break;
      const end = index.lineEndWithBreak(line);
      // A line goes when the deletion takes all of it with its break; the last line (no break)
      // when the deletion takes the break before it.
      const last = line + 1 === index.lineCount;
      const whole = last ? (e.range.start < start || start === 0) && end <= e.range.end : start >= e.range.start && end <= e.range.end;
      if (whole && end > start) out.push(line);
    }
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

/** The lost pieces checked against the plan: the question to ask first, if any. */
export function checkPlan(text: string, plan: EditPlan, lost: LostText[] = textLostBy(text, plan.edits)): CheckedPlan {
  const named = new Set(plan.named ?? []);
  const unnamed = lostLines(lost).filter(l => !named.has(l));
  if (unnamed.length === 0) return { ...plan, lost };
  const all = lostLines(lost);
  const n = all.length;
  return {
    ...plan,
    lost,
    question: {
      message: `${plan.title}? ${plural(n, 'line')} ${n === 1 ? 'exists' : 'exist'} nowhere else in this file.`,
      detail:
        `${linesText(all).replace(/^./, c => c.toUpperCase())} would be gone: ${n === 1 ? 'its text is' : 'their text is'} not repeated ` +
        'anywhere in what is left. Undo (Ctrl+Z) brings them back.',
      button: plan.verb ?? 'Remove',
    },
  };
}

/** What a plan did, in one sentence for a message ("Remove all repeated passages: removed 18 lines (235–252)."). */
export function describeEdit(text: string, plan: EditPlan, lost: readonly LostText[] = []): { message: string; removedLines: number } {
  const removed = linesRemoved(text, plan.edits);
  const replaced = plan.edits.filter(e => e.newText !== '' && e.range.end > e.range.start).length;
  const inserted = plan.edits.filter(e => e.newText !== '' && e.range.end === e.range.start).length;
  const parts: string[] = [];
  if (removed.length > 0) {
    const places = mergedSpans(removed);
    const where = places.length <= 3 ? linesText(removed) : `in ${places.length} places`;
    parts.push(`removed ${plural(removed.length, 'line')} (${where.replace(/^lines? /, '')})`);
  } else if (plan.edits.some(e => e.newText === '' && e.range.end > e.range.start)) {
    parts.push(`removed text on ${linesText(lineOfEdits(text, plan.edits.filter(e => e.newText === '')))}`);
  }
  if (replaced > 0) parts.push(`replaced ${plural(replaced, 'passage')} on ${linesText(lineOfEdits(text, plan.edits.filter(e => e.newText !== '' && e.range.end > e.range.start)))}`);
  if (inserted > 0) parts.push(`inserted text on ${linesText(lineOfEdits(text, plan.edits.filter(e => e.newText !== '' && e.range.end === e.range.start)))}`);
  const gone = lostLines(lost).length;
  const note = gone > 0 ? `; ${plural(gone, 'line')} of it existed nowhere else` : '';
  return { message: `${plan.title}: ${parts.join(', ') || 'no change'}${note}.`, removedLines: removed.length };
}

function lineOfEdits(text: string, edits: readonly TextEdit[]): number[] {
  const index = new LineIndex(text);
  return [...new Set(edits.map(e => index.lineAt(e.range.start)))].sort((a, b) => a - b);
}

function mergedSpans(lines: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const l of lines) {
    const last = out[out.length - 1];
    if (last && l === last[1] + 1) last[1] = l;
    else out.push([l, l]);
  }
  return out;
}

// ---- The entry points ----------------------------------------------------------------------

/** Remove All Repeated Passages (the command, the view's button, the quick fix). */
export function removeAllRepeatsPlan(review: Review, title = 'Remove all repeated passages'): EditPlan {
  return { title, edits: removeAllRepeatedPassages(review), verb: 'Remove' };
}

/**
 * Remove all web debris in this file (the quick fix). Its title names what goes — the lines of web
 * debris, which exist once by nature — so removing them asks nothing.
 */
export function removeAllDebrisPlan(review: Review, text: string, title = 'Remove all web debris in this file'): EditPlan {
  const edits = removeAllWebDebris(review);
  return { title, edits, named: linesRemoved(text, edits), verb: 'Remove' };
}

/** Fix all (`source.fixAll.editorialReview`): the repeats, and the web debris (named by the title) when the option says so. */
export function fixAllPlan(review: Review, text: string): EditPlan {
  if (!review.fixAllRemovesWebDebris) return { title: 'Remove all repeated passages', edits: fixAllEdits(review, text), verb: 'Remove' };
  return {
    title: 'Remove all repeated passages and web debris',
    edits: fixAllEdits(review, text),
    named: linesRemoved(text, removeAllWebDebris(review)),
    verb: 'Remove',
  };
}

/**
 * One fix of one finding, its title saying which lines a removal takes ("Remove repeated passage
 * (lines 235–253)"); a line of web debris is named by its own fix, so removing it asks nothing.
 */
export function findingFixPlan(text: string, finding: Finding, fix: Fix): EditPlan {
  const all = linesRemoved(text, fix.edits);
  const edits = fix.edits.map(e => ({ range: { ...e.range }, newText: e.newText }));
  if (all.length === 0) return { title: fix.title, edits };
  // The title names the lines with words (not the blank lines that go with them).
  const index = new LineIndex(text);
  const worded = all.filter(l => HAS_WORD.test(text.slice(index.lineStart(l), index.lineContentEnd(l))));
  const removed = worded.length > 0 ? worded : all;
  const span = lineSpanText(removed[0], removed[removed.length - 1]);
  const contiguous = removed.length === removed[removed.length - 1] - removed[0] + 1;
  const where = contiguous ? span : linesText(removed);
  if (finding.rule === 'boilerplate') return { title: `Remove web debris (${where})`, edits, named: all, verb: 'Remove' };
  return { title: `${fix.title} (${where})`, edits, verb: 'Remove' };
}

/** The preferred (else the first) fix of a finding. */
export function preferredFix(finding: Finding): Fix | undefined {
  return finding.fixes?.find(f => f.preferred) ?? finding.fixes?.[0];
}

/** Clips ranges to a range. */
function clip(ranges: readonly OffsetRange[], to: OffsetRange): OffsetRange[] {
  return ranges.map(r => ({ start: Math.max(r.start, to.start), end: Math.min(r.end, to.end) })).filter(r => r.end > r.start);
}

export interface ArticlePlan extends EditPlan {
  /** `repeat`: what the article's repeat fix removes; `delete`: the whole article, asked first when it holds lines found nowhere else. */
  kind: 'repeat' | 'delete';
}

/**
 * Remove Article of the Articles panel. On an article that repeats an earlier one: exactly what
 * the repeat's own fix removes (the article's finding, or the repeat removals inside it when the
 * finding is past the display cap or the article holds lines of its own) — never its whole range.
 * On any other article: an explicit delete of its lines.
 */
export function removeArticlePlan(text: string, review: Review, index: number): ArticlePlan | undefined {
  const article = review.articles.find(a => a.index === index);
  if (!article) return undefined;
  const index0 = new LineIndex(text);
  const first = index0.lineAt(article.range.start);
  const last = index0.lastLineOf(article.range);
  if (article.duplicateOf !== null) {
    const finding = review.findings.find(f => f.rule === 'repeated-passage' && f.data.kind === 'article' && f.data.article === index);
    const fix = finding && preferredFix(finding);
    const ranges = fix
      ? fix.edits.filter(e => e.newText === '').map(e => e.range)
      : clip(removeAllRepeatedPassages(review).map(e => e.range), article.range);
    const edits = ranges.map(r => ({ range: { start: r.start, end: r.end }, newText: '' }));
    const removed = linesRemoved(text, edits);
    const where = removed.length > 0 ? ` (${linesText(removed)})` : '';
    return { kind: 'repeat', title: `Remove repeated article ${index}${where}`, edits, verb: 'Remove' };
  }
  return {
    kind: 'delete',
    title: `Delete article ${index} (${lineSpanText(first, last)})`,
    edits: [{ range: { start: article.range.start, end: article.range.end }, newText: '' }],
    verb: 'Delete',
  };
}

export interface ReplaceEveryPlan extends EditPlan {
  /** Occurrences that are findings (outside repeated copies). */
  outside: number;
  /** Occurrences inside repeated copies, replaced too so that each copy still repeats its original. */
  inCopies: number;
  /** Occurrences of the same words inside repeated copies that could not be matched to a finding's sentence: left as they are. */
  leftInCopies: number;
  suggestion: string;
}

/**
 * Replace every «term»: each finding of the term with its first suggestion (each keeping its own
 * case), and — since the findings inside a repeated copy are left out of the review — the same
 * words in the copies of those findings' sentences, so that a copy still repeats its original and
 * Remove All still removes it. The title counts both.
 */
export function replaceEveryPlan(text: string, review: Review, term: string): ReplaceEveryPlan | undefined {
  const key = term.toLowerCase();
  const edits: TextEdit[] = [];
  let suggestion = '';
  const sentences = new Map<string, { offset: number; length: number; newText: string }[]>();
  for (const f of review.findings) {
    if (f.rule !== 'loaded-term' || f.data.term.toLowerCase() !== key) continue;
    const first = f.data.suggestions[0];
    if (first === undefined) continue;
    if (!suggestion) suggestion = first;
    edits.push({ range: { start: f.range.start, end: f.range.end }, newText: first });
    const sentence = text.slice(f.data.sentence.start, f.data.sentence.end);
    const list = sentences.get(sentence) ?? [];
    list.push({ offset: f.range.start - f.data.sentence.start, length: f.range.end - f.range.start, newText: first });
    sentences.set(sentence, list);
  }
  if (edits.length === 0) return undefined;
  const outside = edits.length;
  const copies = review.repeatRemovals ?? removeAllRepeatedPassages(review).map(e => e.range);
  const taken = new Set(edits.map(e => e.range.start));
  let inCopies = 0;
  for (const copy of copies) {
    for (const [sentence, hits] of sentences) {
      for (let at = text.indexOf(sentence, copy.start); at >= 0 && at + sentence.length <= copy.end; at = text.indexOf(sentence, at + 1)) {
        for (const h of hits) {
          const start = at + h.offset;
          if (taken.has(start)) continue;
          taken.add(start);
          edits.push({ range: { start, end: start + h.length }, newText: h.newText });
          inCopies++;
        }
      }
    }
  }
  // The same words elsewhere in the copies (a sentence copied with other spacing or case): counted, not touched.
  const words = new Set(review.findings.flatMap(f => (f.rule === 'loaded-term' && f.data.term.toLowerCase() === key ? [f.data.matched.toLowerCase()] : [])));
  let leftInCopies = 0;
  const lower = text.toLowerCase();
  for (const copy of copies) {
    for (const w of words) {
      for (let at = lower.indexOf(w, copy.start); at >= 0 && at + w.length <= copy.end; at = lower.indexOf(w, at + w.length)) {
        const bounded = !/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') && !/[\p{L}\p{N}]/u.test(text[at + w.length] ?? '');
        if (bounded && !taken.has(at)) leftInCopies++;
      }
    }
  }
  edits.sort((a, b) => a.range.start - b.range.start);
  const counts = inCopies > 0 ? `${edits.length}, ${inCopies} of them in repeated copies` : `${edits.length}`;
  const left = leftInCopies > 0 ? `; ${leftInCopies} more in repeated copies left as ${leftInCopies === 1 ? 'it is' : 'they are'}` : '';
  return {
    title: `Replace every \u00AB${term}\u00BB in this file with \u00AB${suggestion}\u00BB (${counts}${left})`,
    edits,
    outside,
    inCopies,
    leftInCopies,
    suggestion,
  };
}
