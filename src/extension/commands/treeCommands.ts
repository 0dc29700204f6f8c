// Commands of the Articles view's nodes: a click reveals (cursor at the start, nothing selected,
// the focus stays in the view; a double click or Select Article selects and focuses the editor),
// and the rule filter.
import * as vscode from 'vscode';
import { RULE_IDS, RuleId } from '../../core/model/types';
import type { ArticlesNode, ArticlesProvider } from '../views/articlesView';
import { ClickTracker } from '../views/clickTracker';
import { Revealed, reveal } from '../views/reveal';
import { RULE_LABEL } from '../common/ruleLabels';

export class TreeCommands {
  private readonly clicks = new ClickTracker();

  constructor(private readonly articles: ArticlesProvider) {}

  /** A click (or Enter) on an article or finding node. */
  async openNode(node?: ArticlesNode): Promise<Revealed | undefined> {
    if (!node || (node.kind !== 'article' && node.kind !== 'finding')) return undefined;
    const key = node.kind === 'article' ? `${node.uri.toString()}#a${node.article.index}` : `${node.uri.toString()}#f${node.finding.range.start}:${node.finding.rule}`;
    const double = this.clicks.isDouble(key);
    return reveal(node.uri, node.range, { select: double, focus: double });
  }

  /** Selects an article (or finding) and moves the focus to the editor. */
  async selectNode(node?: ArticlesNode): Promise<Revealed | undefined> {
    if (!node || (node.kind !== 'article' && node.kind !== 'finding')) return undefined;
    return reveal(node.uri, node.range, { select: true, focus: true });
  }

  /** Reveals a range (used by older links): selected, focus in the editor. */
  revealRange(uri: vscode.Uri, range: vscode.Range): Promise<Revealed> {
    return reveal(uri, range, { select: true, focus: true });
  }

  async filterArticles(rules?: RuleId[]): Promise<void> {
    if (Array.isArray(rules)) {
      this.articles.setFilter(rules.filter(r => (RULE_IDS as readonly string[]).includes(r)));
      return;
    }
    const current = this.articles.ruleFilter;
    const picks = await vscode.window.showQuickPick(
      RULE_IDS.map(rule => ({ label: RULE_LABEL[rule].title, description: rule, rule, picked: !current || current.has(rule) })),
      { canPickMany: true, title: 'Editorial Review: show findings of', placeHolder: 'Rules to show in the Articles view' },
    );
    if (picks) this.articles.setFilter(picks.map(p => p.rule));
  }
}
