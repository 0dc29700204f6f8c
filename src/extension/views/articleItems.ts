// The tree items of the Articles view: short labels and descriptions that fit the default sidebar
// width (a repeat says "= #2" in its label, where it stays visible), the full text in the tooltip.
// A click runs `editorialReview.openNode` (reveal without selecting or taking the focus).
import * as vscode from 'vscode';
import { formatShare } from '../../core/report/overview';
import { metaLines, metaSummary } from '../../core/segmentation/meta';
import { Finding, RULE_IDS, RuleId } from '../../core/model/types';
import type { ArticleNode, ElsewhereNode, FindingNode, OverviewNode, StatNode } from './treeNodes';
import { CMD } from '../common/commandIds';
import { shortLabel } from '../common/findingText';
import { RULE_LABEL } from '../common/ruleLabels';

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

function countsOf(findings: readonly Finding[]): Partial<Record<RuleId, number>> {
  const out: Partial<Record<RuleId, number>> = {};
  for (const f of findings) out[f.rule] = (out[f.rule] ?? 0) + 1;
  return out;
}

/** `12–20` (lines), short enough for a description. */
function lineSpan(node: ArticleNode): string {
  return node.firstLine === node.lastLine ? `${node.firstLine}` : `${node.firstLine}–${node.lastLine}`;
}

const PHASE_LABELS: Record<string, { label: string; icon: string }> = {
  reviewing: { label: 'Reviewing…', icon: 'sync~spin' },
  onDemand: { label: 'Not reviewed yet', icon: 'circle-slash' },
  cleared: { label: 'Problems cleared', icon: 'clear-all' },
  failed: { label: 'The review failed', icon: 'error' },
  off: { label: 'Review is off for this file', icon: 'circle-slash' },
};

export function overviewItem(node: OverviewNode): vscode.TreeItem {
  const o = node.overview;
  const view = node.view;
  if (!o) {
    const phase = PHASE_LABELS[view.phase] ?? PHASE_LABELS.onDemand;
    const item = new vscode.TreeItem(phase.label, vscode.TreeItemCollapsibleState.None);
    item.description = view.action ? `click: ${view.action.title.toLowerCase()}` : '';
    item.tooltip = view.note ?? phase.label;
    item.iconPath = new vscode.ThemeIcon(phase.icon);
    if (view.action) item.command = { command: view.action.command, title: view.action.title, arguments: [node.uri] };
    item.id = `${node.uri.toString()}#overview-none`;
    item.accessibilityInformation = { label: view.note ?? phase.label };
    return item;
  }
  const item = new vscode.TreeItem('Overview', vscode.TreeItemCollapsibleState.Expanded);
  item.description = `${o.articles} articles · ${o.repeatedArticles} repeated · ${formatShare(o.duplicatedShare)} dup.`;
  item.tooltip =
    `${o.articles} articles, ${o.repeatedArticles} of them repeats; ${formatShare(o.duplicatedShare)} of the text is repeated ` +
    '(what Remove All Repeated Passages removes).' + (view.note ? ` ${view.note}` : '');
  item.iconPath = new vscode.ThemeIcon(view.phase === 'stale' ? 'history' : 'graph');
  item.contextValue = 'editorialReview.overview';
  item.id = `${node.uri.toString()}#overview`;
  return item;
}

export function statItem(node: StatNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, node.rule ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.description = node.description;
  item.tooltip = node.tooltip;
  item.iconPath = new vscode.ThemeIcon(node.icon);
  item.command = node.command;
  item.contextValue = `editorialReview.stat.${node.id}`;
  item.id = `${node.uri.toString()}#stat-${node.id}`;
  item.accessibilityInformation = { label: `${node.label}: ${node.description}` };
  return item;
}

export function articleItem(node: ArticleNode): vscode.TreeItem {
  const a = node.article;
  const title = shorten(a.title || '(untitled)', 90);
  const repeat = a.duplicateOf !== null ? `= #${a.duplicateOf} ` : '';
  const item = new vscode.TreeItem(
    `${a.index}. ${repeat}${title}`,
    node.findings.length > 0 || node.elsewhere?.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
  );
  const lines = node.firstLine === node.lastLine ? `line ${node.firstLine}` : `lines ${node.firstLine}–${node.lastLine}`;
  const countText = describeCounts(countsOf(node.findings));
  const n = node.findings.length;
  const meta = a.meta ? metaSummary(a.meta) : '';
  const also = node.elsewhere?.length ? ` · ${node.elsewhere[0].label}${node.elsewhere.length > 1 ? ` +${node.elsewhere.length - 1}` : ''}` : '';
  item.description = (a.duplicateOf !== null ? lineSpan(node) : n > 0 ? `${lineSpan(node)} · ${n}` : lineSpan(node)) + also + (meta ? ` · ${meta}` : '');
  if (a.duplicateOf !== null) {
    item.iconPath = new vscode.ThemeIcon('copy', new vscode.ThemeColor('list.warningForeground'));
    item.contextValue = 'editorialReview.article.repeat';
  } else {
    item.iconPath = new vscode.ThemeIcon('note');
    item.contextValue = 'editorialReview.article';
  }
  item.accessibilityInformation = {
    label: `Article ${a.index}${a.duplicateOf !== null ? `, repeat of article ${a.duplicateOf}` : ''}: ${title}, ${lines}${countText ? `, ${countText}` : ''}${also ? `, ${node.elsewhere?.map(e => e.accessibleLabel).join('; ')}` : ''}`,
  };
  item.id = `${node.uri.toString()}#article-${a.index}`;
  item.command = { command: CMD.openNode, title: 'Reveal', arguments: [node] };
  return item;
}

/** An article's tooltip (given when VS Code asks for it: resolveTreeItem). */
export function articleTooltip(node: ArticleNode): vscode.MarkdownString {
  const a = node.article;
  const lines = node.firstLine === node.lastLine ? `line ${node.firstLine}` : `lines ${node.firstLine}–${node.lastLine}`;
  const countText = describeCounts(countsOf(node.findings));
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**Article ${a.index}**${a.duplicateOf !== null ? ` — repeat of article ${a.duplicateOf}` : ''}\n\n`);
  md.appendText(a.title || '(untitled)');
  for (const line of a.meta ? metaLines(a.meta) : []) { md.appendMarkdown('\n\n'); md.appendText(line); }
  md.appendMarkdown(`\n\n${lines}${countText ? ` · ${countText}` : ''}`);
  return md;
}

/** A row under an article: another file of the collection where its story appears (a click opens it there). */
export function elsewhereItem(node: ElsewhereNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.mark.label, vscode.TreeItemCollapsibleState.None);
  item.description = node.mark.description;
  item.tooltip = node.mark.accessibleLabel;
  item.iconPath = new vscode.ThemeIcon('files');
  item.accessibilityInformation = { label: node.mark.accessibleLabel };
  item.contextValue = 'editorialReview.elsewhere';
  item.command = node.mark.command;
  return item;
}

export function findingItem(node: FindingNode): vscode.TreeItem {
  const f = node.finding;
  const item = new vscode.TreeItem(shortLabel(f, node.lineOf), vscode.TreeItemCollapsibleState.None);
  item.description = `${node.range.start.line + 1}${f.severity === 'hint' ? ' · hint' : ''}`;
  const color = f.severity === 'error' ? 'list.errorForeground' : f.severity === 'warning' ? 'list.warningForeground' : undefined;
  item.iconPath = new vscode.ThemeIcon(RULE_LABEL[f.rule].icon, color ? new vscode.ThemeColor(color) : undefined);
  item.accessibilityInformation = { label: `${RULE_LABEL[f.rule].one}${f.severity === 'hint' ? ' (hint)' : ''}, line ${node.range.start.line + 1}: ${f.message}` };
  item.contextValue = `editorialReview.finding.${f.rule}`;
  item.command = { command: CMD.openNode, title: 'Reveal', arguments: [node] };
  return item;
}

/** A finding's tooltip: its whole message. */
export function findingTooltip(node: FindingNode): vscode.MarkdownString {
  const f = node.finding;
  const hint = f.severity === 'hint' ? ' (a hint: underlined in the editor, not listed in Problems)' : '';
  return new vscode.MarkdownString().appendText(f.message).appendMarkdown(`\n\n\`${f.rule}\` · ${f.severity}${hint} · line ${node.range.start.line + 1}`);
}
