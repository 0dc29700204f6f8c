// The status bar item of the active file: counts by rule, a spinner while reviewing, a note when
// the file is too large for automatic reviews. Clicking it shows the Articles view.
import * as vscode from 'vscode';
import { RULE_IDS, RuleId } from '../core/types';
import { RULE_LABEL } from './articlesView';
import { Reviewer, basename } from './reviewer';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('editorialReview.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly reviewer: Reviewer) {
    this.item.name = 'Editorial Review';
    this.item.command = 'editorialReview.showArticles';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      reviewer.onDidUpdate(uri => {
        const active = vscode.window.activeTextEditor?.document.uri;
        if (active && active.toString() === uri.toString()) this.update();
      }),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration('editorialReview')) this.update();
      }),
    );
    this.update();
  }

  /** The current text (for tests). */
  get text(): string {
    return this.item.text;
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const reviewable = !!doc && this.reviewer.isReviewable(doc);
    void vscode.commands.executeCommand('setContext', 'editorialReview.reviewable', reviewable);
    if (!doc || !reviewable) {
      this.item.hide();
      return;
    }
    const state = this.reviewer.get(doc.uri);
    const status = this.reviewer.status(doc.uri);
    const name = basename(doc.uri);
    if (status.status === 'tooLarge') {
      this.item.text = '$(circle-slash) Review on demand';
      this.item.tooltip = `Editorial Review: ${name} is larger than editorialReview.maxFileSize; run "Editorial Review: Review Current File".`;
      this.item.command = 'editorialReview.reviewFile';
      this.item.show();
      return;
    }
    this.item.command = 'editorialReview.showArticles';
    if (!state) {
      this.item.text = status.status === 'pending' ? '$(sync~spin) Reviewing…' : '$(book) Editorial Review';
      this.item.tooltip = status.status === 'failed' ? `Editorial Review failed: ${status.error ?? ''}` : 'Editorial Review';
      this.item.show();
      return;
    }
    const counts: Partial<Record<RuleId, number>> = {};
    for (const f of state.review.findings) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
    const parts = RULE_IDS.filter(r => counts[r]).map(r => `$(${RULE_LABEL[r].icon}) ${counts[r]}`);
    const spin = status.status === 'pending' ? '$(sync~spin) ' : '';
    this.item.text = spin + (parts.length > 0 ? parts.join(' ') : '$(check) No findings');
    const md = new vscode.MarkdownString(`**Editorial Review** — ${name}\n\n`);
    for (const r of RULE_IDS) md.appendMarkdown(`- ${RULE_LABEL[r].many}: ${counts[r] ?? 0}\n`);
    md.appendMarkdown(`\n${state.review.articles.length} articles · reviewed in ${Math.round(state.ms)} ms\n\nClick to show the articles.`);
    this.item.tooltip = md;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
