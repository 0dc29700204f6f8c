// Showing a place of a reviewed file from the views. A click (or Enter) on a node reveals it with
// the cursor at its start, selecting nothing and leaving the focus in the view, as VS Code's
// Outline does; a double click (two clicks on one node in quick succession) or Select Article
// selects it and moves the focus to the editor.
import * as vscode from 'vscode';

export interface RevealOptions {
  /** Select the range (else the cursor goes to its start). */
  select: boolean;
  /** Move the focus to the editor (else it stays where it is). */
  focus: boolean;
}

export interface Revealed {
  selection: vscode.Selection;
  options: RevealOptions;
}

/** Opens the document of `uri` (keeping a pinned tab) and shows `range`. */
export async function reveal(uri: vscode.Uri, range: vscode.Range, options: RevealOptions): Promise<Revealed> {
  const selection = options.select ? new vscode.Selection(range.start, range.end) : new vscode.Selection(range.start, range.start);
  const editor = await vscode.window.showTextDocument(uri, { selection, preserveFocus: !options.focus, preview: false });
  editor.revealRange(range, options.select ? vscode.TextEditorRevealType.InCenterIfOutsideViewport : vscode.TextEditorRevealType.AtTop);
  return { selection, options };
}
