// What a set of edits would lose: the lines they remove whose text exists nowhere in what they
// leave. The fronts ask it before applying an edit, so that no line that exists only once goes
// without the user being told first. A removed line (or the part of a line that a removal across
// lines takes) is kept elsewhere when an equal line is left, or when its words are left in that
// order between word boundaries (a paragraph wrapped at other places, a sentence inside a longer
// line); case, spacing, quotes and dashes do not count (`normalizeForCompare`). An edit inside one
// line (a word replaced or removed, a repeated sentence taken out) removes no line; a replacement
// that covers whole lines removes them unless it writes them again.
import { LineIndex, normalizeForCompare } from '../text/text';
import { OffsetRange, TextEdit } from '../model/types';
import { applyEdits } from './fixes';

export interface LostText {
  /** The removed piece of one line (document offsets), without the line break. */
  range: OffsetRange;
  /** 0-based line of the piece. */
  line: number;
  /** True when the piece is the whole line (its words, leading and trailing space aside). */
  wholeLine: boolean;
  text: string;
}

const HAS_WORD = /[\p{L}\p{N}]/u;

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && HAS_WORD.test(c);
}

/** Whether `part` (normalised) occurs in `whole` (normalised) between word boundaries. */
export function occursBetweenWordBoundaries(part: string, whole: string): boolean {
  if (part === '') return true;
  for (let i = whole.indexOf(part); i >= 0; i = whole.indexOf(part, i + 1)) {
    const before = isWordChar(whole[i - 1]) && isWordChar(part[0]);
    const after = isWordChar(whole[i + part.length]) && isWordChar(part[part.length - 1]);
    if (!before && !after) return true;
  }
  return false;
}

/**
 * The pieces of lines that the edits remove and that hold words, in document order: the whole
 * lines, and the ends of lines that a removal across lines takes.
 */
export function removedPieces(text: string, edits: readonly TextEdit[]): LostText[] {
  const lines = new LineIndex(text);
  const out: LostText[] = [];
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start);
  for (const edit of sorted) {
    const { start, end } = edit.range;
    if (end <= start) continue;
    const rewritten = edit.newText === '' ? '' : normalizeForCompare(edit.newText);
    for (let line = lines.lineAt(start); line < lines.lineCount && lines.lineStart(line) < end; line++) {
      const lineStart = lines.lineStart(line);
      const contentEnd = lines.lineContentEnd(line);
      const from = Math.max(start, lineStart);
      const to = Math.min(end, contentEnd);
      if (to <= from) continue;
      const piece = text.slice(from, to);
      if (!HAS_WORD.test(piece)) continue;
      const content = text.slice(lineStart, contentEnd);
      const lead = content.length - content.trimStart().length;
      const trail = content.length - content.trimEnd().length;
      const wholeLine = from <= lineStart + lead && to >= contentEnd - trail;
      const acrossLines = start < lineStart || end > contentEnd;
      if (!wholeLine && !acrossLines) continue;
      if (edit.newText !== '') {
        // A replacement removes a line only when it covers the whole line and does not write it again.
        if (!wholeLine || occursBetweenWordBoundaries(normalizeForCompare(piece), rewritten)) continue;
      }
      out.push({ range: { start: from, end: to }, line, wholeLine, text: piece });
    }
  }
  return out;
}

/**
 * The removed text that exists nowhere in what the edits leave (see the file's comment), in
 * document order. Empty for edits that remove no line (most replacements).
 */
export function textLostBy(text: string, edits: readonly TextEdit[]): LostText[] {
  const pieces = removedPieces(text, edits);
  if (pieces.length === 0) return [];
  const left = applyEdits(text, edits.map(e => ({ range: { ...e.range }, newText: e.newText })));
  const leftLines = left.split(/\r\n|\r|\n/);
  let rawLines: Set<string> | undefined;
  let normalizedLines: Set<string> | undefined;
  let normalizedLeft: string | undefined;
  return pieces.filter(piece => {
    const normalized = normalizeForCompare(piece.text);
    if (piece.wholeLine) {
      rawLines ??= new Set(leftLines.map(l => l.trim()));
      if (rawLines.has(piece.text.trim())) return false;
      normalizedLines ??= new Set(leftLines.map(normalizeForCompare));
      if (normalizedLines.has(normalized)) return false;
    }
    normalizedLeft ??= normalizeForCompare(left);
    return !occursBetweenWordBoundaries(normalized, normalizedLeft);
  });
}

/** The lines of a range (whole lines with words) whose text exists nowhere else in the text. */
export function linesOnlyIn(text: string, range: OffsetRange): LostText[] {
  return textLostBy(text, [{ range, newText: '' }]);
}

/** The distinct lines (0-based) the lost pieces are on. */
export function lostLines(lost: readonly LostText[]): number[] {
  return [...new Set(lost.map(l => l.line))].sort((a, b) => a - b);
}
