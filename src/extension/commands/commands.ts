// Registers every command of the extension (ids in commandIds.ts) with the module that does its job.
import * as vscode from 'vscode';
import { ToolInfo } from '../../core/report/report';
import { RuleId } from '../../core/model/types';
import type { ArticleNode, ArticlesProvider, ArticlesNode } from '../views/articlesView';
import { CMD, COLLECTION_CMD } from '../common/commandIds';
import { ConfigCommands, IgnoreArgs, IgnoreOccurrenceArgs } from './configCommands';
import { ApplyEditsArgs, applyEdits, copyArticle, removeAllRepeated, removeArticle } from './editCommands';
import { EditApplier } from './applyPlan';
import { DisableRuleArgs, RuleCommands } from './ruleCommands';
import { ExportArgs, exportReport } from './exportReport';
import { NavigationArgs, goToFinding, goToRepeatedArticle } from './navigation';
import { OriginalArgs, compareWithOriginal, showOriginal } from './originals';
import { PassageProvider } from '../views/passages';
import { reviewFile, showArticles, showMap } from './reviewCommands';
import type { Reviewer } from '../review/reviewer';
import { TreeCommands } from './treeCommands';
import { WorkspaceConfig } from '../config/workspaceConfig';
import { reviewWorkspace } from './workspaceReview';

export type { ApplyResult } from './editCommands';
export type { WorkspaceReviewResult } from './workspaceReview';
export type { ReportFormat, ExportArgs } from './exportReport';

export interface CommandDeps {
  reviewer: Reviewer;
  config: WorkspaceConfig;
  articles: ArticlesProvider;
  passages: PassageProvider;
  applier: EditApplier;
  tool: ToolInfo;
}

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const { reviewer, articles } = deps;
  const tree = new TreeCommands(articles);
  const config = new ConfigCommands(reviewer, deps.config);
  const rules = new RuleCommands(reviewer, deps.config, config);
  const { applier } = deps;
  // The collection's commands are registered with it (collection/collectionCommands.ts).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- VS Code passes command arguments untyped
  const handlers: Record<Exclude<(typeof CMD)[keyof typeof CMD], (typeof COLLECTION_CMD)[keyof typeof COLLECTION_CMD]>, (...args: any[]) => unknown> = {
    [CMD.reviewFile]: (arg?: unknown) => reviewFile(reviewer, articles, arg),
    // The articles view's title button: the same review, named for where it stands.
    [CMD.reviewAgain]: (arg?: unknown) => reviewFile(reviewer, articles, arg),
    [CMD.reviewWorkspace]: () => reviewWorkspace(reviewer),
    [CMD.removeAllRepeatedPassages]: (arg?: unknown) => removeAllRepeated(reviewer, articles, applier, arg),
    [CMD.exportReport]: (args?: ExportArgs) => exportReport(reviewer, articles, deps.tool, args),
    [CMD.showArticles]: showArticles,
    [CMD.showMap]: showMap,
    [CMD.clearProblems]: () => reviewer.clearAll(),
    [CMD.openConfigFile]: () => config.openConfigFile(),
    [CMD.nextFinding]: (arg?: NavigationArgs) => goToFinding(reviewer, 'next', arg),
    [CMD.previousFinding]: (arg?: NavigationArgs) => goToFinding(reviewer, 'previous', arg),
    [CMD.nextRepeatedArticle]: (arg?: NavigationArgs) => goToRepeatedArticle(reviewer, 'next', arg),
    [CMD.previousRepeatedArticle]: (arg?: NavigationArgs) => goToRepeatedArticle(reviewer, 'previous', arg),
    [CMD.filterArticles]: (rules?: RuleId[]) => tree.filterArticles(rules),
    [CMD.removeArticle]: (node?: ArticleNode) => removeArticle(reviewer, applier, node),
    [CMD.deleteArticle]: (node?: ArticleNode) => removeArticle(reviewer, applier, node),
    [CMD.copyArticle]: (node?: ArticleNode) => copyArticle(reviewer, node),
    [CMD.selectArticle]: (node?: ArticlesNode) => tree.selectNode(node),
    [CMD.openNode]: (node?: ArticlesNode) => tree.openNode(node),
    [CMD.revealRange]: (uri: vscode.Uri, range: vscode.Range) => tree.revealRange(uri, range),
    [CMD.applyEdits]: (args: ApplyEditsArgs) => applyEdits(applier, args),
    [CMD.showOriginal]: (args: OriginalArgs) => showOriginal(args),
    [CMD.compareWithOriginal]: (args: OriginalArgs) => compareWithOriginal(deps.passages, args),
    [CMD.ignoreTerm]: (args: IgnoreArgs) => config.ignoreTerm(args),
    [CMD.ignoreCue]: (args: IgnoreArgs) => config.ignoreCue(args),
    [CMD.ignoreOccurrence]: (args: IgnoreOccurrenceArgs) => config.ignoreOccurrence(args),
    [CMD.undoIgnore]: () => config.undo(),
    [CMD.disableRule]: (args: DisableRuleArgs) => rules.disableRule(args),
    [CMD.turnOffForFile]: (arg?: unknown) => rules.turnOff(arg),
    [CMD.turnOnForFile]: (arg?: unknown) => rules.turnOn(arg),
  };
  return Object.entries(handlers).map(([id, fn]) => vscode.commands.registerCommand(id, fn));
}
