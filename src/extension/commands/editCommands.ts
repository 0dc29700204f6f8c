// Commands that change the text: engine edits applied as one WorkspaceEdit (one undo step), refused
// for a document that changed since they were computed; Remove All Repeated Passages; Remove and
// Copy Article of the Articles view.
import * as vscode from 'vscode';
import { removeAllRepeatedPassages } from '../../core/review/fixes';
import { TextEdit } from '../../core/model/types';
import { targetDocument } from './activeDocument';
import type { ArticleNode } from '../views/articlesView';
import { basename, findOpenDocument } from '../review/reviewState';
import type { Reviewer } from '../review/reviewer';
import type { ArticlesProvider } from '../views/articlesView';

/** Arguments of `editorialReview.applyEdits`: edits in UTF-16 offsets for one document version. */
export interface ApplyEditsArgs {
  uri: string;
  version: number;
  title: string;
  edits: TextEdit[];
}

export interface ApplyResult {
  applied: boolean;
  reason?: 'stale' | 'closed' | 'rejected' | 'nothing';
  edits?: number;
}

/** Applies engine edits as one WorkspaceEdit (one undo step), refusing them for a changed document. */
export async function applyEdits(args: ApplyEditsArgs): Promise<ApplyResult> {
  const doc = findOpenDocument(args.uri);
  if (!doc) {
    void vscode.window.showWarningMessage(`Editorial Review did not apply "${args.title}": the document is no longer open.`);
    return { applied: false, reason: 'closed' };
  }
  if (doc.version !== args.version) {
    void vscode.window.showWarningMessage(
      `Editorial Review did not apply "${args.title}": ${basename(doc.uri)} changed after the fix was offered. ` +
        'Try again on the current text.',
    );
    return { applied: false, reason: 'stale' };
  }
  if (args.edits.length === 0) return { applied: false, reason: 'nothing' };
  const edit = new vscode.WorkspaceEdit();
  for (const e of args.edits) {
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.range.start), doc.positionAt(e.range.end)), e.newText, {
      label: args.title,
      needsConfirmation: false,
    });
  }
  const ok = await vscode.workspace.applyEdit(edit);
  if (!ok) {
    void vscode.window.showWarningMessage(`Editorial Review could not apply "${args.title}" (the editor refused the edit).`);
    return { applied: false, reason: 'rejected' };
  }
  return { applied: true, edits: args.edits.length };
}

export async function removeAllRepeated(reviewer: Reviewer, articles: ArticlesProvider, arg?: unknown): Promise<ApplyResult> {
  const doc = await targetDocument(reviewer, articles, arg);
  if (!doc || !reviewer.isReviewable(doc)) {
    void vscode.window.showInformationMessage('Editorial Review: open a reviewed file first.');
    return { applied: false, reason: 'nothing' };
  }
  const state = reviewer.current(doc) ?? (await reviewer.reviewDocument(doc, true));
  if (!state) return { applied: false, reason: 'stale' };
  const edits = removeAllRepeatedPassages(state.review);
  if (edits.length === 0) {
    void vscode.window.showInformationMessage(`Editorial Review: no repeated passages in ${basename(doc.uri)}.`);
    return { applied: false, reason: 'nothing' };
  }
  return applyEdits({ uri: doc.uri.toString(), version: state.version, title: 'Remove all repeated passages', edits });
}

export async function removeArticle(node?: ArticleNode): Promise<ApplyResult> {
  if (!node || node.kind !== 'article') return { applied: false, reason: 'nothing' };
  const edits: TextEdit[] = [{ range: node.article.range, newText: '' }];
  return applyEdits({ uri: node.uri.toString(), version: node.version, title: `Remove article ${node.article.index}`, edits });
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
