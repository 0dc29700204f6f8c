// Entry point of the VS Code extension: wiring only. The engine (src/core) does the reviewing in a
// worker thread; the modules here adapt it to diagnostics, code actions, a tree view and commands.
import * as path from 'path';
import * as vscode from 'vscode';
import { EditorialReviewApi, createApi } from './api';
import { ArticlesProvider, VIEW_ID } from './articlesView';
import { EditorialCodeActionProvider } from './codeActions';
import { Commands } from './commands';
import { DiagnosticsPublisher } from './diagnostics';
import { PASSAGE_SCHEME, PassageProvider } from './passages';
import { ReviewClient } from './reviewClient';
import { Reviewer } from './reviewer';
import { StatusBar } from './statusBar';
import { WorkspaceConfig } from './workspaceConfig';

export function activate(context: vscode.ExtensionContext): EditorialReviewApi {
  const output = vscode.window.createOutputChannel('Editorial Review', { log: true });
  const log = (line: string) => output.info(line);

  const client = new ReviewClient(path.join(context.extensionPath, 'dist', 'reviewWorker.js'), log);
  const config = new WorkspaceConfig();
  const diagnostics = new DiagnosticsPublisher();
  const reviewer = new Reviewer(client, config, diagnostics, log);
  const articles = new ArticlesProvider(reviewer);
  const treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: articles, showCollapseAll: true });
  articles.attach(treeView);
  const statusBar = new StatusBar(reviewer);
  const passages = new PassageProvider();
  const version = String((context.extension.packageJSON as { version?: string }).version ?? '0.0.0');
  const commands = new Commands({ reviewer, config, articles, passages, tool: { name: 'editorial-review', version } });

  context.subscriptions.push(
    output,
    client,
    config,
    diagnostics,
    reviewer,
    articles,
    treeView,
    statusBar,
    passages,
    vscode.workspace.registerTextDocumentContentProvider(PASSAGE_SCHEME, passages),
    vscode.languages.registerCodeActionsProvider(
      { scheme: '*' },
      new EditorialCodeActionProvider(reviewer),
      EditorialCodeActionProvider.metadata,
    ),
    ...commands.register(),
  );

  reviewer.reviewAllOpen('activation');
  return createApi(reviewer, articles, treeView, statusBar, client);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
