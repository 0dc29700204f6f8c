// Next / Previous Finding and Next / Previous Repeated Article in the active file: the cursor goes
// to the start of the next one after the cursor (in document order), wrapping at the ends of the
// file and saying so in the status bar. Only this extension's findings, unlike F8. "Finding x of
// n" counts what the Articles panel lists (hints included), and says what Problems lists when
// that differs.
import * as vscode from 'vscode';
import { Finding, OffsetRange, RULE_IDS, RuleId } from '../../core/model/types';
import { listedCounts } from '../common/counts';
import type { Reviewer } from '../review/reviewer';
import { ReviewState } from '../review/reviewState';

export type Direction = 'next' | 'previous';

/** Optional argument: the file (else the active editor's) and, for findings, one rule only. */
export interface NavigationArgs {
  uri?: vscode.Uri | string;
  rule?: RuleId;
}

async function editorFor(reviewer: Reviewer, arg: NavigationArgs | undefined): Promise<vscode.TextEditor | undefined> {
  const uri = typeof arg?.uri === 'string' ? vscode.Uri.parse(arg.uri) : arg?.uri instanceof vscode.Uri ? arg.uri : undefined;
  if (uri && vscode.window.activeTextEditor?.document.uri.toString() !== uri.toString()) {
    // From a view: show the file without taking the focus from the view.
    return vscode.window.showTextDocument(uri, { preserveFocus: true, preview: false });
  }
  const editor = vscode.window.activeTextEditor;
  return editor && reviewer.isReviewable(editor.document) ? editor : undefined;
}

export interface NavigationResult {
  /** 1-based position of the item reached among `total`. */
  position: number;
  total: number;
  /** True when the walk went past an end of the file and started again at the other. */
  wrapped: boolean;
  range: OffsetRange;
  /** What was said in the status bar. */
  message: string;
}

interface Target {
  range: OffsetRange;
  describe: string;
}

/** Where the last walk stopped, so that several items starting at one offset are all visited. */
let last: { uri: string; version: number; kind: string; index: number } | undefined;

async function currentState(reviewer: Reviewer, doc: vscode.TextDocument): Promise<ReviewState | undefined> {
  return reviewer.current(doc) ?? (await reviewer.settle(doc, 10000).catch(() => undefined)) ?? (await reviewer.reviewDocument(doc, true));
}

function pick(targets: Target[], cursor: number, direction: Direction, previous: number | undefined): { index: number; wrapped: boolean } {
  if (previous !== undefined && previous < targets.length && targets[previous].range.start === cursor) {
    const index = direction === 'next' ? previous + 1 : previous - 1;
    if (index >= targets.length) return { index: 0, wrapped: true };
    if (index < 0) return { index: targets.length - 1, wrapped: true };
    return { index, wrapped: false };
  }
  if (direction === 'next') {
    const index = targets.findIndex(t => t.range.start > cursor);
    return index < 0 ? { index: 0, wrapped: true } : { index, wrapped: false };
  }
  for (let i = targets.length - 1; i >= 0; i--) if (targets[i].range.start < cursor) return { index: i, wrapped: false };
  return { index: targets.length - 1, wrapped: true };
}

async function walk(
  reviewer: Reviewer,
  kind: string,
  direction: Direction,
  arg: NavigationArgs | undefined,
  targetsOf: (state: ReviewState) => Target[],
  whereListed?: (state: ReviewState) => string,
): Promise<NavigationResult | undefined> {
  const editor = await editorFor(reviewer, arg);
  if (!editor || !reviewer.isReviewable(editor.document)) {
    void vscode.window.showInformationMessage('Editorial Review: open a reviewed file first.');
    return undefined;
  }
  const doc = editor.document;
  const state = await currentState(reviewer, doc);
  if (!state) return undefined;
  const targets = targetsOf(state);
  const plural = `${kind}s`;
  if (targets.length === 0) {
    vscode.window.setStatusBarMessage(`Editorial Review: no ${plural} in this file.`, 4000);
    return { position: 0, total: 0, wrapped: false, range: { start: 0, end: 0 }, message: `no ${plural}` };
  }
  const cursor = doc.offsetAt(editor.selection.active);
  const previous = last && last.uri === doc.uri.toString() && last.version === doc.version && last.kind === kind ? last.index : undefined;
  const { index, wrapped } = pick(targets, cursor, direction, previous);
  last = { uri: doc.uri.toString(), version: doc.version, kind, index };
  const target = targets[index];
  const start = doc.positionAt(target.range.start);
  editor.selection = new vscode.Selection(start, start);
  editor.revealRange(state.toRange(target.range), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  const where = wrapped ? (direction === 'next' ? ' (wrapped to the start of the file)' : ' (wrapped to the end of the file)') : '';
  const listed = whereListed ? whereListed(state) : '';
  const message = `${kind.replace(/^./, c => c.toUpperCase())} ${index + 1} of ${targets.length}${listed}${where}: ${target.describe}`;
  vscode.window.setStatusBarMessage(`Editorial Review: ${message}`, wrapped ? 6000 : 4000);
  return { position: index + 1, total: targets.length, wrapped, range: target.range, message };
}

/**
 * Where the walked findings are listed, when Problems does not list them all: " (as listed in the
 * Articles panel; Problems lists 122)".
 */
function listedNote(findings: readonly Finding[]): string {
  const c = listedCounts(findings);
  return c.problems === c.listed ? '' : ` (as listed in the Articles panel; Problems lists ${c.problems})`;
}

export function goToFinding(reviewer: Reviewer, direction: Direction, arg?: NavigationArgs): Promise<NavigationResult | undefined> {
  const rule = arg?.rule && (RULE_IDS as readonly string[]).includes(arg.rule) ? arg.rule : undefined;
  const of = (state: ReviewState) => state.review.findings.filter(f => !rule || f.rule === rule);
  return walk(
    reviewer,
    rule ? `${rule} finding` : 'finding',
    direction,
    arg,
    state =>
      of(state)
        .sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end)
        .map(f => ({ range: f.range, describe: f.message.length > 100 ? `${f.message.slice(0, 99)}…` : f.message })),
    state => listedNote(of(state)),
  );
}

export function goToRepeatedArticle(reviewer: Reviewer, direction: Direction, arg?: NavigationArgs): Promise<NavigationResult | undefined> {
  return walk(reviewer, 'repeated article', direction, arg, state =>
    state.review.articles
      .filter(a => a.duplicateOf !== null)
      .map(a => ({ range: a.range, describe: `article ${a.index}, a repeat of article ${a.duplicateOf}` })),
  );
}
