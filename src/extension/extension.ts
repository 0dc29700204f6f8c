// Entry point of the VS Code extension: wiring only. The engine (src/core) does the reviewing in a
// worker thread; the modules here adapt it to diagnostics, code actions, hovers, the Articles tree,
// the map, commands and the status bar.
import * as path from 'path';
import * as vscode from 'vscode';
import { EditorialReviewApi, createApi } from './api';
import { ArticlesProvider, VIEW_ID } from './views/articlesView';
import { EditorialCodeActionProvider } from './providers/codeActions';
import { EditApplier } from './commands/applyPlan';
import { registerCommands } from './commands/commands';
import { DiagnosticsPublisher } from './common/diagnostics';
import { FindingHoverProvider } from './providers/hover';
import { MAP_VIEW_ID, MapViewProvider } from './views/mapView';
import { PASSAGE_SCHEME, PassageProvider } from './views/passages';
import { ReviewClient } from './review/reviewClient';
import { ReviewTriggers } from './review/reviewTriggers';
import { Reviewer } from './review/reviewer';
import { RuleDocs } from './common/ruleDocs';
import { StatusBar } from './views/statusBar';
import { WorkspaceConfig } from './config/workspaceConfig';
import { Collection } from './collection/collection';

export function activate(context: vscode.ExtensionContext): EditorialReviewApi {
  const output = vscode.window.createOutputChannel('Editorial Review', { log: true });
  const log = (line: string) => output.info(line);

  const client = new ReviewClient(path.join(context.extensionPath, 'dist', 'reviewWorker.js'), log);
  const config = new WorkspaceConfig();
  const docs = new RuleDocs(context.extensionUri);
  const diagnostics = new DiagnosticsPublisher(rule => docs.uri(rule));
  const reviewer = new Reviewer(client, config, diagnostics, log);
  const triggers = new ReviewTriggers(reviewer, config);
  const articles = new ArticlesProvider(reviewer);
  const treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: articles, showCollapseAll: true });
  articles.attach(treeView);
  const map = new MapViewProvider(context.extensionUri, articles);
  const statusBar = new StatusBar(reviewer);
  const passages = new PassageProvider();
  const applier = new EditApplier(client);
  const version = String((context.extension.packageJSON as { version?: string }).version ?? '0.0.0');
  const selector: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }, { scheme: 'vscode-vfs' }];

  context.subscriptions.push(
    output,
    client,
    config,
    diagnostics,
    reviewer,
    triggers,
    articles,
    treeView,
    map,
    statusBar,
    passages,
    vscode.window.registerWebviewViewProvider(MAP_VIEW_ID, map),
    vscode.workspace.registerTextDocumentContentProvider(PASSAGE_SCHEME, passages),
    vscode.languages.registerCodeActionsProvider({ scheme: '*' }, new EditorialCodeActionProvider(reviewer, diagnostics), EditorialCodeActionProvider.metadata),
    vscode.languages.registerHoverProvider(selector, new FindingHoverProvider(reviewer, docs)),
    ...registerCommands({ reviewer, config, articles, passages, applier, tool: { name: 'editorial-review', version } }),
  );

  // The workspace's collection (findings across files, the Stories view): only with a folder open.
  const collection = new Collection(context, { reviewer, diagnostics, passages, log });
  articles.elsewhere = (uri, article) => collection.elsewhere(uri, article);
  context.subscriptions.push(collection, collection.onDidChangeMarks(() => articles.refresh()));
  void collection.start();

  reviewer.reviewAllOpen('activation');
  return createApi({ reviewer, articles, treeView, statusBar, client, map, docs, applier, collection: collection.api() });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
