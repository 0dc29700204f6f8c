// The map: a webview view drawing the file shown in the Articles view as a strip of its articles
// along the file (each as tall as its share of the text), repeats marked and linked to their
// originals, findings as ticks. Clicking (or Enter on) an article or a tick reveals it in the
// editor without taking the focus. It follows the same state of the review as the Articles view
// and the status bar (review/docView.ts): while there is no review it says why, never "open a
// file" for a file that is open. The page (media/map.js, media/map.css) runs under a strict
// Content Security Policy with a nonce and draws with the theme's colours; its elements are
// buttons, reachable with Tab and the arrow keys.
import * as crypto from 'crypto';
import * as vscode from 'vscode';
import { overviewOf } from '../../core/report/overview';
import type { ArticlesProvider } from './articlesView';
import { shortLabel } from '../common/findingText';
import { reveal } from './reveal';
import { basename } from '../review/reviewState';
import type { Phase } from '../review/docView';
import { RULE_LABEL } from '../common/ruleLabels';

export const MAP_VIEW_ID = 'editorialReview.map';

/** The index of the article holding an offset (binary search; articles are in document order), or -1. */
function articleAt(articles: readonly { range: { start: number } }[], offset: number): number {
  let lo = 0;
  let hi = articles.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (articles[mid].range.start <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** At most this many ticks are drawn (more would not be told apart on a strip anyway). */
const MAX_TICKS = 3000;

export interface MapModel {
  file: string;
  /** The state of the file's review, as every view shows it (review/docView.ts). */
  phase: Phase;
  /** What the map says above the strip (or in its place when there is no review). */
  note: string | undefined;
  characters: number;
  overview: ReturnType<typeof overviewOf> | undefined;
  articles: { index: number; title: string; start: number; end: number; duplicateOf: number | null; lines: string; findings: number }[];
  ticks: { start: number; end: number; rule: string; severity: string; label: string }[];
  /** Short words per rule for the legend and labels. */
  rules: Record<string, { one: string; many: string }>;
}

/** What the page reported after drawing (counts of what it drew, and what it shows in words). */
export interface MapRendered {
  articles: number;
  repeats: number;
  links: number;
  /** Findings drawn (a tick may stand for several close together). */
  ticks: number;
  /** Tick marks drawn (each a button: Tab, arrow keys, Enter). */
  marks: number;
  /** The smallest tick mark, in CSS pixels (height, width). */
  markSize: { height: number; width: number };
  /** Tick marks of one article that overlap (none: each can be told apart). */
  overlaps: number;
  /** The text in place of the strip, when there is no strip. */
  empty: string;
  /** The tooltips of the article blocks and tick marks. */
  titles: string[];
}

/** The element that has the focus in the page after a key was given to it (for the tests). */
export interface MapFocus {
  label: string;
  role: string;
}

type FromPage =
  | { type: 'ready' }
  | { type: 'reveal'; start: number; end: number }
  | ({ type: 'rendered' } & MapRendered)
  | ({ type: 'focus' } & MapFocus);

export class MapViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private readonly renderedEmitter = new vscode.EventEmitter<MapRendered>();
  /** Fires when the page has drawn a model. */
  readonly onDidRender = this.renderedEmitter.event;
  private readonly focusEmitter = new vscode.EventEmitter<MapFocus>();
  /** Fires when the page says where the focus went after a key (`key`). */
  readonly onDidFocus = this.focusEmitter.event;
  lastRendered: MapRendered | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly articles: ArticlesProvider,
  ) {
    this.disposables.push(this.renderedEmitter, this.focusEmitter, articles.onDidChangeTreeData(() => this.post()), articles.onDidChangeState(() => this.post()));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  get resolved(): boolean {
    return this.view !== undefined;
  }

  get html(): string {
    return this.view?.webview.html ?? '';
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    view.webview.options = { enableScripts: true, localResourceRoots: [media] };
    view.webview.html = this.page(view.webview, media);
    this.disposables.push(
      view.webview.onDidReceiveMessage((m: FromPage) => void this.receive(m)),
      view.onDidChangeVisibility(() => this.post()),
      view.onDidDispose(() => {
        if (this.view === view) this.view = undefined;
      }),
    );
  }

  /** Handles a message of the page (public for the tests, which cannot click inside a webview). */
  async receive(m: FromPage): Promise<void> {
    if (m.type === 'ready') {
      this.ready = true;
      this.post();
    } else if (m.type === 'rendered') {
      const { type: _type, ...rendered } = m;
      this.lastRendered = rendered;
      this.renderedEmitter.fire(this.lastRendered);
    } else if (m.type === 'focus') {
      this.focusEmitter.fire({ label: m.label, role: m.role });
    } else if (m.type === 'reveal') {
      const state = this.articles.state();
      if (!state || typeof m.start !== 'number') return;
      const start = Math.max(0, Math.min(m.start, state.text.length));
      const end = Math.max(start, Math.min(typeof m.end === 'number' ? m.end : start, state.text.length));
      await reveal(state.uri, state.toRange({ start, end }), { select: false, focus: false });
    }
  }

  /** The model of the file shown, or undefined when no file is shown. */
  model(): MapModel | undefined {
    const view = this.articles.currentView();
    if (!view) return undefined;
    const rules = Object.fromEntries(Object.entries(RULE_LABEL).map(([id, l]) => [id, { one: l.one, many: l.many }]));
    const state = view.state;
    if (!state) return { file: basename(view.uri), phase: view.phase, note: view.note, characters: 0, overview: undefined, articles: [], ticks: [], rules };
    const { review } = state;
    const lineOf = (offset: number) => state.toRange({ start: offset, end: offset }).start.line + 1;
    const findings = review.findings.length > MAX_TICKS ? review.findings.slice(0, MAX_TICKS) : review.findings;
    // Findings per article in one pass (articles are in document order).
    const perArticle = new Array<number>(review.articles.length).fill(0);
    for (const f of review.findings) {
      const i = articleAt(review.articles, f.range.start);
      if (i >= 0 && f.range.start < review.articles[i].range.end) perArticle[i]++;
    }
    return {
      file: basename(state.uri),
      phase: view.phase,
      note: view.note,
      characters: state.text.length,
      overview: overviewOf(review, state.text.length),
      articles: review.articles.map((a, i) => {
        const first = lineOf(a.range.start);
        const last = Math.max(first, lineOf(Math.max(a.range.start, a.range.end - 1)));
        return {
          index: a.index,
          title: a.title || '(untitled)',
          start: a.range.start,
          end: a.range.end,
          duplicateOf: a.duplicateOf,
          lines: first === last ? `line ${first}` : `lines ${first}–${last}`,
          findings: perArticle[i],
        };
      }),
      ticks: findings.map(f => ({ start: f.range.start, end: f.range.end, rule: f.rule, severity: f.severity, label: `${shortLabel(f, lineOf)} (line ${lineOf(f.range.start)})` })),
      rules,
    };
  }

  /** Gives a key to the page's focused element (the first article when none) and resolves with where the focus went (for the tests, which cannot type into a webview). */
  key(key: string, timeoutMs = 10000): Promise<MapFocus> {
    return new Promise<MapFocus>((resolve, reject) => {
      if (!this.view) {
        reject(new Error('the map is not shown'));
        return;
      }
      const timer = setTimeout(() => {
        listener.dispose();
        reject(new Error(`the map did not answer the key ${key} within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = this.onDidFocus(f => {
        clearTimeout(timer);
        listener.dispose();
        resolve(f);
      });
      void this.view.webview.postMessage({ type: 'key', key });
    });
  }

  private post(): void {
    if (!this.view || !this.ready) return;
    void this.view.webview.postMessage({ type: 'model', model: this.model() ?? null });
  }

  private page(webview: vscode.Webview, media: vscode.Uri): string {
    const nonce = crypto.randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'map.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'map.css'));
    const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`, `img-src ${webview.cspSource}`].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Editorial Review map</title>
</head>
<body>
<div id="summary" role="status" aria-live="polite"></div>
<div id="legend" aria-hidden="true"></div>
<div id="strip" role="list" aria-label="Articles along the file"></div>
<p id="note" role="status"></p>
<p id="empty">Open a plain text or Markdown file to see its map.</p>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }
}
