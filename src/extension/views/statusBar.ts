// The status bar item of the active file: "Review:" and the findings by severity, as the Problems
// panel counts them (hints apart, since Problems never lists them), with a spinner while reviewing
// and the state of the review (outdated, on demand, cleared, off) from the one state every view
// reads (review/docView.ts). Plain words for screen readers; the tooltip counts by rule and says
// where each finding is listed. Clicking it shows the Articles view, or reviews (turns the review
// back on) when that is what the state calls for.
import * as vscode from 'vscode';
import { overviewOf } from '../../core/report/overview';
import { RULE_IDS } from '../../core/model/types';
import { CMD } from '../common/commandIds';
import { listedCounts, problemsCapNote, whereListed } from '../common/counts';
import { RULE_LABEL } from '../common/ruleLabels';
import { DocView, docView } from '../review/docView';
import { Reviewer, basename } from '../review/reviewer';
import { ReviewState } from '../review/reviewState';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The counts of a review for the status bar: icons with numbers, and the same in words. */
function countsText(state: ReviewState): { text: string; words: string; byRule: string } {
  const c = listedCounts(state.review.findings);
  const parts: string[] = [];
  if (c.bySeverity.error) parts.push(`$(error) ${c.bySeverity.error}`);
  if (c.bySeverity.warning) parts.push(`$(warning) ${c.bySeverity.warning}`);
  if (c.bySeverity.info) parts.push(`$(info) ${c.bySeverity.info}`);
  if (c.hints) parts.push(`$(lightbulb) ${c.hints}`);
  const o = overviewOf(state.review, state.text.length);
  const byRule = RULE_IDS.filter(r => o.byRule[r] > 0)
    .map(r => `${plural(o.byRule[r], RULE_LABEL[r].one, RULE_LABEL[r].many)}${o.listed[r] < o.byRule[r] ? ` (${o.listed[r]} listed)` : ''}`)
    .join(', ');
  return { text: parts.length > 0 ? parts.join(' ') : 'no findings', words: `${byRule || 'no findings'}; ${whereListed(c)}`, byRule };
}

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

  /** The tooltip's text (for tests). */
  get tooltipText(): string {
    const t = this.item.tooltip;
    return t instanceof vscode.MarkdownString ? t.value : (t ?? '');
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const kind = !!doc && this.reviewer.isReviewableKind(doc);
    const reviewable = kind && this.reviewer.isReviewable(doc);
    void vscode.commands.executeCommand('setContext', 'editorialReview.reviewable', reviewable);
    void vscode.commands.executeCommand('setContext', 'editorialReview.fileOff', kind && !reviewable);
    if (!doc || !kind) {
      this.item.hide();
      return;
    }
    this.show(docView(this.reviewer, doc.uri), basename(doc.uri));
  }

  private show(view: DocView, name: string): void {
    const { phase, state } = view;
    this.item.command = view.action && phase !== 'reviewing' ? { command: view.action.command, title: view.action.title, arguments: [view.uri] } : CMD.showArticles;
    const press = view.action && phase !== 'reviewing' ? `Press to ${view.action.title.toLowerCase()}.` : 'Press to show the articles.';
    const counts = state ? countsText(state) : undefined;
    let icon: string;
    let words: string;
    let spoken: string;
    switch (phase) {
      case 'off':
        icon = '$(circle-slash)';
        words = 'off';
        spoken = 'review is off for this file';
        break;
      case 'onDemand':
        icon = '$(circle-slash)';
        words = 'on demand';
        spoken = 'reviewed only on demand, not reviewed yet';
        break;
      case 'cleared':
        icon = '$(book)';
        words = 'cleared';
        spoken = 'problems cleared, not reviewed';
        break;
      case 'failed':
        icon = '$(error)';
        words = counts ? `failed · ${counts.text}` : 'failed';
        spoken = 'the review failed';
        break;
      case 'reviewing':
        icon = '$(sync~spin)';
        words = counts ? counts.text : 'reviewing…';
        spoken = counts ? `${counts.words}, reviewing again` : 'reviewing';
        break;
      case 'stale':
        icon = '$(history)';
        words = `${counts!.text} (outdated)`;
        spoken = `${counts!.words}; these findings are for an earlier version`;
        break;
      default:
        icon = '$(book)';
        words = counts!.text;
        spoken = counts!.words;
    }
    this.item.text = `${icon} Review: ${words}`;
    this.item.accessibilityInformation = { label: `Editorial Review, ${name}: ${spoken}. ${press}` };
    const md = new vscode.MarkdownString(`**Editorial Review** — ${name}\n\n`);
    if (view.note) md.appendText(`${view.note}\n\n`);
    if (state) {
      const o = overviewOf(state.review, state.text.length);
      for (const r of RULE_IDS) {
        const found = o.byRule[r];
        const notes = [o.listed[r] < found ? `${o.listed[r]} listed` : '', o.hints[r] ? `${o.hints[r]} ${o.hints[r] === 1 ? 'hint' : 'hints'}` : ''].filter(Boolean);
        md.appendMarkdown(`- ${RULE_LABEL[r].many}: ${found.toLocaleString('en')}${notes.length ? ` (${notes.join(', ')})` : ''}\n`);
      }
      const c = listedCounts(state.review.findings);
      md.appendText(`\n${whereListed(c).replace(/^./, x => x.toUpperCase())}.`);
      if (c.hints > 0) md.appendText(' VS Code does not list hints in Problems; the Articles panel lists every finding.');
      const cap = problemsCapNote(c);
      if (cap) md.appendText(`\n\n${cap}`);
      md.appendMarkdown(`\n\n${state.review.articles.length} articles · reviewed in ${Math.round(state.ms)} ms\n\n`);
    }
    md.appendText(press);
    this.item.tooltip = md;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
