// The extension's commands: the palette commands (category "Editorial Review") and the commands
// behind quick fixes and the Articles view. Commands that change text check the document version.
import * as path from 'path';
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME } from '../core/config';
import { removeAllRepeatedPassages } from '../core/fixes';
import { FileReview, ToolInfo, formatJson, formatSarif, toMarkdown } from '../core/report';
import { OffsetRange, RULE_IDS, RuleId, TextEdit } from '../core/types';
import { ArticleNode, ArticlesProvider, RULE_LABEL, VIEW_ID } from './articlesView';
import { ApplyEditsArgs, COMMAND, IgnoreArgs, OriginalArgs } from './codeActions';
import { PassageProvider } from './passages';
import { ReviewState, Reviewer, basename } from './reviewer';
import { IgnoreList, WorkspaceConfig } from './workspaceConfig';

export type ReportFormat = 'markdown' | 'json' | 'sarif';

export interface ApplyResult {
  applied: boolean;
  reason?: 'stale' | 'closed' | 'rejected' | 'nothing';
  edits?: number;
}

export interface ExportArgs {
  format?: ReportFormat;
  /** Where to write (skips the save dialog). */
  target?: vscode.Uri | string;
  /** The active file only, or every file reviewed so far. */
  scope?: 'file' | 'all';
}

export interface WorkspaceReviewResult {
  files: number;
  reviewed: number;
  findings: number;
  skipped: string[];
  cancelled: boolean;
}

const FORMATS: Record<ReportFormat, { label: string; ext: string; filter: string }> = {
  markdown: { label: 'Markdown', ext: 'md', filter: 'Markdown' },
  json: { label: 'JSON', ext: 'json', filter: 'JSON' },
  sarif: { label: 'SARIF 2.1.0', ext: 'sarif', filter: 'SARIF' },
};

interface Deps {
  reviewer: Reviewer;
  config: WorkspaceConfig;
  articles: ArticlesProvider;
  passages: PassageProvider;
  tool: ToolInfo;
}

function findOpenDocument(uri: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find(d => d.uri.toString() === uri);
}

function lineSpan(doc: vscode.TextDocument, r: OffsetRange): string {
  const start = doc.positionAt(r.start).line + 1;
  const endPos = doc.positionAt(r.end);
  const end = endPos.character === 0 && endPos.line + 1 > start ? endPos.line : endPos.line + 1;
  return start === end ? `line ${start}` : `lines ${start}–${end}`;
}

export class Commands {
  constructor(private readonly deps: Deps) {}

  register(): vscode.Disposable[] {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- VS Code passes command arguments untyped
    const r = (id: string, fn: (...args: any[]) => unknown) => vscode.commands.registerCommand(id, fn, this);
    return [
      r('editorialReview.reviewFile', this.reviewFile),
      // The articles view's title button: the same review, named for where it stands.
      r('editorialReview.reviewAgain', this.reviewFile),
      r('editorialReview.reviewWorkspace', this.reviewWorkspace),
      r('editorialReview.removeAllRepeatedPassages', this.removeAllRepeated),
      r('editorialReview.exportReport', this.exportReport),
      r('editorialReview.showArticles', this.showArticles),
      r('editorialReview.clearProblems', this.clearProblems),
      r('editorialReview.openConfigFile', this.openConfigFile),
      r('editorialReview.filterArticles', this.filterArticles),
      r('editorialReview.removeArticle', this.removeArticle),
      r('editorialReview.copyArticle', this.copyArticle),
      r('editorialReview.revealRange', this.revealRange),
      r(COMMAND.applyEdits, this.applyEdits),
      r(COMMAND.showOriginal, this.showOriginal),
      r(COMMAND.compareWithOriginal, this.compareWithOriginal),
      r(COMMAND.ignoreTerm, (args: IgnoreArgs) => this.ignore('ignoredTerms', args)),
      r(COMMAND.ignoreCue, (args: IgnoreArgs) => this.ignore('ignoredCues', args)),
    ];
  }

  // ---- Palette commands ------------------------------------------------------------------

  /** The document a command works on: the argument (URI or tree node), else the active editor's. */
  private async targetDocument(arg?: unknown): Promise<vscode.TextDocument | undefined> {
    let uri: vscode.Uri | undefined;
    if (arg instanceof vscode.Uri) uri = arg;
    else if (typeof arg === 'string') uri = vscode.Uri.parse(arg);
    else if (arg && typeof arg === 'object' && (arg as { uri?: unknown }).uri instanceof vscode.Uri) uri = (arg as { uri: vscode.Uri }).uri;
    if (uri) return findOpenDocument(uri.toString()) ?? vscode.workspace.openTextDocument(uri);
    const active = vscode.window.activeTextEditor?.document;
    if (active && this.deps.reviewer.isReviewable(active)) return active;
    const shown = this.deps.articles.document;
    return shown ? findOpenDocument(shown.toString()) : active;
  }

  async reviewFile(arg?: unknown): Promise<{ findings: number; articles: number } | undefined> {
    const doc = await this.targetDocument(arg);
    if (!doc) {
      void vscode.window.showInformationMessage('Editorial Review: open a plain text or Markdown file to review it.');
      return undefined;
    }
    if (!this.deps.reviewer.isReviewable(doc)) {
      void vscode.window.showInformationMessage(
        `Editorial Review: ${basename(doc.uri)} is ${doc.languageId}; add it to editorialReview.languages to review it.`,
      );
      return undefined;
    }
    const state = await this.deps.reviewer.reviewDocument(doc, true);
    return state ? { findings: state.review.findings.length, articles: state.review.articles.length } : undefined;
  }

  async reviewWorkspace(): Promise<WorkspaceReviewResult | undefined> {
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showInformationMessage('Editorial Review: open a folder to review a workspace.');
      return undefined;
    }
    const settings = this.deps.reviewer.settings();
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Editorial Review', cancellable: true },
      async (progress, token): Promise<WorkspaceReviewResult> => {
        progress.report({ message: 'finding files…' });
        const uris = await vscode.workspace.findFiles(
          settings.workspaceInclude,
          settings.workspaceExclude || undefined,
          settings.workspaceMaxFiles,
          token,
        );
        uris.sort((a, b) => a.toString().localeCompare(b.toString()));
        const out: WorkspaceReviewResult = { files: uris.length, reviewed: 0, findings: 0, skipped: [], cancelled: false };
        const decoder = new TextDecoder('utf-8', { fatal: true });
        for (let i = 0; i < uris.length; i++) {
          if (token.isCancellationRequested) break;
          const uri = uris[i];
          const rel = vscode.workspace.asRelativePath(uri);
          progress.report({ message: `${i + 1}/${uris.length} ${rel}`, increment: 100 / uris.length });
          let state: ReviewState | undefined;
          try {
            const open = findOpenDocument(uri.toString());
            if (open) {
              state = await this.deps.reviewer.reviewDocument(open, true, token);
            } else {
              const bytes = await vscode.workspace.fs.readFile(uri);
              let text: string;
              try {
                text = decoder.decode(bytes);
              } catch {
                out.skipped.push(`${rel} (not UTF-8 text)`);
                continue;
              }
              if (text.includes('\u0000')) {
                out.skipped.push(`${rel} (binary)`);
                continue;
              }
              if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
              state = await this.deps.reviewer.reviewFileText(uri, text, token);
            }
          } catch (err) {
            out.skipped.push(`${rel} (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
            continue;
          }
          if (state) {
            out.reviewed++;
            out.findings += state.review.findings.length;
          }
        }
        out.cancelled = token.isCancellationRequested;
        return out;
      },
    );
    const summary =
      `Editorial Review ${result.cancelled ? 'stopped after' : 'reviewed'} ${result.reviewed} of ${result.files} files: ` +
      `${result.findings} findings${result.skipped.length ? `; skipped ${result.skipped.join(', ')}` : ''}.`;
    void vscode.window.showInformationMessage(summary);
    return result;
  }

  async removeAllRepeated(arg?: unknown): Promise<ApplyResult> {
    const doc = await this.targetDocument(arg);
    if (!doc || !this.deps.reviewer.isReviewable(doc)) {
      void vscode.window.showInformationMessage('Editorial Review: open a reviewed file first.');
      return { applied: false, reason: 'nothing' };
    }
    const state = this.deps.reviewer.current(doc) ?? (await this.deps.reviewer.reviewDocument(doc, true));
    if (!state) return { applied: false, reason: 'stale' };
    const edits = removeAllRepeatedPassages(state.review);
    if (edits.length === 0) {
      void vscode.window.showInformationMessage(`Editorial Review: no repeated passages in ${basename(doc.uri)}.`);
      return { applied: false, reason: 'nothing' };
    }
    return this.applyEdits({ uri: doc.uri.toString(), version: state.version, title: 'Remove all repeated passages', edits });
  }

  async exportReport(args: ExportArgs = {}): Promise<vscode.Uri | undefined> {
    const reviewer = this.deps.reviewer;
    // Make sure the active file's review is current.
    const activeDoc = await this.targetDocument();
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
      format === 'markdown' ? toMarkdown(files, this.deps.tool) : format === 'json' ? formatJson(files, this.deps.tool) : formatSarif(files, this.deps.tool);
    await vscode.workspace.fs.writeFile(target, Buffer.from(content.endsWith('\n') ? content : content + '\n', 'utf8'));
    const written = target;
    void vscode.window
      .showInformationMessage(`Editorial Review: ${spec.label} report written to ${vscode.workspace.asRelativePath(written)}.`, 'Open')
      .then(choice => {
        if (choice === 'Open') void vscode.window.showTextDocument(written);
      });
    return written;
  }

  async showArticles(): Promise<void> {
    await vscode.commands.executeCommand('workbench.view.extension.editorialReview');
    await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
  }

  clearProblems(): void {
    this.deps.reviewer.clearAll();
  }

  async openConfigFile(): Promise<vscode.Uri | undefined> {
    const active = vscode.window.activeTextEditor?.document.uri;
    const existing = active ? await this.deps.config.find(active) : undefined;
    const target = existing ?? this.deps.config.defaultLocation(active);
    if (!target) {
      void vscode.window.showInformationMessage(`Editorial Review: open a folder to create ${CONFIG_FILE_NAME}.`);
      return undefined;
    }
    if (!existing) {
      try {
        await vscode.workspace.fs.stat(target);
      } catch {
        const initial = { rules: {}, terms: [], ignoredTerms: [], ignoredCues: [] };
        await vscode.workspace.fs.writeFile(target, Buffer.from(JSON.stringify(initial, null, 2) + '\n', 'utf8'));
      }
    }
    await vscode.window.showTextDocument(target);
    return target;
  }

  // ---- The Articles view -----------------------------------------------------------------

  async filterArticles(rules?: RuleId[]): Promise<void> {
    if (Array.isArray(rules)) {
      this.deps.articles.setFilter(rules.filter(r => (RULE_IDS as readonly string[]).includes(r)));
      return;
    }
    const current = this.deps.articles.ruleFilter;
    const picks = await vscode.window.showQuickPick(
      RULE_IDS.map(rule => ({ label: RULE_LABEL[rule].many.replace(/^./, c => c.toUpperCase()), description: rule, rule, picked: !current || current.has(rule) })),
      { canPickMany: true, title: 'Editorial Review: show findings of', placeHolder: 'Rules to show in the Articles view' },
    );
    if (picks) this.deps.articles.setFilter(picks.map(p => p.rule));
  }

  async removeArticle(node?: ArticleNode): Promise<ApplyResult> {
    if (!node || node.kind !== 'article') return { applied: false, reason: 'nothing' };
    const edits: TextEdit[] = [{ range: node.article.range, newText: '' }];
    return this.applyEdits({ uri: node.uri.toString(), version: node.version, title: `Remove article ${node.article.index}`, edits });
  }

  async copyArticle(node?: ArticleNode): Promise<string | undefined> {
    if (!node || node.kind !== 'article') return undefined;
    const state = this.deps.reviewer.get(node.uri);
    if (!state) return undefined;
    const text = state.text.slice(node.article.range.start, node.article.range.end);
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(`Editorial Review: copied article ${node.article.index}`, 3000);
    return text;
  }

  async revealRange(uri: vscode.Uri, range: vscode.Range): Promise<void> {
    const editor = await vscode.window.showTextDocument(uri, { selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  // ---- Quick-fix commands ----------------------------------------------------------------

  /** Applies engine edits as one WorkspaceEdit (one undo step), refusing them for a changed document. */
  async applyEdits(args: ApplyEditsArgs): Promise<ApplyResult> {
    const doc = findOpenDocument(args.uri);
    if (!doc) {
      void vscode.window.showWarningMessage(`Editorial Review did not apply "${args.title}": the document is no longer open.`);
      return { applied: false, reason: 'closed' };
    }
    if (doc.version !== args.version) {
      void vscode.window.showWarningMessage(
        `Editorial Review did not apply "${args.title}": ${basename(doc.uri)} changed after the fix was offered. ` +
          'Try again on the current text.',
      );
      return { applied: false, reason: 'stale' };
    }
    if (args.edits.length === 0) return { applied: false, reason: 'nothing' };
    const edit = new vscode.WorkspaceEdit();
    for (const e of args.edits) {
      edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.range.start), doc.positionAt(e.range.end)), e.newText, {
        label: args.title,
        needsConfirmation: false,
      });
    }
    const ok = await vscode.workspace.applyEdit(edit);
    if (!ok) {
      void vscode.window.showWarningMessage(`Editorial Review could not apply "${args.title}" (the editor refused the edit).`);
      return { applied: false, reason: 'rejected' };
    }
    return { applied: true, edits: args.edits.length };
  }

  private checkVersion(args: { uri: string; version: number }, what: string): vscode.TextDocument | undefined {
    const doc = findOpenDocument(args.uri);
    if (!doc || doc.version !== args.version) {
      void vscode.window.showWarningMessage(`Editorial Review: the document changed since this finding was reported; ${what} is no longer exact. Try again.`);
      return undefined;
    }
    return doc;
  }

  async showOriginal(args: OriginalArgs): Promise<boolean> {
    const doc = this.checkVersion(args, 'its original');
    if (!doc) return false;
    const range = new vscode.Range(doc.positionAt(args.original.start), doc.positionAt(args.original.end));
    const editor = await vscode.window.showTextDocument(doc, { selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
    return true;
  }

  async compareWithOriginal(args: OriginalArgs): Promise<boolean> {
    const doc = this.checkVersion(args, 'the comparison');
    if (!doc) return false;
    const text = doc.getText();
    const name = basename(doc.uri);
    const left = this.deps.passages.create(
      `${name} (original, ${lineSpan(doc, args.original)})`,
      text.slice(args.original.start, args.original.end),
    );
    const right = this.deps.passages.create(`${name} (repeat, ${lineSpan(doc, args.range)})`, text.slice(args.range.start, args.range.end));
    await vscode.commands.executeCommand(
      'vscode.diff',
      left,
      right,
      `${name}: original (${lineSpan(doc, args.original)}) ↔ later copy (${lineSpan(doc, args.range)})`,
      { preview: true },
    );
    return true;
  }

  /** Adds a term or cue to `.editorial-review.json` and re-reviews at once. */
  async ignore(list: IgnoreList, args: IgnoreArgs): Promise<vscode.Uri | undefined> {
    const docUri = args?.uri ? vscode.Uri.parse(args.uri) : vscode.window.activeTextEditor?.document.uri;
    let file: vscode.Uri;
    try {
      file = await this.deps.config.addIgnored(docUri, list, args.value);
    } catch (err) {
      void vscode.window.showErrorMessage(`Editorial Review: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
    // The problem disappears now, not when the file watcher reports the change.
    const docs = vscode.workspace.textDocuments.filter(d => this.deps.reviewer.isReviewable(d) && this.deps.reviewer.get(d.uri));
    await Promise.all(docs.map(d => this.deps.reviewer.reviewDocument(d, false)));
    // A file-watcher event may have started a newer review meanwhile: wait for that one too.
    await Promise.all(
      docs.filter(d => this.deps.reviewer.status(d.uri).status !== 'tooLarge').map(d => this.deps.reviewer.settle(d, 10000).catch(() => undefined)),
    );
    const what = list === 'ignoredTerms' ? 'term' : 'cue';
    vscode.window.setStatusBarMessage(
      `Editorial Review: ignoring the ${what} «${args.value}» (${path.posix.basename(file.path)})`,
      4000,
    );
    return file;
  }
}
