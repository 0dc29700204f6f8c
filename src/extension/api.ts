// What activate() returns: a small API over the extension's state, used by the integration tests
// (and by anyone who wants to read reviews from another extension).
import * as vscode from 'vscode';
import { Review } from '../core/model/types';
import { ArticleNode, ArticlesNode, ArticlesProvider, ArticlesSnapshot } from './views/articlesView';
import { MapFocus, MapModel, MapRendered, MapViewProvider } from './views/mapView';
import { ReviewClient } from './review/reviewClient';
import { ReviewState, ReviewTiming, Reviewer } from './review/reviewer';
import { RuleDocs } from './common/ruleDocs';
import { StatusBar } from './views/statusBar';
import { EditApplier, EditReport } from './commands/applyPlan';
import { Question } from './common/editPlans';
import { DocView, docView } from './review/docView';
import type { CollectionApi } from './collection/collection';

export interface EditorialReviewApi {
  /** The latest review of a document or file, if any (possibly for an older version). */
  getReview(uri: vscode.Uri): ReviewState | undefined;
  /** Reviews a document now, even above the size limit. */
  reviewDocument(doc: vscode.TextDocument): Promise<Review | undefined>;
  /** Resolves once the document's current version has been reviewed (rejects after `timeoutMs`). */
  whenReviewed(doc: vscode.TextDocument, timeoutMs?: number): Promise<ReviewState>;
  /** The Articles tree as shown (through the provider's getChildren / getTreeItem). */
  articles(): ArticlesSnapshot;
  /** The article nodes of the tree (what its context-menu commands receive). */
  articleNodes(): ArticleNode[];
  /** Selects (and expands) an article's node in the Articles view. */
  revealArticle(index: number, options?: { focus?: boolean }): Promise<void>;
  /** Scrolls the Articles view to its overview (expanded). */
  revealOverview(): Promise<void>;
  /** The Articles view's message as it is now (without redrawing the view first). */
  viewMessage(): string | undefined;
  /** The nodes selected in the Articles view. */
  treeSelection(): readonly ArticlesNode[];
  /** The status bar text for the active editor, and what screen readers hear. */
  statusText(): string;
  statusAccessibleLabel(): string;
  /** The status bar's tooltip, as text. */
  statusTooltip(): string;
  /** The state of a document's review that every view shows. */
  docView(uri: vscode.Uri): DocView;
  /** The next questions asked before an edit are answered with these (true: go ahead) instead of a dialog. */
  answerNextQuestions(answers: boolean[]): void;
  /** The questions asked before edits so far. */
  questionsAsked(): readonly Question[];
  /** The last edit applied by a command, fix or panel action: what was said, and its Undo. */
  lastEdit(): EditReport | undefined;
  /** Gives a key to the map page's focused element and says where the focus went. */
  mapKey(key: string): Promise<MapFocus>;
  /** The map webview: whether it was resolved, its HTML, the model it is sent, what it drew. */
  map(): { resolved: boolean; html: string; model: MapModel | undefined; rendered: MapRendered | undefined };
  /** Waits for the map page to report a drawing (rejects after `timeoutMs`). */
  whenMapRendered(timeoutMs?: number): Promise<MapRendered>;
  /** Delivers a message as if the map page had sent it (a click inside the webview). */
  mapMessage(message: { type: 'reveal'; start: number; end: number }): Promise<void>;
  /** The README line of a rule's section (what its documentation links open). */
  docsLine(rule: string): number | undefined;
  /** Review times seen so far (engine and end to end). */
  timings(): readonly ReviewTiming[];
  /** True when reviews run in the worker thread. */
  usesWorker(): boolean;
  /** The workspace's collection: its index, stories and views. */
  collection: CollectionApi;
}

export interface ApiDeps {
  reviewer: Reviewer;
  articles: ArticlesProvider;
  treeView: vscode.TreeView<ArticlesNode>;
  statusBar: StatusBar;
  client: ReviewClient;
  map: MapViewProvider;
  docs: RuleDocs;
  applier: EditApplier;
  collection: CollectionApi;
}

export function createApi({ reviewer, articles, treeView, statusBar, client, map, docs, applier, collection }: ApiDeps): EditorialReviewApi {
  return {
    collection,
    getReview: uri => reviewer.get(uri),
    reviewDocument: async doc => (await reviewer.reviewDocument(doc, true))?.review,
    whenReviewed: (doc, timeoutMs) => reviewer.settle(doc, timeoutMs),
    articles: () => articles.snapshot(),
    articleNodes: () => articles.articleNodes(),
    revealArticle: async (index, options) => {
      const node = articles.articleNodes().find(n => n.article.index === index);
      if (node) await treeView.reveal(node, { select: true, focus: options?.focus ?? false, expand: true });
    },
    revealOverview: async () => {
      articles.snapshot();
      const top = articles.getChildren()[0];
      if (top?.kind === 'overview') await treeView.reveal(top, { select: false, focus: false, expand: true });
    },
    treeSelection: () => treeView.selection,
    viewMessage: () => treeView.message,
    statusText: () => {
      statusBar.update();
      return statusBar.text;
    },
    statusAccessibleLabel: () => {
      statusBar.update();
      return statusBar.accessibleLabel;
    },
    statusTooltip: () => {
      statusBar.update();
      return statusBar.tooltipText;
    },
    docView: uri => docView(reviewer, uri),
    answerNextQuestions: answers => applier.scriptAnswers(answers),
    questionsAsked: () => applier.asked,
    lastEdit: () => applier.last,
    mapKey: key => map.key(key),
    map: () => ({ resolved: map.resolved, html: map.html, model: map.model(), rendered: map.lastRendered }),
    whenMapRendered: (timeoutMs = 15000) =>
      new Promise<MapRendered>((resolve, reject) => {
        const timer = setTimeout(() => {
          listener.dispose();
          reject(new Error(`the map did not draw within ${timeoutMs} ms`));
        }, timeoutMs);
        const listener = map.onDidRender(r => {
          clearTimeout(timer);
          listener.dispose();
          resolve(r);
        });
      }),
    mapMessage: message => map.receive(message),
    docsLine: rule => docs.line(rule),
    timings: () => reviewer.timings,
    usesWorker: () => client.usesWorker,
  };
}
