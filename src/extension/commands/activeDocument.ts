// The document a command works on: its argument (a URI, a URI string or a tree node), else the
// active editor's, else the file the Articles view shows.
import * as vscode from 'vscode';
import { findOpenDocument } from '../review/reviewState';
import type { Reviewer } from '../review/reviewer';

export async function targetDocument(
  reviewer: Reviewer,
  shown: { readonly document: vscode.Uri | undefined },
  arg?: unknown,
): Promise<vscode.TextDocument | undefined> {
  let uri: vscode.Uri | undefined;
  if (arg instanceof vscode.Uri) uri = arg;
  else if (typeof arg === 'string') uri = vscode.Uri.parse(arg);
  else if (arg && typeof arg === 'object' && (arg as { uri?: unknown }).uri instanceof vscode.Uri) uri = (arg as { uri: vscode.Uri }).uri;
  if (uri) return findOpenDocument(uri.toString()) ?? vscode.workspace.openTextDocument(uri);
  const active = vscode.window.activeTextEditor?.document;
  if (active && reviewer.isReviewable(active)) return active;
  const file = shown.document;
  return file ? findOpenDocument(file.toString()) : active;
}
