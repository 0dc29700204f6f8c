// `.editorial-review.json`: finding it for a document (nearest one from the document's folder up to
// its workspace folder, as the CLI does), reading and validating it (cached, re-read when the file
// watcher reports a change), and adding silenced terms / cues to it.
// No config file is the normal case and is never an error.
import * as path from 'path';
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, ConfigError, PartialOptions, parseConfigText } from '../core/config';

export type IgnoreList = 'ignoredTerms' | 'ignoredCues';

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
  /** Directory URI string → config URI found for it (null: none). */
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

  /** The nearest existing config file for a document, or undefined. */
  async find(docUri: vscode.Uri): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(docUri);
    let dir: vscode.Uri;
    if (docUri.scheme === 'untitled') {
      const first = vscode.workspace.workspaceFolders?.[0];
      if (!first) return undefined;
      dir = first.uri;
    } else {
      dir = vscode.Uri.joinPath(docUri, '..');
    }
    const stop = folder?.uri.toString();
    const visited: string[] = [];
    let found: vscode.Uri | undefined;
    for (;;) {
      const key = dir.toString();
      const known = this.lookup.get(key);
      if (known !== undefined) {
        found = known ?? undefined;
        break;
      }
      visited.push(key);
      const candidate = vscode.Uri.joinPath(dir, CONFIG_FILE_NAME);
      if (await this.isFile(candidate)) {
        found = candidate;
        break;
      }
      if (key === stop) break;
      const parent = vscode.Uri.joinPath(dir, '..');
      // Inside a workspace folder the walk stops at the folder; outside one, at the root.
      if (parent.toString() === key) break;
      dir = parent;
    }
    for (const key of visited) this.lookup.set(key, found ?? null);
    return found;
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
   * Adds a term or cue to a silencing list of the config file for a document (creating the file
   * at the workspace root if there is none) and returns the file. Throws a readable Error when the
   * existing file is broken (it is never overwritten then).
   */
  async addIgnored(docUri: vscode.Uri | undefined, list: IgnoreList, value: string): Promise<vscode.Uri> {
    const target = (docUri && (await this.find(docUri))) || this.defaultLocation(docUri);
    if (!target) throw new Error(`Open a folder to create ${CONFIG_FILE_NAME}.`);
    let text: string | undefined;
    try {
      text = decoder.decode(await vscode.workspace.fs.readFile(target));
    } catch {
      text = undefined;
    }
    let data: Record<string, unknown> = {};
    if (text !== undefined && text.trim() !== '') {
      const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      try {
        parseConfigText(clean, target.fsPath || target.toString());
      } catch (err) {
        throw new Error(`${err instanceof Error ? err.message : String(err)}\nFix the file, then try again.`);
      }
      data = JSON.parse(clean) as Record<string, unknown>;
    }
    const current = Array.isArray(data[list]) ? (data[list] as unknown[]).filter((v): v is string => typeof v === 'string') : [];
    const lower = value.trim().toLowerCase();
    if (!current.some(v => v.trim().toLowerCase() === lower)) current.push(value.trim());
    data[list] = current;
    const indent = text ? detectIndent(text) : 2;
    const output = JSON.stringify(data, null, indent) + '\n';
    await vscode.workspace.fs.writeFile(target, Buffer.from(output, 'utf8'));
    // Use the new content at once; the watcher's later event finds it unchanged.
    this.cache.set(target.toString(), { text: output, layer: this.parse(target, output) });
    this.lookup.clear();
    return target;
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

function detectIndent(text: string): number | string {
  const m = /\n([ \t]+)"/.exec(text);
  if (!m) return 2;
  return m[1].startsWith('\t') ? '\t' : m[1].length;
}
