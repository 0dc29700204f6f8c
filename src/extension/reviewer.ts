// Which documents are reviewed and when: on open, on change (debounced), on save or on demand, as
// the settings say. Reviews run in the worker; a generation counter per document drops results
// that a newer edit (or a close) has made stale. Also reviews files that are not open (Review
// Workspace) and keeps every result for the code actions, the articles view and the status bar.
import * as vscode from 'vscode';
import { ConfigError, PartialOptions, resolveOptions, validateOptions } from '../core/config';
import { Review, ReviewOptions } from '../core/types';
import { DiagnosticsPublisher, RangeConverter, documentRanges, textRanges } from './diagnostics';
import { ReviewClient } from './reviewClient';
import { ExtensionSettings, readEngineSettings, readExtensionSettings } from './settings';
import { WorkspaceConfig } from './workspaceConfig';

export interface ReviewState {
  uri: vscode.Uri;
  /** Document version the review is for; -1 for a file reviewed from disk (not open). */
  version: number;
  /** The text that was reviewed. */
  text: string;
  review: Review;
  /** Converts the review's offsets to editor ranges (valid for `version`). */
  toRange: RangeConverter;
  /** Engine milliseconds (in the worker). */
  ms: number;
}

export type DocStatus = 'idle' | 'pending' | 'reviewed' | 'tooLarge' | 'failed';

interface Entry {
  generation: number;
  timer?: NodeJS.Timeout;
  result?: ReviewState;
  status: DocStatus;
  /** Length of a document skipped for its size. */
  skippedLength?: number;
  notifiedTooLarge?: boolean;
  error?: string;
}

export interface ReviewTiming {
  file: string;
  characters: number;
  /** Engine time in the worker. */
  engineMs: number;
  /** From request to diagnostics published, including queueing and transfer. */
  totalMs: number;
}

const REVIEWABLE_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata']);

export class Reviewer implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private readonly shownErrors = new Set<string>();
  private readonly settingsCache = new Map<string, ExtensionSettings>();
  readonly timings: ReviewTiming[] = [];
  /** Fires when a document's review state changed (result, pending, cleared, skipped). */
  readonly onDidUpdate = this.emitter.event;

  constructor(
    private readonly client: ReviewClient,
    private readonly config: WorkspaceConfig,
    private readonly diagnostics: DiagnosticsPublisher,
    private readonly log: (line: string) => void,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument(doc => this.onOpen(doc)),
      vscode.workspace.onDidChangeTextDocument(e => this.onChange(e)),
      vscode.workspace.onDidSaveTextDocument(doc => this.onSave(doc)),
      vscode.workspace.onDidCloseTextDocument(doc => this.onClose(doc)),
      config.onDidChange(() => this.reviewAllOpen('config')),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration('editorialReview')) {
          this.settingsCache.clear();
          this.reviewAllOpen('settings');
        }
      }),
    );
  }

  dispose(): void {
    for (const e of this.entries.values()) if (e.timer) clearTimeout(e.timer);
    for (const d of this.disposables) d.dispose();
  }

  /** The extension's settings for a document (cached until the configuration changes). */
  settings(uri?: vscode.Uri): ExtensionSettings {
    const key = uri?.toString() ?? '';
    let s = this.settingsCache.get(key);
    if (!s) {
      s = readExtensionSettings(uri);
      if (this.settingsCache.size > 500) this.settingsCache.clear();
      this.settingsCache.set(key, s);
    }
    return s;
  }

  isReviewable(doc: vscode.TextDocument): boolean {
    if (!REVIEWABLE_SCHEMES.has(doc.uri.scheme)) return false;
    return this.settings(doc.uri).languages.includes(doc.languageId);
  }

  /** The latest review of a document or file (possibly for an older version). */
  get(uri: vscode.Uri): ReviewState | undefined {
    return this.entries.get(uri.toString())?.result;
  }

  /** The latest review, only if it matches the document as it is now. */
  current(doc: vscode.TextDocument): ReviewState | undefined {
    const r = this.get(doc.uri);
    return r && r.version === doc.version ? r : undefined;
  }

  status(uri: vscode.Uri): { status: DocStatus; skippedLength?: number; error?: string } {
    const e = this.entries.get(uri.toString());
    if (!e) return { status: 'idle' };
    return { status: e.status, skippedLength: e.skippedLength, error: e.error };
  }

  /**
   * Resolves once the document's current version has been reviewed and nothing is pending for it
   * (rejects after `timeoutMs`).
   */
  settle(doc: vscode.TextDocument, timeoutMs = 15000): Promise<ReviewState> {
    return new Promise<ReviewState>((resolve, reject) => {
      const check = () => {
        const state = this.current(doc);
        const entry = this.entries.get(doc.uri.toString());
        if (state && entry && entry.status !== 'pending' && !entry.timer) {
          cleanup();
          resolve(state);
        }
      };
      const listener = this.onDidUpdate(uri => {
        if (uri.toString() === doc.uri.toString()) check();
      });
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no review of ${doc.uri.toString()} (version ${doc.version}) within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = () => {
        listener.dispose();
        clearTimeout(timer);
      };
      check();
    });
  }

  /** Every stored result (open documents and files reviewed from disk). */
  all(): ReviewState[] {
    const out: ReviewState[] = [];
    for (const e of this.entries.values()) if (e.result) out.push(e.result);
    return out;
  }

  /** Reviews every open reviewable document whose settings allow it, once the current events settle. */
  reviewAllOpen(reason: string): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (this.isReviewable(doc)) {
        const s = this.settings(doc.uri);
        // A configuration change re-reviews what is shown, whatever the trigger setting says,
        // except for documents that only run on demand.
        const entry = this.entries.get(doc.uri.toString());
        if (s.run === 'manual' && !entry?.result) continue;
        this.schedule(doc, 0, reason);
      } else if (this.entries.has(doc.uri.toString())) {
        this.forget(doc.uri);
      }
    }
  }

  /** Clears every problem and stored result (they come back with the next edit or review). */
  clearAll(): void {
    for (const [, e] of this.entries) {
      e.generation++;
      if (e.timer) clearTimeout(e.timer);
    }
    const uris = [...this.entries.keys()].map(k => vscode.Uri.parse(k));
    this.entries.clear();
    this.diagnostics.clear();
    this.client.cancelAll();
    for (const uri of uris) this.emitter.fire(uri);
  }

  /**
   * Reviews a document now (on demand: the size limit does not apply when `force` is set).
   * Resolves to the state applied, or undefined when the result was stale or skipped.
   */
  async reviewDocument(doc: vscode.TextDocument, force = true, token?: vscode.CancellationToken): Promise<ReviewState | undefined> {
    const entry = this.entry(doc.uri);
    if (entry.timer) {
      clearTimeout(entry.timer);
      entry.timer = undefined;
    }
    const generation = ++entry.generation;
    const version = doc.version;
    const text = doc.getText();
    const settings = this.settings(doc.uri);
    if (!force && text.length > settings.maxFileSize) {
      entry.status = 'tooLarge';
      entry.skippedLength = text.length;
      this.emitter.fire(doc.uri);
      this.notifyTooLarge(doc, entry, settings);
      return undefined;
    }
    entry.skippedLength = undefined;
    const toRange = documentRanges(doc);
    return this.run(doc.uri, entry, generation, text, toRange, () => !doc.isClosed && doc.version === version, version, token);
  }

  /** Reviews a file that is not open in an editor (its text read from disk). */
  async reviewFileText(uri: vscode.Uri, text: string, token?: vscode.CancellationToken): Promise<ReviewState | undefined> {
    const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
    if (open) return this.reviewDocument(open, true, token);
    const entry = this.entry(uri);
    const generation = ++entry.generation;
    return this.run(uri, entry, generation, text, textRanges(text), () => true, -1, token);
  }

  private async run(
    uri: vscode.Uri,
    entry: Entry,
    generation: number,
    text: string,
    toRange: RangeConverter,
    stillValid: () => boolean,
    version: number,
    token?: vscode.CancellationToken,
  ): Promise<ReviewState | undefined> {
    const started = Date.now();
    entry.status = 'pending';
    this.emitter.fire(uri);
    let outcome;
    try {
      const options = await this.optionsFor(uri);
      if (generation !== entry.generation) return undefined;
      outcome = await this.client.review(uri.toString(), text, options, token);
    } catch (err) {
      if (generation !== entry.generation) return undefined;
      entry.status = 'failed';
      entry.error = err instanceof Error ? err.message : String(err);
      this.log(`Review of ${uri.fsPath || uri.toString()} failed: ${err instanceof Error ? err.stack : String(err)}`);
      this.showErrorOnce(`Editorial Review could not review ${basename(uri)}: ${entry.error.split('\n')[0]}`);
      this.emitter.fire(uri);
      return undefined;
    }
    // Stale: a newer request, a close or an edit happened meanwhile.
    if (!outcome || generation !== entry.generation || !stillValid() || this.entries.get(uri.toString()) !== entry) {
      if (generation === entry.generation && this.entries.get(uri.toString()) === entry) {
        entry.status = entry.result ? 'reviewed' : 'idle';
        this.emitter.fire(uri);
      }
      return undefined;
    }
    const state: ReviewState = { uri, version, text, review: outcome.review, toRange, ms: outcome.ms };
    entry.result = state;
    entry.status = 'reviewed';
    entry.error = undefined;
    this.diagnostics.set(uri, outcome.review, toRange);
    const timing: ReviewTiming = {
      file: basename(uri),
      characters: text.length,
      engineMs: Math.round(outcome.ms * 10) / 10,
      totalMs: Date.now() - started,
    };
    this.timings.push(timing);
    if (this.timings.length > 200) this.timings.shift();
    this.log(
      `Reviewed ${timing.file} (${timing.characters} characters, ${outcome.review.findings.length} findings) ` +
        `in ${timing.engineMs} ms (${timing.totalMs} ms end to end)`,
    );
    this.emitter.fire(uri);
    return state;
  }

  /** The engine options for a document: defaults, then settings, then `.editorial-review.json`. */
  async optionsFor(uri: vscode.Uri): Promise<ReviewOptions> {
    const layers: PartialOptions[] = [];
    try {
      layers.push(validateOptions(readEngineSettings(uri), 'Settings (editorialReview.*)'));
    } catch (err) {
      this.showErrorOnce(`Editorial Review: ${err instanceof ConfigError ? err.message : String(err)}`);
    }
    const file = await this.config.layerFor(uri);
    if (file.error) this.showErrorOnce(`Editorial Review ignores a broken config file. ${file.error}`, file.uri);
    else if (file.options) layers.push(file.options);
    return resolveOptions(...layers);
  }

  private showErrorOnce(message: string, open?: vscode.Uri): void {
    if (this.shownErrors.has(message)) return;
    this.shownErrors.add(message);
    this.log(message);
    const actions = open ? ['Open File'] : [];
    void vscode.window.showErrorMessage(message, ...actions).then(choice => {
      if (choice === 'Open File' && open) void vscode.window.showTextDocument(open);
    });
  }

  private notifyTooLarge(doc: vscode.TextDocument, entry: Entry, settings: ExtensionSettings): void {
    if (entry.notifiedTooLarge) return;
    entry.notifiedTooLarge = true;
    const message =
      `Editorial Review: ${basename(doc.uri)} has ${doc.getText().length.toLocaleString('en')} characters, ` +
      `more than editorialReview.maxFileSize (${settings.maxFileSize.toLocaleString('en')}); it is reviewed only on demand.`;
    this.log(message);
    void vscode.window.showInformationMessage(message, 'Review Now').then(choice => {
      if (choice === 'Review Now' && !doc.isClosed) void this.reviewDocument(doc, true);
    });
  }

  private entry(uri: vscode.Uri): Entry {
    const key = uri.toString();
    let e = this.entries.get(key);
    if (!e) {
      e = { generation: 0, status: 'idle' };
      this.entries.set(key, e);
    }
    return e;
  }

  private schedule(doc: vscode.TextDocument, delay: number, reason: string): void {
    const entry = this.entry(doc.uri);
    if (entry.timer) clearTimeout(entry.timer);
    // Bump now, so that a result in flight for the old text is dropped when it comes back.
    entry.generation++;
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      if (doc.isClosed || !this.isReviewable(doc)) return;
      void this.reviewDocument(doc, false).catch(err => this.log(`Review (${reason}) failed: ${String(err)}`));
    }, delay);
  }

  private onOpen(doc: vscode.TextDocument): void {
    if (!this.isReviewable(doc)) return;
    if (this.settings(doc.uri).run === 'manual') return;
    this.schedule(doc, 0, 'open');
  }

  private onChange(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0 || !this.isReviewable(e.document)) return;
    const s = this.settings(e.document.uri);
    const entry = this.entries.get(e.document.uri.toString());
    if (entry) entry.notifiedTooLarge = entry.status === 'tooLarge' ? entry.notifiedTooLarge : false;
    if (s.run !== 'onType') {
      // The stored result no longer matches the text; keep it (the diagnostics stay as they are) but
      // drop anything in flight.
      if (entry) entry.generation++;
      return;
    }
    this.schedule(e.document, s.debounce, 'change');
  }

  private onSave(doc: vscode.TextDocument): void {
    if (!this.isReviewable(doc)) return;
    if (this.settings(doc.uri).run === 'onSave') this.schedule(doc, 0, 'save');
  }

  private onClose(doc: vscode.TextDocument): void {
    if (!this.entries.has(doc.uri.toString())) return;
    this.forget(doc.uri);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const entry = this.entries.get(key);
    if (entry) {
      entry.generation++;
      if (entry.timer) clearTimeout(entry.timer);
    }
    this.entries.delete(key);
    this.client.forget(key);
    this.diagnostics.delete(uri);
    this.emitter.fire(uri);
  }
}

export function basename(uri: vscode.Uri): string {
  const p = uri.path;
  return p.slice(p.lastIndexOf('/') + 1) || uri.toString();
}
