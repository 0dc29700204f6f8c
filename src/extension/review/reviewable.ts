// Which documents are reviewed: a file-like scheme, a language listed in editorialReview.languages,
// never one of our own reports (by its name or by its opening lines), and not a file whose review
// the user turned off (editorialReview.ignoredFiles).
import * as path from 'path';
import * as vscode from 'vscode';
import { REPORT_HEAD_LENGTH, isReportFileName, isReportText } from '../../core/report/reportFiles';
import { ExtensionSettings } from '../config/settings';
import { FilePath, matchingPattern } from '../config/fileRules';

const REVIEWABLE_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata']);

export function isReport(doc: vscode.TextDocument): boolean {
  if (isReportFileName(doc.uri.path)) return true;
  // The first lines, each cut short (a dump may be one very long line).
  const lines: string[] = [];
  for (let i = 0; i < Math.min(3, doc.lineCount); i++) lines.push(doc.getText(new vscode.Range(i, 0, i, REPORT_HEAD_LENGTH)));
  return isReportText(lines.join('\n'));
}

/** A document of a reviewed kind (scheme, language, not a report), whether or not its review is turned off. */
export function isReviewableKind(doc: vscode.TextDocument, settings: ExtensionSettings): boolean {
  if (!REVIEWABLE_SCHEMES.has(doc.uri.scheme)) return false;
  if (!settings.languages.includes(doc.languageId)) return false;
  return !isReport(doc);
}

/** The paths a file's patterns are matched against: inside its workspace folder, and in full. */
export function filePathOf(uri: vscode.Uri): FilePath {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const relative = folder ? path.posix.relative(folder.uri.path, uri.path) : undefined;
  return { relative: relative && !relative.startsWith('..') ? relative : undefined, absolute: uri.scheme === 'file' ? uri.fsPath : uri.path };
}

/** The pattern of `editorialReview.ignoredFiles` that turns a file's review off, if any. */
export function turnedOffBy(uri: vscode.Uri, settings: ExtensionSettings): string | undefined {
  return settings.ignoredFiles.length > 0 ? matchingPattern(settings.ignoredFiles, filePathOf(uri)) : undefined;
}

export function isReviewableDocument(doc: vscode.TextDocument, settings: ExtensionSettings): boolean {
  return isReviewableKind(doc, settings) && turnedOffBy(doc.uri, settings) === undefined;
}
