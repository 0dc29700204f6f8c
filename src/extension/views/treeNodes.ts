// The nodes of the Articles tree (articlesView.ts builds them, articleItems.ts and overviewStats.ts
// turn them into tree items).
import type * as vscode from 'vscode';
import type { Overview } from '../../core/report/overview';
import type { Article, Finding, RuleId } from '../../core/model/types';
import type { DocView } from '../review/docView';

export interface StatNode {
  kind: 'stat';
  uri: vscode.Uri;
  /** `articles`, `repeats`, `duplicated` or a rule id. */
  id: string;
  label: string;
  description: string;
  tooltip: string;
  icon: string;
  command?: vscode.Command;
  /** A rule's row lists that rule's findings (the per-rule lists). */
  rule?: RuleId;
}

/** Another file of the workspace's collection where an article's story appears (collection/): a row under the article, a click opens it. */
export interface ElsewhereMark {
  label: string;
  description: string;
  accessibleLabel: string;
  command: vscode.Command;
}

export interface ElsewhereNode {
  kind: 'elsewhere';
  uri: vscode.Uri;
  parent: ArticleNode;
  mark: ElsewhereMark;
}

export interface ArticleNode {
  kind: 'article';
  uri: vscode.Uri;
  version: number;
  article: Article;
  findings: Finding[];
  range: vscode.Range;
  firstLine: number;
  lastLine: number;
  /** Where else its story appears in the collection (none without one). */
  elsewhere?: ElsewhereMark[];
}

export interface FindingNode {
  kind: 'finding';
  uri: vscode.Uri;
  version: number;
  finding: Finding;
  range: vscode.Range;
  /** The article it is in, or the rule's row of the overview that lists it. */
  parent: ArticleNode | StatNode | undefined;
  /** Line (1-based) of an offset of the reviewed text. */
  lineOf: (offset: number) => number;
}

export interface OverviewNode {
  kind: 'overview';
  uri: vscode.Uri;
  /** Undefined while the file has no review. */
  overview: Overview | undefined;
  /** The state of the file's review (review/docView.ts). */
  view: DocView;
}

export type ArticlesNode = OverviewNode | StatNode | ArticleNode | FindingNode | ElsewhereNode;
