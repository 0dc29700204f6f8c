// Whether an edit of one line (no line break added or removed) leaves the segmentation as it was:
// the editor's incremental path (editShift.ts) shifts the previous structure only then. It holds
// when the evidence of every line the edited one can influence (its own, and its neighbours' within
// the context window) is unchanged — then the decoder's input and so its output are the same — and
// the edited line's article is drafted into the same headings, paragraphs, title and metadata.
import type { Article, Paragraph } from '../model/types';
import type { LineIndex } from '../text/text';
import { CANDIDATE_FLOOR, Evidence, WINDOW, endingOf, lineEvidence, ownScore, widgetSource, wordTable } from './features';
import { WIDGET_REACH, isEnclosed, repeatsLine } from '../debris/widgets';
import { BLANK, Line, SEPARATOR_LINE, headingLevel, isSeparator } from './lines';
import { draftArticle } from './paragraphs';
import { articleMeta } from './meta';

export interface SegmentEvidence {
  /** The lines' texts (offsets after an edit are not kept up to date: only texts are read). */
  lines: Line[];
  evidence: Evidence;
}

/**
 * The evidence after line `lineNo` became `newText`, when the structure provably stays the same;
 * null otherwise (segment again). `articles` and `paragraphs` are the previous structure, `index` the
 * previous text's lines.
 */
export function recheckEdit(prev: SegmentEvidence, articles: Article[], paragraphs: Paragraph[], index: LineIndex,
  lineNo: number, newText: string): SegmentEvidence | null {
  const { lines, evidence } = prev;
  const old = lines[lineNo];
  if (!old || old.blank || old.underline || isSeparator(old)) return null;
  const line: Line = { ...old, text: newText, end: old.start + newText.length, blank: BLANK.test(newText), separator: SEPARATOR_LINE.test(newText) };
  if (line.blank || line.separator || headingLevel(newText) !== headingLevel(old.text) ||
    newText.startsWith('\f') !== old.text.startsWith('\f')) return null;
  // A line under it that could be read as its underline.
  const below = lines[lineNo + 1];
  if (below && /^[ \t]*(?:={3,}|-{3,})[ \t]*$/.test(below.text)) return null;

  const { content } = evidence;
  let lo = 0;
  let hi = content.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (content[mid] < lineNo) lo = mid + 1;
    else hi = mid;
  }
  const k = lo;
  if (content[k] !== lineNo) return null;
  const patched = lines.slice();
  patched[lineNo] = line;
  if (endingOf(newText) !== evidence.ending[k]) return null;
  const own = evidence.own.slice();
  own[k] = ownScore(newText);
  if (!widgetsHold(patched, content, evidence.blocked, own, k)) return null;
  // A line that could be a headline is matched with lines of the same text elsewhere (its twins):
  // it must have none, before and after the edit.
  const { candidateTexts } = evidence;
  const oldKey = old.text.trim();
  const newKey = newText.trim();
  const wasCandidate = evidence.own[k] > CANDIDATE_FLOOR;
  const isCandidate = own[k] > CANDIDATE_FLOOR;
  if (wasCandidate && candidateTexts.get(oldKey) !== 1) return null;
  if (isCandidate && (candidateTexts.get(newKey) ?? 0) > (wasCandidate && oldKey === newKey ? 1 : 0)) return null;
  // The lines rechecked and the lines they read the words of.
  const firstChecked = Math.max(0, k - WINDOW - 1);
  const lastChecked = Math.min(content.length - 1, k + WINDOW + 1);
  const words = wordTable(Math.max(0, firstChecked - WINDOW), Math.min(content.length - 1, lastChecked + WINDOW), patched, content);
  for (let j = firstChecked; j <= lastChecked; j++) {
    const e = lineEvidence(patched, content, own, j, evidence.topLevel, words, evidence.blocked);
    if (e.score !== evidence.score[j] || e.category !== evidence.category[j]) return null;
  }

  // The article holding the line is drafted as before.
  const at = index.lineStart(lineNo);
  let a = articles.length - 1;
  while (a > 0 && articles[a].range.start > at) a--;
  const from = a === 0 ? 0 : index.lineAt(articles[a].range.start);
  const to = a + 1 < articles.length ? index.lineAt(articles[a + 1].range.start) : lines.length;
  const draft = draftArticle(patched, from, to, evidence.topLevel);
  const before = paragraphs.filter(p => p.article === a);
  const lineOf = (offset: number) => index.lineAt(offset);
  if (draft.paragraphs.length !== before.length) return null;
  for (let i = 0; i < before.length; i++) {
    const d = draft.paragraphs[i];
    const p = before[i];
    if (d.isHeading !== p.isHeading || d.isMeta !== p.isMeta || d.lines[0].no !== lineOf(p.range.start) ||
      d.lines[d.lines.length - 1].no !== index.lastLineOf(p.range)) return null;
  }
  const meta = articleMeta(draft.paragraphs.filter(p => p.isHeading).map(p => p.lines[0].text),
    draft.paragraphs.find(p => !p.isHeading)?.lines[0].text);
  if (JSON.stringify(meta) !== JSON.stringify(articles[a].meta)) return null;
  if (wasCandidate) candidateTexts.delete(oldKey);
  if (isCandidate) candidateTexts.set(newKey, 1);
  return { lines: patched, evidence: { ...evidence, own } };
}

/** Lines around an edit within which a widget makes the check give up (segment again). */
const WIDGET_MARGIN = WIDGET_REACH + 2 * WINDOW + 2;

/**
 * Whether no widget is near the edited content line k, before or after the edit: then the edit
 * changes no line's widget mark (a widget's lines are marked only near a stutter or between its
 * opening and closing lines, all within `WIDGET_REACH`), and no line near it reads past one.
 */
function widgetsHold(patched: Line[], content: number[], blocked: Uint8Array, own: Float64Array, k: number): boolean {
  const from = Math.max(0, k - WIDGET_MARGIN);
  const to = Math.min(content.length - 1, k + WIDGET_MARGIN);
  for (let j = from; j <= to; j++) if (blocked[j]) return false;
  const text = patched[content[k]].text.trim();
  if (k > 0 && repeatsLine(patched[content[k - 1]].text.trim(), text)) return false;
  if (k + 1 < content.length && repeatsLine(text, patched[content[k + 1]].text.trim())) return false;
  const src = widgetSource(patched, content);
  for (let j = from; j <= to; j++) if (own[j] > CANDIDATE_FLOOR && isEnclosed(src, j)) return false;
  return true;
}
