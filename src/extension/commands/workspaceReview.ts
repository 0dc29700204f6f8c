// Review Workspace: every text file of the workspace (editorialReview.workspace.* settings), open
// or not, with progress and cancellation; our own reports are skipped. The summary counts problems
// the way the Problems panel shows them (hints are not listed there; at most 1,000 per file).
import * as vscode from 'vscode';
import { isReportFileName, isReportText } from '../../core/report/reportFiles';
import { isReport } from '../review/reviewable';
import { listedCounts } from '../common/counts';
import { ReviewState, findOpenDocument } from '../review/reviewState';
import type { Reviewer } from '../review/reviewer';

export interface WorkspaceReviewResult {
  files: number;
  reviewed: number;
  /** The files reviewed. */
  reviewedFiles: vscode.Uri[];
  /** Every finding of the reviewed files. */
  findings: number;
  /** What the Problems panel lists for them (findings that are not hints, at most 1,000 per file). */
  problems: number;
  /** Hints: in the editor only, not in the Problems panel. */
  hints: number;
  skipped: string[];
  /** Our own reports found among the files (never reviewed, not counted in `files`). */
  reports: number;
  cancelled: boolean;
}

export { PROBLEMS_PER_FILE } from '../common/counts';

/** How many of a file's findings the Problems panel lists. */
export function problemsShown(state: ReviewState): { problems: number; hints: number } {
  const c = listedCounts(state.review.findings);
  return { problems: c.problems, hints: c.hints };
}

async function readText(uri: vscode.Uri): Promise<string | { skip: string }> {
  const bytes = await vscode.workspace.fs.readFile(uri);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { skip: 'not UTF-8 text' };
  }
  if (text.includes('\u0000')) return { skip: 'binary' };
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export async function reviewWorkspace(reviewer: Reviewer): Promise<WorkspaceReviewResult | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('Editorial Review: open a folder to review a workspace.');
    return undefined;
  }
  const settings = reviewer.settings();
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Editorial Review', cancellable: true },
    async (progress, token): Promise<WorkspaceReviewResult> => {
      progress.report({ message: 'finding files…' });
      const found = await vscode.workspace.findFiles(settings.workspaceInclude, settings.workspaceExclude || undefined, settings.workspaceMaxFiles, token);
      const uris = found.filter(u => !isReportFileName(u.path));
      const reportsByName = found.length - uris.length;
      let reportsByContent = 0;
      uris.sort((a, b) => a.toString().localeCompare(b.toString()));
      const out: WorkspaceReviewResult = { files: uris.length, reviewed: 0, reviewedFiles: [], findings: 0, problems: 0, hints: 0, skipped: [], reports: 0, cancelled: false };
      for (let i = 0; i < uris.length; i++) {
        if (token.isCancellationRequested) break;
        const uri = uris[i];
        const rel = vscode.workspace.asRelativePath(uri);
        progress.report({ message: `${i + 1}/${uris.length} ${rel}`, increment: 100 / uris.length });
        if (reviewer.turnedOffBy(uri) !== undefined) {
          out.skipped.push(`${rel} (review turned off)`);
          continue;
        }
        let state: ReviewState | undefined;
        try {
          const open = findOpenDocument(uri.toString());
          if (open) {
            if (isReport(open)) {
              reportsByContent++;
              continue;
            }
            state = await reviewer.reviewDocument(open, true, token);
          } else {
            const text = await readText(uri);
            if (typeof text !== 'string') {
              out.skipped.push(`${rel} (${text.skip})`);
              continue;
            }
            if (isReportText(text)) {
              reportsByContent++;
              continue;
            }
            state = await reviewer.reviewFileText(uri, text, token);
          }
        } catch (err) {
          out.skipped.push(`${rel} (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
          continue;
        }
        if (state) {
          out.reviewed++;
          out.reviewedFiles.push(uri);
          out.findings += state.review.findings.length;
          const shown = problemsShown(state);
          out.problems += shown.problems;
          out.hints += shown.hints;
        }
      }
      out.cancelled = token.isCancellationRequested;
      out.reports = reportsByName + reportsByContent;
      out.files = uris.length - reportsByContent;
      return out;
    },
  );
  void vscode.window.showInformationMessage(workspaceSummary(result));
  return result;
}

export function workspaceSummary(r: WorkspaceReviewResult): string {
  const hints = r.hints > 0 ? ` (and ${r.hints} ${r.hints === 1 ? 'hint' : 'hints'} shown only in the editor)` : '';
  return (
    `Editorial Review ${r.cancelled ? 'stopped after' : 'reviewed'} ${r.reviewed} of ${r.files} files: ` +
    `${r.problems} ${r.problems === 1 ? 'problem' : 'problems'} in the Problems panel${hints}` +
    `${r.reports ? `; ${r.reports} ${r.reports === 1 ? 'report' : 'reports'} of this extension not reviewed` : ''}` +
    `${r.skipped.length ? `; skipped ${r.skipped.join(', ')}` : ''}.`
  );
}
