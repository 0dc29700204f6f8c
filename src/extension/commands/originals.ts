// Show original / Compare with original for a repeat or a near duplicate (from quick fixes and
// hovers). The offsets are for one document version; a changed document is refused.
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

export async function compareWithOriginal(passages: PassageProvider, args: OriginalArgs): Promise<boolean> {
  const doc = checkVersion(args, 'the comparison');
  if (!doc) return false;
  const text = doc.getText();
  const name = basename(doc.uri);
  const left = passages.create(`${name} (original, ${lineSpan(doc, args.original)})`, text.slice(args.original.start, args.original.end));
  const right = passages.create(`${name} (repeat, ${lineSpan(doc, args.range)})`, text.slice(args.range.start, args.range.end));
  await vscode.commands.executeCommand(
    'vscode.diff',
    left,
    right,
    `${name}: original (${lineSpan(doc, args.original)}) ↔ later copy (${lineSpan(doc, args.range)})`,
    { preview: true },
  );
  return true;
}
