// Which documents are reviewed: a file-like scheme, a language listed in editorialReview.languages,
// and never one of our own reports (by its name or by its opening lines).
import * as vscode from 'vscode';
import { REPORT_HEAD_LENGTH, isReportFileName, isReportText } from '../../core/report/reportFiles';
import { ExtensionSettings } from '../config/settings';

const REVIEWABLE_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata']);

export function isReport(doc: vscode.TextDocument): boolean {
  if (isReportFileName(doc.uri.path)) return true;
  // The first lines, each cut short (a dump may be one very long line).
  const lines: string[] = [];
  for (let i = 0; i < Math.min(3, doc.lineCount); i++) lines.push(doc.getText(new vscode.Range(i, 0, i, REPORT_HEAD_LENGTH)));
  return isReportText(lines.join('\n'));
}

export function isReviewableDocument(doc: vscode.TextDocument, settings: ExtensionSettings): boolean {
  if (!REVIEWABLE_SCHEMES.has(doc.uri.scheme)) return false;
  if (!settings.languages.includes(doc.languageId)) return false;
  return !isReport(doc);
}
