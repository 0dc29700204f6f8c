// `.editorial-review.json`: finding it for a document (the nearest one from the document's folder
// up to the root, with the CLI's finder, src/node/configFile.ts), reading and validating it (cached,
// re-read when the file watcher reports a change), and rewriting it for the silencing commands.
// No config file is the normal case and is never an error.
import * as path from 'path';
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, ConfigError, PartialOptions, parseConfigText } from '../../core/options/config';
import { findConfigFile } from '../../node/configFile';

/** A change made to a config file: enough to undo it. */
export interface ConfigFileChange {
  uri: vscode.Uri;
  /** The file did not exist before. */
  created: boolean;
  before: string;
  after: string;
}

export interface ConfigLayer {
  /** The file the layer comes from, if any. */
  uri?: vscode.Uri;
  options?: PartialOptions;
  /** A readable problem with the file (then `options` is undefined and the file is not used). */
  error?: string;
}

interface CacheEntry {
  text: string | undefined;
  layer: ConfigLayer;
}

const decoder = new TextDecoder('utf-8');

function isConfigUri(uri: vscode.Uri): boolean {
  return path.posix.basename(uri.path) === CONFIG_FILE_NAME;
}

export class WorkspaceConfig implements vscode.Disposable {
  private readonly cache = new Map<string, CacheEntry>();
  /** Folder path → config file found for it (null: none). */
  private readonly lookup = new Map<string, vscode.Uri | null>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires when a config file was created, changed or deleted (after the cache was refreshed). */
  readonly onDidChange = this.emitter.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    this.disposables.push(
      watcher,
      watcher.onDidCreate(uri => void this.changed(uri, true)),
      watcher.onDidDelete(uri => void this.changed(uri, true)),
      watcher.onDidChange(uri => void this.changed(uri, false)),
      // Edits saved from an editor (the watcher can be late); also catches files outside folders.
      vscode.workspace.onDidSaveTextDocument(doc => {
        if (isConfigUri(doc.uri)) void this.changed(doc.uri, false);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.lookup.clear()),
      this.emitter,
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** Where a config file for a document would live when none exists yet. */
  defaultLocation(docUri: vscode.Uri | undefined): vscode.Uri | undefined {
    const folder = (docUri && vscode.workspace.getWorkspaceFolder(docUri)) || vscode.workspace.workspaceFolders?.[0];
    if (folder) return vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
    if (docUri && docUri.scheme === 'file') return vscode.Uri.joinPath(docUri, '..', CONFIG_FILE_NAME);
    return undefined;
  }

  /**
   * The nearest existing config file for a document, or undefined: the CLI's search, from the
   * document's folder up to the root (an untitled document: from the first workspace folder).
   */
  async find(docUri: vscode.Uri): Promise<vscode.Uri | undefined> {
    let dir: string | undefined;
    if (docUri.scheme === 'file') dir = path.dirname(docUri.fsPath);
    else if (docUri.scheme === 'untitled') {
      const first = vscode.workspace.workspaceFolders?.[0];
      if (first?.uri.scheme === 'file') dir = first.uri.fsPath;
    }
    if (dir === undefined) return undefined;
    let found = this.lookup.get(dir);
    if (found === undefined) {
      const file = findConfigFile(dir);
      found = file ? vscode.Uri.file(file) : null;
      if (this.lookup.size > 1000) this.lookup.clear();
      this.lookup.set(dir, found);
    }
    return found ?? undefined;
  }

  /** The options layer of the config file that applies to a document. */
  async layerFor(docUri: vscode.Uri): Promise<ConfigLayer> {
    const uri = await this.find(docUri);
    if (!uri) return {};
    return this.read(uri);
  }

  /** Reads (or returns the cached reading of) a config file. */
  async read(uri: vscode.Uri): Promise<ConfigLayer> {
    const key = uri.toString();
    const cached = this.cache.get(key);
    if (cached) return cached.layer;
    const entry = await this.load(uri);
    this.cache.set(key, entry);
    return entry.layer;
  }

  /**
   * Rewrites the config file for a document (creating it at the workspace root if there is none)
   * with `change`, which gets the current text ('' for a new file) and returns the new one.
   * Throws a readable Error when the existing file is broken (it is never overwritten then).
   */
  async edit(docUri: vscode.Uri | undefined, change: (text: string) => string): Promise<ConfigFileChange> {
    const target = (docUri && (await this.find(docUri))) || this.defaultLocation(docUri);
    if (!target) throw new Error(`Open a folder to create ${CONFIG_FILE_NAME}.`);
    let text: string | undefined;
    try {
      text = decoder.decode(await vscode.workspace.fs.readFile(target));
    } catch {
      text = undefined;
    }
    const before = text ?? '';
    if (before.trim() !== '') {
      try {
        parseConfigText(before, target.fsPath || target.toString());
      } catch (err) {
        throw new Error(`${err instanceof Error ? err.message : String(err)}\nFix the file, then try again.`);
      }
    }
    const after = change(before);
    if (after !== before) await this.write(target, after);
    return { uri: target, created: text === undefined, before, after };
  }

  /** Writes a config file and uses its new content at once (the watcher's later event finds it unchanged). */
  async write(uri: vscode.Uri, text: string): Promise<void> {
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    this.cache.set(uri.toString(), { text, layer: this.parse(uri, text) });
    this.lookup.clear();
  }

  /** Deletes a config file this extension created (undo), forgetting it at once. */
  async remove(uri: vscode.Uri): Promise<void> {
    await vscode.workspace.fs.delete(uri);
    this.cache.delete(uri.toString());
    this.lookup.clear();
  }

  private async isFile(uri: vscode.Uri): Promise<boolean> {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      return (stat.type & vscode.FileType.File) !== 0;
    } catch {
      return false;
    }
  }

  private async load(uri: vscode.Uri): Promise<CacheEntry> {
    let text: string;
    try {
      text = decoder.decode(await vscode.workspace.fs.readFile(uri));
    } catch (err) {
      return { text: undefined, layer: { uri, error: `${uri.fsPath}: cannot read the config file (${String(err)})` } };
    }
    return { text, layer: this.parse(uri, text) };
  }

  private parse(uri: vscode.Uri, text: string): ConfigLayer {
    try {
      return { uri, options: parseConfigText(text, uri.fsPath || uri.toString()) };
    } catch (err) {
      const message = err instanceof ConfigError || err instanceof Error ? err.message : String(err);
      return { uri, error: message };
    }
  }

  private async changed(uri: vscode.Uri, structural: boolean): Promise<void> {
    const key = uri.toString();
    if (structural) this.lookup.clear();
    const before = this.cache.get(key);
    if (!(await this.isFile(uri))) {
      // Deleted.
      this.cache.delete(key);
      if (before || structural) this.emitter.fire(uri);
      return;
    }
    const entry = await this.load(uri);
    this.cache.set(key, entry);
    // Skip events for content already in use (e.g. our own write).
    if (before && entry.text === before.text) return;
    this.emitter.fire(uri);
  }
}
