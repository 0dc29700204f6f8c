// The Articles tree of the active file: an overview (articles, repeats, the share of duplicated
// text, findings by rule, each clickable), then one node per detected article with its findings as
// children. It is built from the review itself, not from the diagnostics, so it lists every finding
// even where VS Code caps the problems of a file. The tree items' texts are articleItems.ts's job.
import * as vscode from 'vscode';
import { Overview, overviewOf } from '../../core/report/overview';
import { Finding, RULE_IDS, RuleId } from '../../core/model/types';
import { articleItem, findingItem, overviewItem, statItem } from './articleItems';
import { RULE_LABEL } from '../common/ruleLabels';
import { ReviewState, basename } from '../review/reviewState';
import type { Reviewer } from '../review/reviewer';
import { overviewStats } from './overviewStats';
import type { ArticleNode, ArticlesNode, FindingNode, OverviewNode, StatNode } from './treeNodes';

export { RULE_LABEL } from '../common/ruleLabels';
export { describeCounts } from './articleItems';

export const VIEW_ID = 'editorialReview.articles';

export type { ArticleNode, ArticlesNode, FindingNode, OverviewNode, StatNode } from './treeNodes';

/** What the tree shows, as plain data (for tests and the status bar). */
export interface ArticlesSnapshot {
  file: string | undefined;
  message: string | undefined;
  badge: number | undefined;
  overview: { id: string; label: string; description: string; tooltip: string; command: vscode.Command | undefined }[];
  articles: {
    index: number;
    label: string;
    description: string;
    tooltip: string;
    duplicateOf: number | null;
    icon: string | undefined;
    contextValue: string | undefined;
    counts: Partial<Record<RuleId, number>>;
    children: { label: string; description: string; tooltip: string; rule: RuleId }[];
  }[];
}

export function counts(findings: readonly Finding[]): Partial<Record<RuleId, number>> {
  const out: Partial<Record<RuleId, number>> = {};
  for (const f of findings) out[f.rule] = (out[f.rule] ?? 0) + 1;
  return out;
}

const text = (v: string | vscode.MarkdownString | vscode.TreeItemLabel | undefined): string =>
  v === undefined ? '' : typeof v === 'string' ? v : v instanceof vscode.MarkdownString ? v.value : v.label;

export class ArticlesProvider implements vscode.TreeDataProvider<ArticlesNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<ArticlesNode | undefined | void>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  private docUri: vscode.Uri | undefined;
  private overviewNode: OverviewNode | undefined;
  private nodes: ArticleNode[] = [];
  private refreshTimer: NodeJS.Timeout | undefined;
  private view: vscode.TreeView<ArticlesNode> | undefined;
  /** Rules shown (undefined: all). */
  private filter: Set<RuleId> | undefined;

  constructor(private readonly reviewer: Reviewer) {
    this.disposables.push(
      reviewer.onDidUpdate(uri => {
        if (this.docUri && uri.toString() === this.docUri.toString()) this.scheduleRefresh();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.followActiveEditor()),
      vscode.workspace.onDidCloseTextDocument(doc => {
        if (this.docUri && doc.uri.toString() === this.docUri.toString()) this.followActiveEditor();
      }),
    );
    this.followActiveEditor();
  }

  attach(view: vscode.TreeView<ArticlesNode>): void {
    this.view = view;
    this.updateViewTexts();
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const d of this.disposables) d.dispose();
  }

  get document(): vscode.Uri | undefined {
    return this.docUri;
  }

  get ruleFilter(): ReadonlySet<RuleId> | undefined {
    return this.filter;
  }

  setFilter(rules: readonly RuleId[] | undefined): void {
    this.filter = rules && rules.length < RULE_IDS.length ? new Set(rules) : undefined;
    void vscode.commands.executeCommand('setContext', 'editorialReview.articlesFiltered', this.filter !== undefined);
    this.refresh();
  }

  /**
   * Shows the active editor's document. A reviewable file replaces the one shown; another file
   * (plain file or untitled) empties the tree; anything else (no editor, a diff of passages, the
   * output) keeps the last reviewed file while it is open.
   */
  followActiveEditor(): void {
    const editor = vscode.window.activeTextEditor;
    let next = this.docUri;
    if (editor) {
      const doc = editor.document;
      if (this.reviewer.isReviewable(doc)) next = doc.uri;
      else if (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled') next = undefined;
    }
    if (next && !vscode.workspace.textDocuments.some(d => d.uri.toString() === next!.toString())) next = undefined;
    if (next?.toString() !== this.docUri?.toString()) {
      this.docUri = next;
      this.refresh();
    }
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.refresh();
    }, 100);
  }

  refresh(): void {
    this.build();
    this.updateViewTexts();
    this.changeEmitter.fire();
  }

  state(): ReviewState | undefined {
    return this.docUri ? this.reviewer.get(this.docUri) : undefined;
  }

  private build(): void {
    const state = this.state();
    this.overviewNode = this.docUri ? { kind: 'overview', uri: this.docUri, overview: state ? overviewOf(state.review, state.text.length) : undefined } : undefined;
    void vscode.commands.executeCommand('setContext', 'editorialReview.viewShowsFile', this.docUri !== undefined);
    void vscode.commands.executeCommand('setContext', 'editorialReview.viewHasRepeats', (this.overviewNode?.overview?.byRule['repeated-passage'] ?? 0) > 0);
    if (!state) {
      this.nodes = [];
      return;
    }
    const { review, toRange, uri, version } = state;
    const articles: ArticleNode[] = review.articles.map(article => {
      const range = toRange(article.range);
      // The range covers whole lines with the last line break: end at the previous line then.
      const lastLine = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
      return { kind: 'article', uri, version, article, findings: [], range, firstLine: range.start.line + 1, lastLine: lastLine + 1 };
    });
    const shown = review.findings.filter(f => !this.filter || this.filter.has(f.rule));
    for (const f of shown) {
      const owner = findOwner(articles, f.range.start);
      if (owner) owner.findings.push(f);
    }
    this.nodes = articles;
  }

  private updateViewTexts(): void {
    const view = this.view;
    if (!view) return;
    const state = this.state();
    const status = this.docUri ? this.reviewer.status(this.docUri) : undefined;
    const notes: string[] = [];
    if (status?.status === 'tooLarge') {
      notes.push(
        `This file has ${(status.skippedLength ?? 0).toLocaleString('en')} characters, above editorialReview.maxFileSize: ` +
          `it is reviewed only on demand (Review Current File).`,
      );
    } else if (status?.status === 'pending' && !state) {
      notes.push('Reviewing…');
    } else if (status?.status === 'failed') {
      notes.push(`The review failed: ${status.error?.split('\n')[0] ?? 'unknown error'}`);
    }
    if (state) {
      const truncated = Object.entries(state.review.stats.truncated ?? {});
      if (truncated.length > 0) {
        const shown = state.review.findings;
        notes.push(
          'Capped by editorialReview.maxFindingsPerRule: ' +
            truncated.map(([rule, n]) => `${rule} shows ${shown.filter(f => f.rule === rule).length} of ${n}`).join(', ') +
            '.',
        );
      }
    }
    if (this.filter && state) notes.push(`Filtered: ${[...this.filter].map(r => RULE_LABEL[r].many).join(', ')}.`);
    view.message = notes.length > 0 ? notes.join(' ') : undefined;
    view.description = this.docUri ? basename(this.docUri) : undefined;
    const findings = state?.review.findings.length ?? 0;
    view.badge = state && findings > 0 ? { value: findings, tooltip: `${findings} ${findings === 1 ? 'finding' : 'findings'} in ${basename(state.uri)}` } : undefined;
  }

  getChildren(node?: ArticlesNode): ArticlesNode[] {
    if (!node) return this.overviewNode ? [this.overviewNode, ...this.nodes] : [];
    if (node.kind === 'overview') return node.overview ? overviewStats(node, this.nodes[0]) : [];
    if (node.kind === 'article') {
      const state = this.state();
      if (!state) return [];
      const lineOf = (offset: number) => state.toRange({ start: offset, end: offset }).start.line + 1;
      return node.findings.map(finding => ({ kind: 'finding', uri: node.uri, version: node.version, finding, range: state.toRange(finding.range), parent: node, lineOf }));
    }
    return [];
  }

  getParent(node: ArticlesNode): ArticlesNode | undefined {
    if (node.kind === 'finding') return node.parent;
    if (node.kind === 'stat') return this.overviewNode;
    return undefined;
  }

  getTreeItem(node: ArticlesNode): vscode.TreeItem {
    switch (node.kind) {
      case 'overview':
        return overviewItem(node);
      case 'stat':
        return statItem(node);
      case 'article':
        return articleItem(node);
      case 'finding':
        return findingItem(node);
    }
  }

  /** The article nodes of the tree. */
  articleNodes(): ArticleNode[] {
    this.snapshot();
    return this.nodes;
  }

  /** The tree as plain data, through the same getChildren/getTreeItem calls VS Code makes. */
  snapshot(): ArticlesSnapshot {
    this.followActiveEditor();
    if (this.refreshTimer) {
      clearTimeout(this.refreshTimer);
      this.refreshTimer = undefined;
      this.refresh();
    }
    const description = (item: vscode.TreeItem) => (typeof item.description === 'string' ? item.description : '');
    const top = this.getChildren();
    const overview = top.filter((n): n is OverviewNode => n.kind === 'overview');
    return {
      file: this.docUri?.toString(),
      message: this.view?.message,
      badge: this.view?.badge?.value,
      overview: overview.flatMap(o =>
        this.getChildren(o).map(child => {
          const item = this.getTreeItem(child);
          return { id: (child as StatNode).id, label: text(item.label), description: description(item), tooltip: text(item.tooltip), command: item.command };
        }),
      ),
      articles: top
        .filter((n): n is ArticleNode => n.kind === 'article')
        .map(node => {
          const item = this.getTreeItem(node);
          return {
            index: node.article.index,
            label: text(item.label),
            description: description(item),
            tooltip: text(item.tooltip),
            duplicateOf: node.article.duplicateOf,
            icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined,
            contextValue: item.contextValue,
            counts: counts(node.findings),
            children: this.getChildren(node).map(child => {
              const childItem = this.getTreeItem(child);
              return { label: text(childItem.label), description: description(childItem), tooltip: text(childItem.tooltip), rule: (child as FindingNode).finding.rule };
            }),
          };
        }),
    };
  }
}

function findOwner(articles: ArticleNode[], offset: number): ArticleNode | undefined {
  let lo = 0;
  let hi = articles.length - 1;
  let best: ArticleNode | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (articles[mid].article.range.start <= offset) {
      best = articles[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best ?? articles[0];
}

export { Overview };
