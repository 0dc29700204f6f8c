// The workspace's collection index: the fingerprints of the reviewable files of the open folders
// (collectionSettings.ts), built in the index worker with progress in the status bar (files done
// of total, MB/s, time left; Stop Indexing cancels), loaded from and kept in the extension's
// workspace storage (a file whose size and modification time are unchanged is not read again),
// and kept current: a review of an open file gives its fingerprint (crossFileReviews.ts), files
// created, changed, deleted or renamed outside an editor are read again or moved. Every change
// fires the paths whose links may have changed.
import * as fs from 'fs';
import * as vscode from 'vscode';
import { CollectionIndex } from '../../core/collection/collectionIndex';
import type { FileFingerprint, FileStamp } from '../../core/collection/fingerprint';
import type { FileLinks, Story } from '../../core/collection/links';
import { textHash } from '../../core/rules/articleVersions';
import { isReportFileName } from '../../core/report/reportFiles';
import type { ReviewOptions } from '../../core/model/types';
import { findOpenDocument } from '../review/reviewState';
import { CollectionSettings, collectionKey, inCollection, readCollectionSettings } from './collectionSettings';
import { IndexClient } from './indexClient';
import { IndexStorage } from './indexStorage';
import { IndexProgress } from './indexProgress';

export interface IndexReport {
  /** Files in the collection. */
  files: number;
  /** Taken from the stored index (or kept from before) without reading them. */
  fromStore: number;
  /** Read and fingerprinted. */
  reread: number;
  skipped: string[];
  cancelled: boolean;
  ms: number;
  /** Bytes read. */
  bytes: number;
  /** What the index holds in memory (CollectionIndex.memoryBytes). */
  memoryBytes: number;
}

const PERSIST_DELAY_MS = 2000;
const DELETE_DELAY_MS = 250;
/** UTF-8 takes at most 4 bytes a character: a file this many times the character limit is too long, unread. */
const BYTES_PER_CHARACTER = 4;

/** Whether a fingerprint was taken of the file as it is on disk (times in whole milliseconds: file systems and APIs round them differently). */
function sameStamp(fp: FileStamp, stat: vscode.FileStat): boolean {
  return fp.size === stat.size && Math.abs(fp.mtimeMs - stat.mtime) < 1;
}

export class WorkspaceIndex implements vscode.Disposable {
  private index: CollectionIndex | undefined;
  private readonly uris = new Map<string, vscode.Uri>();
  private settings: CollectionSettings = readCollectionSettings();
  private key = '';
  private firstBuild = true;
  private build: vscode.CancellationTokenSource | undefined;
  private events: Promise<void> = Promise.resolve();
  private persistTimer: NodeJS.Timeout | undefined;
  private readonly emitter = new vscode.EventEmitter<string[]>();
  private readonly buildEmitter = new vscode.EventEmitter<IndexReport>();
  /** Fires the paths whose links may have changed. */
  readonly onDidChange = this.emitter.event;
  /** Fires when a build ends (done or stopped). */
  readonly onDidBuild = this.buildEmitter.event;
  lastReport: IndexReport | undefined;
  /** Resolves when the running (or last) build ends. */
  ready: Promise<IndexReport | undefined> = Promise.resolve(undefined);

  constructor(
    private readonly client: IndexClient,
    private readonly storage: IndexStorage,
    private readonly optionsFor: (uri: vscode.Uri) => Promise<ReviewOptions>,
    private readonly log: (line: string) => void,
  ) {}

  /** Whether a collection is kept (a folder is open and the setting allows it). */
  get active(): boolean {
    return this.index !== undefined;
  }

  get enabled(): boolean {
    return this.settings.enabled && (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  }

  /** A file's name in the collection, when it belongs to it. */
  keyOf(uri: vscode.Uri): string | undefined {
    return this.enabled && inCollection(uri, this.settings) && !isReportFileName(uri.path) ? collectionKey(uri) : undefined;
  }

  uriOf(path: string): vscode.Uri | undefined {
    return this.uris.get(path);
  }

  get(path: string): FileFingerprint | undefined {
    return this.index?.get(path);
  }

  linksFor(path: string): FileLinks | undefined {
    return this.index?.get(path) ? this.index.linksFor(path) : undefined;
  }

  /** The links the file would have with another text of it (`fp`), the index left as it was; undefined outside the index. */
  linksAsIf(fp: FileFingerprint): FileLinks | undefined {
    return this.index?.get(fp.path) ? this.index.linksAsIf(fp) : undefined;
  }

  stories(): Story[] {
    return this.index?.stories() ?? [];
  }

  paths(): string[] {
    return this.index?.paths() ?? [];
  }

  memoryBytes(): number {
    return this.index?.memoryBytes() ?? 0;
  }

  /**
   * The stamp under which a review fingerprints a file of the collection: its size and
   * modification time on disk, the size -1 while the editor holds unsaved changes (such a
   * fingerprint is never taken for the file on disk).
   */
  stampFor(uri: vscode.Uri): FileStamp | undefined {
    const path = this.keyOf(uri);
    if (!path) return undefined;
    let size = -1;
    let mtimeMs = 0;
    if (uri.scheme === 'file') {
      try {
        const stat = fs.statSync(uri.fsPath);
        mtimeMs = stat.mtimeMs;
        if (!findOpenDocument(uri.toString())?.isDirty) size = stat.size;
      } catch {
        // Not on disk (yet): an unsaved stamp.
      }
    }
    return { path, size, mtimeMs };
  }

  /** A fingerprint from the review of a file (open, or read by Review Workspace); returns the other paths whose links may have changed. */
  accept(uri: vscode.Uri, fp: FileFingerprint): void {
    if (!this.index) return;
    this.uris.set(fp.path, uri);
    const paths = this.index.update(fp).filter(p => p !== fp.path);
    this.changed(paths);
  }

  /** Lists the collection and brings the index up to date, reading what changed; the previous build stops. */
  rebuild(): Promise<IndexReport | undefined> {
    this.build?.cancel();
    const cts = new vscode.CancellationTokenSource();
    this.build = cts;
    this.ready = this.runBuild(cts.token).finally(() => {
      if (this.build === cts) this.build = undefined;
      cts.dispose();
    });
    return this.ready;
  }

  /** Stops the running build (what is indexed so far stays). */
  stop(): void {
    this.build?.cancel();
  }

  /**
   * Stores the index and forgets it in memory, runs `whileClosed` (what happens to the files while
   * no window watches them), then builds the index again from the stored one: what closing and
   * reopening the workspace does.
   */
  async reload(whileClosed?: () => Promise<void>): Promise<IndexReport | undefined> {
    this.build?.cancel();
    await this.ready;
    await this.events;
    await this.persistNow();
    this.index = undefined;
    this.uris.clear();
    this.firstBuild = true;
    await whileClosed?.();
    return this.rebuild();
  }

  private async runBuild(token: vscode.CancellationToken): Promise<IndexReport | undefined> {
    this.settings = readCollectionSettings();
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (!this.enabled) {
      const had = this.index?.paths() ?? [];
      this.index = undefined;
      this.uris.clear();
      this.changed(had);
      return undefined;
    }
    const started = Date.now();
    const options = await this.optionsFor(vscode.Uri.joinPath(folders[0].uri, '.editorial-review.json'));
    const key = JSON.stringify(options);
    const indexOptions = { order: this.settings.order, nearDuplicateThreshold: options.nearDuplicateThreshold, nearDuplicates: options.rules['near-duplicate'].enabled };
    // What is indexed now stays valid while the options are the same (the order is no part of a fingerprint).
    const known = new Map<string, FileFingerprint>();
    if (this.index && key === this.key) for (const p of this.index.paths()) known.set(p, this.index.get(p) as FileFingerprint);
    if (this.firstBuild) {
      this.firstBuild = false;
      const stored = await this.storage.load();
      if (stored?.key === key) for (const fp of stored.fingerprints) if (!known.has(fp.path)) known.set(fp.path, fp);
    }
    this.key = key;
    const index = new CollectionIndex(indexOptions);
    const previous = this.index;
    this.index = index;
    const report: IndexReport = { files: 0, fromStore: 0, reread: 0, skipped: [], cancelled: false, ms: 0, bytes: 0, memoryBytes: 0 };
    await vscode.commands.executeCommand('setContext', 'editorialReview.indexing', true);
    try {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Editorial Review' }, async progress => {
        progress.report({ message: 'listing the files of the collection…' });
        const found = await vscode.workspace.findFiles(this.settings.include, undefined, this.settings.maxFiles, token);
        const toRead: { uri: vscode.Uri; stamp: FileStamp }[] = [];
        for (const uri of found) {
          if (token.isCancellationRequested) break;
          const path = this.keyOf(uri);
          if (!path) continue;
          let stat: vscode.FileStat;
          try {
            stat = await vscode.workspace.fs.stat(uri);
          } catch {
            continue;
          }
          report.files++;
          this.uris.set(path, uri);
          const had = known.get(path);
          const open = findOpenDocument(uri.toString());
          if (had && (sameStamp(had, stat) || (open && previous?.get(path) === had))) {
            // Unchanged on disk, or an open file whose review gave this fingerprint.
            index.set(had);
            report.fromStore++;
          } else if (stat.size > this.settings.maxFileSize * BYTES_PER_CHARACTER) {
            report.skipped.push(`${path} (too large)`);
          } else {
            toRead.push({ uri, stamp: { path, size: stat.size, mtimeMs: stat.mtime } });
          }
        }
        const meter = new IndexProgress(toRead.reduce((n, f) => n + f.stamp.size, 0), toRead.length);
        let next = toRead.length > 0 ? this.readBytes(toRead[0].uri) : undefined;
        for (let i = 0; i < toRead.length && !token.isCancellationRequested; i++) {
          const { uri, stamp } = toRead[i];
          const bytes = await next;
          next = i + 1 < toRead.length ? this.readBytes(toRead[i + 1].uri) : undefined;
          if (!bytes) continue;
          progress.report({ message: meter.message(i) });
          const result = await this.fingerprint(uri, bytes, stamp);
          meter.done(stamp.size);
          report.bytes += stamp.size;
          if (result && 'fingerprint' in result) {
            // An open file reviewed meanwhile keeps what its review gave.
            if (!index.get(stamp.path)) index.set(result.fingerprint);
            report.reread++;
          } else if (result) report.skipped.push(`${stamp.path} (${result.skipped})`);
        }
        await next;
      });
    } finally {
      await vscode.commands.executeCommand('setContext', 'editorialReview.indexing', false);
    }
    report.cancelled = token.isCancellationRequested;
    report.ms = Date.now() - started;
    report.memoryBytes = index.memoryBytes();
    this.lastReport = report;
    this.log(
      `Collection index: ${report.files} files (${report.fromStore} unchanged, ${report.reread} read, ${(report.bytes / 1e6).toFixed(1)} MB) ` +
        `in ${report.ms} ms, ${(report.memoryBytes / 1e6).toFixed(1)} MB in memory${report.cancelled ? ' (stopped)' : ''}` +
        `${report.skipped.length ? `; skipped ${report.skipped.join(', ')}` : ''}`,
    );
    this.changed([...new Set([...index.paths(), ...(previous?.paths() ?? [])])]);
    this.buildEmitter.fire(report);
    return report;
  }

  private async readBytes(uri: vscode.Uri): Promise<Uint8Array | undefined> {
    try {
      return await vscode.workspace.fs.readFile(uri);
    } catch {
      return undefined;
    }
  }

  private async fingerprint(uri: vscode.Uri, bytes: Uint8Array, stamp: FileStamp) {
    try {
      // A copy the worker may take (a Buffer from readFile may share its memory with others).
      const own = new Uint8Array(bytes.byteLength);
      own.set(bytes);
      return await this.client.fingerprint(own, stamp, await this.optionsFor(uri), this.settings.maxFileSize);
    } catch (err) {
      this.log(`Could not index ${stamp.path}: ${String(err)}`);
      return undefined;
    }
  }

  // ---- Files changed outside the editor -----------------------------------------------------

  /**
   * A file was created or changed on disk (`saved`: saved from its editor, whose review already
   * gave the fingerprint of that text). A file with unsaved changes is left to its reviews.
   */
  fileChanged(uri: vscode.Uri, saved = false): void {
    if (!this.index || !vscode.workspace.getWorkspaceFolder(uri)) return;
    const path = this.keyOf(uri);
    if (!path) {
      // A folder created (or moved in) is reported alone, without the files inside it.
      if (uri.scheme === 'file' && !saved) this.serial(() => this.folderAdded(uri));
      return;
    }
    this.serial(async () => {
      const index = this.index;
      if (!index) return;
      let stat: vscode.FileStat;
      try {
        stat = await vscode.workspace.fs.stat(uri);
      } catch {
        return;
      }
      if (stat.type & vscode.FileType.Directory) return;
      const had = index.get(path);
      if (had && sameStamp(had, stat)) return;
      const open = findOpenDocument(uri.toString());
      if (open?.isDirty) return;
      if (saved && open && had && had.contentHash === textHash(open.getText())) {
        // The fingerprint its review gave now stands for the file on disk.
        had.size = stat.size;
        had.mtimeMs = stat.mtime;
        this.schedulePersist();
        return;
      }
      const bytes = await this.readBytes(uri);
      const result = bytes && (await this.fingerprint(uri, bytes, { path, size: stat.size, mtimeMs: stat.mtime }));
      if (this.index !== index) return;
      this.uris.set(path, uri);
      if (result && 'fingerprint' in result) this.changed(index.update(result.fingerprint));
      else if (had) this.changed(index.remove(path));
    });
  }

  private async folderAdded(uri: vscode.Uri): Promise<void> {
    try {
      if (!((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory)) return;
    } catch {
      return;
    }
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*'), undefined, this.settings.maxFiles);
    for (const file of found) if (this.keyOf(file)) this.fileChanged(file);
  }

  /** A file or folder was deleted (a rename also deletes: handled when the file is still gone a moment later). */
  fileDeleted(uri: vscode.Uri): void {
    if (!this.index || !vscode.workspace.getWorkspaceFolder(uri)) return;
    const path = collectionKey(uri);
    if (!path) return;
    this.serial(async () => {
      await new Promise(r => setTimeout(r, DELETE_DELAY_MS));
      const index = this.index;
      if (!index) return;
      const gone = index.paths().filter(p => p === path || p.startsWith(`${path}/`));
      const paths: string[] = [];
      for (const p of gone) {
        paths.push(...index.remove(p));
        this.uris.delete(p);
      }
      if (gone.length > 0) this.changed(paths);
    });
  }

  /** Files or folders renamed in the editor: their fingerprints move (nothing is read again). */
  filesRenamed(files: readonly { oldUri: vscode.Uri; newUri: vscode.Uri }[]): void {
    if (!this.index) return;
    this.serial(async () => {
      const index = this.index;
      if (!index) return;
      const paths: string[] = [];
      for (const { oldUri, newUri } of files) {
        const from = collectionKey(oldUri);
        const to = collectionKey(newUri);
        if (!from) continue;
        for (const p of index.paths().filter(q => q === from || q.startsWith(`${from}/`))) {
          const target = to && p !== from ? `${to}${p.slice(from.length)}` : to;
          const targetUri = target ? vscode.Uri.joinPath(newUri, p.slice(from.length)) : undefined;
          this.uris.delete(p);
          if (target && targetUri && this.keyOf(targetUri)) {
            paths.push(...index.rename(p, target));
            this.uris.set(target, targetUri);
          } else paths.push(...index.remove(p));
        }
      }
      this.changed(paths);
    });
  }

  /**
   * Checks on disk the files that `uri`'s links point into (what its cross-file findings rest on):
   * any whose size or modification time differs from its fingerprint, or which is gone, is handled
   * as a change or a deletion — what the watcher would have said, had its event come. Cheap: the
   * links are cached, and a stat per file.
   */
  checkNeighbours(uri: vscode.Uri): void {
    const index = this.index;
    const path = this.keyOf(uri);
    if (!index || !path || !index.get(path)) return;
    const links = index.linksFor(path);
    const others = new Set<string>([...links.articles.map(l => l.original.path), ...links.paragraphs.map(l => l.original.path)]);
    this.serial(async () => {
      for (const other of others) {
        const otherUri = this.uris.get(other);
        const had = this.index?.get(other);
        if (!otherUri || !had || findOpenDocument(otherUri.toString())) continue;
        try {
          if (!sameStamp(had, await vscode.workspace.fs.stat(otherUri))) this.fileChanged(otherUri);
        } catch {
          this.fileDeleted(otherUri);
        }
      }
    });
  }

  /** Resolves when the file events received so far are handled. */
  settled(): Promise<void> {
    return this.events;
  }

  private serial(task: () => Promise<void>): void {
    this.events = this.events.then(task).catch(err => this.log(`Collection index: ${String(err)}`));
  }

  private changed(paths: string[]): void {
    this.schedulePersist();
    if (paths.length > 0) this.emitter.fire(paths);
  }

  // ---- Storage ------------------------------------------------------------------------------

  private schedulePersist(): void {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => void this.persistNow(), PERSIST_DELAY_MS);
  }

  /** Writes the index to the workspace storage now (files with unsaved changes left out: they are read again). */
  async persistNow(): Promise<void> {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = undefined;
    const index = this.index;
    if (!index) return;
    const fingerprints = index.paths().map(p => index.get(p) as FileFingerprint).filter(fp => fp.size >= 0);
    await this.storage.save({ key: this.key, fingerprints });
  }

  dispose(): void {
    this.build?.cancel();
    if (this.persistTimer) {
      clearTimeout(this.persistTimer);
      void this.persistNow();
    }
    this.emitter.dispose();
    this.buildEmitter.dispose();
  }
}
