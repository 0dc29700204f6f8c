// Show original / Compare with original for a repeat or a near duplicate (from quick fixes and
// hovers). The offsets are for one document version; a changed document is refused. Compare opens
// with the first change in view.
import * as vscode from 'vscode';
import { OffsetRange } from '../../core/model/types';
import { PassageProvider } from '../views/passages';
import { basename, findOpenDocument } from '../review/reviewState';

/** Arguments of Show original / Compare with original. */
export interface OriginalArgs {
  uri: string;
  version: number;
  /** The later copy (the finding). */
  range: OffsetRange;
  /** The original passage. */
  original: OffsetRange;
}

function lineSpan(doc: vscode.TextDocument, r: OffsetRange): string {
  const start = doc.positionAt(r.start).line + 1;
  const endPos = doc.positionAt(r.end);
  const end = endPos.character === 0 && endPos.line + 1 > start ? endPos.line : endPos.line + 1;
  return start === end ? `line ${start}` : `lines ${start}–${end}`;
}

function checkVersion(args: { uri: string; version: number }, what: string): vscode.TextDocument | undefined {
  const doc = findOpenDocument(args.uri);
  if (!doc || doc.version !== args.version) {
    void vscode.window.showWarningMessage(`Editorial Review: the document changed since this finding was reported; ${what} is no longer exact. Try again.`);
    return undefined;
  }
  return doc;
}

export async function showOriginal(args: OriginalArgs): Promise<boolean> {
  const doc = checkVersion(args, 'its original');
  if (!doc) return false;
  const range = new vscode.Range(doc.positionAt(args.original.start), doc.positionAt(args.original.end));
  const editor = await vscode.window.showTextDocument(doc, { selection: range, preserveFocus: false });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
  return true;
}

/**
 * The first line (0-based) where two passages differ, and its first differing column; undefined
 * when they are the same.
 */
export function firstChange(original: string, copy: string): { line: number; character: number } | undefined {
  const a = original.split(/\r\n|\r|\n/);
  const b = copy.split(/\r\n|\r|\n/);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x === y) continue;
    let c = 0;
    while (c < x.length && c < y.length && x[c] === y[c]) c++;
    return { line: Math.min(i, b.length - 1), character: Math.min(c, y.length) };
  }
  return undefined;
}

/** Opens the diff of a copy with its original, the first change in view (the cursor on it). */
export async function compareWithOriginal(passages: PassageProvider, args: OriginalArgs): Promise<{ line: number; identical: boolean } | false> {
  const doc = checkVersion(args, 'the comparison');
  if (!doc) return false;
  const text = doc.getText();
  const name = basename(doc.uri);
  const originalText = text.slice(args.original.start, args.original.end);
  const copyText = text.slice(args.range.start, args.range.end);
  const left = passages.create(`${name} (original, ${lineSpan(doc, args.original)})`, originalText);
  const right = passages.create(`${name} (repeat, ${lineSpan(doc, args.range)})`, copyText);
  const change = firstChange(originalText, copyText);
  const at = change ? new vscode.Position(change.line, change.character) : new vscode.Position(0, 0);
  await vscode.commands.executeCommand(
    'vscode.diff',
    left,
    right,
    `${name}: original (${lineSpan(doc, args.original)}) ↔ later copy (${lineSpan(doc, args.range)})${change ? '' : ' (identical)'}`,
    { preview: true, selection: new vscode.Range(at, at) },
  );
  // The diff editor's own navigation may scroll after opening: put the first change in the middle.
  const editor = vscode.window.activeTextEditor;
  if (editor && editor.document.uri.toString() === right.toString()) {
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  if (!change) vscode.window.setStatusBarMessage('Editorial Review: the copy is identical to its original.', 5000);
  return { line: change?.line ?? 0, identical: !change };
}
