// The commands of the collection: open a place in another file (a story's occurrence, the original
// of a copy), Compare with original across two files (a diff of the two passages, the first change
// in view), the explicit fix that removes the other version of an updated article (in that file,
// refused when it changed since it was indexed), and Stop Indexing / Rebuild Collection Index.
import * as vscode from 'vscode';
import type { OffsetRange, TextEdit } from '../../core/model/types';
import { textHash } from '../../core/rules/articleVersions';
import { firstChange } from '../commands/originals';
import { PassageProvider } from '../views/passages';
import { basename, findOpenDocument } from '../review/reviewState';
import type { WorkspaceIndex } from './workspaceIndex';

import { COLLECTION_CMD } from '../common/commandIds';

export { COLLECTION_CMD };

/** A place in a file of the collection: its name there, 1-based lines. */
export interface PlaceArgs {
  path: string;
  line: number;
  endLine?: number;
  /** Take the focus (Open original); a story's occurrence is revealed without it, as Outline does. */
  focus?: boolean;
}

/** Compare with original, across files: the copy in this document (version checked), the original in file `path`. */
export interface CompareArgs {
  uri: string;
  version: number;
  range: OffsetRange;
  path: string;
  original: OffsetRange;
}

/** "Keep this version and remove the other": edits of file `path`, for the text the index holds of it. */
export interface OtherFileEditArgs {
  title: string;
  path: string;
  edits: TextEdit[];
}

async function textOf(uri: vscode.Uri): Promise<vscode.TextDocument> {
  return findOpenDocument(uri.toString()) ?? vscode.workspace.openTextDocument(uri);
}

export class CollectionCommands {
  constructor(
    private readonly index: WorkspaceIndex,
    private readonly passages: PassageProvider,
  ) {}

  register(): vscode.Disposable[] {
    return [
      vscode.commands.registerCommand(COLLECTION_CMD.openInCollection, (args: PlaceArgs) => this.open(args)),
      vscode.commands.registerCommand(COLLECTION_CMD.compareAcrossFiles, (args: CompareArgs) => this.compare(args)),
      vscode.commands.registerCommand(COLLECTION_CMD.removeInOtherFile, (args: OtherFileEditArgs) => this.removeInOtherFile(args)),
      vscode.commands.registerCommand(COLLECTION_CMD.stopIndexing, () => this.index.stop()),
      vscode.commands.registerCommand(COLLECTION_CMD.rebuildIndex, () => this.index.rebuild()),
    ];
  }

  private uriOf(path: string): vscode.Uri | undefined {
    const uri = this.index.uriOf(path);
    if (!uri) void vscode.window.showWarningMessage(`Editorial Review: ${path} is no longer in the collection.`);
    return uri;
  }

  async open(args: PlaceArgs): Promise<vscode.TextEditor | undefined> {
    const uri = this.uriOf(args.path);
    if (!uri) return undefined;
    const start = new vscode.Position(Math.max(0, args.line - 1), 0);
    const range = new vscode.Range(start, args.endLine ? new vscode.Position(args.endLine, 0) : start);
    const editor = await vscode.window.showTextDocument(uri, { preserveFocus: !args.focus, preview: true, selection: new vscode.Selection(start, start) });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  /** Opens the diff of the original (in its file) with the copy, the first change in view. */
  async compare(args: CompareArgs): Promise<{ line: number; identical: boolean } | false> {
    const doc = findOpenDocument(args.uri);
    const otherUri = this.uriOf(args.path);
    if (!doc || doc.version !== args.version || !otherUri) {
      if (doc) void vscode.window.showWarningMessage('Editorial Review: the document changed since this finding was reported; try again.');
      return false;
    }
    const other = await textOf(otherUri);
    const originalText = other.getText().slice(args.original.start, args.original.end);
    const copyText = doc.getText().slice(args.range.start, args.range.end);
    const lines = (d: vscode.TextDocument, r: OffsetRange) => `line ${d.positionAt(r.start).line + 1}`;
    const left = this.passages.create(`${basename(otherUri)} (original, ${lines(other, args.original)})`, originalText);
    const right = this.passages.create(`${basename(doc.uri)} (copy, ${lines(doc, args.range)})`, copyText);
    const change = firstChange(originalText, copyText);
    const at = change ? new vscode.Position(change.line, change.character) : new vscode.Position(0, 0);
    await vscode.commands.executeCommand(
      'vscode.diff',
      left,
      right,
      `${basename(otherUri)} (original) \u2194 ${basename(doc.uri)} (later copy)${change ? '' : ' (identical)'}`,
      { preview: true, selection: new vscode.Range(at, at) },
    );
    const editor = vscode.window.activeTextEditor;
    if (editor && editor.document.uri.toString() === right.toString()) {
      editor.selection = new vscode.Selection(at, at);
      editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
    return { line: change?.line ?? 0, identical: !change };
  }

  /** Applies the other file's edits as one undoable step, asked first (it removes an article of another file). */
  async removeInOtherFile(args: OtherFileEditArgs, confirm = true): Promise<boolean> {
    const uri = this.uriOf(args.path);
    if (!uri) return false;
    const doc = await textOf(uri);
    if (textHash(doc.getText()) !== this.index.get(args.path)?.contentHash) {
      void vscode.window.showWarningMessage(`Editorial Review: ${args.path} changed since it was indexed; review it and try again.`);
      return false;
    }
    if (confirm) {
      const choice = await vscode.window.showWarningMessage(args.title, { modal: true, detail: `This edits ${args.path}; Undo in that file reverts it.` }, 'Remove');
      if (choice !== 'Remove') return false;
    }
    const edit = new vscode.WorkspaceEdit();
    for (const e of args.edits) edit.replace(uri, new vscode.Range(doc.positionAt(e.range.start), doc.positionAt(e.range.end)), e.newText);
    return vscode.workspace.applyEdit(edit);
  }
}
