// Review Current File (saying what it found), Clear Problems, and the commands that show the views.
import * as vscode from 'vscode';
import { overviewOf } from '../../core/report/overview';
import { RULE_IDS } from '../../core/model/types';
import { targetDocument } from './activeDocument';
import type { ArticlesProvider } from '../views/articlesView';
import { VIEW_ID } from '../views/articlesView';
import { MAP_VIEW_ID } from '../views/mapView';
import { basename } from '../review/reviewState';
import type { Reviewer } from '../review/reviewer';
import { RULE_LABEL } from '../common/ruleLabels';

export interface FileReviewResult {
  findings: number;
  articles: number;
  /** What was said to the user. */
  message: string;
}

export async function reviewFile(reviewer: Reviewer, articles: ArticlesProvider, arg?: unknown): Promise<FileReviewResult | undefined> {
  const doc = await targetDocument(reviewer, articles, arg);
  if (!doc) {
    void vscode.window.showInformationMessage('Editorial Review: open a plain text or Markdown file to review it.');
    return undefined;
  }
  if (!reviewer.isReviewable(doc)) {
    void vscode.window.showInformationMessage(
      `Editorial Review: ${basename(doc.uri)} is not reviewed (${doc.languageId}, or a report of this extension); ` +
        'the languages reviewed are set in editorialReview.languages.',
    );
    return undefined;
  }
  const state = await reviewer.reviewDocument(doc, true);
  if (!state) return undefined;
  const { review } = state;
  const o = overviewOf(review, state.text.length);
  const repeats = o.repeatedArticles;
  const parts = RULE_IDS.map(rule => {
    const n = o.byRule[rule];
    const notes = [o.listed[rule] < n ? `${o.listed[rule]} listed` : '', o.hints[rule] ? `${o.hints[rule]} ${o.hints[rule] === 1 ? 'hint' : 'hints'}` : ''].filter(Boolean);
    return n > 0 ? `${n} ${n === 1 ? RULE_LABEL[rule].one : RULE_LABEL[rule].many}${notes.length ? ` (${notes.join(', ')})` : ''}` : '';
  }).filter(Boolean);
  const message =
    `Editorial Review: ${basename(doc.uri)} has ${review.articles.length} ${review.articles.length === 1 ? 'article' : 'articles'}` +
    `${repeats ? ` (${repeats} repeated)` : ''}; ${parts.length > 0 ? parts.join(', ') : 'no findings'}.`;
  vscode.window.setStatusBarMessage(message, 6000);
  return { findings: review.findings.length, articles: review.articles.length, message };
}

/** Opens the panel and focuses one of its views. */
async function focusView(id: string): Promise<void> {
  for (const command of ['workbench.view.extension.editorialReview', `${id}.focus`]) {
    try {
      await vscode.commands.executeCommand(command);
    } catch {
      // VS Code's tree may try to restore the focus to a node of a file closed since ("Data tree
      // node not found"); the panel is shown all the same.
    }
  }
}

export function showArticles(): Promise<void> {
  return focusView(VIEW_ID);
}

export function showMap(): Promise<void> {
  return focusView(MAP_VIEW_ID);
}
