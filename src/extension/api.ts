// What activate() returns: a small API over the extension's state, used by the integration tests
// (and by anyone who wants to read reviews from another extension).
import * as vscode from 'vscode';
import { Review } from '../core/types';
import { ArticleNode, ArticlesNode, ArticlesProvider, ArticlesSnapshot } from './articlesView';
import { ReviewClient } from './reviewClient';
import { ReviewState, ReviewTiming, Reviewer } from './reviewer';
import { StatusBar } from './statusBar';

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
  revealArticle(index: number): Promise<void>;
  /** The status bar text for the active editor. */
  statusText(): string;
  /** Review times seen so far (engine and end to end). */
  timings(): readonly ReviewTiming[];
  /** True when reviews run in the worker thread. */
  usesWorker(): boolean;
}

export function createApi(
  reviewer: Reviewer,
  articles: ArticlesProvider,
  treeView: vscode.TreeView<ArticlesNode>,
  statusBar: StatusBar,
  client: ReviewClient,
): EditorialReviewApi {
  return {
    getReview: uri => reviewer.get(uri),
    reviewDocument: async doc => (await reviewer.reviewDocument(doc, true))?.review,
    whenReviewed: (doc, timeoutMs) => reviewer.settle(doc, timeoutMs),
    articles: () => articles.snapshot(),
    articleNodes: () => {
      articles.snapshot();
      return articles.getChildren().filter((n): n is ArticleNode => n.kind === 'article');
    },
    revealArticle: async index => {
      articles.snapshot();
      const node = articles.getChildren().find(n => n.kind === 'article' && n.article.index === index);
      if (node) await treeView.reveal(node, { select: true, focus: false, expand: true });
    },
    statusText: () => {
      statusBar.update();
      return statusBar.text;
    },
    timings: () => reviewer.timings,
    usesWorker: () => client.usesWorker,
  };
}
