// Commands that change the text, each a plan of common/editPlans.ts applied by applyPlan.ts (one
// undo step, version checked, asked first when it would remove lines found nowhere else, said
// afterwards with Undo): engine edits from quick fixes and hovers; Remove All Repeated Passages
// (in rounds until a fresh review finds nothing more, as the command line's --fix);
// Remove Repeated Article / Delete Article and Copy Article of the Articles view.
import * as vscode from 'vscode';
import { TextEdit } from '../../core/model/types';
import { targetDocument } from './activeDocument';
import type { ArticleNode } from '../views/articlesView';
import { basename, findOpenDocument } from '../review/reviewState';
import type { Reviewer } from '../review/reviewer';
import type { ArticlesProvider } from '../views/articlesView';
import { removeAllRepeatsPlan, removeArticlePlan } from '../common/editPlans';
import { ApplyResult, EditApplier } from './applyPlan';
import { MAX_FIX_ROUNDS, applyEdits as applyTextEdits, removeAllRepeatedPassages, settleFixAllAsync } from '../../core/review/fixes';

export type { ApplyResult } from './applyPlan';

/** Arguments of `editorialReview.applyEdits`: edits in UTF-16 offsets for one document version. */
export interface ApplyEditsArgs {
  uri: string;
  version: number;
  title: string;
  edits: TextEdit[];
  /** Lines (0-based) the title names as removed (a line of web debris): removing them asks nothing. */
  named?: number[];
}

/** Applies engine edits as one WorkspaceEdit (one undo step), refusing them for a changed document. */
export function applyEdits(applier: EditApplier, args: ApplyEditsArgs): Promise<ApplyResult> {
  return applier.apply(args.uri, args.version, { title: args.title, edits: args.edits, named: args.named, verb: 'Remove' });
}

export async function removeAllRepeated(reviewer: Reviewer, articles: ArticlesProvider, applier: EditApplier, arg?: unknown): Promise<ApplyResult> {
  const doc = await targetDocument(reviewer, articles, arg);
  if (!doc || !reviewer.isReviewable(doc)) {
    void vscode.window.showInformationMessage('Editorial Review: open a reviewed file first.');
    return { applied: false, reason: 'nothing' };
  }
  // From a quick fix: computed for one version of the document, refused for another.
  const version = (arg as { version?: unknown } | undefined)?.version;
  if (typeof version === 'number' && doc.version !== version) {
    void vscode.window.showWarningMessage(`Editorial Review: ${basename(doc.uri)} changed since the fix was offered; try again.`);
    return { applied: false, reason: 'stale' };
  }
  const state = reviewer.current(doc) ?? (await reviewer.reviewDocument(doc, true));
  if (!state) return { applied: false, reason: 'stale' };
  const plan = removeAllRepeatsPlan(state.review);
  if (plan.edits.length === 0) {
    void vscode.window.showInformationMessage(`Editorial Review: no repeated passages in ${basename(doc.uri)}.`);
    return { applied: false, reason: 'nothing' };
  }
  // What is left is reviewed again (in the worker, with its links across files) and removed from
  // too, until nothing more is found: removing a copy can make another passage read as a repeat.
  // The rounds make one edit of the document as it was reviewed (refused if it changed since).
  const settled = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Editorial Review: removing repeated passages' },
    () => settleFixAllAsync(state.text, state.review, text => reviewer.reviewAsIf(doc.uri, text), MAX_FIX_ROUNDS,
      { edits: review => removeAllRepeatedPassages(review), apply: applyTextEdits }));
  return applier.apply(doc.uri.toString(), state.version, { ...plan, edits: settled.removals.map(range => ({ range, newText: '' })) });
}

/**
 * Remove Article (the Articles view): on a repeated article, what its repeat's fix removes; on any
 * other article, the whole article, asked first when it holds lines found nowhere else.
 */
export async function removeArticle(reviewer: Reviewer, applier: EditApplier, node?: ArticleNode): Promise<ApplyResult> {
  if (!node || node.kind !== 'article') return { applied: false, reason: 'nothing' };
  const state = reviewer.get(node.uri);
  const doc = findOpenDocument(node.uri.toString());
  if (!state || !doc || state.version !== node.version || doc.version !== node.version) {
    void vscode.window.showWarningMessage(`Editorial Review: ${basename(node.uri)} changed since the Articles view was drawn; try again.`);
    return { applied: false, reason: 'stale' };
  }
  const plan = removeArticlePlan(state.text, state.review, node.article.index);
  if (!plan) return { applied: false, reason: 'nothing' };
  return applier.apply(node.uri.toString(), node.version, plan);
}

export async function copyArticle(reviewer: Reviewer, node?: ArticleNode): Promise<string | undefined> {
  if (!node || node.kind !== 'article') return undefined;
  const state = reviewer.get(node.uri);
  if (!state) return undefined;
  const text = state.text.slice(node.article.range.start, node.article.range.end);
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`Editorial Review: copied article ${node.article.index}`, 3000);
  return text;
}
