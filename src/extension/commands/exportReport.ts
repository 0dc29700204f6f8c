// Export Report: the active file's review or every review so far, as Markdown, JSON or SARIF (the
// CLI's formats), written where the user says (by default `<file>.editorial-review.<ext>` beside the
// dump, a name that is never reviewed itself).
import * as vscode from 'vscode';
import type { FileReview, ToolInfo } from '../../core/report/report';
import { formatJson, formatSarif, toMarkdown } from '../../core/report/reportWriters';
import { targetDocument } from './activeDocument';
import type { ArticlesProvider } from '../views/articlesView';
import { ReviewState, basename } from '../review/reviewState';
import type { Reviewer } from '../review/reviewer';

export type ReportFormat = 'markdown' | 'json' | 'sarif';

export interface ExportArgs {
  format?: ReportFormat;
  /** Where to write (skips the save dialog). */
  target?: vscode.Uri | string;
  /** The active file only, or every file reviewed so far. */
  scope?: 'file' | 'all';
}

const FORMATS: Record<ReportFormat, { label: string; ext: string; filter: string }> = {
  markdown: { label: 'Markdown', ext: 'md', filter: 'Markdown' },
  json: { label: 'JSON', ext: 'json', filter: 'JSON' },
  sarif: { label: 'SARIF 2.1.0', ext: 'sarif', filter: 'SARIF' },
};

export async function exportReport(reviewer: Reviewer, articles: ArticlesProvider, tool: ToolInfo, args: ExportArgs = {}): Promise<vscode.Uri | undefined> {
  // Make sure the active file's review is current.
  const activeDoc = await targetDocument(reviewer, articles);
  let activeState: ReviewState | undefined;
  if (activeDoc && reviewer.isReviewable(activeDoc)) {
    activeState = reviewer.current(activeDoc) ?? (await reviewer.reviewDocument(activeDoc, true));
  }
  let scope = args.scope;
  const all = reviewer.all();
  if (!scope) {
    if (all.length <= 1 || !activeState) scope = activeState ? 'file' : 'all';
    else {
      const pick = await vscode.window.showQuickPick(
        [
          { label: `Current file (${basename(activeState.uri)})`, scope: 'file' as const },
          { label: `All reviewed files (${all.length})`, scope: 'all' as const },
        ],
        { title: 'Editorial Review: Export Report', placeHolder: 'What to export' },
      );
      if (!pick) return undefined;
      scope = pick.scope;
    }
  }
  const states = scope === 'file' ? (activeState ? [activeState] : []) : all;
  if (states.length === 0) {
    void vscode.window.showInformationMessage('Editorial Review: nothing reviewed yet. Review a file or the workspace first.');
    return undefined;
  }
  let format = args.format;
  if (!format) {
    const pick = await vscode.window.showQuickPick(
      (Object.keys(FORMATS) as ReportFormat[]).map(f => ({ label: FORMATS[f].label, description: `.${FORMATS[f].ext}`, format: f })),
      { title: 'Editorial Review: Export Report', placeHolder: 'Report format' },
    );
    if (!pick) return undefined;
    format = pick.format;
  }
  const spec = FORMATS[format];
  if (!spec) throw new Error(`Unknown report format "${String(format)}" (use markdown, json or sarif).`);
  let target: vscode.Uri | undefined =
    typeof args.target === 'string' ? vscode.Uri.file(args.target) : args.target instanceof vscode.Uri ? args.target : undefined;
  if (!target) {
    const folder = vscode.workspace.getWorkspaceFolder(states[0].uri)?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    const base = scope === 'file' ? `${basename(states[0].uri).replace(/\.[^.]*$/, '')}.editorial-review` : 'editorial-review-report';
    target = await vscode.window.showSaveDialog({
      title: 'Editorial Review: Export Report',
      defaultUri: folder ? vscode.Uri.joinPath(folder, `${base}.${spec.ext}`) : undefined,
      filters: { [spec.filter]: [spec.ext] },
      saveLabel: 'Export',
    });
    if (!target) return undefined;
  }
  const files: FileReview[] = states.map(s => ({
    path: s.uri.scheme === 'file' ? vscode.workspace.asRelativePath(s.uri, false) : s.uri.toString(),
    text: s.text,
    review: s.review,
  }));
  const content =
    format === 'markdown' ? toMarkdown(files, tool) : format === 'json' ? formatJson(files, tool) : formatSarif(files, tool);
  await vscode.workspace.fs.writeFile(target, Buffer.from(content.endsWith('\n') ? content : content + '\n', 'utf8'));
  const written = target;
  void vscode.window
    .showInformationMessage(`Editorial Review: ${spec.label} report written to ${vscode.workspace.asRelativePath(written)}.`, 'Open')
    .then(choice => {
      if (choice === 'Open') void vscode.window.showTextDocument(written);
    });
  return written;
}
