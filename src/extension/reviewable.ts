// Which documents are reviewed: a file-like scheme, a language listed in editorialReview.languages,
// and never one of our own reports (by its name or by its opening lines).
import * as vscode from 'vscode';
import { REPORT_HEAD_LENGTH, isReportFileName, isReportText } from '../core/reportFiles';
import { ExtensionSettings } from './settings';

const REVIEWABLE_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata']);

export function isReport(doc: vscode.TextDocument): boolean {
  if (isReportFileName(doc.uri.path)) return true;
  const head = doc.getText(new vscode.Range(0, 0, 4, 0));
  return isReportText(head.slice(0, REPORT_HEAD_LENGTH));
}

export function isReviewableDocument(doc: vscode.TextDocument, settings: ExtensionSettings): boolean {
  if (!REVIEWABLE_SCHEMES.has(doc.uri.scheme)) return false;
  if (!settings.languages.includes(doc.languageId)) return false;
  return !isReport(doc);
}
