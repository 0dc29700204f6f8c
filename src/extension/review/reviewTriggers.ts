// When documents are reviewed: on open, on change (debounced), on save or only on demand, as
// `editorialReview.run` says; again when the settings or a config file change; forgotten on close.
import * as vscode from 'vscode';
import { Reviewer } from './reviewer';
import { SECTION } from '../config/settings';
import { WorkspaceConfig } from '../config/workspaceConfig';

export class ReviewTriggers implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly reviewer: Reviewer, config: WorkspaceConfig) {
    this.disposables = [
      vscode.workspace.onDidOpenTextDocument(doc => this.onOpen(doc)),
      vscode.workspace.onDidChangeTextDocument(e => this.onChange(e)),
      vscode.workspace.onDidSaveTextDocument(doc => this.onSave(doc)),
      vscode.workspace.onDidCloseTextDocument(doc => this.onClose(doc)),
      config.onDidChange(() => reviewer.reviewAllOpen('config')),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration(SECTION)) reviewer.reviewAllOpen('settings');
      }),
    ];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private onOpen(doc: vscode.TextDocument): void {
    if (!this.reviewer.isReviewable(doc)) return;
    if (this.reviewer.settings(doc.uri).run === 'manual') return;
    this.reviewer.schedule(doc, 0, 'open');
  }

  private onChange(e: vscode.TextDocumentChangeEvent): void {
    const doc = e.document;
    if (e.contentChanges.length === 0 || !this.reviewer.isReviewable(doc)) {
      // A document that became a report (its first lines pasted in) is no longer reviewed.
      if (e.contentChanges.length > 0 && this.reviewer.has(doc.uri)) this.reviewer.forget(doc.uri);
      return;
    }
    if (this.reviewer.status(doc.uri).status !== 'tooLarge') this.reviewer.notices.resetTooLarge(doc.uri);
    const s = this.reviewer.settings(doc.uri);
    if (s.run !== 'onType') {
      // The stored result no longer matches the text; keep it (the diagnostics stay as they are) but
      // drop anything in flight.
      this.reviewer.invalidate(doc.uri);
      return;
    }
    this.reviewer.schedule(doc, s.debounce, 'change');
  }

  private onSave(doc: vscode.TextDocument): void {
    if (!this.reviewer.isReviewable(doc)) return;
    if (this.reviewer.settings(doc.uri).run === 'onSave') this.reviewer.schedule(doc, 0, 'save');
  }

  private onClose(doc: vscode.TextDocument): void {
    if (this.reviewer.has(doc.uri)) this.reviewer.forget(doc.uri);
  }
}
