// The Articles tree of the active file: an overview (articles, repeats, the share of repeated
// text, findings by rule, each clickable and listing that rule's findings), then one node per
// detected article with its findings as children. It is built from the review itself, not from
// the diagnostics, so it lists every finding even where VS Code caps the problems of a file. It
// follows the one state of the file's review (review/docView.ts), as the status bar and the Map
// do. The tree items' texts are articleItems.ts's job.
import * as vscode from 'vscode';
import { Overview, overviewOf } from '../../core/report/overview';
import { Finding, RULE_IDS, RuleId } from '../../core/model/types';
import { articleItem, articleTooltip, elsewhereItem, findingItem, findingTooltip, overviewItem, statItem } from './articleItems';
import { listedCounts, problemsCapNote, whereListed } from '../common/counts';
import { DocView, Phase, docView, docViewKey, resultKey } from '../review/docView';
import { RULE_LABEL } from '../common/ruleLabels';
import { ReviewState, basename } from '../review/reviewState';
import type { Reviewer } from '../review/reviewer';
import { overviewStats } from './overviewStats';
import type { ArticleNode, ArticlesNode, ElsewhereMark, ElsewhereNode, FindingNode, OverviewNode, StatNode } from './treeNodes';

export { RULE_LABEL } from '../common/ruleLabels';
export { describeCounts } from './articleItems';

export const VIEW_ID = 'editorialReview.articles';

export type { ArticleNode, ArticlesNode, FindingNode, OverviewNode, StatNode } from './treeNodes';

/** What the tree shows, as plain data (for tests and the status bar). */
export interface ArticlesSnapshot {
  file: string | undefined;
  /** The state of the file's review, as every view shows it. */
  phase: Phase | undefined;
  message: string | undefined;
  badge: number | undefined;
  /** The first row: "Overview", or what stands in its place while there is no review. */
  top: { label: string; description: string; tooltip: string } | undefined;
  overview: { id: string; label: string; description: string; tooltip: string; command: vscode.Command | undefined; children: number }[];
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
    /** The rows naming other files of the collection where its story appears. */
    elsewhere: { label: string; description: string; accessible: string; command: vscode.Command | undefined }[];
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
  /** Where else an article's story appears (set by collection/ when a folder is open). */
  elsewhere: ((uri: vscode.Uri, article: number) => ElsewhereMark[]) | undefined;
  private readonly stateEmitter = new vscode.EventEmitter<void>();
  /** Fires when the state of the shown review changed but not the tree (reviewing again, outdated). */
  readonly onDidChangeState = this.stateEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter, this.stateEmitter];
  private docUri: vscode.Uri | undefined;
  private overviewNode: OverviewNode | undefined;
  private nodes: ArticleNode[] = [];
  private refreshTimer: NodeJS.Timeout | undefined;
  private view: vscode.TreeView<ArticlesNode> | undefined;
  /** Rules shown (undefined: all). */
  private filter: Set<RuleId> | undefined;
  /** What the tree shows now (docViewKey), so that an update that changes nothing redraws nothing. */
  private shownKey = '';
  private shownResult = '';

  constructor(private readonly reviewer: Reviewer) {
    this.disposables.push(
      reviewer.onDidUpdate(uri => {
        if (this.docUri && uri.toString() === this.docUri.toString()) this.scheduleRefresh();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.followActiveEditor()),
      vscode.workspace.onDidCloseTextDocument(doc => {
        if (this.docUri && doc.uri.toString() === this.docUri.toString()) this.followActiveEditor();
      }),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration('editorialReview')) this.followActiveEditor(true);
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
   * Shows the active editor's document. A file of a reviewed kind replaces the one shown (also
   * when its review is off, which the view then says); another file (plain file or untitled)
   * empties the tree; anything else (no editor, a diff of passages, the output) keeps the last
   * reviewed file while it is open.
   */
  followActiveEditor(force = false): void {
    const editor = vscode.window.activeTextEditor;
    let next = this.docUri;
    if (editor) {
      const doc = editor.document;
      if (this.reviewer.isReviewableKind(doc)) next = doc.uri;
      else if (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled') next = undefined;
    }
    if (next && !vscode.workspace.textDocuments.some(d => d.uri.toString() === next!.toString())) next = undefined;
    if (force || next?.toString() !== this.docUri?.toString()) {
      this.docUri = next;
      this.refresh();
    }
  }

  /**
   * After a review update: at once when what the tree shows changed (a new result appears in every
   * view as the squiggles do), coalescing the updates of one moment; nothing otherwise.
   */
  private scheduleRefresh(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      const view = this.currentView();
      const key = docViewKey(view);
      if (key === this.shownKey) return;
      if (view && this.overviewNode?.overview && view.state && resultKey(view) === this.shownResult) {
        // The same result in another phase (reviewing again, outdated): only the texts change.
        this.shownKey = key;
        this.overviewNode.view = view;
        this.updateViewTexts();
        this.stateEmitter.fire();
        return;
      }
      this.refresh();
    }, 0);
  }

  refresh(): void {
    if (this.refreshTimer) {
      clearTimeout(this.refreshTimer);
      this.refreshTimer = undefined;
    }
    this.build();
    this.updateViewTexts();
    this.changeEmitter.fire();
  }

  /** The state of the shown file's review, as every view shows it. */
  currentView(): DocView | undefined {
    return this.docUri ? docView(this.reviewer, this.docUri) : undefined;
  }

  /** The review shown (possibly for an earlier version: see `currentView().phase`). */
  state(): ReviewState | undefined {
    return this.currentView()?.state;
  }

  private build(): void {
    const view = this.currentView();
    this.shownKey = docViewKey(view);
    this.shownResult = resultKey(view);
    const state = view?.state;
    this.overviewNode = this.docUri && view ? { kind: 'overview', uri: this.docUri, overview: state ? overviewOf(state.review, state.text.length) : undefined, view } : undefined;
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
      const elsewhere = this.elsewhere?.(uri, article.index);
      return { kind: 'article', uri, version, article, findings: [], range, firstLine: range.start.line + 1, lastLine: lastLine + 1, ...(elsewhere?.length ? { elsewhere } : {}) };
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
    const doc = this.currentView();
    const state = doc?.state;
    const notes: string[] = [];
    if (doc?.note) notes.push(doc.note);
    if (state) {
      const o = overviewOf(state.review, state.text.length);
      const capped = RULE_IDS.filter(r => o.listed[r] < o.byRule[r]);
      if (capped.length > 0) {
        notes.push(
          'Capped by editorialReview.maxFindingsPerRule: ' +
            capped.map(r => `${o.listed[r]} of the ${o.byRule[r].toLocaleString('en')} ${RULE_LABEL[r].many} are listed`).join(', ') +
            '.',
        );
      }
      const cap = problemsCapNote(listedCounts(state.review.findings));
      if (cap) notes.push(cap);
    }
    if (this.filter && state) notes.push(`Filtered: ${[...this.filter].map(r => RULE_LABEL[r].many).join(', ')}.`);
    view.message = notes.length > 0 ? notes.join(' ') : undefined;
    view.description = this.docUri ? basename(this.docUri) : undefined;
    const c = state ? listedCounts(state.review.findings) : undefined;
    view.badge =
      state && c && c.listed > 0
        ? { value: c.listed, tooltip: `${c.listed} ${c.listed === 1 ? 'finding' : 'findings'} in ${basename(state.uri)}: ${whereListed(c)}` }
        : undefined;
  }

  getChildren(node?: ArticlesNode): ArticlesNode[] {
    if (!node) return this.overviewNode ? [this.overviewNode, ...this.nodes] : [];
    if (node.kind === 'overview') return node.overview ? overviewStats(node, this.nodes[0]) : [];
    const state = this.state();
    if (!state) return [];
    const lineOf = (offset: number) => state.toRange({ start: offset, end: offset }).start.line + 1;
    const findingNode = (finding: Finding, parent: ArticleNode | StatNode): FindingNode => ({
      kind: 'finding', uri: state.uri, version: state.version, finding, range: state.toRange(finding.range), parent, lineOf,
    });
    if (node.kind === 'article') {
      const elsewhere = (node.elsewhere ?? []).map((mark): ElsewhereNode => ({ kind: 'elsewhere', uri: node.uri, parent: node, mark }));
      return [...elsewhere, ...node.findings.map(f => findingNode(f, node))];
    }
    if (node.kind === 'stat' && node.rule) {
      const rule = node.rule;
      return state.review.findings.filter(f => f.rule === rule).sort((a, b) => a.range.start - b.range.start).map(f => findingNode(f, node));
    }
    return [];
  }

  getParent(node: ArticlesNode): ArticlesNode | undefined {
    if (node.kind === 'finding' || node.kind === 'elsewhere') return node.parent;
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
      case 'elsewhere':
        return elsewhereItem(node);
    }
  }

  /** The tooltips, asked for when shown (thousands of articles would otherwise all carry one). */
  resolveTreeItem(item: vscode.TreeItem, node: ArticlesNode): vscode.TreeItem {
    if (node.kind === 'article') item.tooltip = articleTooltip(node);
    else if (node.kind === 'finding') item.tooltip = findingTooltip(node);
    return item;
  }

  /** The article nodes of the tree. */
  articleNodes(): ArticleNode[] {
    this.snapshot();
    return this.nodes;
  }

  /** The tree as plain data, through the same getChildren/getTreeItem calls VS Code makes. */
  snapshot(): ArticlesSnapshot {
    this.followActiveEditor();
    if (this.refreshTimer) this.refresh();
    const description = (item: vscode.TreeItem) => (typeof item.description === 'string' ? item.description : '');
    const item = (node: ArticlesNode) => this.resolveTreeItem(this.getTreeItem(node), node);
    const top = this.getChildren();
    const overview = top.filter((n): n is OverviewNode => n.kind === 'overview');
    const overviewItemOf = overview[0] ? item(overview[0]) : undefined;
    return {
      file: this.docUri?.toString(),
      phase: overview[0]?.view.phase,
      message: this.view?.message,
      badge: this.view?.badge?.value,
      top: overviewItemOf ? { label: text(overviewItemOf.label), description: description(overviewItemOf), tooltip: text(overviewItemOf.tooltip) } : undefined,
      overview: overview.flatMap(o =>
        this.getChildren(o).map(child => {
          const childItem = item(child);
          return {
            id: (child as StatNode).id,
            label: text(childItem.label),
            description: description(childItem),
            tooltip: text(childItem.tooltip),
            command: childItem.command,
            children: this.getChildren(child).length,
          };
        }),
      ),
      articles: top
        .filter((n): n is ArticleNode => n.kind === 'article')
        .map(node => {
          const nodeItem = item(node);
          return {
            index: node.article.index,
            label: text(nodeItem.label),
            description: description(nodeItem),
            tooltip: text(nodeItem.tooltip),
            duplicateOf: node.article.duplicateOf,
            icon: nodeItem.iconPath instanceof vscode.ThemeIcon ? nodeItem.iconPath.id : undefined,
            contextValue: nodeItem.contextValue,
            counts: counts(node.findings),
            children: this.getChildren(node)
              .filter((child): child is FindingNode => child.kind === 'finding')
              .map(child => {
                const childItem = item(child);
                return { label: text(childItem.label), description: description(childItem), tooltip: text(childItem.tooltip), rule: child.finding.rule };
              }),
            elsewhere: this.getChildren(node)
              .filter(child => child.kind === 'elsewhere')
              .map(child => {
                const childItem = item(child);
                return { label: text(childItem.label), description: description(childItem), accessible: childItem.accessibilityInformation?.label ?? '', command: childItem.command };
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
