// The reviews of documents: runs them in the worker, keeps the latest result of each document (for
// the code actions, the views and the status bar), drops results that a newer edit or a close has
// made stale (a generation counter per document) and publishes the diagnostics. When reviews are
// triggered is reviewTriggers.ts's job; the options come from reviewOptions.ts.
import * as vscode from 'vscode';
import { Review, ReviewOptions } from '../../core/model/types';
import type { FileFingerprint, FileStamp } from '../../core/collection/fingerprint';
import { DiagnosticsPublisher, RangeConverter, documentRanges, textRanges } from '../common/diagnostics';
import { Notices } from './notices';
import { ReviewClient } from './reviewClient';
import { optionsFor } from './reviewOptions';
import { DocStatus, ReviewState, ReviewTiming, basename } from './reviewState';
import { isReviewableDocument, isReviewableKind, turnedOffBy } from './reviewable';
import { ExtensionSettings, SettingsCache } from '../config/settings';
import { WorkspaceConfig } from '../config/workspaceConfig';

export type { DocStatus, ReviewState, ReviewTiming } from './reviewState';
export { basename } from './reviewState';

/** What the workspace's collection (collection/) adds to reviews; set when a folder is open. */
export interface CrossFileHook {
  /** The stamp under which a file of the collection is fingerprinted by its review; undefined outside the collection. */
  stampFor(uri: vscode.Uri): FileStamp | undefined;
  /** The review with the file's findings across files (the same review when there are none). */
  merge(uri: vscode.Uri, text: string, review: Review, fingerprint: FileFingerprint | undefined, options: ReviewOptions): Review;
  /** The same for another text of the file, kept nowhere (what Remove All would leave). */
  asIf(text: string, review: Review, fingerprint: FileFingerprint | undefined, options: ReviewOptions): Review;
}

interface Entry {
  generation: number;
  timer?: NodeJS.Timeout;
  result?: ReviewState;
  status: DocStatus;
  /** Length of a document skipped for its size. */
  skippedLength?: number;
  error?: string;
}

export class Reviewer implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly settingsCache = new SettingsCache();
  readonly notices: Notices;
  readonly timings: ReviewTiming[] = [];
  /** Fires when a document's review state changed (result, pending, cleared, skipped). */
  readonly onDidUpdate = this.emitter.event;
  /** Findings across the files of the workspace (collection/), when a folder is open. */
  crossFile: CrossFileHook | undefined;

  constructor(
    private readonly client: ReviewClient,
    private readonly config: WorkspaceConfig,
    private readonly diagnostics: DiagnosticsPublisher,
    private readonly log: (line: string) => void,
  ) {
    this.notices = new Notices(log);
  }

  dispose(): void {
    for (const e of this.entries.values()) if (e.timer) clearTimeout(e.timer);
    this.emitter.dispose();
    this.settingsCache.dispose();
  }

  /** The extension's settings for a document (cached until the configuration changes). */
  settings(uri?: vscode.Uri): ExtensionSettings {
    return this.settingsCache.get(uri);
  }

  isReviewable(doc: vscode.TextDocument): boolean {
    return isReviewableDocument(doc, this.settings(doc.uri));
  }

  /** A document of a reviewed kind (language, scheme), even if its review is turned off. */
  isReviewableKind(doc: vscode.TextDocument): boolean {
    return isReviewableKind(doc, this.settings(doc.uri));
  }

  /** The pattern of editorialReview.ignoredFiles that turns a file's review off, if any. */
  turnedOffBy(uri: vscode.Uri): string | undefined {
    return turnedOffBy(uri, this.settings(uri));
  }

  /** Whether a review of the document is running or scheduled. */
  reviewComing(uri: vscode.Uri): boolean {
    const e = this.entries.get(uri.toString());
    return !!e && (e.status === 'pending' || e.timer !== undefined);
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

  has(uri: vscode.Uri): boolean {
    return this.entries.has(uri.toString());
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
        // A configuration change re-reviews what is shown, whatever the trigger setting says,
        // except for documents that only run on demand.
        if (this.settings(doc.uri).run === 'manual' && !this.get(doc.uri)) continue;
        this.schedule(doc, 0, reason);
      } else if (this.has(doc.uri)) {
        this.forget(doc.uri);
      }
    }
  }

  /** Reviews every open document that has been reviewed, now, and waits for the results. */
  async reviewAgainAllReviewed(): Promise<void> {
    const docs = vscode.workspace.textDocuments.filter(d => this.isReviewable(d) && this.get(d.uri));
    await Promise.all(docs.map(d => this.reviewDocument(d, false)));
    // A file-watcher event may have started a newer review meanwhile: wait for that one too.
    await Promise.all(docs.filter(d => this.status(d.uri).status !== 'tooLarge').map(d => this.settle(d, 10000).catch(() => undefined)));
  }

  /**
   * Clears every problem and stored result (they come back with the next edit or review). The
   * documents stay known as `cleared`, so that every view says so rather than "not reviewed".
   */
  clearAll(): void {
    for (const [, e] of this.entries) {
      e.generation++;
      if (e.timer) clearTimeout(e.timer);
      e.timer = undefined;
      e.result = undefined;
      e.status = 'cleared';
      e.error = undefined;
    }
    const uris = [...this.entries.keys()].map(k => vscode.Uri.parse(k));
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
      entry.skippedLength = text.length;
      const kept = entry.result;
      if (kept && kept.version !== version && kept.text === text) {
        // The text is back to what was reviewed (an edit undone): the result holds again.
        entry.result = { ...kept, version, toRange: documentRanges(doc) };
        entry.status = 'reviewed';
        this.diagnostics.set(doc.uri, kept.review, entry.result.toRange);
        this.emitter.fire(doc.uri);
        return entry.result;
      }
      entry.status = 'tooLarge';
      this.emitter.fire(doc.uri);
      this.notices.tooLarge(doc, settings.maxFileSize, () => void this.reviewDocument(doc, true));
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

  /**
   * The review another text of a file would get (what Remove All would leave), with its findings
   * across files: nothing is shown, kept or indexed, and the document's own state in the worker is
   * left alone. Undefined when cancelled or when the worker is gone.
   */
  async reviewAsIf(uri: vscode.Uri, text: string, token?: vscode.CancellationToken): Promise<Review | undefined> {
    const options = await this.optionsFor(uri);
    const key = `${uri.toString()}#as-if`;
    try {
      const outcome = await this.client.review(key, text, options, token, this.crossFile?.stampFor(uri));
      if (!outcome) return undefined;
      return this.crossFile ? this.crossFile.asIf(text, outcome.review, outcome.fingerprint, options) : outcome.review;
    } finally {
      this.client.forget(key);
    }
  }

  /** The engine options for a document: defaults, then settings, then `.editorial-review.json`. */
  optionsFor(uri: vscode.Uri): Promise<ReviewOptions> {
    return optionsFor(uri, this.config, this.notices);
  }

  /** Reviews a document after `delay` ms (a newer call replaces an older one). */
  schedule(doc: vscode.TextDocument, delay: number, reason: string): void {
    const entry = this.entry(doc.uri);
    if (entry.timer) clearTimeout(entry.timer);
    // Bump now, so that a result in flight for the old text is dropped when it comes back.
    entry.generation++;
    const wasComing = entry.timer !== undefined || entry.status === 'pending';
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      if (doc.isClosed || !this.isReviewable(doc)) return;
      void this.reviewDocument(doc, false).catch(err => this.log(`Review (${reason}) failed: ${String(err)}`));
    }, delay);
    // The views show "reviewing" from now (once per wait, not on every keystroke).
    if (!wasComing) this.emitter.fire(doc.uri);
  }

  /**
   * Drops anything in flight for a document, keeping its last result (and its diagnostics): the
   * views then show that result as stale.
   */
  invalidate(uri: vscode.Uri): void {
    const entry = this.entries.get(uri.toString());
    if (!entry) return;
    entry.generation++;
    if (entry.status === 'pending') entry.status = entry.result ? 'reviewed' : 'idle';
    this.emitter.fire(uri);
  }

  /** Forgets a document: its result, its diagnostics and the worker's state for it. */
  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const entry = this.entries.get(key);
    if (entry) {
      entry.generation++;
      if (entry.timer) clearTimeout(entry.timer);
    }
    this.entries.delete(key);
    this.notices.resetTooLarge(uri);
    this.client.forget(key);
    this.diagnostics.delete(uri);
    this.emitter.fire(uri);
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
    let options: ReviewOptions;
    try {
      options = await this.optionsFor(uri);
      if (generation !== entry.generation) return undefined;
      outcome = await this.client.review(uri.toString(), text, options, token, this.crossFile?.stampFor(uri));
    } catch (err) {
      if (generation !== entry.generation) return undefined;
      entry.status = 'failed';
      entry.error = err instanceof Error ? err.message : String(err);
      this.log(`Review of ${uri.fsPath || uri.toString()} failed: ${err instanceof Error ? err.stack : String(err)}`);
      this.notices.errorOnce(`Editorial Review could not review ${basename(uri)}: ${entry.error.split('\n')[0]}`);
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
    const review = this.crossFile ? this.crossFile.merge(uri, text, outcome.review, outcome.fingerprint, options) : outcome.review;
    const state: ReviewState = { uri, version, text, review, toRange, ms: outcome.ms };
    entry.result = state;
    entry.status = 'reviewed';
    entry.error = undefined;
    this.diagnostics.set(uri, review, toRange);
    this.recordTiming(uri, text.length, outcome.ms, started, outcome.review.findings.length);
    this.emitter.fire(uri);
    return state;
  }

  /** Shows another review of the text last reviewed (its findings across files changed); nothing when the text moved on. */
  republish(uri: vscode.Uri, text: string, review: Review): void {
    const entry = this.entries.get(uri.toString());
    if (!entry?.result || entry.result.text !== text) return;
    entry.result = { ...entry.result, review };
    this.diagnostics.set(uri, review, entry.result.toRange);
    this.emitter.fire(uri);
  }

  private recordTiming(uri: vscode.Uri, characters: number, engineMs: number, started: number, findings: number): void {
    const timing: ReviewTiming = { file: basename(uri), characters, engineMs: Math.round(engineMs * 10) / 10, totalMs: Date.now() - started };
    this.timings.push(timing);
    if (this.timings.length > 200) this.timings.shift();
    this.log(
      `Reviewed ${timing.file} (${timing.characters} characters, ${findings} findings) ` +
        `in ${timing.engineMs} ms (${timing.totalMs} ms end to end)`,
    );
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
}
