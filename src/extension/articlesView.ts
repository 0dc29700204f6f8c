// The Articles tree of the active file: one node per detected article (title, line range, counts of
// findings by rule, repeats marked "repeat of #n"), its findings as children. It is built from the
// review itself, not from the diagnostics, so it lists every finding even where VS Code caps the
// problems of a file.
import * as vscode from 'vscode';
import { RULES } from '../core/rules/registry';
import { Article, Finding, RULE_IDS, RuleId } from '../core/types';
import { ReviewState, Reviewer, basename } from './reviewer';

export const VIEW_ID = 'editorialReview.articles';

/** Each rule's words for counts and its icon (from the rule registry). */
export const RULE_LABEL = Object.fromEntries(RULES.map(r => [r.id, { ...r.label, icon: r.icon }])) as Record<
  RuleId,
  { one: string; many: string; icon: string }
>;

export interface ArticleNode {
  kind: 'article';
  uri: vscode.Uri;
  version: number;
  article: Article;
  findings: Finding[];
  range: vscode.Range;
  firstLine: number;
  lastLine: number;
}

export interface FindingNode {
  kind: 'finding';
  uri: vscode.Uri;
  version: number;
  finding: Finding;
  range: vscode.Range;
  parent: ArticleNode | undefined;
}

export type ArticlesNode = ArticleNode | FindingNode;

/** What the tree shows, as plain data (for tests and the status bar). */
export interface ArticlesSnapshot {
  file: string | undefined;
  message: string | undefined;
  articles: {
    index: number;
    label: string;
    description: string;
    duplicateOf: number | null;
    icon: string | undefined;
    contextValue: string | undefined;
    counts: Partial<Record<RuleId, number>>;
    children: { label: string; description: string; rule: RuleId }[];
  }[];
}

function counts(findings: readonly Finding[]): Partial<Record<RuleId, number>> {
  const out: Partial<Record<RuleId, number>> = {};
  for (const f of findings) out[f.rule] = (out[f.rule] ?? 0) + 1;
  return out;
}

export function describeCounts(c: Partial<Record<RuleId, number>>): string {
  const parts: string[] = [];
  for (const rule of RULE_IDS) {
    const n = c[rule];
    if (n) parts.push(`${n} ${n === 1 ? RULE_LABEL[rule].one : RULE_LABEL[rule].many}`);
  }
  return parts.join(' · ');
}

function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

export class ArticlesProvider implements vscode.TreeDataProvider<ArticlesNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<ArticlesNode | undefined | void>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  private docUri: vscode.Uri | undefined;
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

  /** Shows the given document (or the active editor's) in the tree. */
  followActiveEditor(): void {
    const editor = vscode.window.activeTextEditor;
    let next = this.docUri;
    if (editor) {
      const doc = editor.document;
      if (this.reviewer.isReviewable(doc)) next = doc.uri;
      else if (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled') next = undefined;
      // Other schemes (output, diff passages, git) leave the tree as it is.
    } else if (next && !vscode.window.visibleTextEditors.some(e => e.document.uri.toString() === next!.toString())) {
      // No text editor is active (e.g. all closed) and the file is not shown anywhere.
      next = undefined;
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
    this.nodes = this.build();
    this.updateViewTexts();
    this.changeEmitter.fire();
  }

  private state(): ReviewState | undefined {
    return this.docUri ? this.reviewer.get(this.docUri) : undefined;
  }

  private build(): ArticleNode[] {
    const state = this.state();
    if (!state) return [];
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
    return articles;
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
            truncated
              .map(([rule, n]) => `${rule} shows ${shown.filter(f => f.rule === rule).length} of ${n}`)
              .join(', ') +
            '.',
        );
      }
    }
    if (this.filter && state) notes.push(`Filtered: ${[...this.filter].map(r => RULE_LABEL[r].many).join(', ')}.`);
    view.message = notes.length > 0 ? notes.join(' ') : undefined;
    if (state && this.docUri) {
      const repeats = state.review.articles.filter(a => a.duplicateOf !== null).length;
      view.description = `${basename(this.docUri)} · ${state.review.articles.length} articles${repeats ? `, ${repeats} repeated` : ''}`;
    } else {
      view.description = this.docUri ? basename(this.docUri) : undefined;
    }
  }

  getChildren(node?: ArticlesNode): ArticlesNode[] {
    if (!node) return this.nodes;
    if (node.kind === 'article') {
      const state = this.state();
      if (!state) return [];
      return node.findings.map(finding => ({
        kind: 'finding',
        uri: node.uri,
        version: node.version,
        finding,
        range: state.toRange(finding.range),
        parent: node,
      }));
    }
    return [];
  }

  getParent(node: ArticlesNode): ArticlesNode | undefined {
    return node.kind === 'finding' ? node.parent : undefined;
  }

  getTreeItem(node: ArticlesNode): vscode.TreeItem {
    return node.kind === 'article' ? this.articleItem(node) : this.findingItem(node);
  }

  private articleItem(node: ArticleNode): vscode.TreeItem {
    const a = node.article;
    const item = new vscode.TreeItem(
      `${a.index}. ${shorten(a.title || '(untitled)', 90)}`,
      node.findings.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    const lines = node.firstLine === node.lastLine ? `line ${node.firstLine}` : `lines ${node.firstLine}–${node.lastLine}`;
    const c = counts(node.findings);
    const countText = describeCounts(c);
    if (a.duplicateOf !== null) {
      item.description = [`repeat of #${a.duplicateOf}`, lines].join(' · ');
      item.iconPath = new vscode.ThemeIcon('copy', new vscode.ThemeColor('list.warningForeground'));
      item.contextValue = 'editorialReview.article.repeat';
    } else {
      item.description = [lines, countText].filter(Boolean).join(' · ');
      item.iconPath = new vscode.ThemeIcon('note');
      item.contextValue = 'editorialReview.article';
    }
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**Article ${a.index}**${a.duplicateOf !== null ? ` — repeat of article ${a.duplicateOf}` : ''}\n\n`);
    md.appendText(a.title || '(untitled)');
    md.appendMarkdown(`\n\n${lines}${countText ? ` · ${countText}` : ''}`);
    item.tooltip = md;
    item.id = `${node.uri.toString()}#article-${a.index}`;
    item.command = { command: 'editorialReview.revealRange', title: 'Reveal', arguments: [node.uri, node.range] };
    return item;
  }

  private findingItem(node: FindingNode): vscode.TreeItem {
    const f = node.finding;
    const item = new vscode.TreeItem(shorten(f.message, 120), vscode.TreeItemCollapsibleState.None);
    item.description = `${RULE_LABEL[f.rule].one} · line ${node.range.start.line + 1}`;
    const color =
      f.severity === 'error' ? 'list.errorForeground' : f.severity === 'warning' ? 'list.warningForeground' : undefined;
    item.iconPath = new vscode.ThemeIcon(RULE_LABEL[f.rule].icon, color ? new vscode.ThemeColor(color) : undefined);
    item.tooltip = new vscode.MarkdownString().appendText(f.message).appendMarkdown(`\n\n\`${f.rule}\` · ${f.severity}`);
    item.contextValue = `editorialReview.finding.${f.rule}`;
    item.command = { command: 'editorialReview.revealRange', title: 'Reveal', arguments: [node.uri, node.range] };
    return item;
  }

  /** The tree as plain data, through the same getChildren/getTreeItem calls VS Code makes. */
  snapshot(): ArticlesSnapshot {
    this.followActiveEditor();
    if (this.refreshTimer) {
      clearTimeout(this.refreshTimer);
      this.refreshTimer = undefined;
      this.refresh();
    }
    const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');
    const description = (item: vscode.TreeItem) => (typeof item.description === 'string' ? item.description : '');
    return {
      file: this.docUri?.toString(),
      message: this.view?.message,
      articles: this.getChildren().map(node => {
        const item = this.getTreeItem(node);
        const a = node as ArticleNode;
        return {
          index: a.article.index,
          label: label(item),
          description: description(item),
          duplicateOf: a.article.duplicateOf,
          icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined,
          contextValue: item.contextValue,
          counts: counts(a.findings),
          children: this.getChildren(node).map(child => {
            const childItem = this.getTreeItem(child);
            return { label: label(childItem), description: description(childItem), rule: (child as FindingNode).finding.rule };
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
