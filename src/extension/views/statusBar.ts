// The status bar item of the active file: counts by rule, a spinner while reviewing, a note when
// the file is too large for automatic reviews. Clicking it shows the Articles view.
import * as vscode from 'vscode';
import { formatCount } from '../../core/report/overview';
import { RULE_IDS, RuleId } from '../../core/model/types';
import { CMD } from '../common/commandIds';
import { RULE_LABEL } from '../common/ruleLabels';
import { Reviewer, basename } from '../review/reviewer';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('editorialReview.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly reviewer: Reviewer) {
    this.item.name = 'Editorial Review';
    this.item.command = CMD.showArticles;
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

  /** What a screen reader says (for tests). */
  get accessibleLabel(): string {
    return this.item.accessibilityInformation?.label ?? '';
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
      this.item.command = CMD.reviewFile;
      this.item.accessibilityInformation = { label: `Editorial Review: ${name} is reviewed only on demand. Press to review it now.` };
      this.item.show();
      return;
    }
    this.item.command = CMD.showArticles;
    if (!state) {
      this.item.text = status.status === 'pending' ? '$(sync~spin) Reviewing…' : '$(book) Editorial Review';
      this.item.tooltip = status.status === 'failed' ? `Editorial Review failed: ${status.error ?? ''}` : 'Editorial Review';
      this.item.accessibilityInformation = { label: status.status === 'pending' ? 'Editorial Review: reviewing' : 'Editorial Review' };
      this.item.show();
      return;
    }
    const counts: Partial<Record<RuleId, number>> = {};
    for (const f of state.review.findings) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
    const capped = state.review.stats.truncated ?? {};
    const shown = (r: RuleId) => formatCount(counts[r] ?? 0, capped[r]);
    const parts = RULE_IDS.filter(r => counts[r]).map(r => `$(${RULE_LABEL[r].icon}) ${shown(r)}`);
    const spin = status.status === 'pending' ? '$(sync~spin) ' : '';
    this.item.text = spin + (parts.length > 0 ? parts.join(' ') : '$(check) No findings');
    // Plain words for screen readers (not icon names).
    const words = RULE_IDS.filter(r => counts[r]).map(r => `${shown(r)} ${counts[r] === 1 ? RULE_LABEL[r].one : RULE_LABEL[r].many}`);
    this.item.accessibilityInformation = {
      label: `Editorial Review, ${name}: ${words.length > 0 ? words.join(', ') : 'no findings'}${spin ? ', reviewing again' : ''}. Press to show the articles.`,
    };
    const md = new vscode.MarkdownString(`**Editorial Review** — ${name}\n\n`);
    for (const r of RULE_IDS) md.appendMarkdown(`- ${RULE_LABEL[r].many}: ${shown(r)}\n`);
    md.appendMarkdown(`\n${state.review.articles.length} articles · reviewed in ${Math.round(state.ms)} ms\n\nClick to show the articles.`);
    this.item.tooltip = md;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
